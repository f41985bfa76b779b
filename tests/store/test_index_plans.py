"""The plans chosen for a page at archive scale answer exactly what the plain query
answers: claim search (full-text lookup or date walk) and the map of cases (spatial
index or date walk), on SQLite and PostgreSQL, page after page."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import update

from watchline.store import Database, search
from watchline.store.filters import ViewFilter
from watchline.store.listing import case_page, claim_page
from watchline.store.tables import CaseSummaryRow
from watchline.web.geo import cases_geojson

WORDS = ["trenches", "columns", "drills", "Saltpan", "Kestrel", "412", "nowhere"]
BOXES = ["44.8,39.0,45.3,39.5", "45.5,40.1,46.0,40.6", "44.0,38.0,48.0,42.0", "0,0,1,1"]


def _claim_ids(db: Database, q: str) -> list[str]:
    found, cursor = [], None
    with db.transaction() as session:
        while True:
            page = claim_page(session, ViewFilter(q=q, limit=7, cursor=cursor).checked("claims"))
            found += [row[0].id for row in page.items]
            if not (cursor := page.next_cursor):
                return found


@pytest.mark.parametrize("word", WORDS)
def test_claim_search_walk_and_lookup_agree(
    db: Database, make_archive, monkeypatch: pytest.MonkeyPatch, word: str
) -> None:
    make_archive(db, claims=240, cases=24)
    monkeypatch.setattr(search, "COMMON_MATCHES", 1)  # every word: walk the date index
    walked = _claim_ids(db, word)
    monkeypatch.setattr(search, "COMMON_MATCHES", 10**9)  # every word: look matches up
    assert _claim_ids(db, word) == walked
    assert (len(walked) > 0) == (word != "nowhere")


def _map(db: Database, box: str) -> dict:
    view = ViewFilter(bbox=box).checked("map of cases")
    return json.loads(cases_geojson(db, view, 10).body)


def _listed(db: Database, box: str) -> list[str]:
    with db.transaction() as session:
        page = case_page(session, ViewFilter(bbox=box, limit=100).checked("cases"))
        return [row[0].id for row in page.items]


def test_map_of_cases_index_and_walk_agree(
    db: Database, make_archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = make_archive(db, claims=400, cases=100)
    indexed = {box: (_map(db, box), _listed(db, box)) for box in BOXES}
    monkeypatch.setattr("watchline.store.listing.summaries_in_box", lambda *_: None)
    for box, (layer, listed) in indexed.items():
        assert layer == _map(db, box) and listed == _listed(db, box), box
    assert len(indexed[BOXES[2]][1]) == len(archive.case_ids)  # the whole theatre
    assert indexed[BOXES[3]][1] == []


def test_map_of_cases_follows_a_summary_that_moves(db: Database, make_archive) -> None:
    archive = make_archive(db, claims=80, cases=20)
    moved = archive.case_ids[3]
    far = "10.0,10.0,10.5,10.5"
    assert moved in _listed(db, BOXES[2]) and _listed(db, far) == []
    with db.transaction() as session:  # what the store's summary refresh writes
        session.execute(
            update(CaseSummaryRow)
            .where(CaseSummaryRow.case_id == moved)
            .values(min_lon=10.1, max_lon=10.2, min_lat=10.1, max_lat=10.2)
        )
    assert _listed(db, far) == [moved]
    assert moved not in _listed(db, BOXES[2])
    assert [f["properties"]["id"] for f in _map(db, far)["features"]] == [moved]
