"""Time truly in sight: a stop far away adds nothing, a drive past counts its minutes,
a patrol parked in view counts its hours, and patrols together are counted once.
Fixtures: coverage_time_fixture.py (Sotk, Uri, Jarinje, Pyla)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import shapely
from coverage_time_fixture import (
    DRIVE_MIN,
    FAR_EAST,
    JARINJE,
    POST,
    PYLA,
    SOTK,
    SPEED,
    T0,
    URI,
    at,
    day,
    patrol,
    point,
    stop_then_drive_past,
)

from watchline.domain import Modality, Observation, ObservationType
from watchline.geo.geometry import buffer_m, projection_for
from watchline.observe.coverage import POINT_RADIUS_M, compute_coverage


def test_coverage_time_drive_past_village_counts_its_minutes_not_the_stop() -> None:
    cov = compute_coverage(point(SOTK), *day(), [stop_then_drive_past()], [], 2000)
    assert cov.in_sight_minutes == pytest.approx(19.0, abs=1.0)
    assert cov.hours * 60 == pytest.approx(19.0, abs=1.0)
    assert cov.window_fraction == pytest.approx(19.0 / (24 * 60), abs=1.0 / (24 * 60))
    assert cov.area_fraction == pytest.approx(1.0, abs=0.01)
    assert cov.patrol_ids == ("sotk-1",)


def test_coverage_time_long_stop_far_away_adds_no_coverage() -> None:
    standing = patrol("sotk-post", [(POST, 0), (POST, 270)], jitter_m=4.0, seed=4)
    cov = compute_coverage(point(SOTK), *day(), [standing], [], 2000)
    assert cov.area_fraction == 0.0 and cov.hours == 0.0 and cov.in_sight_minutes == 0.0
    assert cov.patrol_ids == ()


def test_coverage_time_sparse_fixes_stop_then_drive() -> None:
    """Three fixes only: the segment after the stop is in sight for its 19 minutes."""
    sparse = patrol("sotk-2", [(POST, 0), (POST, 270), (FAR_EAST, 270 + DRIVE_MIN)], every_s=1e6)
    assert len(sparse.track) == 3
    cov = compute_coverage(point(SOTK), *day(), [sparse], [], 2000)
    assert cov.in_sight_minutes == pytest.approx(19.0, abs=1.0)


def test_coverage_time_drive_past_holds_no_point_for_long() -> None:
    # Seen at 2 km while driving through at SPEED, each point of the 500 m disc stays in
    # view for at most 4 km / SPEED, about 15.2 minutes.
    most = 4000.0 / SPEED / 60.0
    patrols = [stop_then_drive_past()]
    for minutes, expected in [(0, 1.0), (5, 1.0), (most - 1.0, 1.0), (most + 0.5, 0.0)]:
        cov = compute_coverage(point(SOTK), *day(), patrols, [], 2000, min_minutes=minutes)
        assert cov.area_fraction == pytest.approx(expected, abs=0.02), minutes
        assert cov.in_sight_minutes == pytest.approx(19.0, abs=1.0)


def test_coverage_time_parked_within_sight_near_uri() -> None:
    parked = patrol("uri-op", [(at(URI, 200.0, 1200.0), 60), (at(URI, 200.0, 1200.0), 300)])
    cov = compute_coverage(point(URI), *day(), [parked], [], 2000)
    assert cov.in_sight_minutes == pytest.approx(240.0, abs=1.0)
    assert cov.hours == pytest.approx(4.0, abs=0.02)
    # The whole 500 m disc lies within 1.7 km of the post: all of it seen for 4 h.
    held = compute_coverage(point(URI), *day(), [parked], [], 2000, min_minutes=200)
    assert held.area_fraction == pytest.approx(1.0)
    assert held.per_patrol["uri-op"] == pytest.approx(1.0)
    longer = compute_coverage(point(URI), *day(), [parked], [], 2000, min_minutes=241)
    assert longer.area_fraction == 0.0 and longer.patrol_ids == ("uri-op",)


def test_coverage_time_parked_partly_within_sight_near_uri() -> None:
    # Parked 2 km east of Uri: the western part of the disc stays out of view.
    post = at(URI, 90.0, 2000.0)
    parked = patrol("uri-east", [(post, 0), (post, 120)])
    cov = compute_coverage(point(URI), *day(), [parked], [], 2000, min_minutes=60)
    footprint = compute_coverage(point(URI), *day(), [parked], [], 2000)
    disc = buffer_m(shapely.Point(URI), POINT_RADIUS_M)
    truth = disc.intersection(projection_for(disc).buffer(shapely.Point(post), 2000, 64))
    assert 0.4 < cov.area_fraction < 0.6
    assert cov.area_fraction == pytest.approx(truth.area / disc.area, abs=0.02)
    # The footprint's polygon lies inside the true circle: it never claims more.
    assert footprint.area_fraction <= truth.area / disc.area + 0.005


def test_coverage_time_two_patrols_are_not_double_counted_at_jarinje() -> None:
    post = at(JARINJE, 0.0, 800.0)
    a = patrol("kfor-a", [(post, 0), (post, 120)])
    b = patrol("kfor-b", [(post, 60), (post, 180)])
    cov = compute_coverage(point(JARINJE), *day(), [a, b], [], 1500)
    assert cov.in_sight_minutes == pytest.approx(180.0, abs=0.5)
    assert cov.hours == pytest.approx(4.0, abs=0.01)
    assert cov.window_fraction == pytest.approx(180.0 / 1440.0, abs=1e-3)
    enough = compute_coverage(point(JARINJE), *day(), [a, b], [], 1500, min_minutes=170)
    assert enough.area_fraction == pytest.approx(1.0)
    too_much = compute_coverage(point(JARINJE), *day(), [a, b], [], 1500, min_minutes=200)
    assert too_much.area_fraction == 0.0


def test_coverage_time_min_minutes_adds_up_over_patrols_at_jarinje() -> None:
    post = at(JARINJE, 180.0, 600.0)
    a = patrol("kfor-morning", [(post, 0), (post, 60)])
    b = patrol("kfor-evening", [(post, 600), (post, 660)])
    cov = compute_coverage(point(JARINJE), *day(), [a, b], [], 1500, min_minutes=90)
    assert cov.area_fraction == pytest.approx(1.0)
    assert cov.per_patrol == {"kfor-morning": 0.0, "kfor-evening": 0.0}
    assert cov.in_sight_minutes == pytest.approx(120.0, abs=0.5)


# Past Pyla on one straight segment, 10 km in 60 minutes: seen at 1 km, the 500 m disc
# is a 1.5 km disc, crossed in 3 km, i.e. 18 minutes, from minute 21 to minute 39.
WEST_OF_PYLA, EAST_OF_PYLA = at(PYLA, 270.0, 5000.0), at(PYLA, 90.0, 5000.0)


@pytest.mark.parametrize(
    ("start_min", "end_min", "minutes"),
    [(0, 60, 18.0), (0, 30, 9.0), (25, 35, 10.0), (36, 120, 3.0), (40, 60, 0.0)],
)
def test_coverage_time_window_cuts_a_segment_near_pyla(start_min, end_min, minutes) -> None:
    one_segment = patrol("unficyp", [(WEST_OF_PYLA, 0), (EAST_OF_PYLA, 60)], every_s=1e6)
    start, end = T0 + timedelta(minutes=start_min), T0 + timedelta(minutes=end_min)
    cov = compute_coverage(point(PYLA), start, end, [one_segment], [], 1000)
    assert cov.in_sight_minutes == pytest.approx(minutes, abs=0.2)
    assert cov.window_fraction == pytest.approx(minutes / (end_min - start_min), abs=0.01)
    assert bool(cov.patrol_ids) == (minutes > 0)


def test_coverage_time_buffer_zone_line_near_pyla() -> None:
    """A stretch of the buffer zone (a line, so a 1 km corridor) driven along for 30 min
    and then watched from 6 km away for 3 h: only the 30 minutes count."""
    west, east = at(PYLA, 270.0, 3000.0), at(PYLA, 90.0, 3000.0)
    line = f"LINESTRING ({west[0]} {west[1]}, {east[0]} {east[1]})"
    away = at(PYLA, 0.0, 6000.0)
    drive = patrol("unficyp-2", [(west, 0), (east, 30), (away, 45), (away, 225)])
    cov = compute_coverage(line, *day(), [drive], [], 1000)
    # The corridor seen at 1 km reaches 2 km north of the line: the first third of the
    # 15-minute leg north-west to the watch post.
    assert cov.in_sight_minutes == pytest.approx(30.0 + 5.0, abs=0.5)


def _note(oid: str, pid: str) -> Observation:
    return Observation(
        id=oid,
        type=ObservationType.NOTHING_UNUSUAL,
        observed_at=T0 + timedelta(minutes=30),
        modality=Modality.SEEN,
        patrol_id=pid,
    )


def test_coverage_time_observations_only_of_patrols_truly_in_sight() -> None:
    standing = patrol("sotk-post", [(POST, 0), (POST, 270)])
    passing = stop_then_drive_past()
    notes = [_note("from-post", "sotk-post"), _note("from-drive", "sotk-1")]
    cov = compute_coverage(point(SOTK), *day(), [standing, passing], notes, 2000)
    assert cov.observation_ids == ("from-drive",)
