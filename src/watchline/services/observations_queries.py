"""Read-side entry points the CLI and the web share: patrol lists and area coverage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from watchline.domain import Coverage, Patrol, Theatre
from watchline.errors import Errors, InputError
from watchline.geo.theatre import load_theatre, sector_by_name
from watchline.store import Database
from watchline.store.patrols import PatrolRepository, coverage_of


@dataclass(frozen=True)
class PatrolLine:
    """One row of the patrols page: a patrol without its track, and how many points."""

    id: str
    team: str
    base: str | None
    start: datetime
    end: datetime
    points: int


def newest_patrols(db: Database, limit: int = 200) -> list[PatrolLine]:
    """The newest `limit` patrols, newest first, with their point counts (one query,
    never the tracks: a page lists, the map draws)."""
    from sqlalchemy import select

    from watchline.store.cases import utc
    from watchline.store.tables import PatrolRow as P

    query = (
        select(P.id, P.team, P.base, P.start_at, P.end_at, P.point_count)
        .order_by(P.start_at.desc(), P.id)
        .limit(limit)
    )
    with db.transaction() as session:
        return [
            PatrolLine(pid, team, base, utc(start), utc(end), count or 0)
            for pid, team, base, start, end, count in session.execute(query)
        ]


def list_patrols(db: Database) -> list[Patrol]:
    """Every stored patrol by start time, without track points."""
    with db.transaction() as session:
        return PatrolRepository(session).list(with_track=False)


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
