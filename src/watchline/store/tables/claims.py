"""Claims as extracted, one row each; the event's details are kept as JSON."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from watchline.store.base import Base


class ClaimRow(Base):
    __tablename__ = "claims"
    # keyset pages of claims, newest first (migration 0011_views)
    __table_args__ = (Index("ix_claims_stated_on_id", "stated_on", "id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    speaker_text: Mapped[str] = mapped_column(Text)
    speaker_start: Mapped[int] = mapped_column(Integer)
    speaker_end: Mapped[int] = mapped_column(Integer)
    actor_id: Mapped[str | None] = mapped_column(String(100), index=True)
    affiliation: Mapped[str | None] = mapped_column(String(16), index=True)
    act: Mapped[str] = mapped_column(String(16))
    cue_text: Mapped[str] = mapped_column(Text)
    cue_start: Mapped[int] = mapped_column(Integer)
    cue_end: Mapped[int] = mapped_column(Integer)
    content_text: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    direct_quote: Mapped[bool] = mapped_column(Boolean, default=False)
    stated_on: Mapped[date | None] = mapped_column(Date, index=True)
    event_type: Mapped[str] = mapped_column(String(32), index=True)
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    event: Mapped[dict[str, Any]] = mapped_column(JSON)
    responds_to: Mapped[str | None] = mapped_column(String(64))
    confidence: Mapped[float] = mapped_column(Float)
    extractor_version: Mapped[str] = mapped_column(String(32))
