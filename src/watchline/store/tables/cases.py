"""Cases, which claims they hold and in what role, responses, and the verdict history.

Verdicts are append-only: engine and analyst verdicts are rows side by side, and the
current verdict is read from the history (see watchline.services.casework). A case that
a later linking run no longer produces is kept, marked inactive, so its history stays.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from watchline.store.base import Base
from watchline.store.types import Geometry


class CaseRow(Base):
    __tablename__ = "cases"
    # keyset pages of the case list (migration 0011_views)
    __table_args__ = (Index("ix_cases_active_start_id", "active", "start", "id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(32), index=True)
    agent: Mapped[str | None] = mapped_column(String(100))
    start: Mapped[date | None] = mapped_column(Date, index=True)
    end: Mapped[date | None] = mapped_column(Date)
    area: Mapped[str | None] = mapped_column(Geometry("GEOMETRY"))
    scope: Mapped[str] = mapped_column(String(16))
    place_ids: Mapped[list[str]] = mapped_column(JSON)
    title: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    linked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # The theatre its claims were linked in (one database may hold several); None for
    # cases linked before theatres were told apart (migration 0005_case_theatre).
    theatre_id: Mapped[str | None] = mapped_column(String(64), index=True)


class CaseClaimRow(Base):
    __tablename__ = "case_claims"

    case_id: Mapped[str] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    claim_id: Mapped[str] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)


class ClaimResponseRow(Base):
    __tablename__ = "claim_responses"

    claim_id: Mapped[str] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    answers: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))


class VerdictRow(Base):
    __tablename__ = "verdicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float] = mapped_column(Float)
    rationale: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
    coverage: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
