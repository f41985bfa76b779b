"""The simulated world's own map: kilometres east/north of a reference point.

Everything the simulator knows as truth (where a patrol was, where an event happened,
what lay within sight) is computed here in kilometres, with this module's own
conversion to lon/lat; nothing is borrowed from `watchline.observe` so that the
engine's geometry is checked, not reused.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

KM_PER_DEG_LAT = 110.574  # WGS 84, mid latitudes
KM_PER_DEG_LON_EQUATOR = 111.320


@dataclass(frozen=True)
class Plane:
    """An equirectangular map centred on (lon0, lat0); good to ~0.3 % over 200 km."""

    lon0: float
    lat0: float

    @property
    def kx(self) -> float:
        return KM_PER_DEG_LON_EQUATOR * math.cos(math.radians(self.lat0))

    def lonlat(self, x: np.ndarray | float, y: np.ndarray | float) -> tuple:
        return self.lon0 + np.asarray(x) / self.kx, self.lat0 + np.asarray(y) / KM_PER_DEG_LAT

    def km(self, lon: np.ndarray | float, lat: np.ndarray | float) -> tuple:
        return (np.asarray(lon) - self.lon0) * self.kx, (
            np.asarray(lat) - self.lat0
        ) * KM_PER_DEG_LAT

    def wkt(self, coords: list[tuple[float, float]], kind: str = "LINESTRING") -> str:
        lon, lat = self.lonlat(np.array([c[0] for c in coords]), np.array([c[1] for c in coords]))
        body = ", ".join(f"{a:.6f} {b:.6f}" for a, b in zip(lon, lat, strict=True))
        return f"{kind} (({body}))" if kind == "POLYGON" else f"{kind} ({body})"


def disc_grid(cx: float, cy: float, radius_km: float, step_km: float) -> np.ndarray:
    """Points on a square grid inside a disc: the claimed place, sampled (n × 2, km)."""
    n = int(radius_km / step_km)
    offsets = np.arange(-n, n + 1) * step_km
    gx, gy = np.meshgrid(offsets, offsets)
    keep = gx**2 + gy**2 <= radius_km**2
    return np.column_stack((cx + gx[keep], cy + gy[keep]))
