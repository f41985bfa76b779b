"""What a situation report shows: the cases of a period and the patrols that ran in it.

The report layer (`publish.report`) renders; this module only selects, so the CLI, the
demo and the app publish the same selection for the same period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from watchline.domain import Patrol
from watchline.publish.period import Period
from watchline.services.views import CaseView, case_views
from watchline.store import Database
from watchline.store.patrols import PatrolRepository


@dataclass(frozen=True)
class ReportContent:
    """The cases (with everything that renders them) and patrols of one report."""

    views: list[CaseView]
    patrols: list[Patrol]
    period: Period
    undated: int  # cases left out of a bounded period because they carry no date


def report_content(
    db: Database, *, period: Period | None = None, status: str | None = None
) -> ReportContent:
    """Cases whose dates meet `period` (all cases when unbounded), optionally of one
    verdict status, and the patrols whose time meets it."""
    period = period or Period()
    if not period.bounded:
        views, undated = case_views(db, status), 0
    else:  # only the cases of the period (and the undated ones, to count) are read
        inside, undated_ids = _case_ids(db, period)
        views = case_views(db, status, case_ids=inside)
        undated = len(case_views(db, status, case_ids=undated_ids))
    with db.transaction() as session:
        repo = PatrolRepository(session)
        if period.bounded:
            start = (
                datetime.combine(period.start, time(), UTC)
                if period.start
                else datetime.min.replace(tzinfo=UTC)
            )
            end = (
                datetime.combine(period.end + timedelta(days=1), time(), UTC)
                - timedelta(microseconds=1)
                if period.end
                else datetime.max.replace(tzinfo=UTC)
            )
            patrols = repo.overlapping(start, end)
        else:
            patrols = repo.list()
    return ReportContent(views, patrols, period, undated)


def _case_ids(db: Database, period: Period) -> tuple[list[str], list[str]]:
    """Active cases whose days meet the bounded `period` (by start and id, as the case
    list orders them), and the active cases with no date at all."""
    from sqlalchemy import func, select

    from watchline.store.tables import CaseRow

    first = func.coalesce(CaseRow.start, CaseRow.end)
    last = func.coalesce(CaseRow.end, CaseRow.start)
    query = select(CaseRow.id).where(CaseRow.active, first.is_not(None))
    if period.start:
        query = query.where(last >= period.start)
    if period.end:
        query = query.where(first <= period.end)
    undated = select(CaseRow.id).where(CaseRow.active, first.is_(None)).order_by(CaseRow.id)
    with db.transaction() as session:
        inside = list(session.scalars(query.order_by(CaseRow.start, CaseRow.id)))
        return inside, list(session.scalars(undated))
