"""JSON Lines: one object per line with `text`, and optionally `url`, `published_at`,
`source` (a name, with `source_kind` and `speaks_for`), `language`, `title`, `author`.

The key is the item's URL, else the sha256 of its text, so the same text without a URL
is stored once. A `published_at` without a zone is taken as UTC (and marked so).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from watchline.domain import Document, Source, SourceKind
from watchline.errors import Errors
from watchline.ingest.context import Blob, Items, ReadContext
from watchline.ingest.limits import decode_text
from watchline.ingest.report import Notice, Rejection

KNOWN = (
    "text",
    "url",
    "published_at",
    "source",
    "source_kind",
    "speaks_for",
    "language",
    "title",
    "author",
)
DEFAULT_SOURCE = "JSON Lines import"
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$")


def read_jsonl(blob: Blob, ctx: ReadContext) -> Items:
    text = decode_text(blob.data, blob.origin, expected="JSON Lines")
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield from _line(line, f"line {number}", blob, ctx)


def _line(line: str, label: str, blob: Blob, ctx: ReadContext) -> Items:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield Rejection.of(blob.origin, label, Errors.E203, reason=exc)
        return
    if not isinstance(record, dict):
        yield Rejection.of(blob.origin, label, Errors.E204, reason="not a JSON object")
        return
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        yield Rejection.of(blob.origin, label, Errors.E204, reason="no 'text' string")
        return
    url = _str(record.get("url"))
    meta: dict[str, object] = {"format": "jsonl", "path": blob.origin, "line": label}
    published = None
    if record.get("published_at") is not None:
        published = _timestamp(record["published_at"], meta)
        if published is None:
            yield Notice.of(blob.origin, label, Errors.E211, value=record["published_at"])
    extra = {key: value for key, value in record.items() if key not in KNOWN}
    if extra:
        meta["extra"] = extra
    language = _str(record.get("language"))
    if language is not None and not LANGUAGE_TAG.match(language.lower()):
        yield Notice.of(blob.origin, label, Errors.E218, reason=f"language {language!r} ignored")
        language = None
    yield Document(
        key=url or "text:" + hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest(),
        text=body,
        raw=line.encode("utf-8", "surrogatepass"),
        source=_source(record, ctx),
        published_at=published,
        retrieved_at=blob.retrieved_at,
        url=url,
        language=language.lower() if language else None,
        title=_str(record.get("title")),
        author=_str(record.get("author")),
        meta=meta,
    )


def _source(record: dict[str, Any], ctx: ReadContext) -> Source:
    """The line's own source (`source`, `source_kind`, `speaks_for`) unless the run names one."""
    try:
        kind = SourceKind(_str(record.get("source_kind")) or SourceKind.OTHER)
    except ValueError:
        kind = SourceKind.OTHER
    source = ctx.source_for(kind, _str(record.get("source")) or DEFAULT_SOURCE)
    speaks_for = _str(record.get("speaks_for"))
    if ctx.source is None and speaks_for:
        return replace(source, speaks_for=speaks_for)
    return source


def _timestamp(value: Any, meta: dict[str, object]) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if moment.tzinfo is None:
        meta["assumed_utc"] = True
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _str(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
