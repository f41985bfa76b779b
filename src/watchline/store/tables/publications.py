"""Statements the mission drafts from verdicts and publishes (services/statements.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from watchline.store.base import Base


class PublicationRow(Base):
    """One statement: a draft until a publisher publishes it, then never changed.

    `sha256` seals the published text (the public page shows it, so a copy can be
    compared); edits of a draft are recorded in the audit log, not here.
    """

    __tablename__ = "publications"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default="statement")
    case_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), index=True)  # draft | published
    verdict_status: Mapped[str | None] = mapped_column(String(32), nullable=True)
    drafted_by: Mapped[str] = mapped_column(String(128))
    drafted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    published_by: Mapped[str | None] = mapped_column(String(128), nullable=True)
    published_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True, index=True
    )
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # The Ed25519 bundle (FILE.sig.json) of the published text file, when it was signed
    # at publication (a key on the server, or `watchline publish release --sign`).
    signature: Mapped[str | None] = mapped_column(Text, nullable=True)
