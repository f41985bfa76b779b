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

    Times are the time each patrol truly had the area in sight (see `in_sight`), never
    the duration of a track segment that merely touches it. With `min_minutes` > 0 the
    area fraction counts only the parts of the area that some patrol had in sight for
    at least that long (sampled on a grid, see `sight_by_part`).
    """
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
    moving: list[tuple[str, np.ndarray, np.ndarray, float]] = []
    zones: dict[float, BaseGeometry] = {}
    hours = 0.0
    for track in tracks:
        vis = track.visibility_m or visibility_m
        if vis not in zones:
            zones[vis] = area_m.buffer(vis, quad_segs=8)
            shapely.prepare(zones[vis])
        seen = _seen(track, s, e, vis, proj, area, zones[vis])
        if seen is None:
            continue
        piece, near, xy, t = seen
        per_patrol[track.id] = piece.area / total if total else 0.0
        seen_by[track.id] = vis
        pieces.append(piece)
        intervals.append(near)
        hours += merged_length(near) / 3600.0
        moving.append((track.id, xy, t, vis))
    if min_minutes > 0 and moving:
        fraction, per_patrol = sight_by_part(area_m, moving, min_minutes * 60.0)
    else:
        union = shapely.union_all(pieces) if pieces else None
        fraction = min(1.0, union.area / total) if union is not None and total else 0.0
    in_sight = merged_length(np.concatenate(intervals)) if intervals else 0.0
    return Coverage(
        area_fraction=fraction,
        hours=hours,
        window_fraction=min(1.0, in_sight / (e - s)) if e > s else 0.0,
        patrol_ids=tuple(sorted(seen_by)),
        observation_ids=_observations_inside(observations, s, e, proj, area_m, seen_by),
        per_patrol=per_patrol,
        in_sight_minutes=in_sight / 60.0,
    )


def _seen(
    track: PatrolTrack,
    s: float,
    e: float,
    vis: float,
    proj: LocalProjection,
    area: BaseGeometry,
    zone_m: BaseGeometry,
) -> tuple[BaseGeometry, np.ndarray, np.ndarray, np.ndarray] | None:
    """The part of the area the patrol saw, the intervals it truly had it in sight, and
    its clipped track (metres, epoch seconds) for per-part timing.

    Areas and footprints stay in lon/lat: the projection is a linear scaling, so ratios
    of areas are the same in both; only buffers and distances are taken in metres.
    """
    clipped = track.track.clip(s, e)
    if len(clipped) < 2:
        return None  # a single fix says where a patrol was, not for how long
    xy = np.column_stack((clipped.lon * proj.kx, clipped.lat * proj.ky))
    near = in_sight(xy, clipped.t, zone_m)
    if not len(near):
        return None
    if clipped is track.track and track.footprint is not None:
        footprint = track.footprint
    else:
        footprint = proj.inverse(proj.forward(clipped.line()).buffer(vis, quad_segs=4))
    piece = footprint.intersection(area)
    if piece.is_empty:
        return None
    return piece, near, xy, clipped.t


def in_sight(xy: np.ndarray, t: np.ndarray, zone_m: BaseGeometry) -> np.ndarray:
    """Time intervals (n × 2, epoch seconds) during which a track was inside `zone_m`
    (the area buffered by the visibility), exact for linear motion between fixes.

    Each segment is cut by the zone; the pieces' ends are mapped back to times by their
    position along the segment. A stop (a segment that does not move) is in sight for
    its whole duration when it stands inside the zone, and not at all otherwise: a
    patrol standing 4 h at a post 9 km away adds no time over a village.
    """
    a, b = xy[:-1], xy[1:]
    t0, t1 = t[:-1], t[1:]
    d = b - a
    length2 = np.einsum("ij,ij->i", d, d)
    still = length2 == 0
    out: list[np.ndarray] = []
    if still.any():
        inside = shapely.contains_xy(zone_m, a[still, 0], a[still, 1]) | shapely.intersects_xy(
            zone_m, a[still, 0], a[still, 1]
        )
        out.append(np.column_stack((t0[still][inside], t1[still][inside])))
    idx = np.flatnonzero(~still)
    if len(idx):
        segments = shapely.linestrings(np.stack((a[idx], b[idx]), axis=1))
        hit = shapely.intersects(segments, zone_m)
        idx, segments = idx[hit], segments[hit]
        if len(idx):
            cut = shapely.intersection(segments, zone_m)
            parts, owner = shapely.get_parts(cut, return_index=True)
            lines = shapely.get_type_id(parts) == 1
            parts, owner = parts[lines], idx[owner[lines]]
            if len(parts):
                first = shapely.get_coordinates(shapely.get_point(parts, 0))
                last = shapely.get_coordinates(shapely.get_point(parts, -1))
                base, dirs, span = a[owner], d[owner], length2[owner]
                s1 = np.einsum("ij,ij->i", first - base, dirs) / span
                s2 = np.einsum("ij,ij->i", last - base, dirs) / span
                lo, hi = np.clip(np.minimum(s1, s2), 0, 1), np.clip(np.maximum(s1, s2), 0, 1)
                dt = t1[owner] - t0[owner]
                out.append(np.column_stack((t0[owner] + lo * dt, t0[owner] + hi * dt)))
    if not out:
        return np.empty((0, 2))
    found = np.concatenate(out)
    return found[found[:, 1] > found[:, 0]]


def merged_length(spans: np.ndarray) -> float:
    """Total length of the union of intervals (n × 2)."""
    if not len(spans):
        return 0.0
    return float(np.sum(_merged(spans, np.zeros(len(spans), dtype=np.int64), 1)))


def _merged(spans: np.ndarray, group: np.ndarray, groups: int) -> np.ndarray:
    """Per group, the length of the union of its intervals (one vectorised sweep: each
    group is shifted past the previous one, so a running maximum of the ends never
    carries from one group into the next)."""
    base = spans[:, 0].min()
    width = spans[:, 1].max() - base + 1.0
    lo = spans[:, 0] - base + group * width
    hi = spans[:, 1] - base + group * width
    order = np.lexsort((lo, group))
    g, lo, hi = group[order], lo[order], hi[order]
    before = np.concatenate(([-np.inf], np.maximum.accumulate(hi)[:-1]))
    gain = np.maximum(0.0, hi - np.maximum(lo, before))
    return np.bincount(g, weights=gain, minlength=groups)


SAMPLES = 900  # sample points per area for per-part timing (≈3 % error on fractions)


def sample_points(area_m: BaseGeometry, count: int = SAMPLES) -> np.ndarray:
    """A deterministic grid of about `count` points inside the area (metres)."""
    minx, miny, maxx, maxy = area_m.bounds
    step = max(1.0, (area_m.area / count) ** 0.5)
    for _ in range(6):
        xs = np.arange(minx + step / 2, maxx, step)
        ys = np.arange(miny + step / 2, maxy, step)
        gx, gy = np.meshgrid(xs, ys)
        gx, gy = gx.ravel(), gy.ravel()
        inside = shapely.contains_xy(area_m, gx, gy)
        if inside.sum() >= count / 3:
            return np.column_stack((gx[inside], gy[inside]))
        step /= 2.0
    point = area_m.representative_point()
    return np.array([[point.x, point.y]])


def sight_by_part(
    area_m: BaseGeometry,
    tracks: list[tuple[str, np.ndarray, np.ndarray, float]],
    need_s: float,
) -> tuple[float, dict[str, float]]:
    """Share of the area in sight for at least `need_s` seconds (union over patrols),
    and the same per patrol. Each sample point's time in sight is exact for linear
    motion: |P0 + u·(P1 − P0) − Q|² ≤ r² is a quadratic in u along each segment."""
    q = sample_points(area_m)
    spans: list[np.ndarray] = []
    owners: list[np.ndarray] = []
    per_patrol: dict[str, float] = {}
    for pid, xy, t, vis in tracks:
        lo, hi, point = _point_intervals(xy, t, q, vis)
        own = _merged(np.column_stack((lo, hi)), point, len(q)) if len(lo) else np.zeros(len(q))
        per_patrol[pid] = float(np.mean(own >= need_s))
        spans.append(np.column_stack((lo, hi)))
        owners.append(point)
    every = np.concatenate(spans)
    if not len(every):
        return 0.0, per_patrol
    total = _merged(every, np.concatenate(owners), len(q))
    return float(np.mean(total >= need_s)), per_patrol


def _point_intervals(
    xy: np.ndarray, t: np.ndarray, q: np.ndarray, vis: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(start, end, sample index) of every segment × sample pair in sight."""
    lo_all, hi_all, who = [], [], []
    a, d = xy[:-1], xy[1:] - xy[:-1]
    t0, dt = t[:-1], t[1:] - t[:-1]
    box = (xy[:, 0].min() - vis, xy[:, 1].min() - vis, xy[:, 0].max() + vis, xy[:, 1].max() + vis)
    near_q = np.flatnonzero(
        (q[:, 0] >= box[0]) & (q[:, 0] <= box[2]) & (q[:, 1] >= box[1]) & (q[:, 1] <= box[3])
    )
    if not len(near_q):
        return np.empty(0), np.empty(0), np.empty(0, dtype=np.int64)
    chunk = max(1, 2_000_000 // len(near_q))
    for first in range(0, len(a), chunk):
        sa, sd = a[first : first + chunk], d[first : first + chunk]
        st0, sdt = t0[first : first + chunk], dt[first : first + chunk]
        rel = sa[:, None, :] - q[None, near_q, :]  # segments × samples × 2
        aa = np.einsum("ij,ij->i", sd, sd)[:, None]
        bb = 2.0 * np.einsum("ijk,ik->ij", rel, sd)
        cc = np.einsum("ijk,ijk->ij", rel, rel) - vis * vis
        with np.errstate(divide="ignore", invalid="ignore"):
            disc = bb * bb - 4.0 * aa * cc
            root = np.sqrt(np.maximum(disc, 0.0))
            u1 = np.where(aa > 0, (-bb - root) / (2.0 * aa), np.where(cc <= 0, 0.0, 1.0))
            u2 = np.where(aa > 0, (-bb + root) / (2.0 * aa), np.where(cc <= 0, 1.0, 0.0))
        u1 = np.clip(u1, 0.0, 1.0)
        u2 = np.clip(u2, 0.0, 1.0)
        ok = (u2 > u1) & ((aa == 0) | (disc >= 0))
        seg, sample = np.nonzero(ok)
        lo_all.append(st0[seg] + u1[seg, sample] * sdt[seg])
        hi_all.append(st0[seg] + u2[seg, sample] * sdt[seg])
        who.append(near_q[sample])
    return np.concatenate(lo_all), np.concatenate(hi_all), np.concatenate(who)


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
