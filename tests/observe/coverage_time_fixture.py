"""Synthetic patrols near real places, shared by the time-in-sight tests: Sotk
(Armenia–Azerbaijan border), Uri (Line of Control), Jarinje (Kosovo administrative
boundary line) and Pyla (Cyprus buffer zone). Positions are laid out in metres with
`destination`, so the expected minutes follow from distance and speed alone."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import numpy as np

from watchline.domain import Patrol, TrackPoint
from watchline.geo.geometry import destination

T0 = datetime(2024, 5, 14, 4, 0, tzinfo=UTC)
SOTK = (45.935, 40.205)
URI = (74.050, 34.085)
JARINJE = (20.729, 43.134)
PYLA = (33.690, 35.013)


def at(place: tuple[float, float], bearing: float, metres: float) -> tuple[float, float]:
    return destination(place[0], place[1], bearing, metres)


def patrol(
    pid: str,
    legs: list[tuple[tuple[float, float], float]],
    *,
    every_s: float = 30.0,
    jitter_m: float = 0.0,
    seed: int = 0,
) -> Patrol:
    """A patrol through waypoints (place, minute after T0), moving linearly between
    them with a fix every `every_s` seconds (plus GPS jitter, in metres, if asked)."""
    minutes = np.array([m for _, m in legs]) * 60.0
    times = np.unique(np.concatenate((np.arange(minutes[0], minutes[-1], every_s), minutes)))
    lon = np.interp(times, minutes, [p[0] for p, _ in legs])
    lat = np.interp(times, minutes, [p[1] for p, _ in legs])
    if jitter_m:
        rng = np.random.default_rng(seed)
        lat = lat + rng.normal(0, jitter_m, len(times)) / 111_195.0
        lon = lon + rng.normal(0, jitter_m, len(times)) / (
            111_195.0 * math.cos(math.radians(lat[0]))
        )
    points = tuple(
        TrackPoint(float(x), float(y), T0 + timedelta(seconds=float(s)))
        for x, y, s in zip(lon, lat, times, strict=True)
    )
    return Patrol(id=pid, team="t", start=points[0].time, end=points[-1].time, track=points)


def point(place: tuple[float, float]) -> str:
    return f"POINT ({place[0]} {place[1]})"


def day() -> tuple[datetime, datetime]:
    return T0, T0 + timedelta(hours=24)


# Through Sotk at 5000 m per 19 minutes: the 500 m village disc seen at 2 km is a disc
# of 2.5 km, crossed through its centre in 19 minutes.
SPEED = 5000.0 / (19 * 60.0)
POST = at(SOTK, 270.0, 9000.0)
FAR_EAST = at(SOTK, 90.0, 9000.0)
DRIVE_MIN = 18_000.0 / SPEED / 60.0


def stop_then_drive_past() -> Patrol:
    """4.5 h standing at a post 9 km west of Sotk, then driving east through it."""
    return patrol(
        "sotk-1",
        [(POST, 0), (POST, 270), (FAR_EAST, 270 + DRIVE_MIN)],
        jitter_m=4.0,
        seed=3,
    )
