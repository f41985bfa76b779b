"""Metric geometry for places and coverage: lon/lat WKT in, metres out, and back.

Buffers of "2 km visibility" and areas in square metres need a metric projection. We use
an equirectangular projection centred on a reference latitude: x = R·λ·cos φ0, y = R·φ.
Over a theatre a few hundred kilometres across it is accurate to about 1–2 % in
east–west distances (cos φ changes ~1.3 % per degree at 40° N), and coverage is a ratio of
two areas projected the same way, so most of that error cancels. It needs no PROJ
database, is a single multiply per coordinate (vectorised by shapely), and is exactly
invertible, which keeps the import of a million track points fast.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

EARTH_RADIUS_M = 6_371_008.8
DEG = math.pi / 180.0


class LocalProjection:
    """An equirectangular projection around `lat0` (degrees); metres in, metres out."""

    def __init__(self, lat0: float) -> None:
        self.lat0 = lat0
        self.kx = EARTH_RADIUS_M * DEG * math.cos(lat0 * DEG)
        self.ky = EARTH_RADIUS_M * DEG

    def forward(self, geom: BaseGeometry) -> BaseGeometry:
        """Lon/lat degrees to metres."""
        return shapely.transform(geom, lambda xy: xy * (self.kx, self.ky))

    def inverse(self, geom: BaseGeometry) -> BaseGeometry:
        """Metres to lon/lat degrees."""
        return shapely.transform(geom, lambda xy: xy / (self.kx, self.ky))

    def forward_xy(self, lon: float, lat: float) -> tuple[float, float]:
        return lon * self.kx, lat * self.ky

    def inverse_xy(self, x: float, y: float) -> tuple[float, float]:
        return x / self.kx, y / self.ky

    def buffer(self, geom: BaseGeometry, metres: float, quad_segs: int = 8) -> BaseGeometry:
        """`geom` (lon/lat) buffered by `metres`, returned in lon/lat."""
        return self.inverse(self.forward(geom).buffer(metres, quad_segs=quad_segs))


def in_lonlat_range(geom: BaseGeometry) -> bool:
    """Whether every coordinate is a finite lon/lat (±180, ±90); NaN fails too."""
    minx, miny, maxx, maxy = geom.bounds
    return -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90


def projection_for(geom: BaseGeometry) -> LocalProjection:
    """A projection centred on the middle latitude of `geom`'s bounding box."""
    _, miny, _, maxy = geom.bounds
    return LocalProjection((miny + maxy) / 2.0)


def buffer_m(geom: BaseGeometry, metres: float) -> BaseGeometry:
    """Buffer a lon/lat geometry by a distance in metres."""
    return projection_for(geom).buffer(geom, metres)


def distance_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = lat1 * DEG, lat2 * DEG
    dp, dl = p2 - p1, (lon2 - lon1) * DEG
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def distances_m(
    lon1: np.ndarray, lat1: np.ndarray, lon2: np.ndarray, lat2: np.ndarray
) -> np.ndarray:
    """`distance_m` elementwise over arrays (the haversine, vectorised)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon1)
    h = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def destination(lon: float, lat: float, bearing_deg: float, metres: float) -> tuple[float, float]:
    """The point `metres` away from (lon, lat) on `bearing_deg` (0 = north, 90 = east)."""
    d = metres / EARTH_RADIUS_M
    b = bearing_deg * DEG
    p1, l1 = lat * DEG, lon * DEG
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(
        math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2)
    )
    return ((l2 / DEG + 540.0) % 360.0) - 180.0, p2 / DEG
