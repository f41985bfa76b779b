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
from watchline.geo.geometry import LocalProjection, in_lonlat_range, projection_for
from watchline.observe.sight import point_spans, sample_area, segment_spans, union_seconds
from watchline.observe.tracks import TrackArrays

POINT_RADIUS_M = 500.0
LINE_RADIUS_M = 1000.0
FOOTPRINT_TOLERANCE = 0.01  # of the visibility: the footprint's line simplification
FOOTPRINT_MAX_M = 20.0
REGION_QUAD_SEGS = 16  # the area buffered by the visibility: within 0.5 % of the radius


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
    if not in_lonlat_range(geom):
        reason = "its coordinates are not finite lon/lat within ±180/±90"
        raise InputError(Errors.E300, value=area_wkt[:80], reason=reason)
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
    *,
    min_minutes: float = 0.0,
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
        min_minutes=min_minutes,
    )


def coverage_of_tracks(
    area: BaseGeometry,
    start: datetime,
    end: datetime,
    tracks: Iterable[PatrolTrack],
    observations: Iterable[Observation],
    visibility_m: float,
    *,
    min_minutes: float = 0.0,
) -> Coverage:
    """The work of compute_coverage over prepared tracks (the store passes these).

    `min_minutes` > 0 asks for the share of the area kept in sight at least that long
    (all patrols together); with 0 it is the share in sight at all."""
    s, e = start.timestamp(), end.timestamp()
    proj = projection_for(area)
    area_m = proj.forward(area)
    shapely.prepare(area_m)
    shapely.prepare(area)
    regions: dict[float, BaseGeometry] = {}
    sights: list[_Sight] = []
    for track in tracks:
        vis = track.visibility_m or visibility_m
        if vis not in regions:
            regions[vis] = area_m.buffer(vis, quad_segs=REGION_QUAD_SEGS)
            shapely.prepare(regions[vis])
        sight = _in_sight(track, s, e, vis, proj, regions[vis])
        if sight is not None:
            sights.append(sight)
    if min_minutes > 0:
        fraction, per_patrol = _sampled_fraction(sights, area_m, s, e, min_minutes)
    else:
        fraction, per_patrol = _seen_fraction(sights, proj, area)
    spans = [sight.spans for sight in sights]
    union = _union_length(spans)
    return Coverage(
        area_fraction=fraction,
        hours=sum(float(np.sum(n[:, 1] - n[:, 0])) for n in spans) / 3600.0,
        window_fraction=min(1.0, union / (e - s)) if e > s else 0.0,
        patrol_ids=tuple(sorted(per_patrol)),
        observation_ids=_observations_inside(
            observations, s, e, proj, area_m, {x.track.id: x.vis for x in sights}
        ),
        per_patrol=per_patrol,
        in_sight_minutes=union / 60.0,
    )


@dataclass(frozen=True)
class _Sight:
    """A patrol truly in sight of the area: its track clipped to the window (and in
    metres), the spans it had the area in view, and the segments those spans lie on."""

    track: PatrolTrack
    vis: float
    clipped: TrackArrays
    x: np.ndarray
    y: np.ndarray
    spans: np.ndarray
    segments: np.ndarray


def _in_sight(
    track: PatrolTrack,
    s: float,
    e: float,
    vis: float,
    proj: LocalProjection,
    region: BaseGeometry,
) -> _Sight | None:
    """The patrol's time in sight of the area (`region` is the area buffered by its
    visibility), or None when it never had the area in view during the window."""
    clipped = track.track.clip(s, e)
    if not len(clipped) or (len(clipped) == 1 and len(track.track) > 1):
        return None  # a window that only touches the track saw nothing in it
    x, y = clipped.lon * proj.kx, clipped.lat * proj.ky
    spans, segments = segment_spans(x, y, clipped.t, region)
    if not len(spans):
        return None
    return _Sight(track, vis, clipped, x, y, spans, segments)


def _seen_fraction(
    sights: list[_Sight], proj: LocalProjection, area: BaseGeometry
) -> tuple[float, dict[str, float]]:
    """Share of the area in sight at all, exactly: the area cut by the buffers of the
    clipped tracks. Areas stay in lon/lat: the projection is a linear scaling, so ratios
    of areas are the same in both; only buffers are drawn in metres."""
    total = area.area
    pieces: list[BaseGeometry] = []
    per_patrol: dict[str, float] = {}
    for sight in sights:
        track, clipped = sight.track, sight.clipped
        if clipped is track.track and track.footprint is not None:
            footprint = track.footprint
        else:
            footprint = footprint_of(clipped.line(), sight.vis, proj)
        piece = footprint.intersection(area)
        per_patrol[track.id] = piece.area / total if total else 0.0
        if not piece.is_empty:
            pieces.append(piece)
    union = shapely.union_all(pieces) if pieces else None
    fraction = min(1.0, union.area / total) if union is not None and total else 0.0
    return fraction, per_patrol


def footprint_of(line: BaseGeometry, vis: float, proj: LocalProjection) -> BaseGeometry:
    """What a track (lon/lat) can see at `vis`: its buffer, drawn from the track
    simplified by at most FOOTPRINT_TOLERANCE of `vis` (at most FOOTPRINT_MAX_M). GEOS
    takes seconds to buffer the knot of fixes GPS jitter leaves at a long stop; the
    simplified line is within that tolerance of every fix, so the footprint is too."""
    tolerance = min(FOOTPRINT_MAX_M, FOOTPRINT_TOLERANCE * vis)
    line_m = shapely.simplify(proj.forward(line), tolerance, preserve_topology=False)
    return proj.inverse(line_m.buffer(vis, quad_segs=4))


def _sampled_fraction(
    sights: list[_Sight], area_m: BaseGeometry, s: float, e: float, min_minutes: float
) -> tuple[float, dict[str, float]]:
    """Share of the area kept in sight for at least `min_minutes` (all patrols
    together), and each patrol's own share, over a grid of sample points."""
    samples = sample_area(area_m)
    need = min_minutes * 60.0 - 1e-6
    index, lo, hi = [], [], []
    per_patrol: dict[str, float] = {}
    for sight in sights:
        segments = np.unique(sight.segments)  # only these came within view of the area
        x, y = sight.x, sight.y
        near = _within_box(samples, x, y, segments, sight.vis)
        pi, a, b = point_spans(
            samples[near, 0], samples[near, 1], x, y, sight.clipped.t, segments, sight.vis
        )
        pi = np.flatnonzero(near)[pi]
        own = np.bincount(pi, weights=b - a, minlength=len(samples))
        per_patrol[sight.track.id] = float(np.mean(own >= need))
        index.append(pi)
        lo.append(a)
        hi.append(b)
    if not index:
        return 0.0, per_patrol
    seen = union_seconds(
        np.concatenate(index), np.concatenate(lo), np.concatenate(hi), len(samples)
    )
    return float(np.mean(seen >= need)), per_patrol


def _within_box(
    samples: np.ndarray, x: np.ndarray, y: np.ndarray, segments: np.ndarray, vis: float
) -> np.ndarray:
    """Sample points inside the bounding box of `segments` grown by `vis`."""
    xs = np.concatenate((x[segments], x[segments + 1]))
    ys = np.concatenate((y[segments], y[segments + 1]))
    return (
        (samples[:, 0] >= xs.min() - vis)
        & (samples[:, 0] <= xs.max() + vis)
        & (samples[:, 1] >= ys.min() - vis)
        & (samples[:, 1] <= ys.max() + vis)
    )


def _union_length(spans: list[np.ndarray]) -> float:
    """Seconds during which at least one patrol had the area in sight."""
    if not spans:
        return 0.0
    both = np.concatenate(spans)
    return float(union_seconds(np.zeros(len(both), np.int64), both[:, 0], both[:, 1], 1)[0])


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
