"""Time truly in sight: when a moving patrol had an area, or a point of it, within view.

Between two fixes a patrol is taken to move in a straight line at constant speed. So the
times at which it was within `r` metres of an area are exact pieces of each segment: the
segment cut by the area buffered by `r`, mapped back to times. For a single point Q of the
area, |P(s) − Q|² ≤ r² is a quadratic in the segment parameter s, solved for many points
and segments at once with numpy. Everything here is in metres (a LocalProjection frame)
and epoch seconds.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

SAMPLE_TARGET = 1500  # points a sampled area aims at
SAMPLE_MIN = 400  # fewer than this inside the area: the grid is refined
SAMPLE_MAX = 4000
ACROSS_STRIP = 8  # samples at least across a strip's width (a corridor along a border)
PAIR_CHUNK = 1_000_000  # point × segment pairs solved at once


def segment_spans(
    x: np.ndarray, y: np.ndarray, t: np.ndarray, region: BaseGeometry
) -> tuple[np.ndarray, np.ndarray]:
    """The time spans during which the track (x, y, t) was inside `region` (the area
    buffered by the visibility, prepared), as an (n, 2) array in time order, and for
    each span the index of its segment. A track of one fix gives a zero-length span."""
    if len(t) == 1:
        inside = shapely.intersects_xy(region, x[0], y[0])
        return (np.array([[t[0], t[0]]]) if inside else np.empty((0, 2))), np.zeros(
            int(inside), dtype=np.int64
        )
    ax, ay, bx, by = x[:-1], y[:-1], x[1:], y[1:]
    still = (ax == bx) & (ay == by)
    lines = shapely.linestrings(np.stack((np.column_stack((ax, ay)), np.column_stack((bx, by))), 1))
    meets = np.where(still, shapely.intersects_xy(region, ax, ay), False)
    moving = np.flatnonzero(~still)
    meets[moving] = shapely.intersects(region, lines[moving])
    whole = meets.copy()
    whole[moving] &= shapely.contains(region, lines[moving])
    spans = [np.column_stack((np.flatnonzero(whole), np.zeros(whole.sum()), np.ones(whole.sum())))]
    cut = np.flatnonzero(meets & ~whole)
    if len(cut):
        spans.append(_cut_pieces(cut, ax, ay, bx, by, lines[cut], region))
    found = np.concatenate(spans)
    found = found[np.lexsort((found[:, 1], found[:, 0]))]
    seg = found[:, 0].astype(np.int64)
    dt = t[seg + 1] - t[seg]
    times = np.column_stack((t[seg] + found[:, 1] * dt, t[seg] + found[:, 2] * dt))
    return times, seg


def _cut_pieces(
    cut: np.ndarray,
    ax: np.ndarray,
    ay: np.ndarray,
    bx: np.ndarray,
    by: np.ndarray,
    lines: np.ndarray,
    region: BaseGeometry,
) -> np.ndarray:
    """(segment, s0, s1) rows for the pieces of the crossing segments `cut` inside
    `region`; points where a segment only touches the region give no piece."""
    pieces, owner = shapely.get_parts(shapely.intersection(lines, region), return_index=True)
    keep = shapely.get_type_id(pieces) == shapely.GeometryType.LINESTRING
    pieces, owner = pieces[keep], cut[owner[keep]]
    coords, part = shapely.get_coordinates(pieces, return_index=True)
    if not len(coords):
        return np.empty((0, 3))
    seg = owner[part]
    dx, dy = bx[seg] - ax[seg], by[seg] - ay[seg]
    s = ((coords[:, 0] - ax[seg]) * dx + (coords[:, 1] - ay[seg]) * dy) / (dx * dx + dy * dy)
    s = np.clip(s, 0.0, 1.0)
    lo = np.full(len(pieces), np.inf)
    hi = np.full(len(pieces), -np.inf)
    np.minimum.at(lo, part, s)
    np.maximum.at(hi, part, s)
    rows = np.column_stack((owner, lo, hi))
    return rows[rows[:, 2] > rows[:, 1]]


def sample_area(area_m: BaseGeometry) -> np.ndarray:
    """A deterministic grid of points inside `area_m` (metres), (n, 2): a few hundred to
    a few thousand, spaced so that a long narrow strip still has several across."""
    total = area_m.area
    if total <= 0:
        return shapely.get_coordinates(area_m.representative_point())
    width = 2.0 * total / max(area_m.length, 1e-9)  # a strip's width, roughly
    step = min(np.sqrt(total / SAMPLE_TARGET), width / ACROSS_STRIP)
    step = max(step, np.sqrt(total / SAMPLE_MAX))
    minx, miny, maxx, maxy = area_m.bounds
    grid = np.empty((0, 2))
    for _ in range(8):
        mx, my = np.meshgrid(
            np.arange(minx + step / 2, maxx, step), np.arange(miny + step / 2, maxy, step)
        )
        grid = np.column_stack((mx.ravel(), my.ravel()))
        grid = grid[shapely.contains_xy(area_m, grid[:, 0], grid[:, 1])]
        if len(grid) >= SAMPLE_MIN:
            return grid
        step /= 2.0
    if len(grid):
        return grid
    return shapely.get_coordinates(area_m.representative_point())


def point_spans(
    qx: np.ndarray,
    qy: np.ndarray,
    x: np.ndarray,
    y: np.ndarray,
    t: np.ndarray,
    segments: np.ndarray,
    r: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For sample points (qx, qy) and the track's `segments` (indices into the fixes),
    the spans during which each point was within `r`: (point index, start, end) arrays.

    Solves a·s² + b·s + c ≤ 0 with a = |D|², b = 2 (A − Q)·D, c = |A − Q|² − r² per
    point and segment A → A + D, for s in [0, 1]. A standing segment (D = 0) is in sight
    for its whole time when the point is within r of it."""
    idx_out, lo_out, hi_out = [], [], []
    if not len(qx) or not len(segments):
        return np.empty(0, np.int64), np.empty(0), np.empty(0)
    step = max(1, PAIR_CHUNK // len(qx))
    for first in range(0, len(segments), step):
        seg = segments[first : first + step]
        ax, ay = x[seg], y[seg]
        dx, dy = x[seg + 1] - ax, y[seg + 1] - ay
        ex = ax[None, :] - qx[:, None]  # (points, segments)
        ey = ay[None, :] - qy[:, None]
        a = (dx * dx + dy * dy)[None, :]
        b = 2.0 * (ex * dx[None, :] + ey * dy[None, :])
        c = ex * ex + ey * ey - r * r
        disc = b * b - 4.0 * a * c
        moving = a > 0
        root = np.sqrt(np.where(disc > 0, disc, 0.0))
        denom = np.where(moving, 2.0 * a, 1.0)
        s0 = np.where(moving, (-b - root) / denom, np.where(c <= 0, 0.0, 1.0))
        s1 = np.where(moving, (-b + root) / denom, np.where(c <= 0, 1.0, 0.0))
        s0, s1 = np.clip(s0, 0.0, 1.0), np.clip(s1, 0.0, 1.0)
        ok = (s1 > s0) & np.where(moving, disc > 0, True)
        pi, si = np.nonzero(ok)
        t0, dt = t[seg][si], (t[seg + 1] - t[seg])[si]
        idx_out.append(pi)
        lo_out.append(t0 + s0[pi, si] * dt)
        hi_out.append(t0 + s1[pi, si] * dt)
    return np.concatenate(idx_out), np.concatenate(lo_out), np.concatenate(hi_out)


def union_seconds(index: np.ndarray, lo: np.ndarray, hi: np.ndarray, groups: int) -> np.ndarray:
    """Per group (0..groups-1), the length of the union of its spans [lo, hi]."""
    out = np.zeros(groups)
    if not len(index):
        return out
    base = lo.min()
    offset = index * (hi.max() - base + 1.0)  # groups never overlap once shifted apart
    a, b = lo - base + offset, hi - base + offset
    order = np.argsort(a, kind="stable")
    a, b, index = a[order], b[order], index[order]
    before = np.concatenate(([-np.inf], np.maximum.accumulate(b)[:-1]))
    gain = np.maximum(0.0, b - np.maximum(a, before))
    return np.bincount(index, weights=gain, minlength=groups)[:groups]
