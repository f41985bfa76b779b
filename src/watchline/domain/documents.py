"""Sources and the immutable documents ingested from them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from watchline.domain.enums import SourceKind


@dataclass(frozen=True)
class Source:
    """Who publishes: an outlet, a ministry site, a channel, an account, the mission."""

    kind: SourceKind
    name: str
    url: str | None = None
    handle: str | None = None
    speaks_for: str | None = None  # Actor id, e.g. "aze.mod"


@dataclass(frozen=True)
class Document:
    """One ingested item. Its raw bytes and their sha256 are the evidence.

    `key` identifies the item at its source (a feed GUID, "telegram:<chat>:<msg>",
    a URL or a file's content hash) so that re-ingesting it adds nothing.
    """

    key: str
    text: str
    raw: bytes
    source: Source
    published_at: datetime | None = None  # UTC
    retrieved_at: datetime | None = None  # UTC
    url: str | None = None
    language: str | None = None
    title: str | None = None
    author: str | None = None
    forwarded_from: str | None = None
    reply_to: str | None = None
    version: int = 1
    previous_key: str | None = None
    media: tuple[str, ...] = ()
    meta: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    id: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()
