"""What every reader is handed: the input as bytes and the options of the run."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from watchline.domain import Document, Source, SourceKind
from watchline.ingest.fetch import Fetcher
from watchline.ingest.report import Notice, Rejection, Skipped, Unchanged

Item = Document | Rejection | Skipped | Unchanged
"""What readers yield: documents, and what they left out or noticed (Notice)."""

Items = Iterator[Item]


@dataclass(frozen=True)
class Blob:
    """One input: a file's or a response's bytes, and where they came from."""

    origin: str  # the path or URL, as reported to the user
    data: bytes
    retrieved_at: datetime
    url: str | None = None  # the final URL of a fetched page
    content_type: str | None = None
    last_modified: str | None = None

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class ReadContext:
    """The run's options, passed down to every reader instead of many arguments."""

    max_bytes: int
    fetcher: Fetcher | None = None
    source: Source | None = None
    source_name: str | None = None
    speaks_for: str | None = None
    follow: bool = False

    def source_for(
        self, kind: SourceKind, name: str, url: str | None = None, handle: str | None = None
    ) -> Source:
        """The source the user gave, else the input's own, under the name the user gave."""
        if self.source is not None:
            return self.source
        return Source(kind, (self.source_name or name)[:300], url, handle, self.speaks_for)

    def need_fetcher(self) -> Fetcher:
        if self.fetcher is None:
            raise RuntimeError("this run was started without a fetcher")
        return self.fetcher


__all__ = ["Blob", "Item", "Items", "Notice", "ReadContext"]
