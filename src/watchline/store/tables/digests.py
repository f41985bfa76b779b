"""What each piece of incremental work last saw, so an unchanged piece is not redone.

One row per (scope, key): scope `link` keys a theatre (the digest of its claims and
documents as linking read them), scope `verify` keys a case (the digest of its claims,
roles, theatre, policy and the patrols and findings near its place and time). A digest
only ever saves work: when it differs or is missing, the work is done again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from watchline.store.base import Base


class DigestRow(Base):
    __tablename__ = "work_digests"

    scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
