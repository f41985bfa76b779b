"""Write the demo patrol log of 31 March 2024: GPX tracks and a findings file.

ILLUSTRATIVE: these patrols are invented to show how a mission's own observations enter
a verdict; they are not the EU Mission in Armenia's patrols. Each patrol leaves its base
in the morning, drives along a stretch of the theatre's border about 700 m on the
Armenian side, stops now and then, and is back by evening; a GPS fix every 30–60 s.
No patrol goes within 10 km of Tegh, where a fortification claim of 1 April is placed,
so that claim stays not covered. Regenerate with
`python -m watchline.observe.demo_log src/watchline/data/demo/patrols`.
"""

from __future__ import annotations

import csv
import io
import itertools
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import gpxpy.gpx
import numpy as np

from watchline.geo.geometry import LocalProjection

DAY = datetime(2024, 3, 31, tzinfo=ZoneInfo("Asia/Yerevan"))
BASES = {
    "ijevan": (45.1492, 40.8756),
    "martuni": (45.3069, 40.1389),
    "jermuk": (45.6722, 39.8417),
    "goris": (46.3383, 39.5111),
    "kapan": (46.4058, 39.2075),
    "yeghegnadzor": (45.3333, 39.7611),
}


@dataclass(frozen=True)
class Plan:
    name: str
    base: str
    team: str
    leave: float  # local hour
    back: float
    route: tuple[tuple[float, float], ...]  # border waypoints, lon lat


PLANS = (
    Plan("ijevan-north", "ijevan", "EUMA Ijevan team 1", 7.0, 17.5,
         ((45.10, 41.10), (45.07, 41.20), (45.02, 41.29), (45.07, 41.20), (45.10, 41.10),
          (45.17, 41.03), (45.28, 41.00))),
    Plan("ijevan-berd", "ijevan", "EUMA Ijevan team 2", 7.5, 18.0,
         ((45.28, 41.00), (45.40, 40.95), (45.50, 40.90), (45.58, 40.84), (45.56, 40.72))),
    Plan("martuni-sotk", "martuni", "EUMA Martuni team 1", 7.0, 18.5,
         ((45.58, 40.65), (45.70, 40.50), (45.85, 40.35), (45.95, 40.22), (45.90, 40.05),
          (45.80, 39.95))),
    Plan("jermuk-east", "jermuk", "EUMA Jermuk team 1", 7.5, 17.0,
         ((45.80, 39.95), (45.85, 39.85), (45.95, 39.75), (46.15, 39.65))),
    Plan("goris-west", "goris", "EUMA Goris team 1", 8.0, 16.5,
         ((46.15, 39.65), (46.33, 39.657))),
    Plan("kapan-east", "kapan", "EUMA Kapan team 1", 7.0, 16.0,
         ((46.55, 39.40), (46.57, 39.25), (46.58, 39.10))),
    Plan("kapan-meghri", "kapan", "EUMA Kapan team 2", 6.5, 19.0,
         ((46.58, 39.10), (46.55, 39.00), (46.54, 38.87), (46.30, 38.87), (46.10, 38.90),
          (46.05, 39.05), (45.98, 39.20))),
    Plan("yeghegnadzor-nakhchivan", "yeghegnadzor", "EUMA HQ team 1", 7.0, 18.5,
         ((45.25, 39.60), (45.45, 39.55), (45.65, 39.58), (45.80, 39.55), (45.45, 39.55),
          (45.25, 39.60), (45.10, 39.70), (44.95, 39.78), (44.85, 39.77), (44.78, 39.71))),
)  # fmt: skip

INSIDE_M = 700.0  # how far on the Armenian side of the line the patrol drives


def _route(plan: Plan, proj: LocalProjection) -> np.ndarray:
    """Base → border stretch (shifted towards the base) → base, in metres."""
    base = np.array(proj.forward_xy(*BASES[plan.base]))
    border = np.array([proj.forward_xy(x, y) for x, y in plan.route])
    towards = base - border
    towards /= np.linalg.norm(towards, axis=1, keepdims=True)
    stretch = border + towards * INSIDE_M
    return np.vstack((base, stretch, base))


def _densify(route: np.ndarray, rng: np.random.Generator, step_m: float) -> np.ndarray:
    """Points every ~step_m along the route, bent a little like a mountain road."""
    pieces = []
    for a, b in itertools.pairwise(route):
        length = float(np.linalg.norm(b - a))
        n = max(2, int(length / step_m))
        f = np.linspace(0, 1, n, endpoint=False)[:, None]
        normal = np.array([-(b - a)[1], (b - a)[0]]) / max(length, 1.0)
        bend = np.sin(f * np.pi * rng.integers(1, 4)) * min(400.0, length * 0.05)
        pieces.append(a + (b - a) * f + normal * bend)
    pieces.append(route[-1:])
    return np.vstack(pieces)


def patrol_track(plan: Plan, seed: int) -> list[tuple[float, float, datetime]]:
    """The points of one patrol: (lon, lat, UTC time)."""
    rng = np.random.default_rng(seed)
    proj = LocalProjection(BASES[plan.base][1])
    xy = _densify(_route(plan, proj), rng, 150.0)
    xy += rng.normal(0, 8.0, xy.shape)  # GPS noise
    seg = np.linalg.norm(np.diff(xy, axis=0), axis=1)
    total_s = (plan.back - plan.leave) * 3600.0
    stops = rng.choice(len(seg), size=6, replace=False)
    stop_s = np.zeros(len(seg))
    stop_s[stops] = rng.uniform(900, 1800, size=6)
    speed = seg.sum() / (total_s - stop_s.sum())  # m/s while driving
    cumulative = np.concatenate(([0.0], np.cumsum(seg / speed + stop_s)))
    fixes = [0.0]
    while fixes[-1] < cumulative[-1]:
        fixes.append(min(cumulative[-1], fixes[-1] + float(rng.uniform(30, 60))))
    x = np.interp(fixes, cumulative, xy[:, 0])
    y = np.interp(fixes, cumulative, xy[:, 1])
    start = (DAY + timedelta(hours=plan.leave)).astimezone(UTC)
    return [
        (*proj.inverse_xy(float(a), float(b)), start + timedelta(seconds=round(t)))
        for a, b, t in zip(x, y, fixes, strict=True)
    ]


def gpx_text(plan: Plan, points: list[tuple[float, float, datetime]]) -> str:
    doc = gpxpy.gpx.GPX()
    doc.creator = "Watchline demo (illustrative, not a real patrol)"
    doc.name = f"{plan.team}, 31 March 2024 (illustrative)"
    track = gpxpy.gpx.GPXTrack(name=plan.team, description=f"Base: {plan.base}")
    track.type = "patrol vehicle"
    segment = gpxpy.gpx.GPXTrackSegment()
    for lon, lat, when in points:
        segment.points.append(
            gpxpy.gpx.GPXTrackPoint(round(lat, 6), round(lon, 6), time=when.replace(microsecond=0))
        )
    track.segments.append(segment)
    doc.tracks.append(track)
    return doc.to_xml(version="1.1")


def findings_rows(plan: Plan, points: list[tuple[float, float, datetime]]) -> list[dict]:
    """Three 'nothing unusual' findings along the border stretch of each patrol."""
    rows = []
    for share in (0.3, 0.5, 0.7):
        lon, lat, when = points[int(len(points) * share)]
        rows.append(
            {
                "patrol": f"{plan.name}.gpx",
                "type": "nothing_unusual",
                "modality": "seen",
                "time": when.isoformat().replace("+00:00", "Z"),
                "lat": f"{lat:.5f}",
                "lon": f"{lon:.5f}",
                "count": "",
                "equipment": "",
                "notes": "no unusual movement observed",
            }
        )
    if plan.name == "jermuk-east":
        lon, lat, when = points[int(len(points) * 0.4)]
        rows.append(
            {
                **rows[0],
                "type": "exercise",
                "time": when.isoformat().replace("+00:00", "Z"),
                "lat": f"{lat - 0.02:.5f}",
                "lon": f"{lon - 0.01:.5f}",
                "count": "6",
                "equipment": "army trucks",
                "notes": "routine convoy drill on the Armenian side, moving away from the "
                "border; no build-up",
            }
        )
    return rows


def write_demo_log(folder: Path) -> list[Path]:
    (folder / "tracks").mkdir(parents=True, exist_ok=True)
    written, rows = [], []
    for seed, plan in enumerate(PLANS, start=331):
        points = patrol_track(plan, seed)
        path = folder / "tracks" / f"{plan.name}.gpx"
        path.write_text(gpx_text(plan, points), encoding="utf-8")
        written.append(path)
        rows += findings_rows(plan, points)
    rows.sort(key=lambda r: r["time"])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    findings = folder / "findings.csv"
    findings.write_text(out.getvalue(), encoding="utf-8")
    return [*written, findings]


if __name__ == "__main__":
    for written_path in write_demo_log(Path(sys.argv[1])):
        print(written_path)
