"""Read-side entry points the CLI and the web share: patrol lists and area coverage."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from watchline.domain import Coverage, Patrol, Theatre
from watchline.errors import Errors, InputError
from watchline.observe.theatre import load_theatre, sector_by_name
from watchline.observe.times import localise, parse_time
from watchline.store import Database
from watchline.store.patrols import PatrolRepository, coverage_of


def list_patrols(db: Database) -> list[Patrol]:
    """Every stored patrol by start time, without track points."""
    with db.transaction() as session:
        return PatrolRepository(session).list(with_track=False)


def parse_moment(value: str, option: str, timezone: str, *, end: bool = False) -> datetime:
    """A UTC time from an option: ISO date-time or a date (its start, or its end when
    `end`); times without a zone are read in the theatre's time zone."""
    text = value.strip()
    try:
        if len(text) == 10:
            day = datetime.fromisoformat(text)
            moment = datetime.combine(day.date(), time.max if end else time.min)
            if end:
                moment = datetime.combine(day.date() + timedelta(days=1), time.min)
        else:
            moment = parse_time(text)
    except ValueError:
        raise InputError(
            Errors.E312, option=option, value=value, reason="use YYYY-MM-DD or YYYY-MM-DDTHH:MM"
        ) from None
    return localise(moment, timezone)[0]


def area_coverage(
    db: Database,
    *,
    start: datetime,
    end: datetime,
    area_wkt: str | None = None,
    sector: str | None = None,
    visibility_m: float | None = None,
    theatre: Theatre | str = "arm-aze",
) -> Coverage:
    """Coverage of an area (WKT) or a named sector of the theatre in [start, end]."""
    theatre = load_theatre(theatre) if isinstance(theatre, str) else theatre
    if sector is not None:
        found = sector_by_name(theatre, sector)
        if found is None:
            options = ", ".join(s.name for s in theatre.sectors)
            raise InputError(Errors.E313, status=404, name=sector, options=options)
        area_wkt = found.geometry
    if not area_wkt:
        raise InputError(Errors.E300, value="", reason="give --area WKT or --sector NAME")
    if end <= start:
        raise InputError(
            Errors.E312, option="--end", value=end.isoformat(), reason="it must be after --start"
        )
    with db.transaction() as session:
        return coverage_of(session, area_wkt, start, end, visibility_m or theatre.visibility_m)
