"""Tracks as arrays: clip to a time window, simplify, and turn into lines.

Coverage runs over thousands of patrols per query, so tracks are handled as numpy arrays
of lon, lat and epoch seconds rather than as lists of TrackPoint objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from watchline.domain import TrackPoint


@dataclass(frozen=True)
class TrackArrays:
    """A track as parallel arrays: lon and lat in degrees, t in UTC epoch seconds."""

    lon: np.ndarray
    lat: np.ndarray
    t: np.ndarray

    @classmethod
    def of(cls, points: Sequence[TrackPoint]) -> TrackArrays:
        return cls(
            np.fromiter((p.lon for p in points), float, len(points)),
            np.fromiter((p.lat for p in points), float, len(points)),
            np.fromiter((p.time.timestamp() for p in points), float, len(points)),
        )

    def __len__(self) -> int:
        return len(self.t)

    def points(self) -> tuple[TrackPoint, ...]:
        return tuple(
            TrackPoint(float(x), float(y), datetime.fromtimestamp(float(s), UTC))
            for x, y, s in zip(self.lon, self.lat, self.t, strict=True)
        )

    def clip(self, start: float, end: float) -> TrackArrays:
        """The part of the track between `start` and `end` (epoch seconds), with
        positions interpolated where the window cuts a segment."""
        if not len(self) or end < self.t[0] or start > self.t[-1]:
            return TrackArrays(np.empty(0), np.empty(0), np.empty(0))
        if start <= self.t[0] and end >= self.t[-1]:
            return self
        inner = (self.t > start) & (self.t < end)
        s, e = max(start, self.t[0]), min(end, self.t[-1])
        t = np.concatenate(([s], self.t[inner], [e]))
        lon = np.interp(t, self.t, self.lon)
        lat = np.interp(t, self.t, self.lat)
        return TrackArrays(lon, lat, t)

    def line(self) -> BaseGeometry | None:
        """The track as a LineString (a Point when it stands still), or None if empty."""
        if not len(self):
            return None
        coords = np.column_stack((self.lon, self.lat))
        if len(coords) == 1 or np.all(coords == coords[0]):
            return shapely.Point(coords[0])
        return shapely.LineString(coords)

    def simplified(self, kx: float, ky: float, tolerance_m: float) -> TrackArrays:
        """The fixes a space-time Douglas–Peucker keeps at `tolerance_m` (in a metric
        frame scaled by kx, ky metres per degree), with their own timestamps.

        A fix is dropped only when the position interpolated *in time* between the kept
        neighbours lies within `tolerance_m` of it (the synchronised Euclidean distance).
        Position-only simplification drops the start and end of a stop, which moves the
        stop's hours onto the far ends of the next segment; this one keeps them, so the
        simplified track is within `tolerance_m` of the true one at every instant.
        """
        if len(self) < 3:
            return self
        keep = sed_keep(self.lon * kx, self.lat * ky, self.t, tolerance_m)
        return TrackArrays(self.lon[keep], self.lat[keep], self.t[keep])


def sed_keep(x: np.ndarray, y: np.ndarray, t: np.ndarray, tolerance_m: float) -> np.ndarray:
    """Mask of the fixes Douglas–Peucker keeps on the synchronised Euclidean distance:
    split at the fix farthest from its time-interpolated position until every dropped
    fix lies within `tolerance_m` of it. The first and last fixes are always kept."""
    n = len(t)
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    limit = tolerance_m * tolerance_m
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        if j - i < 2:
            continue
        span = t[j] - t[i]
        inner = slice(i + 1, j)
        f = (t[inner] - t[i]) / span if span > 0 else np.zeros(j - i - 1)
        dx = x[inner] - (x[i] + f * (x[j] - x[i]))
        dy = y[inner] - (y[i] + f * (y[j] - y[i]))
        d2 = dx * dx + dy * dy
        k = int(np.argmax(d2))
        if d2[k] > limit:
            m = i + 1 + k
            keep[m] = True
            stack.append((i, m))
            stack.append((m, j))
    return keep
