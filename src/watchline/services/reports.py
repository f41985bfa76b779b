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
    every = case_views(db, status)
    views = [v for v in every if period.overlaps(v.case.start, v.case.end)]
    undated = sum(1 for v in every if v.case.start is None and v.case.end is None)
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
    return ReportContent(views, patrols, period, undated if period.bounded else 0)
