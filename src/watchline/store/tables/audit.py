"""The audit log: one append-only, hash-chained row per change (see services/audit.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from watchline.store.base import Base


class AuditEntryRow(Base):
    """Who did what to which subject, when and why; `hash` seals it and the one before.

    `seq` is given by `services.audit.record` (1, 2, 3 … with no gaps), never by the
    database, because it is part of what the hash covers. The migration adds triggers
    that refuse UPDATE and DELETE, so even a hand-written statement cannot rewrite it.
    """

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64), index=True)
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[str | None] = mapped_column(String(255), nullable=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
    why: Mapped[str | None] = mapped_column(Text, nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
