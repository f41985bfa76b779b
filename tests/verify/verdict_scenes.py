"""Small verdict scenes shared by the verify tests: villages in four theatres, a theatre
box around one, and a patrol standing near it for a while."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from watchline.domain import Patrol, Theatre, TrackPoint
from watchline.geo.geometry import destination
from watchline.verify.simulation import toy_theatre

Place = tuple[str, float, float, str]  # village, lon, lat, time zone

TEGH: Place = ("Tegh", 46.47, 39.56, "Asia/Yerevan")
SOTK: Place = ("Sotk", 45.95, 40.21, "Asia/Yerevan")
URI: Place = ("Uri", 74.03, 34.08, "Asia/Kolkata")  # Line of Control
JARINJE: Place = ("Jarinje", 20.77, 43.30, "Europe/Belgrade")  # Kosovo ABL
ERGNETI: Place = ("Ergneti", 43.98, 42.20, "Asia/Tbilisi")  # Georgia ABL
PYLA: Place = ("Pyla", 33.69, 35.01, "Asia/Nicosia")  # Cyprus buffer zone


def theatre_at(lon: float, lat: float, zone: str) -> Theatre:
    """A toy theatre whose area of responsibility is a box of ±0.2° around the point."""
    aor = (
        f"POLYGON (({lon - 0.2} {lat - 0.2}, {lon + 0.2} {lat - 0.2}, {lon + 0.2} {lat + 0.2}, "
        f"{lon - 0.2} {lat + 0.2}, {lon - 0.2} {lat - 0.2}))"
    )
    return Theatre(**{**toy_theatre(aor).__dict__, "timezone": zone})


def standing(
    lon: float, lat: float, zone: str, start_local: datetime, minutes: int, km: float
) -> Patrol:
    """A patrol standing `km` north of the point for `minutes` from `start_local` (naive,
    in `zone`), with a fix every 5 minutes."""
    x, y = destination(lon, lat, 0.0, km * 1000)
    start = start_local.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
    points = tuple(TrackPoint(x, y, start + timedelta(minutes=m)) for m in range(0, minutes + 1, 5))
    return Patrol("p1", "team", points[0].time, points[-1].time, points)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))
