"""The simulator's truth sampler, on paths whose answer is known by hand."""

from __future__ import annotations

import random

import numpy as np
import pytest
from shapely.geometry import LineString

from watchline.verify.policy import VerifyPolicy
from watchline.verify.simulation.paths import PathBuilder, TruePath, record
from watchline.verify.simulation.plane import Plane, disc_grid
from watchline.verify.simulation.theatres import SHAPES, Shape, build_map
from watchline.verify.simulation.truth import first_sight, in_sight, required_minutes

ROAD = LineString([(0.0, 0.0), (60.0, 0.0)])
T0 = 1_711_872_000.0  # 2024-03-31 08:00 UTC


def standing(x: float, y: float, minutes: float) -> TruePath:
    return TruePath(np.array([T0, T0 + minutes * 60]), np.array([x, x]), np.array([y, y]))


def test_a_spot_within_visibility_is_in_sight_for_the_whole_stop() -> None:
    spot = np.array([[0.0, 1.5]])  # 1.5 km from a patrol standing 30 min at the origin
    sight = in_sight(spot, [standing(0.0, 0.0, 30)], T0 - 3600, T0 + 7200, vis_km=2.0)
    assert sight.per_spot[0] == pytest.approx(30.0, abs=0.2)


def test_a_spot_beyond_visibility_is_never_in_sight() -> None:
    spot = np.array([[0.0, 2.5]])
    assert in_sight(spot, [standing(0.0, 0.0, 300)], T0, T0 + 86400, 2.0).any_minutes == 0.0


def test_a_brief_pass_is_in_sight_for_its_chord_only() -> None:
    """At 60 km/h along a road 1 km from the spot: a 2·√3 km chord, about 3.5 minutes."""
    b = PathBuilder(ROAD, T0, 0.0).along(40.0, 60.0)
    sight = in_sight(np.array([[20.0, 1.0]]), [b.path()], T0, T0 + 7200, 2.0)
    assert sight.per_spot[0] == pytest.approx(2 * 3**0.5, abs=0.2)


def test_a_long_stop_far_away_adds_no_time_in_sight() -> None:
    """The issue's case: a pass by the village, then 4.5 h at a post 9 km beyond it."""
    b = PathBuilder(ROAD, T0, 0.0).along(20.0, 60.0).along(29.0, 60.0).wait(270).along(0.0, 60.0)
    sight = in_sight(np.array([[20.0, 1.0]]), [b.path()], T0, T0 + 86400, 2.0)
    assert sight.per_spot[0] == pytest.approx(2 * 2 * 3**0.5, abs=0.4)  # there and back


def test_patrols_together_count_once_for_the_same_minutes() -> None:
    two = [standing(0.0, 0.0, 60), standing(0.5, 0.0, 60)]
    assert in_sight(np.array([[0.0, 1.0]]), two, T0, T0 + 7200, 2.0).any_minutes == pytest.approx(
        60.0, abs=0.2
    )


def test_time_outside_the_window_does_not_count() -> None:
    sight = in_sight(np.array([[0.0, 0.0]]), [standing(0.0, 0.0, 120)], T0 + 3600, T0 + 7200, 2.0)
    assert sight.any_minutes == pytest.approx(60.0, abs=0.2)


def test_first_sight_is_when_the_patrol_comes_within_visibility() -> None:
    b = PathBuilder(ROAD, T0, 0.0).along(30.0, 60.0)  # one km a minute
    seen = first_sight(b.path(), 10.0, 0.0, T0, T0 + 7200, 2.0)
    assert seen is not None and seen - T0 == pytest.approx(8 * 60, abs=10)


def test_recorded_fixes_are_10_to_60_s_apart_and_wild_fixes_are_counted() -> None:
    path = standing(0.0, 0.0, 120)
    rec = record(path, random.Random(3), wild=[(500.0, 500.0)])
    gaps = np.diff(rec.t)
    assert gaps[:-1].min() >= 10.0 and gaps.max() <= 60.0
    assert rec.wild == 1 and np.sum(np.hypot(rec.x, rec.y) > 100) == 1


def test_required_minutes_follow_the_policy() -> None:
    policy = VerifyPolicy()
    assert required_minutes(policy, 1440) == pytest.approx(policy.min_window_hours * 60)
    assert required_minutes(policy, 60) <= 60


def test_disc_grid_samples_the_disc_evenly() -> None:
    grid = disc_grid(0.0, 0.0, 3.0, 0.25)
    assert len(grid) * 0.25**2 == pytest.approx(np.pi * 9, rel=0.03)
    assert np.hypot(*grid.T).max() <= 3.0


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.key)
def test_each_theatre_has_villages_on_both_sides(shape: Shape) -> None:
    world_map = build_map(shape, seed=1)
    assert len(world_map.own) >= 20 and len(world_map.far) >= 15
    plane = Plane(shape.lon0, shape.lat0)
    x, y = plane.km(*plane.lonlat(12.5, -3.0))
    assert (float(x), float(y)) == pytest.approx((12.5, -3.0))
