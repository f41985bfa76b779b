"""Plain text and Markdown files: one document each, keyed on the bytes' sha256.

The text is stored exactly as written (Markdown included), so that claim spans index
the file itself; a Markdown file's first heading becomes the title.
"""

from __future__ import annotations

import re

from watchline.domain import Document, SourceKind
from watchline.ingest.context import Blob, Items, ReadContext
from watchline.ingest.limits import decode_text

HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
LOCAL_FILES = "local files"


def read_text(blob: Blob, ctx: ReadContext) -> Items:
    yield _document(blob, ctx, decode_text(blob.data, blob.origin), None)


def read_markdown(blob: Blob, ctx: ReadContext) -> Items:
    text = decode_text(blob.data, blob.origin, expected="Markdown")
    heading = HEADING.search(text)
    yield _document(blob, ctx, text, heading.group(1) if heading else None, "markdown")


def _document(
    blob: Blob, ctx: ReadContext, text: str, title: str | None, kind: str = "text"
) -> Document:
    return Document(
        key=blob.url or f"file:{blob.sha256}",
        text=text,
        raw=blob.data,
        source=ctx.source_for(SourceKind.FILE, LOCAL_FILES),
        retrieved_at=blob.retrieved_at,
        url=blob.url,
        title=title,
        meta={"path": blob.origin, "format": kind},
    )
