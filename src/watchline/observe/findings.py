"""Record a patrol's findings: one entered by hand, or a file of them (CSV, GeoJSON).

`record_observation` serves `watchline observe` and the web form; `import_observations`
serves files. An entry names its patrol by id or by the name of the patrol's track file,
and gives its place as lat/lon, an area (WKT), a bearing and distance from the patrol's
position at that time, or a photo's GPS position; or no place at all, when the finding
covers the patrol's whole stretch ("nothing unusual"). Each finding is stored in its own
transaction; re-recording the same finding adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
from sqlalchemy.orm import Session

from watchline.domain import Observation, Theatre
from watchline.errors import Errors, InputError, WatchlineError
from watchline.observe.observations import (
    check_count,
    check_lat_lon,
    parse_area,
    parse_modality,
    parse_type,
    place_from_bearing,
    with_id,
)
from watchline.observe.photos import Photo, read_photo
from watchline.observe.theatre import load_theatre
from watchline.observe.times import localise, parse_time
from watchline.observe.validate import whereabouts
from watchline.store import Database
from watchline.store.observations import ObservationRepository
from watchline.store.patrols import PatrolRepository


@dataclass
class ObservationEntry:
    """A finding as a monitor gives it; strings are parsed and checked on recording."""

    type: str
    time: str | datetime | None = None
    modality: str = "seen"
    patrol: str | None = None
    lat: float | None = None
    lon: float | None = None
    area_wkt: str | None = None
    bearing_deg: float | None = None
    distance_m: float | None = None
    count: int | None = None
    equipment: str | None = None
    notes: str = ""
    photos: list[Path] = field(default_factory=list)


def record_observation(
    db: Database, entry: ObservationEntry, *, theatre: Theatre | str = "arm-aze"
) -> tuple[str, bool]:
    """Store one finding; returns (id, created). Raises InputError on bad input."""
    theatre = load_theatre(theatre) if isinstance(theatre, str) else theatre
    with db.transaction() as session:
        return store_entry(session, entry, theatre)


def store_entry(
    session: Session, entry: ObservationEntry, theatre: Theatre, source: str | None = None
) -> tuple[str, bool]:
    photos = [read_photo(p, theatre.timezone) for p in entry.photos]
    try:
        observation, bearing = build_observation(session, entry, theatre, photos)
    except ValueError as exc:
        raise InputError(Errors.E312, option="observation", value=entry.type, reason=exc) from None
    repo = ObservationRepository(session)
    for photo in photos:
        repo.add_photo(
            photo.sha256, photo.filename, photo.raw, photo.taken_at, photo.lat, photo.lon
        )
    return repo.add(
        observation, bearing_deg=bearing, distance_m=entry.distance_m, source_file=source
    )


def build_observation(
    session: Session, entry: ObservationEntry, theatre: Theatre, photos: list[Photo]
) -> tuple[Observation, float | None]:
    """The domain Observation for `entry` (ValueError names what is wrong)."""
    kind, modality = parse_type(entry.type), parse_modality(entry.modality or "seen")
    patrol = None
    if entry.patrol:
        patrol = PatrolRepository(session).find(entry.patrol)
        if patrol is None:
            raise WatchlineError(Errors.E311, status=404, patrol_id=entry.patrol)
    when = _time(entry, theatre, photos)
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


def _time(entry: ObservationEntry, theatre: Theatre, photos: list[Photo]) -> datetime:
    value = entry.time
    if value in (None, ""):
        taken = next((p.taken_at for p in photos if p.taken_at is not None), None)
        if taken is None:
            raise ValueError("no time given, and no photo with an EXIF time")
        return taken
    when = value if isinstance(value, datetime) else parse_time(str(value))
    return localise(when, theatre.timezone)[0]
