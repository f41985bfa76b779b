"""Coverage, checked against geometries whose answer is known by hand."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from watchline.domain import Modality, Observation, ObservationType, Patrol, TrackPoint
from watchline.errors import WatchlineError
from watchline.geo.geometry import destination
from watchline.observe.coverage import compute_coverage

# A 10 km east-west segment near Jermuk at 39.84 N: 10 km is 0.11710 degrees there.
LAT = 39.84
WEST = 45.60
EAST = destination(WEST, LAT, 90.0, 10_000)[0]
SEGMENT = f"LINESTRING ({WEST} {LAT}, {EAST} {LAT})"
T0 = datetime(2024, 3, 31, 5, 0, tzinfo=UTC)
# The area is the segment's 1 km corridor: 10 km x 2 km plus two half-disc caps.
CORRIDOR = 20 + math.pi
# A track along the western half seen at 1 km: 5 km x 2 km plus both its 1 km caps.
HALF_AT_1KM = (10 + math.pi) / CORRIDOR
# ... seen at 2 km: its eastern cap reaches x = 5 + sqrt(4 - y^2) across the corridor.
HALF_AT_2KM = (10 + math.sqrt(3) + 2 * math.pi / 3 + math.pi / 2) / CORRIDOR


def straight_patrol(pid: str, frac_from: float, frac_to: float, minutes: int = 60) -> Patrol:
    """A patrol driving along the segment from one fraction of it to another."""
    n = 61
    points = []
    for i in range(n):
        f = frac_from + (frac_to - frac_from) * i / (n - 1)
        lon = WEST + (EAST - WEST) * f
        points.append(TrackPoint(lon, LAT, T0 + timedelta(minutes=minutes * i / (n - 1))))
    return Patrol(id=pid, team="t", start=points[0].time, end=points[-1].time, track=tuple(points))


def window(hours_from: float, hours_to: float) -> tuple[datetime, datetime]:
    return T0 + timedelta(hours=hours_from), T0 + timedelta(hours=hours_to)


def test_coverage_full_track_covers_whole_segment() -> None:
    cov = compute_coverage(SEGMENT, *window(0, 1), [straight_patrol("p1", 0, 1)], [], 2000)
    assert cov.area_fraction == pytest.approx(1.0, abs=0.01)
    assert cov.patrol_ids == ("p1",)
    assert cov.hours == pytest.approx(1.0, abs=0.01)
    assert cov.window_fraction == pytest.approx(1.0, abs=0.01)


def test_coverage_half_track_covers_about_half() -> None:
    cov = compute_coverage(SEGMENT, *window(0, 1), [straight_patrol("p1", 0, 0.5)], [], 2000)
    assert cov.area_fraction == pytest.approx(HALF_AT_2KM, abs=0.01)
    near = compute_coverage(SEGMENT, *window(0, 1), [straight_patrol("p1", 0, 0.5)], [], 1000)
    assert near.area_fraction == pytest.approx(HALF_AT_1KM, abs=0.01)


def test_coverage_window_clips_the_track() -> None:
    # Only the first 30 minutes (the western half) count.
    cov = compute_coverage(SEGMENT, *window(0, 0.5), [straight_patrol("p1", 0, 1)], [], 1000)
    assert cov.area_fraction == pytest.approx(HALF_AT_1KM, abs=0.01)
    assert cov.hours == pytest.approx(0.5, abs=0.02)
    assert cov.window_fraction == pytest.approx(1.0, abs=0.01)


def test_coverage_window_outside_patrol_is_zero() -> None:
    cov = compute_coverage(SEGMENT, *window(3, 5), [straight_patrol("p1", 0, 1)], [], 2000)
    assert cov.area_fraction == 0.0
    assert cov.patrol_ids == ()
    assert cov.hours == 0.0
    assert cov.window_fraction == 0.0


def test_coverage_far_patrol_does_not_count() -> None:
    far = Patrol(
        id="far",
        team="t",
        start=T0,
        end=T0 + timedelta(hours=1),
        track=(TrackPoint(46.3, 39.5, T0), TrackPoint(46.31, 39.5, T0 + timedelta(hours=1))),
    )
    cov = compute_coverage(SEGMENT, *window(0, 1), [far], [], 2000)
    assert cov.area_fraction == 0.0 and cov.patrol_ids == ()


def test_coverage_union_of_two_patrols_and_window_fraction() -> None:
    a = straight_patrol("a", 0, 0.5)
    b = straight_patrol("b", 0.5, 1)
    cov = compute_coverage(SEGMENT, *window(0, 2), [a, b], [], 1000)
    assert cov.area_fraction == pytest.approx(1.0, abs=0.01)
    assert set(cov.per_patrol) == {"a", "b"}
    assert cov.per_patrol["a"] == pytest.approx(HALF_AT_1KM, abs=0.01)
    assert cov.window_fraction == pytest.approx(0.5, abs=0.01)  # both drove the first hour
    assert cov.hours == pytest.approx(2.0, abs=0.02)


def test_coverage_point_area_is_a_disc() -> None:
    centre = WEST + (EAST - WEST) / 2
    point = f"POINT ({centre} {LAT + 0.018})"  # 2 km north of the track
    cov = compute_coverage(point, *window(0, 1), [straight_patrol("p1", 0, 1)], [], 2000)
    # The 500 m disc around the point is half inside the 2 km visibility band.
    assert cov.area_fraction == pytest.approx(0.5, abs=0.05)


def test_coverage_polygon_area() -> None:
    # A 10 km x 10 km square with the track along its southern edge: 2 km of 10 km seen.
    north = destination(WEST, LAT, 0.0, 10_000)[1]
    square = f"POLYGON (({WEST} {LAT}, {EAST} {LAT}, {EAST} {north}, {WEST} {north}, {WEST} {LAT}))"
    cov = compute_coverage(square, *window(0, 1), [straight_patrol("p1", 0, 1)], [], 2000)
    assert cov.area_fraction == pytest.approx(0.2, abs=0.01)


def test_coverage_patrol_visibility_wins() -> None:
    patrol = straight_patrol("p1", 0, 0.5)
    own = Patrol(**{**patrol.__dict__, "visibility_m": 1000.0})
    cov = compute_coverage(SEGMENT, *window(0, 1), [own], [], 2000)
    assert cov.area_fraction == pytest.approx(HALF_AT_1KM, abs=0.01)


def _obs(oid: str, minutes: int, lon: float | None, patrol_id: str | None = "p1") -> Observation:
    return Observation(
        id=oid,
        type=ObservationType.NOTHING_UNUSUAL,
        observed_at=T0 + timedelta(minutes=minutes),
        modality=Modality.SEEN,
        patrol_id=patrol_id,
        lat=None if lon is None else LAT,
        lon=lon,
    )


def test_coverage_lists_observations_inside_area_and_window() -> None:
    observations = [
        _obs("inside", 10, WEST + 0.05),
        _obs("late", 200, WEST + 0.05),
        _obs("elsewhere", 10, 46.3),
        _obs("no-place", 20, None),
        _obs("no-place-other", 20, None, patrol_id="p9"),
    ]
    patrols = [straight_patrol("p1", 0, 1)]
    cov = compute_coverage(SEGMENT, *window(0, 1), patrols, observations, 2000)
    assert cov.observation_ids == ("inside", "no-place")


@pytest.mark.parametrize(
    "area",
    ["POINT (45 ", "POLYGON EMPTY", "not wkt", "POINT (nan 2)", "POINT (1 inf)", "POINT (200 40)"],
)
def test_coverage_rejects_bad_area(area: str) -> None:
    with pytest.raises(WatchlineError) as err:
        compute_coverage(area, *window(0, 1), [], [], 2000)
    assert err.value.code == "E300"


def test_coverage_counts_findings_made_within_sight_of_the_area() -> None:
    # 1.5 km north of the segment: outside its 1 km corridor, within 2 km visibility.
    off = [_obs("by-p1", 10, WEST + 0.05, "p1"), _obs("by-other", 10, WEST + 0.05, "p9")]
    off = [Observation(**{**o.__dict__, "lat": LAT + 0.0135}) for o in off]
    cov = compute_coverage(SEGMENT, *window(0, 1), [straight_patrol("p1", 0, 1)], off, 2000)
    assert cov.observation_ids == ("by-p1",)
