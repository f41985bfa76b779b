"""Build a patrol's finding from what a monitor entered; no database.

An entry names its patrol by id, by the name of the patrol's track file, or as a real
findings sheet does: by team (or call-sign, or the track's name) and day. It gives its
place as lat/lon, an area (WKT), a bearing and distance from the patrol's position at
that time, or a photo's GPS position; or no place at all, when the finding covers the
patrol's whole stretch ("nothing unusual"). services/findings.py looks the patrol up
and stores the finding; `choose_patrol` decides between the patrols it found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

from watchline.domain import Observation, Patrol, Theatre
from watchline.errors import Errors, InputError
from watchline.observe.formats import short
from watchline.observe.observations import (
    check_count,
    check_lat_lon,
    parse_area,
    parse_modality,
    parse_type,
    place_from_bearing,
    with_id,
)
from watchline.observe.photos import Photo
from watchline.observe.times import check_year, localise, parse_time
from watchline.observe.validate import whereabouts

PATROL_SLACK = timedelta(minutes=10)  # a finding logged just before or after the drive
LISTED = 5  # patrols named in an "ambiguous" message


@dataclass
class ObservationEntry:
    """A finding as a monitor gives it; strings are parsed and checked on recording.

    `patrol` is an id, a track file name, or a team's name; `team` names the team
    outright; `date` (YYYY-MM-DD, theatre time) is the day of the patrol when it is not
    the local day of `time`."""

    type: str
    time: str | datetime | None = None
    modality: str = "seen"
    patrol: str | None = None
    team: str | None = None
    date: str | None = None
    lat: float | None = None
    lon: float | None = None
    area_wkt: str | None = None
    bearing_deg: float | None = None
    distance_m: float | None = None
    count: int | None = None
    equipment: str | None = None
    notes: str = ""
    photos: list[Path] = field(default_factory=list)


def team_key(name: str | None) -> str:
    """A team name compared as monitors write it: case and spacing do not matter."""
    return " ".join((name or "").split()).casefold()


def local_day(
    entry: ObservationEntry, when: datetime, timezone: str
) -> tuple[date, datetime, datetime]:
    """The patrol day of an entry (its `date`, else the local day of `when`), with the
    UTC instants where that day starts and ends in the theatre."""
    zone = ZoneInfo(timezone)
    if entry.date:
        try:
            day = date.fromisoformat(str(entry.date).strip())
        except ValueError:
            raise ValueError(f"date {short(entry.date)} is not YYYY-MM-DD") from None
    else:
        day = when.astimezone(zone).date()
    start = datetime.combine(day, time.min, zone)
    return day, localise(start, timezone)[0], localise(start + timedelta(days=1), timezone)[0]


def choose_patrol(candidates: Sequence[Patrol], when: datetime, *, ref: str, where: str) -> Patrol:
    """The one patrol `ref` names among `candidates`: E316 when none, E317 when several
    and the finding's time does not fall within exactly one of them."""
    if not candidates:
        raise InputError(Errors.E316, status=404, where=where, ref=ref)
    if len(candidates) == 1:
        return candidates[0]
    during = [p for p in candidates if p.start - PATROL_SLACK <= when <= p.end + PATROL_SLACK]
    if len(during) == 1:
        return during[0]
    shown = during or list(candidates)
    listed = ", ".join(
        f"{p.id} ({p.start:%Y-%m-%d %H:%M}–{p.end:%H:%M} UTC)" for p in shown[:LISTED]
    )
    more = f" and {len(shown) - LISTED} more" if len(shown) > LISTED else ""
    raise InputError(Errors.E317, where=where, ref=ref, count=len(shown), patrols=listed + more)


def entry_time(entry: ObservationEntry, theatre: Theatre, photos: list[Photo]) -> datetime:
    """When the finding was made (UTC): its time, else a photo's EXIF time."""
    value = entry.time
    if value in (None, ""):
        taken = next((p.taken_at for p in photos if p.taken_at is not None), None)
        if taken is None:
            raise ValueError("no time given, and no photo with an EXIF time")
        return taken
    when = value if isinstance(value, datetime) else parse_time(str(value))
    when = localise(when, theatre.timezone)[0]
    check_year(when)
    return when


def build_observation(
    entry: ObservationEntry,
    theatre: Theatre,
    photos: list[Photo],
    patrol: Patrol | None,
    when: datetime,
) -> tuple[Observation, float | None]:
    """The domain Observation for `entry` made at `when` by `patrol` (ValueError names
    what is wrong)."""
    kind, modality = parse_type(entry.type), parse_modality(entry.modality or "seen")
    lat, lon, area = entry.lat, entry.lon, None
    if entry.area_wkt:
        area = parse_area(entry.area_wkt)
    elif entry.bearing_deg is not None or entry.distance_m is not None:
        if patrol is None or entry.bearing_deg is None or entry.distance_m is None:
            raise ValueError("a bearing and distance need both values and a patrol")
        lon, lat = place_from_bearing(patrol, when, entry.bearing_deg, entry.distance_m)
    elif lat is None and lon is None:
        located = next((p for p in photos if p.lat is not None), None)
        lat, lon = (located.lat, located.lon) if located else (None, None)
    if (lat is None) != (lon is None):
        raise ValueError("give both lat and lon, or neither")
    if lat is not None and lon is not None:
        check_lat_lon(lat, lon)
        _check_near(lon, lat, theatre)
    if lat is None and area is None and patrol is None:
        raise ValueError(
            "a finding needs a place (lat/lon, area, bearing and distance, "
            "or a photo with GPS) or a patrol"
        )
    check_count(entry.count)
    observation = Observation(
        id="",
        type=kind,
        observed_at=when,
        modality=modality,
        patrol_id=patrol.id if patrol else None,
        lat=lat,
        lon=lon,
        area=area,
        count=entry.count,
        equipment=entry.equipment or None,
        notes=entry.notes or "",
        media=tuple(p.sha256 for p in photos),
    )
    return with_id(observation), entry.bearing_deg


def _check_near(lon: float, lat: float, theatre: Theatre) -> None:
    problem = whereabouts(np.array([lon]), np.array([lat]), theatre)
    if problem == "swapped":
        raise ValueError(
            f"lat {lat} and lon {lon} look swapped: exchanged, they lie in {theatre.name}"
        )
    if problem is not None:
        raise ValueError(
            f"the place lies {problem:.0f} km outside {theatre.name}'s area of responsibility"
        )
