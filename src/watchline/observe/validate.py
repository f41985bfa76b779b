"""Check a raw track before it becomes a patrol: times, order, ranges, whereabouts.

Each problem raises an InputError that names the file, the point and the reason; the
importer reports it and moves on to the next file, storing nothing of this one.
Naive times are read in the theatre's time zone (warning W301), see observe/times.py.
Whereabouts: at least half the points must lie within AOR_MARGIN_M of the theatre's area
of responsibility, otherwise the track is refused as far outside it (E307), or as
having latitude and longitude swapped when the swapped track would fit (E306).
Wild fixes (observe/outliers.py: faster than a patrol vehicle, or a jump away and back)
are dropped before anything else looks at the track, counted and named in warning W302;
a track that is mostly such points is refused (E318), since its clock or positions are
wrong throughout. Times outside 1990–2100 are clock faults (E303).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
import shapely.wkt

from watchline.domain import Patrol, Theatre, TrackPoint
from watchline.errors import Errors, InputError
from watchline.geo.geometry import buffer_m, projection_for
from watchline.observe.formats import RawTrack
from watchline.observe.outliers import MAX_SPEED_KMH, plausible
from watchline.observe.times import check_year, localise

AOR_MARGIN_M = 10_000.0


@dataclass
class PatrolMeta:
    """What the monitor says about a patrol; the file's own metadata fills the gaps."""

    team: str | None = None
    base: str | None = None
    vehicle: str | None = None
    visibility_m: float | None = None


@dataclass
class Checked:
    patrol: Patrol
    warnings: list[str] = field(default_factory=list)


def check_track(path: Path, raw: RawTrack, meta: PatrolMeta, theatre: Theatre) -> Checked:
    """A Patrol (UTC times, no id yet) from `raw`, or InputError with the first problem."""
    if not raw.points:
        raise InputError(Errors.E302, path=path)
    if meta.visibility_m is not None and not 0 < meta.visibility_m < 1e6:
        raise InputError(
            Errors.E312, option="visibility_m", value=meta.visibility_m, reason="must be > 0"
        )
    warnings: list[str] = []
    points: list[TrackPoint] = []
    naive = False
    for i, p in enumerate(raw.points, start=1):
        if not (-90 <= p.lat <= 90 and -180 <= p.lon <= 180):
            raise InputError(Errors.E305, path=path, item=i, lat=p.lat, lon=p.lon)
        if p.time is None:
            raise InputError(Errors.E303, path=path, item=i, reason="it has no time")
        try:
            when, was_naive = localise(p.time, theatre.timezone)
            check_year(when)
        except ValueError as exc:
            raise InputError(Errors.E303, path=path, item=i, reason=exc) from None
        naive |= was_naive
        if points and when < points[-1].time:
            raise InputError(
                Errors.E304,
                path=path,
                item=i,
                time=when.isoformat(),
                previous=points[-1].time.isoformat(),
            )
        points.append(TrackPoint(p.lon, p.lat, when))
    if naive:
        warnings.append(Errors.W301.format(path=path, timezone=theatre.timezone))
    points = drop_wild(path, points, warnings)
    check_whereabouts(path, points, theatre)
    return Checked(_patrol(path, points, meta, raw.meta), warnings)


def drop_wild(path: Path, points: list[TrackPoint], warnings: list[str]) -> list[TrackPoint]:
    """`points` without the wild fixes, with W302 added when some were dropped."""
    lon = np.fromiter((p.lon for p in points), float, len(points))
    lat = np.fromiter((p.lat for p in points), float, len(points))
    t = np.fromiter((p.time.timestamp() for p in points), float, len(points))
    keep = plausible(lon, lat, t)
    dropped = int((~keep).sum())
    if not dropped:
        return points
    if dropped * 2 > len(points):
        raise InputError(
            Errors.E318, path=path, dropped=dropped, total=len(points), kmh=MAX_SPEED_KMH
        )
    first = int(np.flatnonzero(~keep)[0])
    wild = points[first]
    warnings.append(
        Errors.W302.format(
            path=path,
            count=dropped,
            kmh=MAX_SPEED_KMH,
            item=first + 1,
            lat=round(wild.lat, 6),
            lon=round(wild.lon, 6),
            time=wild.time.isoformat(),
        )
    )
    return [p for p, k in zip(points, keep.tolist(), strict=True) if k]


def check_whereabouts(path: Path, points: list[TrackPoint], theatre: Theatre) -> None:
    lon = np.fromiter((p.lon for p in points), float, len(points))
    lat = np.fromiter((p.lat for p in points), float, len(points))
    problem = whereabouts(lon, lat, theatre)
    if problem == "swapped":
        raise InputError(Errors.E306, path=path, theatre=theatre.name)
    if problem is not None:
        raise InputError(Errors.E307, path=path, theatre=theatre.name, km=problem)


def whereabouts(lon: np.ndarray, lat: np.ndarray, theatre: Theatre) -> str | float | None:
    """None when most points lie in the area of responsibility (with its margin);
    "swapped" when they would with lat and lon exchanged; else the distance in km."""
    area = _aor_with_margin(theatre.area_of_responsibility)
    if np.mean(shapely.contains_xy(area, lon, lat)) >= 0.5:
        return None
    if np.mean(shapely.contains_xy(area, lat, lon)) >= 0.5:
        return "swapped"
    aor = shapely.wkt.loads(theatre.area_of_responsibility)
    proj = projection_for(aor)
    where = proj.forward(shapely.MultiPoint(np.column_stack((lon, lat))))
    return proj.forward(aor).distance(where) / 1000.0


_AOR_CACHE: dict[str, shapely.Geometry] = {}


def _aor_with_margin(wkt: str) -> shapely.Geometry:
    if wkt not in _AOR_CACHE:
        area = buffer_m(shapely.wkt.loads(wkt), AOR_MARGIN_M)
        shapely.prepare(area)
        _AOR_CACHE[wkt] = area
    return _AOR_CACHE[wkt]


def _patrol(
    path: Path, points: list[TrackPoint], meta: PatrolMeta, found: dict[str, str]
) -> Patrol:
    visibility = meta.visibility_m
    if visibility is None and found.get("visibility_m"):
        try:
            visibility = float(found["visibility_m"])
        except ValueError:
            visibility = None
        if visibility is not None and not 0 < visibility < 1e6:  # also NaN and inf
            visibility = None
    return Patrol(
        id="",
        team=meta.team or found.get("team") or found.get("name") or path.stem,
        start=points[0].time,
        end=points[-1].time,
        track=tuple(points),
        base=meta.base or found.get("base"),
        vehicle=meta.vehicle or found.get("vehicle"),
        visibility_m=visibility,
        source_file=path.name,
    )
