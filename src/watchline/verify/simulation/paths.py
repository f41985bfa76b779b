"""Where a patrol truly was, second by second, and the GPS track it recorded of it.

A true path is a list of (time, x, y) waypoints in km, followed at constant speed between
them (two waypoints at one place are a stop). The recorded track is sampled from it at
irregular fixes (10–60 s), with metre-level noise and, now and then, a wild fix that is
nowhere near the patrol: what a real logger writes.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from shapely.geometry import LineString, Point

FIX_SECONDS = (10.0, 60.0)
NOISE_KM = 0.008


@dataclass
class TruePath:
    """Waypoints (t in UTC epoch seconds, x, y in km), times strictly increasing."""

    t: np.ndarray
    x: np.ndarray
    y: np.ndarray
    waits: list[tuple[float, float]] = field(default_factory=list)  # stops ≥ 20 min

    @property
    def start(self) -> float:
        return float(self.t[0])

    @property
    def end(self) -> float:
        return float(self.t[-1])

    def at(self, times: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Positions at `times` (inside the path's span)."""
        return np.interp(times, self.t, self.x), np.interp(times, self.t, self.y)

    def samples(self, start: float, end: float, step: float = 10.0) -> np.ndarray:
        """Times every `step` seconds of [start, end] ∩ the path's span (empty if none)."""
        a, b = max(start, self.start), min(end, self.end)
        if b <= a:
            return np.empty(0)
        return np.arange(a, b, step)


class PathBuilder:
    """Drives a patrol: along the road, off-road to a place, and stops."""

    def __init__(self, road: LineString, t0: float, s0: float) -> None:
        self.road = road
        p = road.interpolate(s0)
        self.points: list[tuple[float, float, float]] = [(t0, p.x, p.y)]
        self.s = s0
        self.waits: list[tuple[float, float]] = []

    @property
    def now(self) -> float:
        return self.points[-1][0]

    @property
    def where(self) -> tuple[float, float]:
        return self.points[-1][1], self.points[-1][2]

    def go(self, x: float, y: float, kmh: float) -> PathBuilder:
        t, x0, y0 = self.points[-1]
        hours = math.hypot(x - x0, y - y0) / kmh
        self.points.append((t + max(1.0, hours * 3600.0), x, y))
        return self

    def along(self, s: float, kmh: float) -> PathBuilder:
        """Drive on the road to position `s` (km along it), through its bends."""
        s = min(max(0.0, s), self.road.length)
        if self.s == s:
            return self
        steps = max(1, int(abs(s - self.s) / 0.5))
        for k in range(1, steps + 1):
            p = self.road.interpolate(self.s + (s - self.s) * k / steps)
            self.go(p.x, p.y, kmh)
        self.s = s
        return self

    def to_road(self, kmh: float = 30.0) -> PathBuilder:
        x, y = self.where
        self.s = self.road.project(Point(x, y))
        p = self.road.interpolate(self.s)
        return self.go(p.x, p.y, kmh)

    def visit(self, x: float, y: float, kmh: float = 25.0) -> PathBuilder:
        """Leave the road where it is nearest to (x, y) and drive there."""
        self.along(self.road.project(Point(x, y)), kmh * 2)
        return self.go(x, y, kmh)

    def wait_until(self, t: float) -> PathBuilder:
        t0, x, y = self.points[-1]
        if t > t0 + 1.0:
            self.points.append((t, x, y))
            if t - t0 >= 1200.0:
                self.waits.append((t0, t))
        return self

    def wait(self, minutes: float) -> PathBuilder:
        return self.wait_until(self.now + minutes * 60.0)

    def path(self) -> TruePath:
        arr = np.array(self.points)
        return TruePath(arr[:, 0], arr[:, 1], arr[:, 2], list(self.waits))


@dataclass
class Recorded:
    """A GPS track as a logger wrote it (km, later turned into lon/lat by the caller)."""

    t: np.ndarray
    x: np.ndarray
    y: np.ndarray
    wild: int = 0  # how many fixes are wild


def record(
    path: TruePath, rng: random.Random, wild: Sequence[tuple[float, float]] = ()
) -> Recorded:
    """Fixes every 10–60 s with GPS noise; `wild` positions replace random fixes."""
    gen = np.random.default_rng(rng.getrandbits(32))
    span = path.end - path.start
    gaps = gen.uniform(*FIX_SECONDS, size=int(span / 10.0) + 2)
    times = path.start + np.concatenate(([0.0], np.cumsum(gaps)))
    times = np.append(times[times < path.end], path.end)
    x, y = path.at(times)
    x = x + gen.normal(0.0, NOISE_KM, len(x))
    y = y + gen.normal(0.0, NOISE_KM, len(y))
    for wx, wy in wild:
        k = int(gen.integers(1, len(times) - 1))
        x[k], y[k] = wx, wy
    return Recorded(times, x, y, len(wild))
