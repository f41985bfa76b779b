"""Wild GPS fixes: find the points a patrol vehicle cannot have driven to, and drop them.

A receiver that loses its fix may log (0, 0), (lon 1, lat 2) or a point tens of km off
for a second. Kept, such a point draws a straight line to it and back, and the patrol
"covers" a desert it never saw. Two rules, both about what a vehicle can do:

- Speed ceiling: no patrol vehicle of a monitoring mission covers ground faster than
  MAX_SPEED_KMH (200 km/h) between fixes. Starting from a trusted point (the one closest
  to the track's median position, so a wild first point is not trusted), each later
  point must be reachable at that speed from the last kept point, and each earlier one
  likewise backwards; the others are dropped. Fixes within JITTER_M of each other are
  always reachable, so repeated fixes at one time are not dropped.
- Jump and back: a single point off the line of its neighbours, reached and left at an
  average of more than SPIKE_SPEED_KMH, with both legs over SPIKE_MIN_M while the
  neighbours lie close together, is a glitch, not a patrol turning back at a dead end
  (that shows as a slow out-and-back).

Pure numpy; the fast path (nothing implausible) is vectorised, so a million points cost
milliseconds.
"""

from __future__ import annotations

import numpy as np

from watchline.geo.geometry import distance_m, distances_m

MAX_SPEED_KMH = 200.0
SPIKE_SPEED_KMH = 120.0
SPIKE_MIN_M = 1_000.0
JITTER_M = 100.0


def _reachable(dist: np.ndarray, dt: np.ndarray, speed_ms: float) -> np.ndarray:
    return (dist <= JITTER_M) | (dist <= speed_ms * np.maximum(np.abs(dt), 1.0))


def plausible(
    lon: np.ndarray, lat: np.ndarray, t: np.ndarray, max_speed_kmh: float = MAX_SPEED_KMH
) -> np.ndarray:
    """A boolean mask of the points to keep (times in seconds, in order)."""
    n = len(lon)
    keep = np.ones(n, dtype=bool)
    if n < 2:
        return keep
    speed = max_speed_kmh / 3.6
    steps = distances_m(lon[:-1], lat[:-1], lon[1:], lat[1:])
    if not _reachable(steps, np.diff(t), speed).all():
        keep = _greedy(lon, lat, t, speed)
    return keep & ~_spikes(lon, lat, t, keep)


def _greedy(lon: np.ndarray, lat: np.ndarray, t: np.ndarray, speed: float) -> np.ndarray:
    keep = np.zeros(len(lon), dtype=bool)
    mid_lon, mid_lat = np.median(lon), np.median(lat)
    anchor = int(np.argmin(distances_m(lon, lat, np.full_like(lon, mid_lon), mid_lat)))
    keep[anchor] = True
    xs, ys, ts = lon.tolist(), lat.tolist(), t.tolist()
    for order in (range(anchor + 1, len(xs)), range(anchor - 1, -1, -1)):
        last = anchor
        for i in order:
            d = distance_m(xs[last], ys[last], xs[i], ys[i])
            if d <= JITTER_M or d <= speed * max(abs(ts[i] - ts[last]), 1.0):
                keep[i] = True
                last = i
    return keep


def _spikes(lon: np.ndarray, lat: np.ndarray, t: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Kept points that jump away from their kept neighbours and straight back."""
    spikes = np.zeros(len(lon), dtype=bool)
    idx = np.flatnonzero(keep)
    if len(idx) < 3:
        return spikes
    x, y, s = lon[idx], lat[idx], t[idx]
    out = distances_m(x[:-2], y[:-2], x[1:-1], y[1:-1])
    back = distances_m(x[1:-1], y[1:-1], x[2:], y[2:])
    direct = distances_m(x[:-2], y[:-2], x[2:], y[2:])
    elapsed = np.maximum(s[2:] - s[:-2], 1.0)
    legs = np.minimum(out, back)
    wild = (
        (legs > SPIKE_MIN_M)
        & (direct < 0.2 * legs)
        & ((out + back) / elapsed > SPIKE_SPEED_KMH / 3.6)
    )
    spikes[idx[1:-1][wild]] = True
    return spikes
