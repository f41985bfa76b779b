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
        """The vertices Douglas–Peucker keeps at `tolerance_m` (in a metric frame scaled
        by kx, ky metres per degree), with their own timestamps."""
        if len(self) < 3:
            return self
        xy = np.column_stack((self.lon * kx, self.lat * ky))
        kept = shapely.get_coordinates(
            shapely.simplify(shapely.LineString(xy), tolerance_m, preserve_topology=False)
        )
        index = _match(xy, kept)
        return TrackArrays(self.lon[index], self.lat[index], self.t[index])


def _match(original: np.ndarray, kept: np.ndarray) -> np.ndarray:
    """Indices of `kept` vertices in `original` (kept is an ordered subset)."""
    out = np.empty(len(kept), dtype=np.int64)
    j = 0
    for i, row in enumerate(kept):
        while j < len(original) - 1 and not (original[j, 0] == row[0] and original[j, 1] == row[1]):
            j += 1
        out[i] = j
    out[-1] = len(original) - 1
    out[0] = 0
    return np.unique(out)
