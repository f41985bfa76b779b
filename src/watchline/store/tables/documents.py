"""Sources, documents and the HTTP cache: the raw evidence, immutable once stored.

A document is identified by its `key` at the source; an edited item is a new row with
the same key, the next `version` and `previous_id` pointing at the row it revises.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column

from watchline.store.base import Base


def text_digest(text: str) -> str:
    """The sha256 of a document's text: what tells a new version from a duplicate."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _text_digest_default(context: DefaultExecutionContext) -> str:
    return text_digest(context.get_current_parameters()["text"])


class SourceRow(Base):
    __tablename__ = "sources"
    __table_args__ = (UniqueConstraint("kind", "name", name="uq_sources_kind_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(Text)
    handle: Mapped[str | None] = mapped_column(String(300))
    speaks_for: Mapped[str | None] = mapped_column(String(100))


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("key", "version", name="uq_documents_key_version"),
        Index("ix_documents_published_at_id", "published_at", "id"),  # keyset pages
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(600))  # looked up by the (key, version) index
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    retrieved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    language: Mapped[str | None] = mapped_column(String(16))
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    text_sha256: Mapped[str | None] = mapped_column(String(64), default=_text_digest_default)
    revised_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    forwarded_from: Mapped[str | None] = mapped_column(Text)
    reply_to: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"))
    media: Mapped[list[str]] = mapped_column(JSON, default=list)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class HttpCacheRow(Base):
    """What the last fetch of a URL answered, for conditional GET (ETag/Last-Modified)."""

    __tablename__ = "http_cache"

    url: Mapped[str] = mapped_column(String(2000), primary_key=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    status: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str | None] = mapped_column(String(64))
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
