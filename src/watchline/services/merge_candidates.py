"""The cases a case page offers to merge into: same theatre, nearest in time first.

The page never lists the whole archive (any id can still be typed through the API), and
finding the nearest must not sort it either: ordering every case by its distance in days
read and sorted all 5,000 cases of the benchmark archive on every case page. Instead two
walks of the `cases (active, start, id)` index, one back in time and one forward, each
stop after `MERGE_CHOICES` rows; the nearest `MERGE_CHOICES` of both are the answer,
in the same order as the full sort (distance in days, then id; undated cases last).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from watchline.store.tables import CaseRow

#: Cases offered to merge into, at most.
MERGE_CHOICES = 50


def _others(case_id: str, theatre_id: str | None) -> Select[tuple[str, str, date | None]]:
    query = select(CaseRow.id, CaseRow.title, CaseRow.start).where(
        CaseRow.active.is_(True), CaseRow.id != case_id
    )
    return query.where(CaseRow.theatre_id == theatre_id) if theatre_id is not None else query


def merge_candidates(session: Session, case_id: str) -> list[tuple[str, str]]:
    """(id, title) of active cases of the same theatre, nearest in time first."""
    this = session.get(CaseRow, case_id)
    if this is None:
        return []
    others = _others(case_id, this.theatre_id)
    if this.start is None:
        return [
            (i, t) for i, t, _ in session.execute(others.order_by(CaseRow.id).limit(MERGE_CHOICES))
        ]
    dated = others.where(CaseRow.start.is_not(None))
    before = dated.where(CaseRow.start <= this.start).order_by(CaseRow.start.desc(), CaseRow.id)
    after = dated.where(CaseRow.start > this.start).order_by(CaseRow.start, CaseRow.id)
    near = [
        *session.execute(before.limit(MERGE_CHOICES)),
        *session.execute(after.limit(MERGE_CHOICES)),
    ]
    start = this.start
    near.sort(key=lambda row: (abs((row[2] - start).days), row[0]))
    chosen = [(i, t) for i, t, _ in near[:MERGE_CHOICES]]
    if len(chosen) < MERGE_CHOICES:
        undated = others.where(CaseRow.start.is_(None)).order_by(CaseRow.id)
        chosen += [
            (i, t) for i, t, _ in session.execute(undated.limit(MERGE_CHOICES - len(chosen)))
        ]
    return chosen
