"""X (Twitter) archive `data/tweets.js`: JavaScript that is only ever parsed as JSON.

The file starts `window.YTD.tweets.part0 = ` (older archives: `window.YTD.tweet.part0`);
that assignment is cut off and the rest read with json.loads, never evaluated. A
`account.js` beside it names the account. Retweets ("RT @name: …") are reposts: their
`forwarded_from` is the original author.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from watchline.domain import Document, Source, SourceKind
from watchline.errors import Errors, InputError
from watchline.ingest.context import Blob, Items, ReadContext
from watchline.ingest.limits import decode_text
from watchline.ingest.media import media_digests
from watchline.ingest.report import Notice, Rejection
from watchline.ingest.telegram_scan import scan_list

PREFIX = re.compile(r"^\s*window\.YTD\.[A-Za-z0-9_]+\.part\d+\s*=\s*")
REPOST = re.compile(r"^RT @(\w{1,50}):")
CREATED = "%a %b %d %H:%M:%S %z %Y"


def parse_ytd(text: str, origin: str) -> Any:
    """The JSON value assigned in an archive file (the `window.YTD… =` prefix cut off)."""
    body = PREFIX.sub("", text, count=1)
    if not body.lstrip().startswith("["):
        raise InputError(Errors.E207, path=origin, reason="no 'window.YTD' array")
    try:
        return json.loads(body)
    except json.JSONDecodeError as exc:
        raise InputError(Errors.E203, path=origin, item="file", reason=exc) from None


def original_entries(text: str, entries: list[Any]) -> list[str] | None:
    """The exact text of each entry of the archive's array, if it can be cut out."""
    body = PREFIX.sub("", text, count=1)
    start = body.find("[") + 1
    scanned, _ = scan_list(body, start, json.JSONDecoder())
    return scanned.raws if scanned.failure is None and scanned.messages == entries else None


def read_x(blob: Blob, ctx: ReadContext) -> Items:
    text = decode_text(blob.data, blob.origin, "an X archive")
    tweets = parse_ytd(text, blob.origin)
    raws = original_entries(text, tweets)
    account = _account(Path(blob.origin).with_name("account.js"))
    username = account.get("username")
    name = f"@{username}" if username else account.get("accountDisplayName") or "X archive"
    source = ctx.source_for(SourceKind.X, name, handle=username)
    folder = Path(blob.origin).parent
    for position, entry in enumerate(tweets):
        tweet = entry.get("tweet", entry) if isinstance(entry, dict) else None
        raw = raws[position].encode("utf-8", "surrogatepass") if raws else None
        for item in _tweet(tweet, raw, position, blob, source, username):
            if isinstance(item, Document) and item.media and blob.url is None:
                _hash_media(item, folder, ctx.max_bytes)
            yield item


def _hash_media(document: Document, folder: Path, max_bytes: int) -> None:
    """Hash the archive's own copies of a tweet's media (tweets_media/<id>-<name>)."""
    tweet_id = document.key.removeprefix("x:")
    local = [f"tweets_media/{tweet_id}-{url.rsplit('/', 1)[-1]}" for url in document.media]
    digests = media_digests(folder, local, max_bytes)
    if digests:
        document.meta["media_sha256"] = digests


def _tweet(
    tweet: Any, raw: bytes | None, position: int, blob: Blob, source: Source, username: str | None
) -> Items:
    tweet_id = str(tweet.get("id_str") or tweet.get("id") or "") if isinstance(tweet, dict) else ""
    if not tweet_id.isdigit():
        yield Rejection.of(blob.origin, f"entry {position + 1}", Errors.E204, reason="no tweet id")
        return
    label = f"tweet {tweet_id}"
    text = tweet.get("full_text", tweet.get("text"))
    if not isinstance(text, str):
        yield Rejection.of(blob.origin, label, Errors.E204, reason="no full_text")
        return
    published = _created(tweet.get("created_at"))
    if published is None and tweet.get("created_at"):
        yield Notice.of(blob.origin, label, Errors.E211, value=tweet.get("created_at"))
    repost = REPOST.match(text)
    reply = tweet.get("in_reply_to_status_id_str")
    who = username or "i/web"
    yield Document(
        key=f"x:{tweet_id}",
        text=text,
        raw=raw or json.dumps(tweet, ensure_ascii=False, sort_keys=True).encode("utf-8", "replace"),
        source=source,
        published_at=published,
        retrieved_at=blob.retrieved_at,
        url=f"https://x.com/{who}/status/{tweet_id}",
        author=f"@{username}" if username else None,
        forwarded_from=f"@{repost.group(1)}" if repost else None,
        reply_to=f"x:{reply}" if reply else None,
        media=_media(tweet),
        meta=_meta(tweet, blob, bool(repost)),
    )


def _created(value: Any) -> datetime | None:
    try:
        return datetime.strptime(str(value), CREATED).astimezone(UTC)
    except ValueError:
        return None


def _media(tweet: dict[str, Any]) -> tuple[str, ...]:
    entities = tweet.get("extended_entities") or tweet.get("entities") or {}
    media = entities.get("media", []) if isinstance(entities, dict) else []
    return tuple(
        str(item["media_url_https"])
        for item in media
        if isinstance(item, dict) and item.get("media_url_https")
    )


def _meta(tweet: dict[str, Any], blob: Blob, repost: bool) -> dict[str, object]:
    meta: dict[str, object] = {"format": "x", "path": blob.origin, "repost": repost}
    for field in ("lang", "in_reply_to_screen_name", "favorite_count", "retweet_count"):
        if tweet.get(field) is not None:
            meta[field] = tweet[field]
    return meta


def _account(path: Path) -> dict[str, Any]:
    """The archive's account (username, display name) from account.js, if present."""
    try:
        entries = parse_ytd(path.read_text("utf-8-sig"), str(path))
        account = entries[0].get("account", {})
    except (OSError, UnicodeDecodeError, InputError, IndexError, AttributeError):
        return {}
    return account if isinstance(account, dict) else {}
