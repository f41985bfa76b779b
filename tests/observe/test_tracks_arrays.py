"""Track arrays: clipping to a window and simplifying keep times consistent."""

from __future__ import annotations

import numpy as np
import pytest

from watchline.geo.geometry import LocalProjection
from watchline.observe.tracks import TrackArrays

TRACK = TrackArrays(
    np.array([45.0, 45.1, 45.2, 45.3]), np.array([40.0, 40.0, 40.1, 40.1]), np.arange(4) * 600.0
)


@pytest.mark.parametrize(
    ("start", "end", "lons", "times"),
    [
        (-100, 5000, [45.0, 45.1, 45.2, 45.3], [0, 600, 1200, 1800]),
        (300, 900, [45.05, 45.1, 45.15], [300, 600, 900]),
        (600, 600, [45.1, 45.1], [600, 600]),
        (2000, 3000, [], []),
    ],
)
def test_tracks_clip_interpolates_edges(start, end, lons, times) -> None:
    clipped = TRACK.clip(start, end)
    assert clipped.lon.tolist() == pytest.approx(lons)
    assert clipped.t.tolist() == pytest.approx(times)


def test_tracks_simplify_keeps_ends_and_own_times() -> None:
    n = 1001
    lon = np.linspace(45.0, 45.5, n)
    lat = (
        40.0 + np.where(np.arange(n) < 500, 0.0, 0.05) + np.random.default_rng(1).normal(0, 1e-5, n)
    )
    track = TrackArrays(lon, lat, np.arange(n) * 30.0)
    proj = LocalProjection(40.0)
    simple = track.simplified(proj.kx, proj.ky, 25.0)
    assert 3 <= len(simple) < 50
    assert simple.t[0] == 0 and simple.t[-1] == track.t[-1]
    index = (simple.t / 30.0).astype(int)
    assert np.array_equal(simple.lon, lon[index]) and np.array_equal(simple.lat, lat[index])
    assert np.all(np.diff(simple.t) > 0)
