"""The simulator's truth, from the generated positions and times alone.

Where each patrol truly was is sampled every 10 s along its true path (not its recorded
track: a wild GPS fix is not a place the patrol was); a spot of the claimed place is in
sight when a patrol is within the theatre's visibility of it. Nothing here calls the
engine's coverage code: this is the yardstick it is measured against.

"Sufficient" follows the policy's words: at least `min_area_fraction` of the claimed
place (the village's disc, on the mission's side) was each in sight for the required
minutes of the claimed window, on every day of it. For activity that leaves traces
(shelling damage, fortifications), a look at the place after the window, while traces
would still show, also suffices. Cases within a small band of the thresholds are
`borderline`: sampling cannot decide them, so they are scored as neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from watchline.domain import EventType
from watchline.verify.policy import VerifyPolicy
from watchline.verify.simulation.paths import TruePath

STEP_S = 10.0
GRID_KM = 0.25
GLANCE_MIN = 15.0  # minutes in sight of a spot in which a patrol sees damage or earthworks
TRACE_DAYS = {EventType.ATTACK: (2.0, 5.0), EventType.FORTIFY: (21.0, 40.0)}  # world physics
SHARE_BAND = 0.03
MINUTES_BAND = 0.05

SUFFICIENT, BORDERLINE, INSUFFICIENT = "sufficient", "borderline", "insufficient"


def required_minutes(policy: VerifyPolicy, window_minutes: float) -> float:
    """The policy's minutes in sight for a window (the words the truth follows)."""
    return float(policy.required_minutes(window_minutes))


@dataclass(frozen=True)
class Sight:
    """Minutes each grid spot was in sight, and minutes any spot was (the union)."""

    per_spot: np.ndarray
    any_minutes: float

    def share(self, minutes: float) -> float:
        return float(np.mean(self.per_spot >= minutes)) if len(self.per_spot) else 0.0


def in_sight(
    grid: np.ndarray, paths: Sequence[TruePath], start: float, end: float, vis_km: float
) -> Sight:
    """Dense sampling: which spots of `grid` (n × 2 km) were in sight, and for how long.

    Instants are every STEP_S seconds from `start`; at each, a spot is in sight when any
    patrol (the union, not the sum) is within `vis_km` of it."""
    if len(grid) == 0 or end <= start:
        return Sight(np.zeros(len(grid)), 0.0)
    centre = grid.mean(axis=0)
    reach = float(np.max(np.hypot(*(grid - centre).T))) + vis_km
    steps, rows = [], []
    for path in paths:
        first = max(0, int(np.ceil((path.start - start) / STEP_S)))
        last = min(int(np.ceil((end - start) / STEP_S)), int((path.end - start) // STEP_S) + 1)
        if last <= first:
            continue
        idx = np.arange(first, last)
        x, y = path.at(start + idx * STEP_S)
        near = np.hypot(x - centre[0], y - centre[1]) <= reach
        if not near.any():
            continue
        idx, x, y = idx[near], x[near], y[near]
        d2 = (x[:, None] - grid[None, :, 0]) ** 2 + (y[:, None] - grid[None, :, 1]) ** 2
        steps.append(idx)
        rows.append(d2 <= vis_km**2)
    if not steps:
        return Sight(np.zeros(len(grid)), 0.0)
    idx, hits = np.concatenate(steps), np.concatenate(rows)
    order = np.argsort(idx, kind="stable")
    idx, hits = idx[order], hits[order]
    starts = np.nonzero(np.r_[True, idx[1:] != idx[:-1]])[0]
    union = np.logical_or.reduceat(hits, starts, axis=0)
    minutes = STEP_S / 60.0
    return Sight(union.sum(axis=0) * minutes, float(union.any(axis=1).sum()) * minutes)


def first_sight(
    path: TruePath, x: float, y: float, start: float, end: float, vis_km: float
) -> float | None:
    """The first sampled instant in [start, end] when the patrol was within sight of (x, y)."""
    times = path.samples(start, end, STEP_S)
    if not len(times):
        return None
    px, py = path.at(times)
    hit = np.nonzero(np.hypot(px - x, py - y) <= vis_km)[0]
    return float(times[hit[0]]) if len(hit) else None


def _grade(sight: Sight, minutes: float, need: float) -> str:
    if sight.share(minutes * (1 + MINUTES_BAND)) >= need + SHARE_BAND:
        return SUFFICIENT
    if sight.share(minutes * (1 - MINUTES_BAND)) < need - SHARE_BAND:
        return INSUFFICIENT
    return BORDERLINE


@dataclass(frozen=True)
class Grade:
    """The truth about a claim's coverage: its class and minutes any of it was in sight."""

    coverage: str
    any_minutes: float
    by_trace: bool = False
    trace_minutes: float | None = None  # minutes any of it was in sight while traces last


def grade_coverage(
    grid: np.ndarray,
    paths: Sequence[TruePath],
    windows: Sequence[tuple[float, float]],
    kind: EventType,
    vis_km: float,
    policy: VerifyPolicy,
) -> Grade:
    """Whether patrols could have seen the claimed place at the claimed time."""
    need = policy.min_area_fraction
    grades, any_minutes = [], 0.0
    for start, end in windows:
        sight = in_sight(grid, paths, start, end, vis_km)
        any_minutes += sight.any_minutes
        grades.append(_grade(sight, required_minutes(policy, (end - start) / 60.0), need))
    if kind in policy.brief and windows:  # over in minutes: the window's end in sight too
        last_start, last_end = windows[-1]
        tail = in_sight(
            grid, paths, max(last_start, last_end - policy.end_minutes * 60.0), last_end, vis_km
        )
        grades.append(_grade(tail, GLANCE_MIN, need))
    direct = (
        INSUFFICIENT
        if INSUFFICIENT in grades
        else SUFFICIENT
        if all(g == SUFFICIENT for g in grades)
        else BORDERLINE
    )
    if direct == SUFFICIENT or kind not in TRACE_DAYS:
        return Grade(direct, any_minutes)
    first, last = windows[0][0], windows[-1][1]
    later = first + TRACE_DAYS[kind][0] * 86400.0
    look = in_sight(grid, paths, last, later, vis_km) if later > last else None
    trace = _grade(look, GLANCE_MIN, need) if look is not None else INSUFFICIENT
    seen_later = look.any_minutes if look is not None else None
    if trace == SUFFICIENT:
        return Grade(SUFFICIENT, any_minutes, by_trace=True, trace_minutes=seen_later)
    if direct == INSUFFICIENT and trace == INSUFFICIENT:
        return Grade(INSUFFICIENT, any_minutes, trace_minutes=seen_later)
    return Grade(BORDERLINE, any_minutes, trace_minutes=seen_later)
