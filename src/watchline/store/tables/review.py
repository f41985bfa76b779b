"""Analysts' review of machine output: claim corrections, case merges and splits, and
each case's workflow state, assignee and history (comments included).

Corrections are keyed by the claim's evidence (its document and the offsets of its cue
and content), not by its number in the document, so a re-extracted identical claim gets
them back even when the extractor numbers it differently. Rows are only ever added: the
newest correction of a field is the one in force, the older ones are its history.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from watchline.store.base import Base


class ClaimCorrectionRow(Base):
    __tablename__ = "claim_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_key: Mapped[str] = mapped_column(String(200), index=True)
    claim_id: Mapped[str] = mapped_column(String(64))  # the id when corrected, for display
    field: Mapped[str] = mapped_column(String(16))
    engine_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    old_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class CaseDecisionRow(Base):
    """`merge`: case `other` joins `case_id`; `split`: claim `other` (a claim key) leaves
    `case_id` for a case of its own. Applied by every linking run, oldest first.

    A merge also keeps a claim key of each case (`case_key`, `other_key`), by which the
    cases are found again when a re-extraction renumbers claims (and so case ids)."""

    __tablename__ = "case_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(8))
    case_id: Mapped[str] = mapped_column(String(40), index=True)
    other: Mapped[str] = mapped_column(String(200))
    case_key: Mapped[str | None] = mapped_column(String(200))
    other_key: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CaseReviewRow(Base):
    """Where a case stands in the review workflow, and who has it."""

    __tablename__ = "case_reviews"

    case_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    assignee: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CaseEventRow(Base):
    """One entry of a case's review history: assigned, commented, moved, merged, split."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    author: Mapped[str] = mapped_column(String(64))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
