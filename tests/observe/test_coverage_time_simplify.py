"""Simplification keeps time: every dropped fix lies within the tolerance of where the
simplified track puts the patrol at that fix's time (the synchronised Euclidean distance),
so the stored coverage copy keeps the start and end of a stop."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import shapely
from coverage_time_fixture import (
    DRIVE_MIN,
    FAR_EAST,
    POST,
    SOTK,
    T0,
    at,
    day,
    patrol,
    point,
    stop_then_drive_past,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from watchline.geo.geometry import LocalProjection
from watchline.observe.coverage import compute_coverage
from watchline.observe.tracks import TrackArrays
from watchline.store import Database
from watchline.store.patrols import SIMPLIFY_M, PatrolRepository, coverage_of, unpack
from watchline.store.tables.patrols import PatrolRow

PROJ = LocalProjection(40.2)


def sed(track: TrackArrays, simple: TrackArrays) -> np.ndarray:
    """Metres between each fix and the simplified track's position at the fix's time."""
    dx = (track.lon - np.interp(track.t, simple.t, simple.lon)) * PROJ.kx
    dy = (track.lat - np.interp(track.t, simple.t, simple.lat)) * PROJ.ky
    return np.hypot(dx, dy)


@st.composite
def tracks(draw: st.DrawFn) -> TrackArrays:
    """Random walks with stops: steps of 0-300 m, and gaps of 1 s to 10 min."""
    n = draw(st.integers(3, 200))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    steps = rng.normal(0, draw(st.floats(0.5, 300.0)), (n, 2))
    steps[rng.random(n) < draw(st.floats(0.0, 0.9))] = 0.0  # standing still
    xy = np.cumsum(steps, axis=0)
    t = np.cumsum(rng.uniform(1.0, 600.0, n))
    return TrackArrays(45.9 + xy[:, 0] / PROJ.kx, 40.2 + xy[:, 1] / PROJ.ky, t)


@settings(max_examples=150, deadline=None)
@given(tracks(), st.floats(1.0, 100.0))
def test_coverage_time_simplify_sed_within_tolerance(track: TrackArrays, tol: float) -> None:
    simple = track.simplified(PROJ.kx, PROJ.ky, tol)
    assert simple.t[0] == track.t[0] and simple.t[-1] == track.t[-1]
    index = np.searchsorted(track.t, simple.t)
    assert np.array_equal(track.t[index], simple.t)  # a subset, with the fixes' own times
    assert np.array_equal(track.lon[index], simple.lon)
    assert np.all(sed(track, simple) <= tol + 1e-6)


def test_coverage_time_simplify_keeps_the_stop() -> None:
    track = TrackArrays.of(stop_then_drive_past().track)
    simple = track.simplified(PROJ.kx, PROJ.ky, SIMPLIFY_M)
    assert len(simple) < 10  # the 4.5 h of jitter and the straight drive collapse
    stop_end = (T0 + timedelta(minutes=270)).timestamp()
    assert np.min(np.abs(simple.t - stop_end)) <= 60  # within two fixes of the true end
    assert np.all(sed(track, simple) <= SIMPLIFY_M)


def test_coverage_time_stored_copy_counts_the_drive_not_the_stop(sqlite_db: Database) -> None:
    """The issue's case through the store: 4.5 h at a post 9 km from Sotk, 19 minutes
    driving past it. Position-only simplification made this about 5 patrol-hours."""
    passing = stop_then_drive_past()
    with sqlite_db.transaction() as session:
        PatrolRepository(session).add(passing, b"sotk-1")
        stored = coverage_of(session, point(SOTK), *day(), 2000)
        held = coverage_of(session, point(SOTK), *day(), 2000, min_minutes=30)
    pure = compute_coverage(point(SOTK), *day(), [passing], [], 2000)
    assert (
        stored.in_sight_minutes == pure.in_sight_minutes
        or abs(stored.in_sight_minutes - pure.in_sight_minutes) < 0.5
    )
    assert abs(stored.hours * 60 - 19.0) < 1.0
    assert stored.patrol_ids == ("sotk-1",) and stored.area_fraction > 0.99
    assert held.area_fraction == 0.0 and held.in_sight_minutes == stored.in_sight_minutes


def test_coverage_time_stored_footprint_covers_what_the_track_sees(sqlite_db: Database) -> None:
    """The stored footprint is drawn from the simplified copy; it still holds everything
    within the visibility of the true track, less the simplification tolerances and
    what a 4-segment quarter circle cuts off (cos 22.5° ≈ 0.924)."""
    winding = patrol(
        "sotk-3",
        [(POST, 0), (at(SOTK, 200.0, 3000.0), 40), (POST, 90), (FAR_EAST, 90 + DRIVE_MIN)],
        jitter_m=6.0,
        seed=9,
    )
    with sqlite_db.transaction() as session:
        PatrolRepository(session).add(winding, b"sotk-3")
        row = session.scalars(select(PatrolRow)).one()
        footprint = shapely.from_wkb(row.footprint)
        simple = unpack(row.simple_points)
    track = TrackArrays.of(winding.track)
    assert np.all(sed(track, simple) <= SIMPLIFY_M + 1e-6)
    proj = LocalProjection(float(np.mean(track.lat)))
    inner = proj.buffer(track.line(), 0.924 * 2000 - SIMPLIFY_M - 20.0, quad_segs=16)
    assert footprint.buffer(1e-7).contains(inner)
    outer = proj.buffer(track.line(), 2000 + SIMPLIFY_M + 20.0, quad_segs=16)
    assert outer.contains(footprint)
