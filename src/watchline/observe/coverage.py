"""Coverage: which part of an area, and how much of a time window, the patrols could see.

A patrol sees what lies within its visibility radius of where it drove, while it drove
there: its track, clipped to the time window, buffered by the radius. The coverage of an
area is the share of the area inside the union of those buffers. An area given as a point
is widened to a disc of POINT_RADIUS_M, a line (a stretch of border) to a corridor of
LINE_RADIUS_M on each side, so that both have an area to be covered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import shapely
import shapely.wkt
from shapely.geometry.base import BaseGeometry

from watchline.domain import Coverage, Observation, Patrol
from watchline.errors import Errors, InputError
from watchline.observe.geometry import LocalProjection, projection_for
from watchline.observe.tracks import TrackArrays

POINT_RADIUS_M = 500.0
LINE_RADIUS_M = 1000.0


@dataclass(frozen=True)
class PatrolTrack:
    """What coverage needs of a patrol: its id, track arrays, visibility and, when the
    store has it, the buffer of its whole track precomputed (lon/lat)."""

    id: str
    track: TrackArrays
    visibility_m: float | None = None
    footprint: BaseGeometry | None = None
    footprint_m: float | None = None

    @classmethod
    def of(cls, patrol: Patrol) -> PatrolTrack:
        return cls(patrol.id, TrackArrays.of(patrol.track), patrol.visibility_m)


def area_geometry(area_wkt: str) -> BaseGeometry:
    """The area as a polygon: points and lines widened as documented above."""
    try:
        geom = shapely.wkt.loads(area_wkt)
    except (shapely.errors.GEOSException, ValueError) as exc:
        raise InputError(Errors.E300, value=area_wkt[:80], reason=exc) from None
    if geom.is_empty:
        raise InputError(Errors.E300, value=area_wkt[:80], reason="the geometry is empty")
    dim = shapely.get_dimensions(geom)
    if dim == 2:
        return shapely.make_valid(geom) if not geom.is_valid else geom
    proj = projection_for(geom)
    return proj.buffer(geom, POINT_RADIUS_M if dim == 0 else LINE_RADIUS_M)


def compute_coverage(
    area_wkt: str,
    start: datetime,
    end: datetime,
    patrols: Iterable[Patrol],
    observations: Iterable[Observation],
    visibility_m: float,
) -> Coverage:
    """Coverage of `area_wkt` between `start` and `end` (aware datetimes) by `patrols`;
    a patrol's own visibility wins over `visibility_m`."""
    return coverage_of_tracks(
        area_geometry(area_wkt),
        start,
        end,
        (PatrolTrack.of(p) for p in patrols),
        observations,
        visibility_m,
    )


def coverage_of_tracks(
    area: BaseGeometry,
    start: datetime,
    end: datetime,
    tracks: Iterable[PatrolTrack],
    observations: Iterable[Observation],
    visibility_m: float,
) -> Coverage:
    """The work of compute_coverage over prepared tracks (the store passes these)."""
    s, e = start.timestamp(), end.timestamp()
    proj = projection_for(area)
    area_m = proj.forward(area)
    shapely.prepare(area_m)
    shapely.prepare(area)
    total = area.area
    pieces: list[BaseGeometry] = []
    per_patrol: dict[str, float] = {}
    seen_by: dict[str, float] = {}  # covering patrol -> its visibility
    intervals: list[np.ndarray] = []
    for track in tracks:
        vis = track.visibility_m or visibility_m
        seen = _seen(track, s, e, vis, proj, area, area_m)
        if seen is None:
            continue
        piece, near = seen
        per_patrol[track.id] = piece.area / total if total else 0.0
        seen_by[track.id] = vis
        pieces.append(piece)
        intervals.append(near)
    union = shapely.union_all(pieces) if pieces else None
    fraction = min(1.0, union.area / total) if union is not None and total else 0.0
    hours = sum(float(np.sum(n[:, 1] - n[:, 0])) for n in intervals) / 3600.0
    return Coverage(
        area_fraction=fraction,
        hours=hours,
        window_fraction=float(_window_fraction(intervals, s, e)),
        patrol_ids=tuple(sorted(per_patrol)),
        observation_ids=_observations_inside(observations, s, e, proj, area_m, seen_by),
        per_patrol=per_patrol,
    )


def _seen(
    track: PatrolTrack,
    s: float,
    e: float,
    vis: float,
    proj: LocalProjection,
    area: BaseGeometry,
    area_m: BaseGeometry,
) -> tuple[BaseGeometry, np.ndarray] | None:
    """The part of the area the patrol saw, and the time intervals it was in sight of it.

    Areas and footprints stay in lon/lat: the projection is a linear scaling, so ratios
    of areas are the same in both; only buffers and distances are taken in metres.
    """
    clipped = track.track.clip(s, e)
    if not len(clipped):
        return None
    xy = np.column_stack((clipped.lon * proj.kx, clipped.lat * proj.ky))
    parts = (
        shapely.linestrings(np.stack((xy[:-1], xy[1:]), axis=1))
        if len(xy) > 1
        else shapely.points(xy)
    )
    near = shapely.dwithin(parts, area_m, vis)
    if not near.any():
        return None
    if clipped is track.track and track.footprint is not None:
        footprint = track.footprint
    else:
        footprint = proj.inverse(proj.forward(clipped.line()).buffer(vis, quad_segs=4))
    piece = footprint.intersection(area)
    if piece.is_empty:
        return None
    if len(xy) == 1:
        return piece, np.array([[clipped.t[0], clipped.t[0]]])
    return piece, np.column_stack((clipped.t[:-1][near], clipped.t[1:][near]))


def _window_fraction(intervals: list[np.ndarray], s: float, e: float) -> float:
    """Share of the window during which at least one patrol was near the area."""
    if not intervals or e <= s:
        return 0.0
    spans = np.concatenate(intervals)
    spans = spans[np.argsort(spans[:, 0])]
    covered, cur_s, cur_e = 0.0, spans[0, 0], spans[0, 1]
    for a, b in spans[1:]:
        if a > cur_e:
            covered += cur_e - cur_s
            cur_s, cur_e = a, b
        else:
            cur_e = max(cur_e, b)
    covered += cur_e - cur_s
    return min(1.0, covered / (e - s))


def _observations_inside(
    observations: Iterable[Observation],
    s: float,
    e: float,
    proj: LocalProjection,
    area_m: BaseGeometry,
    seen_by: dict[str, float],
) -> tuple[str, ...]:
    """Observations in the window whose place lies in the area, or whose covering
    patrol made them within its visibility of the area (a monitor looking across at
    it); one without a place counts when its patrol covered the area."""
    found = []
    for obs in observations:
        if not s <= obs.observed_at.timestamp() <= e:
            continue
        place = observation_geometry(obs)
        if place is None:
            if obs.patrol_id in seen_by:
                found.append(obs.id)
            continue
        distance = proj.forward(place).distance(area_m)
        if distance == 0 or (obs.patrol_id in seen_by and distance <= seen_by[obs.patrol_id]):
            found.append(obs.id)
    return tuple(sorted(found))


def observation_geometry(obs: Observation) -> BaseGeometry | None:
    """An observation's place: its area polygon, its point, or None."""
    if obs.area:
        return shapely.wkt.loads(obs.area)
    if obs.lat is not None and obs.lon is not None:
        return shapely.Point(obs.lon, obs.lat)
    return None
