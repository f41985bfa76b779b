"""The case page's merge choices: two bounded index walks give exactly what sorting
every case by its distance in days gave (ties by id, undated cases last)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from watchline.services.merge_candidates import MERGE_CHOICES, merge_candidates
from watchline.store import Database
from watchline.store.tables import CaseRow


def _by_sorting_everything(session, case_id: str) -> list[tuple[str, str]]:
    """The query the page used before Issue 13's archive-scale work (the slow path)."""
    this = session.get(CaseRow, case_id)
    query = select(CaseRow.id, CaseRow.title).where(
        CaseRow.active, CaseRow.id != case_id, CaseRow.theatre_id == this.theatre_id
    )
    if this.theatre_id is None:
        query = select(CaseRow.id, CaseRow.title).where(CaseRow.active, CaseRow.id != case_id)
    if this.start is not None:
        distance = func.abs(func.julianday(CaseRow.start) - func.julianday(this.start))
        if session.get_bind().dialect.name == "postgresql":
            distance = func.abs(CaseRow.start - this.start)
        query = query.order_by(CaseRow.start.is_(None), distance, CaseRow.id)
    else:
        query = query.order_by(CaseRow.id)
    return [(i, t) for i, t in session.execute(query.limit(MERGE_CHOICES))]


@pytest.mark.parametrize("cases", [30, 140])  # fewer and more than MERGE_CHOICES
def test_merge_candidates_match_the_full_sort(db: Database, make_archive, cases: int) -> None:
    archive = make_archive(db, claims=cases * 4, cases=cases)
    ids = archive.case_ids
    with db.transaction() as session:  # ties, undated, retired and foreign cases
        session.execute(update(CaseRow).where(CaseRow.id.in_(ids[::7])).values(start=None))
        same_day = session.get(CaseRow, ids[1]).start
        session.execute(update(CaseRow).where(CaseRow.id.in_(ids[2::5])).values(start=same_day))
        session.execute(update(CaseRow).where(CaseRow.id.in_(ids[3::11])).values(active=False))
        session.execute(update(CaseRow).where(CaseRow.id.in_(ids[4::13])).values(theatre_id="x"))
        session.execute(update(CaseRow).where(CaseRow.id == ids[5]).values(theatre_id=None))
    with db.transaction() as session:
        for case_id in ids:
            assert merge_candidates(session, case_id) == _by_sorting_everything(session, case_id), (
                case_id
            )
        assert merge_candidates(session, "no-such-case") == []
