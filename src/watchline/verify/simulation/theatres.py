"""Generated theatres: a line (straight, zig-zag, curved) or a buffer-zone strip, with the
mission's side, a patrol road, villages on both sides and bases, in several time zones.

Geometry is drawn in kilometres (`plane.Plane`) and handed to the engine as lon/lat WKT.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon

from watchline.domain import Theatre
from watchline.domain.theatre import Base
from watchline.verify.simulation.plane import Plane

LENGTH_KM = 170.0
AOR_DEPTH_KM = 15.0


@dataclass(frozen=True)
class Site:
    """A village of the world, in km; `own` when on the mission's side."""

    name: str
    x: float
    y: float
    own: bool


@dataclass
class WorldMap:
    key: str
    theatre: Theatre
    plane: Plane
    line: LineString
    aor: Polygon
    road: LineString
    own: list[Site]
    far: list[Site]
    bases: list[float]  # positions along the road (km) where patrols start

    @property
    def accused(self) -> str:
        return self.theatre.countries[0]

    @property
    def accuser(self) -> str:
        return self.theatre.countries[1]


@dataclass(frozen=True)
class Shape:
    key: str
    name: str
    lon0: float
    lat0: float
    timezone: str
    countries: tuple[str, str]  # (the mission-side party, the other party)
    kind: str  # straight | zigzag | curve | strip


SHAPES = (
    Shape(
        "arm-aze",
        "Armenia–Azerbaijan border",
        45.0,
        40.0,
        "Asia/Yerevan",
        ("ARM", "AZE"),
        "straight",
    ),
    Shape("loc", "Line of Control", 74.0, 34.0, "Asia/Kolkata", ("IND", "PAK"), "zigzag"),
    Shape("abl", "Kosovo–Serbia ABL", 20.6, 42.9, "Europe/Belgrade", ("SRB", "XKX"), "curve"),
    Shape("cyprus", "Cyprus buffer zone", 33.0, 35.15, "Asia/Nicosia", ("CYP", "TUR"), "strip"),
)


def _line(kind: str) -> LineString:
    if kind == "straight":
        return LineString([(0.0, 0.0), (LENGTH_KM, 0.0)])
    if kind == "zigzag":
        ys = [
            0.0,
            5.0,
            -3.0,
            4.0,
            -4.0,
            3.0,
            -2.0,
            5.0,
            -3.0,
            2.0,
            -4.0,
            4.0,
            -3.0,
            3.0,
            -2.0,
            4.0,
            -3.0,
            0.0,
        ]
        step = LENGTH_KM / (len(ys) - 1)
        return LineString([(i * step, y) for i, y in enumerate(ys)])
    xs = np.linspace(0.0, LENGTH_KM, 86)
    amplitude, period = (6.0, 14.0) if kind == "curve" else (2.0, 30.0)
    return LineString(np.column_stack((xs, amplitude * np.sin(xs / period))))


def _normal(line: LineString, s: float) -> tuple[float, float, float, float]:
    """The point at `s` and the unit normal to its left (the mission's side)."""
    a, b = line.interpolate(max(0.0, s - 0.5)), line.interpolate(min(line.length, s + 0.5))
    dx, dy = b.x - a.x, b.y - a.y
    norm = math.hypot(dx, dy) or 1.0
    p = line.interpolate(s)
    return p.x, p.y, -dy / norm, dx / norm


def _villages(
    world_line: LineString, aor: Polygon, rng: random.Random, strip: bool, key: str
) -> tuple[list[Site], list[Site]]:
    own: list[Site] = []
    far: list[Site] = []
    s = 7.0
    while s < world_line.length - 7.0:
        x0, y0, nx, ny = _normal(world_line, s)
        depth = rng.uniform(-0.9, 0.9) if strip else rng.uniform(1.8, 5.0)
        x, y = x0 + nx * depth, y0 + ny * depth
        if aor.contains(Point(x, y)) and (strip or world_line.distance(Point(x, y)) >= 1.6):
            own.append(Site(f"{key}-N{len(own):02d}", x, y, True))
        side = rng.choice((-1.0, 1.0)) if strip else -1.0
        depth = side * rng.uniform(4.8, 7.0) if strip else -rng.uniform(2.4, 5.0)
        x, y = x0 + nx * depth, y0 + ny * depth
        p = Point(x, y)
        beyond = not aor.contains(p) and aor.distance(p) >= (2.2 if strip else 0.0)
        if beyond and world_line.distance(p) >= 2.2:
            far.append(Site(f"{key}-S{len(far):02d}", x, y, False))
        s += rng.uniform(5.3, 6.0)
    return own, far


def build_map(shape: Shape, seed: int, visibility_m: float = 2000.0) -> WorldMap:
    """One theatre of the world, drawn from `seed`."""
    rng = random.Random(f"{seed}:{shape.key}")
    plane = Plane(shape.lon0, shape.lat0)
    line = _line(shape.kind)
    if shape.kind == "strip":
        aor = line.buffer(2.5, cap_style="flat")
        road = line
    else:
        aor = line.buffer(AOR_DEPTH_KM, single_sided=True)
        road = line.offset_curve(1.0)
        if road.geom_type != "LineString":
            road = max(road.geoms, key=lambda g: g.length)
    aor = shapely.make_valid(aor).simplify(0.05)
    own, far = _villages(line, aor, rng, shape.kind == "strip", shape.key)
    bases = [road.length * f for f in (0.12, 0.5, 0.88)]
    base_points = [road.interpolate(s) for s in bases]
    lonlat = [plane.lonlat(p.x, p.y) for p in base_points]
    theatre = Theatre(
        id=shape.key,
        name=shape.name,
        mission_actor="mission",
        countries=shape.countries,
        timezone=shape.timezone,
        visibility_m=visibility_m,
        area_of_responsibility=plane.wkt(list(aor.exterior.coords), "POLYGON"),
        border=plane.wkt(list(line.coords)),
        border_names=("the line", "the border"),
        bases=tuple(
            Base(f"{shape.key}-b{i}", f"{shape.key} base {i}", float(lat), float(lon))
            for i, (lon, lat) in enumerate(lonlat)
        ),
    )
    return WorldMap(shape.key, theatre, plane, line, aor, road, own, far, bases)
