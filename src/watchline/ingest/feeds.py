"""RSS and Atom feeds with feedparser: one document per item, keyed on its GUID.

The feed is handed to feedparser as a stream (a string could be taken for a URL or a
path and opened). Each item's own XML is kept as its raw evidence when it can be cut
out of the feed, else the whole feed. An item whose date cannot be read is kept
without a publication time, with a notice: the retrieval time is recorded separately
and must not pose as the time of publication. With `follow`, each item's page is
fetched and its main text replaces the feed's summary.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import time
import xml.sax
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import feedparser
import lxml.etree
import lxml.html

from watchline.domain import Document, SourceKind
from watchline.errors import Errors, InputError
from watchline.ingest.context import Blob, Items, ReadContext
from watchline.ingest.html import extract_page
from watchline.ingest.limits import binary_reason
from watchline.ingest.report import Notice, Rejection

ITEM_TAGS = frozenset({"item", "entry"})


def read_feed(blob: Blob, ctx: ReadContext) -> Items:
    reason = binary_reason(blob.data)
    if reason:
        raise InputError(Errors.E205, path=blob.origin, expected="a feed", reason=reason)
    headers = {"content-location": blob.url or "", "content-type": blob.content_type or ""}
    served = {key: value for key, value in headers.items() if value}  # resolves relative links
    parsed = feedparser.parse(io.BytesIO(blob.data), response_headers=served, sanitize_html=True)
    if not parsed.entries:
        problem = parsed.get("bozo_exception") or "it has no items"
        if not parsed.get("version") or parsed.get("bozo"):
            raise InputError(Errors.E209, path=blob.origin, reason=problem)
        return
    feed = parsed.feed
    feed_id = feed.get("link") or blob.url or blob.origin
    source = ctx.source_for(SourceKind.FEED, feed.get("title") or feed_id, url=blob.url)
    entries = list(parsed.entries)
    raws = _item_xml(blob.data, len(entries))
    cut = _cut_short(parsed, blob.data)
    if cut:
        # The feed ends mid-way: the last item read may be incomplete, so it is refused.
        label = f"item {len(entries)}"
        yield Rejection.of(blob.origin, label, Errors.E204, reason=f"the feed breaks off ({cut})")
        entries.pop()
    feed_sha = blob.sha256
    for index, entry in enumerate(entries):
        label = f"item {index + 1}"
        text = _entry_text(entry)
        if not text:
            yield Rejection.of(blob.origin, label, Errors.E204, reason="no title and no text")
            continue
        published, notice = _published(entry, blob.origin, label)
        if notice is not None:
            yield notice
        document = Document(
            key=_key(entry, feed_id),
            text=text,
            raw=raws[index] if raws else blob.data,
            source=source,
            published_at=published,
            retrieved_at=blob.retrieved_at,
            url=entry.get("link"),
            title=entry.get("title"),
            author=entry.get("author"),
            media=_enclosures(entry),
            meta=_meta(entry, feed_id, feed_sha),
        )
        if ctx.follow and document.url:
            document, notice = _followed(document, ctx, blob.origin, label)
            if notice is not None:
                yield notice
        yield document


def _cut_short(parsed: Any, data: bytes) -> str | None:
    """Why the feed's XML ends early, when its parse error is on its last line."""
    error = parsed.get("bozo_exception")
    if not isinstance(error, xml.sax.SAXParseException):
        return None
    last_line = data.rstrip().count(b"\n") + 1
    return str(error.getMessage()) if error.getLineNumber() >= last_line else None


def _key(entry: Any, feed_id: str) -> str:
    """The GUID (scoped to the feed unless it is a URL or URN), else link, else content."""
    guid = entry.get("id") or entry.get("link")
    if not guid:
        content = f"{entry.get('title', '')}\n{entry.get('summary', '')}"
        guid = "sha256:" + hashlib.sha256(content.encode()).hexdigest()
        return f"feed:{feed_id}:{guid}"
    return f"feed:{guid}" if ":" in guid else f"feed:{feed_id}:{guid}"


def _entry_text(entry: Any) -> str:
    body = ""
    contents = entry.get("content") or []
    if contents:
        body = contents[0].get("value", "")
    body = _plain(body or entry.get("summary", ""))
    title = (entry.get("title") or "").strip()
    return f"{title}\n\n{body}".strip() if title and not body.startswith(title) else body


def _plain(markup: str) -> str:
    """Text of an HTML fragment (feedparser has already removed scripts)."""
    if "<" not in markup:
        return markup.strip()
    try:
        return lxml.html.fromstring(markup).text_content().strip()
    except (lxml.etree.ParserError, ValueError):
        return markup.strip()


def _published(entry: Any, origin: str, label: str) -> tuple[datetime | None, Notice | None]:
    for field in ("published", "updated"):
        parsed = entry.get(f"{field}_parsed")
        if parsed:
            return _utc(parsed), None
    for field in ("published", "updated", "created"):
        if entry.get(field):
            notice = Notice.of(origin, label, Errors.E211, value=entry.get(field))
            return None, notice
    return None, None


def _meta(entry: Any, feed_id: str, feed_sha: str) -> dict[str, object]:
    meta: dict[str, object] = {"format": "rss", "feed": feed_id, "feed_sha256": feed_sha}
    if entry.get("updated_parsed") and entry.get("published_parsed"):
        meta["revised_at"] = _utc(entry.updated_parsed).isoformat()
    tags = [tag.get("term") for tag in entry.get("tags", []) if tag.get("term")]
    if tags:
        meta["tags"] = tags
    return meta


def _enclosures(entry: Any) -> tuple[str, ...]:
    """Addresses of the item's photos, audio and video (enclosures, Media RSS)."""
    found = [link.get("href") for link in entry.get("enclosures", [])]
    found += [media.get("url") for media in entry.get("media_content", [])]
    return tuple(dict.fromkeys(url for url in found if isinstance(url, str) and url))


def _utc(parsed: time.struct_time) -> datetime:
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def _followed(
    document: Document, ctx: ReadContext, origin: str, label: str
) -> tuple[Document, Notice | None]:
    """The item with its page's main text; on failure the feed's text, and a notice."""
    url = document.url or ""
    try:
        fetched = ctx.need_fetcher().get(url)
        if fetched.status == 304:
            return document, None
        page = extract_page(fetched.data, url, fetched.url)
    except InputError as exc:
        return document, Notice(origin, label, exc.message)
    meta = {**document.meta, "feed_summary": document.text, "page_url": fetched.url}
    return replace(
        document,
        text=page.text,
        raw=fetched.data,
        author=document.author or page.author,
        meta=meta,
    ), None


def _item_xml(data: bytes, expected: int) -> Sequence[bytes]:
    """Each item's own XML, in feed order; empty when they cannot be cut out reliably."""
    parser = lxml.etree.XMLParser(
        resolve_entities=False, no_network=True, recover=True, huge_tree=False
    )
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError:
        return ()
    if root is None:
        return ()
    items = [
        lxml.etree.tostring(element, with_tail=False)
        for element in root.iter()
        if isinstance(element.tag, str) and lxml.etree.QName(element).localname in ITEM_TAGS
    ]
    return items if len(items) == expected else ()
