"""Record a patrol's findings: one entered by hand, or a file of them (CSV, GeoJSON).

`record_observation` serves `watchline observe` and the web form; `import_observations`
serves files. observe/findings.py builds and checks a finding; this module finds the
patrol it names and stores it. Each finding is stored in its own transaction with its
photos; re-recording the same finding adds nothing. A bad row is reported with its
number and reason, and the rest is imported.

The patrol is looked up by id, then by track file name, then as a team (or call-sign,
or the track's name) on the finding's day in the theatre's time zone. Two patrols of a
team that day, with the finding's time in neither or both, is E317: the row names them
and is skipped; guessing would pin a finding on the wrong drive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from watchline.domain import Patrol, Theatre
from watchline.errors import Errors, InputError, WatchlineError
from watchline.geo.theatre import load_theatre
from watchline.observe.findings import (
    ObservationEntry,
    build_observation,
    choose_patrol,
    entry_time,
    local_day,
    team_key,
)
from watchline.observe.findings_import import read_items, to_entry
from watchline.observe.formats import clip, short
from watchline.observe.photos import read_photo
from watchline.services import audit
from watchline.store import Database
from watchline.store.observations import ObservationRepository
from watchline.store.patrols import PatrolRepository

LOCATED = {"E316", "E317"}  # messages that already name the file and item


@dataclass
class ObservationImportReport:
    added: list[str] = field(default_factory=list)
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        return (
            f"Imported {len(self.added)} observation(s); {self.duplicates} already known; "
            f"{len(self.errors)} refused."
        )


def record_observation(
    db: Database,
    entry: ObservationEntry,
    *,
    theatre: Theatre | str = "arm-aze",
    actor: str | None = None,
) -> tuple[str, bool]:
    """Store one finding; returns (id, created). Raises InputError on bad input."""
    theatre = load_theatre(theatre) if isinstance(theatre, str) else theatre
    with db.transaction() as session:
        return store_entry(session, entry, theatre, actor=actor)


def store_entry(
    session: Session,
    entry: ObservationEntry,
    theatre: Theatre,
    source: str | None = None,
    where: str = "observe",
    actor: str | None = None,
) -> tuple[str, bool]:
    """Store one finding and its photos in the caller's transaction; a new finding is
    one audit entry by `actor` (default: the local user) in the same transaction."""
    photos = [read_photo(p, theatre.timezone) for p in entry.photos]
    try:
        when = entry_time(entry, theatre, photos)
        patrol = resolve_patrol(session, entry, when, theatre, where)
        observation, bearing = build_observation(entry, theatre, photos, patrol, when)
    except ValueError as exc:
        raise InputError(
            Errors.E312, option="observation", value=short(entry.type, 40), reason=exc
        ) from None
    repo = ObservationRepository(session)
    for photo in photos:
        repo.add_photo(
            photo.sha256, photo.filename, photo.raw, photo.taken_at, photo.lat, photo.lon
        )
    observation_id, created = repo.add(
        observation, bearing_deg=bearing, distance_m=entry.distance_m, source_file=source
    )
    if created:
        details = {
            "type": str(observation.type), "observed_at": observation.observed_at.isoformat(),
            "patrol_id": observation.patrol_id, "photos": len(photos), "source": source,
        }  # fmt: skip
        who = actor or audit.local_actor()
        audit.record(session, who, "observations.record", "observation", observation_id, details)
    return observation_id, created


def resolve_patrol(
    session: Session, entry: ObservationEntry, when: datetime, theatre: Theatre, where: str
) -> Patrol | None:
    """The patrol an entry names (see the module doc), None when it names none."""
    repo = PatrolRepository(session)
    ref = (entry.patrol or "").strip()
    if ref:
        found = repo.get(ref)
        if found is not None:
            return found
        by_file = repo.from_file(ref)
        if by_file:
            return choose_patrol(by_file, when, ref=f"from file {short(ref)}", where=where)
    team = (entry.team or "").strip() or ref
    if not team:
        return None
    day, start, end = local_day(entry, when, theatre.timezone)
    same = [p for p in repo.overlapping(start, end) if team_key(p.team) == team_key(team)]
    what = "with id, file name or team" if ref and not entry.team else "of team"
    return choose_patrol(same, when, ref=f"{what} {short(team)} on {day}", where=where)


def import_observations(
    db: Database, path: Path | str, *, theatre: Theatre | str = "arm-aze", actor: str | None = None
) -> ObservationImportReport:
    """Import the findings in `path` (.csv or .geojson/.json)."""
    path = Path(path)
    theatre = load_theatre(theatre) if isinstance(theatre, str) else theatre
    report = ObservationImportReport()
    try:
        items = read_items(path)
    except WatchlineError as exc:
        report.errors.append(exc.message)
        return report
    except Exception as exc:  # a reader fault nobody foresaw: one line, not a traceback
        reason = f"{type(exc).__name__}: {clip(str(exc), 100)}"
        report.errors.append(Errors.E315.format(path=path, reason=reason))
        return report
    for number, item in items:
        outcome = _import_item(db, path, number, item, theatre, actor)
        if isinstance(outcome, str):
            report.errors.append(outcome)
        elif outcome[1]:
            report.added.append(outcome[0])
        else:
            report.duplicates += 1
    return report


def _import_item(
    db: Database, path: Path, number: int, item: dict | str, theatre: Theatre, actor: str | None
) -> tuple[str, bool] | str:
    """(id, created) for one finding, or the coded line saying why it was skipped."""
    if isinstance(item, str):
        return Errors.E310.format(path=path, item=number, reason=item)
    try:
        entry = to_entry(item, path.parent)
        with db.transaction() as session:
            where = f"{path}: item {number}"
            return store_entry(session, entry, theatre, path.name, where, actor)
    except WatchlineError as exc:
        if exc.code in LOCATED:
            return exc.message
        return Errors.E310.format(path=path, item=number, reason=exc.message)
    except (ValueError, TypeError, ArithmeticError) as exc:
        return Errors.E310.format(path=path, item=number, reason=clip(str(exc)))
