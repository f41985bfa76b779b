"""What the case list shows of each case, kept beside the case so no list counts claims.

A row is derived data, rewritten whenever the case's claims or verdicts change (by
`store.case_summaries`, from `CaseRepository.save_linkage` and `add_verdict`), so a
page of the case list reads one row per case instead of every claim of every case.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from watchline.store.base import Base


class CaseSummaryRow(Base):
    __tablename__ = "case_summaries"

    case_id: Mapped[str] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    claims_for: Mapped[int] = mapped_column(Integer)
    claims_against: Mapped[int] = mapped_column(Integer)
    claims_context: Mapped[int] = mapped_column(Integer)
    copies: Mapped[int] = mapped_column(Integer)
    parties_for: Mapped[list[str]] = mapped_column(JSON)
    parties_against: Mapped[list[str]] = mapped_column(JSON)
    # "|ARM|EU|": every party on either side, for a LIKE filter on one of them
    parties: Mapped[str] = mapped_column(Text)
    first_stated: Mapped[date | None] = mapped_column(Date)
    last_stated: Mapped[date | None] = mapped_column(Date)
    # the current verdict's status (services.casework.current_verdict); "pending" if none
    status: Mapped[str] = mapped_column(String(16), index=True)
    verdict_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # the case area's bounding box (degrees), for map requests bounded by the view
    min_lon: Mapped[float | None] = mapped_column(Float)
    min_lat: Mapped[float | None] = mapped_column(Float)
    max_lon: Mapped[float | None] = mapped_column(Float)
    max_lat: Mapped[float | None] = mapped_column(Float)
    # lower-case title, agent, event type and parties: what the list's text search reads
    search: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_case_summaries_bbox", "min_lon", "max_lon", "min_lat", "max_lat"),)
