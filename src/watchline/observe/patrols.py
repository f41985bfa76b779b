"""Import patrol files (GPX, GeoJSON, CSV) into the database, one transaction per file.

`import_patrols` is what `watchline patrols import`, the web form and the demo call. A
bad file gets one clear message and is skipped; the others are imported; a file imported
before (same sha256) adds nothing. Folders are searched for patrol files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from watchline.domain import Theatre
from watchline.errors import Errors, InputError, WatchlineError
from watchline.observe.formats import PATROL_SUFFIXES, FormatError, PointError, reader_for
from watchline.observe.formats.delimited import MissingColumn
from watchline.observe.theatre import load_theatre
from watchline.observe.validate import PatrolMeta, check_track
from watchline.store import Database
from watchline.store.patrols import PatrolRepository


@dataclass
class PatrolImportReport:
    """What an import did: ids added, files already known, problems, warnings."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    points: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        return (
            f"Imported {len(self.added)} patrol(s) with {self.points} points; "
            f"{len(self.duplicates)} already known; {len(self.errors)} file(s) refused."
        )


def patrol_files(paths: Iterable[Path]) -> list[Path]:
    """The files to import: files as given, folders searched for patrol files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in PATROL_SUFFIXES)
        else:
            found.append(path)
    return found


def import_patrols(
    db: Database,
    paths: Iterable[Path | str],
    *,
    team: str | None = None,
    base: str | None = None,
    vehicle: str | None = None,
    visibility_m: float | None = None,
    theatre: Theatre | str = "arm-aze",
) -> PatrolImportReport:
    """Import each patrol file in `paths` (folders are searched); see the module doc."""
    theatre = load_theatre(theatre) if isinstance(theatre, str) else theatre
    meta = PatrolMeta(team, base, vehicle, visibility_m)
    report = PatrolImportReport()
    for path in patrol_files(Path(p) for p in paths):
        try:
            _import_one(db, path, meta, theatre, report)
        except WatchlineError as exc:
            report.errors.append(exc.message)
    return report


def _import_one(
    db: Database, path: Path, meta: PatrolMeta, theatre: Theatre, report: PatrolImportReport
) -> None:
    raw = read_bytes(path)
    chosen = reader_for(path)
    if chosen is None:
        raise InputError(Errors.E309, path=path, suffix=path.suffix)
    kind, reader = chosen
    try:
        track = reader(raw)
    except MissingColumn as exc:
        found = ", ".join(exc.found) or "(none)"
        raise InputError(
            Errors.E308, path=path, column=exc.column, found=found, accepted=exc.accepted
        ) from None
    except PointError as exc:
        raise InputError(Errors.E303, path=path, item=exc.item, reason=exc.reason) from None
    except FormatError as exc:
        raise InputError(Errors.E301, path=path, kind=kind, reason=exc) from None
    checked = check_track(path, track, meta, theatre)
    with db.transaction() as session:
        repo = PatrolRepository(session, theatre.visibility_m)
        patrol_id, created = repo.add(checked.patrol, raw)
    report.warnings += checked.warnings
    if created:
        report.added.append(patrol_id)
        report.points += len(checked.patrol.track)
    else:
        report.duplicates.append(Errors.W300.format(path=path, patrol_id=patrol_id))


MAX_FILE_BYTES = 200 * 1024 * 1024


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes; E001 when unreadable, E007 when too large, E002 when empty."""
    try:
        if path.stat().st_size > limit:
            raise InputError(Errors.E007, path=path, limit=limit)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(Errors.E001, path=path, reason=exc.strerror or exc) from None
    if not data.strip():
        raise InputError(Errors.E002, path=path)
    return data
