"""The patrol store: one row per raw file, index-driven candidates, coverage_of."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from watchline.domain import Modality, Observation, ObservationType, Patrol, TrackPoint
from watchline.observe.coverage import compute_coverage
from watchline.store import Database
from watchline.store.observations import ObservationRepository
from watchline.store.patrols import (
    CANDIDATES_PG,
    CANDIDATES_SQLITE,
    PatrolRepository,
    coverage_of,
)

T0 = datetime(2024, 3, 31, 5, 0, tzinfo=UTC)
SEGMENT = "LINESTRING (45.70 39.88, 45.82 39.88)"


def line_patrol(pid: str, lon0: float, lon1: float, lat: float, hour: int, n: int = 121) -> Patrol:
    start = T0 + timedelta(hours=hour)
    pts = tuple(
        TrackPoint(lon0 + (lon1 - lon0) * i / (n - 1), lat, start + timedelta(seconds=30 * i))
        for i in range(n)
    )
    return Patrol(id=pid, team=f"team {pid}", start=pts[0].time, end=pts[-1].time, track=pts)


@pytest.fixture
def stored(db: Database) -> Database:
    with db.transaction() as session:
        repo = PatrolRepository(session)
        repo.add(line_patrol("near", 45.70, 45.82, 39.885, 0), b"near")
        repo.add(line_patrol("later", 45.70, 45.82, 39.885, 6), b"later")
        repo.add(line_patrol("kapan", 46.40, 46.50, 39.20, 0), b"kapan")
        obs = ObservationRepository(session)
        obs.add(_obs("", 45.75, 39.885, 10, "near"))
        obs.add(_obs("", 46.45, 39.20, 10, "kapan"))
        obs.add(_obs("", None, None, 20, "near"))
    return db


def _obs(oid: str, lon: float | None, lat: float | None, minutes: int, patrol: str):
    return Observation(
        id=oid,
        type=ObservationType.NOTHING_UNUSUAL,
        observed_at=T0 + timedelta(minutes=minutes),
        modality=Modality.SEEN,
        patrol_id=patrol,
        lat=lat,
        lon=lon,
        notes="no unusual movement observed",
    )


def test_patrols_store_same_raw_adds_nothing(stored: Database) -> None:
    with stored.transaction() as session:
        repo = PatrolRepository(session)
        pid, created = repo.add(line_patrol("other", 45.0, 45.1, 40.0, 2), b"near")
        assert (pid, created) == ("near", False)
        assert len(repo.list()) == 3


def test_patrols_store_round_trips_track(stored: Database) -> None:
    with stored.transaction() as session:
        patrol = PatrolRepository(session).get("near")
    original = line_patrol("near", 45.70, 45.82, 39.885, 0)
    assert patrol.track == original.track
    assert patrol.start == original.start and patrol.team == "team near"


@pytest.mark.parametrize(
    ("bbox", "hours", "expected"),
    [
        ((45.6, 39.8, 45.9, 39.95), (0, 24), ["near", "later"]),
        ((45.6, 39.8, 45.9, 39.95), (0, 2), ["near"]),
        ((45.6, 39.8, 45.9, 39.95), (3, 5), []),
        ((46.3, 39.1, 46.6, 39.3), (0, 2), ["kapan"]),
        ((44.0, 41.0, 44.1, 41.1), (0, 24), []),
    ],
)
def test_patrols_store_candidates(stored: Database, bbox, hours, expected) -> None:
    start, end = T0 + timedelta(hours=hours[0]), T0 + timedelta(hours=hours[1])
    with stored.transaction() as session:
        found = PatrolRepository(session).candidates(bbox, start, end)
    assert [p.id for p in found] == expected


def test_patrols_store_rtree_follows_rows(sqlite_db: Database) -> None:
    with sqlite_db.transaction() as session:
        PatrolRepository(session).add(line_patrol("a", 45.7, 45.8, 39.9, 0), b"a")
        PatrolRepository(session).add(line_patrol("b", 45.7, 45.8, 39.9, 1), b"b")
        session.execute(text("DELETE FROM patrols WHERE id = 'a'"))
        count = session.execute(text("SELECT count(*) FROM patrols_rtree")).scalar_one()
    assert count == 1


def test_patrols_store_coverage_of_matches_pure_computation(stored: Database) -> None:
    start, end = T0, T0 + timedelta(hours=2)
    with stored.transaction() as session:
        cov = coverage_of(session, SEGMENT, start, end, 2000)
        everything = PatrolRepository(session).list()
        observations = ObservationRepository(session).list()
    pure = compute_coverage(SEGMENT, start, end, everything, observations, 2000)
    assert cov.patrol_ids == pure.patrol_ids == ("near",)
    assert cov.area_fraction == pytest.approx(pure.area_fraction, abs=0.005)
    assert cov.area_fraction > 0.95
    assert cov.hours == pytest.approx(1.0, abs=0.01)
    assert len(cov.observation_ids) == 2
    assert cov.observation_ids == pure.observation_ids


def test_patrols_store_coverage_window_outside_is_zero(stored: Database) -> None:
    with stored.transaction() as session:
        cov = coverage_of(session, SEGMENT, T0 + timedelta(hours=3), T0 + timedelta(hours=5), 2000)
    assert cov.area_fraction == 0 and cov.patrol_ids == () and cov.observation_ids == ()


def test_patrols_store_coverage_with_other_visibility(stored: Database) -> None:
    with stored.transaction() as session:
        narrow = coverage_of(session, SEGMENT, T0, T0 + timedelta(hours=2), 100)
    assert 0.05 < narrow.area_fraction < 0.2  # 200 m of a 2 km wide corridor


def test_observations_store_repeat_adds_nothing_and_lists(stored: Database) -> None:
    with stored.transaction() as session:
        repo = ObservationRepository(session)
        oid, created = repo.add(_obs("", 45.75, 39.885, 10, "near"))
        assert not created and oid.startswith("obs-")
        assert len(repo.list()) == 3
        assert len(repo.list(patrol_id="kapan")) == 1
        assert repo.get(oid).notes == "no unusual movement observed"
        inside = repo.in_area((45.6, 39.8, 45.9, 39.95), T0, T0 + timedelta(hours=1))
    assert [o.lon for o in inside] == [45.75]


PG_INDEXES = "SELECT indexname FROM pg_indexes WHERE tablename IN ('patrols', 'observations')"
SQLITE_NAMES = "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index')"


def test_patrols_store_has_spatial_and_time_indexes(db: Database) -> None:
    pg = db.dialect == "postgresql"
    with db.transaction() as session:
        names = set(session.execute(text(PG_INDEXES if pg else SQLITE_NAMES)).scalars())
    if pg:
        spatial = {"ix_patrols_track_gist", "ix_patrols_extent_gist", "ix_observations_geom_gist"}
    else:
        spatial = {"patrols_rtree", "observations_rtree", "patrols_rtree_insert"}
    assert spatial | {"ix_patrols_start_at", "ix_patrols_end_at"} <= names


def test_patrols_store_candidate_search_uses_the_index(stored: Database) -> None:
    params = {"minx": 45.6, "miny": 39.8, "maxx": 45.9, "maxy": 39.95, "s": 0.0, "e": 2e9}
    with stored.transaction() as session:
        if stored.dialect == "postgresql":
            session.execute(text("SET LOCAL enable_seqscan = off"))
            plan = session.execute(text(f"EXPLAIN {CANDIDATES_PG.text}"), params).scalars()
            assert "ix_patrols_extent_gist" in " ".join(plan)
        else:
            query = text(f"EXPLAIN QUERY PLAN {CANDIDATES_SQLITE.text}")
            plan = " ".join(str(row[-1]) for row in session.execute(query, params))
            assert "SCAN r VIRTUAL TABLE INDEX 2:B0D1" in plan  # the R*Tree, constrained
