"""Coverage counts the time a patrol truly had the area in sight, in several theatres."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from watchline.domain import Patrol, TrackPoint
from watchline.observe.coverage import compute_coverage
from watchline.observe.geometry import LocalProjection, destination
from watchline.observe.tracks import TrackArrays

T0 = datetime(2024, 3, 31, 4, 0, tzinfo=UTC)

# (village, lon, lat): Tegh (Armenia–Azerbaijan), Uri (Line of Control),
# Jarinje (Kosovo ABL), Pyla (Cyprus buffer zone).
VILLAGES = [
    ("Tegh", 46.47, 39.56),
    ("Uri", 74.03, 34.08),
    ("Jarinje", 20.77, 43.30),
    ("Pyla", 33.69, 35.01),
]


def drive(legs: list[tuple[float, float, float]]) -> Patrol:
    """A patrol from (lon, lat, minutes after T0) legs, with a fix every 30 s."""
    points: list[TrackPoint] = []
    for (x0, y0, m0), (x1, y1, m1) in zip(legs, legs[1:], strict=False):
        steps = max(1, int((m1 - m0) * 2))
        for i in range(steps):
            f = i / steps
            moment = T0 + timedelta(minutes=m0 + f * (m1 - m0))
            points.append(TrackPoint(x0 + f * (x1 - x0), y0 + f * (y1 - y0), moment))
    x, y, m = legs[-1]
    points.append(TrackPoint(x, y, T0 + timedelta(minutes=m)))
    return Patrol("p", "team", points[0].time, points[-1].time, tuple(points))


def window(hours: float = 12) -> tuple[datetime, datetime]:
    return T0, T0 + timedelta(hours=hours)


@pytest.mark.parametrize(("name", "lon", "lat"), VILLAGES)
def test_a_long_stop_far_away_adds_no_time_over_a_village(name: str, lon: float, lat: float):
    """Drive past the village in ~19 minutes, then stand 4.5 h at a post 9 km away."""
    west = destination(lon, lat, 270.0, 6_000)
    east = destination(lon, lat, 90.0, 6_000)
    post = destination(lon, lat, 90.0, 9_000)
    patrol = drive([(*west, 0), (*east, 30), (*post, 35), (*post, 305), (*post, 306)])
    cov = compute_coverage(f"POINT ({lon} {lat})", *window(), [patrol], [], 2000)
    # in sight while within 2.5 km of the village (2 km visibility + 500 m disc): 5 km of
    # 12 km driven in 30 min, i.e. about 12.5 minutes; never the 4.5 h at the post
    assert cov.in_sight_minutes == pytest.approx(12.5, abs=1.0), name
    assert cov.hours == pytest.approx(12.5 / 60, abs=0.02)
    assert cov.area_fraction == pytest.approx(1.0, abs=0.01)
    # simplified as the store does, the track keeps the same time in sight
    track = TrackArrays.of(patrol.track)
    proj = LocalProjection(lat)
    simple = track.simplified(proj.kx, proj.ky, 25.0)
    simple_patrol = Patrol("p", "team", patrol.start, patrol.end, simple.points())
    again = compute_coverage(f"POINT ({lon} {lat})", *window(), [simple_patrol], [], 2000)
    assert again.in_sight_minutes == pytest.approx(cov.in_sight_minutes, abs=0.5)
    assert len(simple) < len(track) / 10


@pytest.mark.parametrize(("name", "lon", "lat"), VILLAGES)
def test_a_patrol_parked_in_sight_counts_its_hours(name: str, lon: float, lat: float):
    post = destination(lon, lat, 0.0, 1_500)
    patrol = drive([(*post, 60), (*post, 300)])
    cov = compute_coverage(f"POINT ({lon} {lat})", *window(), [patrol], [], 2000)
    assert cov.in_sight_minutes == pytest.approx(240, abs=0.5), name
    held = compute_coverage(f"POINT ({lon} {lat})", *window(), [patrol], [], 2000, min_minutes=200)
    assert held.area_fraction > 0.5
    brief = compute_coverage(f"POINT ({lon} {lat})", *window(), [patrol], [], 2000, min_minutes=300)
    assert brief.area_fraction == 0.0


def test_a_brief_pass_is_not_sustained_sight() -> None:
    name, lon, lat = VILLAGES[1]
    west, east = destination(lon, lat, 270.0, 6_000), destination(lon, lat, 90.0, 6_000)
    patrol = drive([(*west, 0), (*east, 30)])
    area = f"POINT ({lon} {lat})"
    assert compute_coverage(area, *window(), [patrol], [], 2000).area_fraction == 1.0
    assert compute_coverage(area, *window(), [patrol], [], 2000, min_minutes=60).area_fraction == 0


def test_two_patrols_together_are_not_double_counted() -> None:
    name, lon, lat = VILLAGES[2]
    west, east = destination(lon, lat, 270.0, 6_000), destination(lon, lat, 90.0, 6_000)
    one = drive([(*west, 0), (*east, 30)])
    two = Patrol("q", "team 2", one.start, one.end, one.track)
    cov = compute_coverage(f"POINT ({lon} {lat})", *window(), [one, two], [], 2000)
    alone = compute_coverage(f"POINT ({lon} {lat})", *window(), [one], [], 2000)
    assert cov.in_sight_minutes == pytest.approx(alone.in_sight_minutes, abs=0.01)
    assert cov.hours == pytest.approx(2 * alone.hours, abs=0.01)


def test_the_window_cuts_the_time_in_sight() -> None:
    name, lon, lat = VILLAGES[3]
    post = destination(lon, lat, 180.0, 1_000)
    patrol = drive([(*post, 0), (*post, 600)])
    cov = compute_coverage(
        f"POINT ({lon} {lat})", T0 + timedelta(hours=2), T0 + timedelta(hours=3), [patrol], [], 2000
    )
    assert cov.in_sight_minutes == pytest.approx(60, abs=0.1)
    assert cov.window_fraction == pytest.approx(1.0, abs=0.01)


fixes = st.lists(
    st.tuples(st.floats(-3000, 3000), st.floats(-3000, 3000), st.floats(1, 600), st.booleans()),
    min_size=3,
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(fixes)
def test_simplification_keeps_every_dropped_fix_near_its_timed_position(rows) -> None:
    """Every fix the simplifier drops lies within the tolerance of where the kept track
    puts the patrol at that fix's time (the synchronised distance), stops included."""
    proj = LocalProjection(39.5)
    x = np.cumsum([0.0] + [0.0 if stop else dx for dx, _, _, stop in rows[1:]])
    y = np.cumsum([0.0] + [0.0 if stop else dy for _, dy, _, stop in rows[1:]])
    t = 1.7e9 + np.cumsum([0.0] + [dt for _, _, dt, _ in rows[1:]])
    track = TrackArrays(45.0 + x / proj.kx, 39.5 + y / proj.ky, t)
    simple = track.simplified(proj.kx, proj.ky, 25.0)
    assert simple.t[0] == t[0] and simple.t[-1] == t[-1]
    at_x = np.interp(t, simple.t, simple.lon) * proj.kx
    at_y = np.interp(t, simple.t, simple.lat) * proj.ky
    assert np.all(np.hypot(at_x - track.lon * proj.kx, at_y - track.lat * proj.ky) <= 25.0 + 1e-6)
