"""Import patrol files (GPX, GeoJSON, CSV) into the database, one transaction per file.

`import_patrols` is what `watchline patrols import`, the web form and the demo call.
observe/patrols.py reads and checks each file; this module stores it. A bad file gets
one coded line and is skipped; the others are imported; a file imported before (same
sha256) adds nothing. A patrol and its points are written in one transaction, so a
failure while storing leaves nothing of that file behind. Any failure nobody foresaw
while reading a file becomes E315 for that file, never a traceback that stops the batch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from watchline.domain import Theatre
from watchline.errors import Errors, WatchlineError
from watchline.geo.theatre import load_theatre
from watchline.observe.formats import clip
from watchline.observe.patrols import PatrolFile, patrol_files, read_patrol
from watchline.observe.validate import PatrolMeta
from watchline.services import audit
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


def import_patrols(
    db: Database,
    paths: Iterable[Path | str],
    *,
    team: str | None = None,
    base: str | None = None,
    vehicle: str | None = None,
    visibility_m: float | None = None,
    theatre: Theatre | str = "arm-aze",
    actor: str | None = None,
) -> PatrolImportReport:
    """Import each patrol file in `paths` (folders are searched); see the module doc.
    Each new patrol is one audit entry by `actor` (default: the local user)."""
    theatre = load_theatre(theatre) if isinstance(theatre, str) else theatre
    meta = PatrolMeta(team, base, vehicle, visibility_m)
    report = PatrolImportReport()
    for path in patrol_files(Path(p) for p in paths):
        try:
            read = read_patrol(path, meta, theatre)
        except WatchlineError as exc:
            report.errors.append(exc.message)
            continue
        except Exception as exc:  # a reader fault nobody foresaw: report it, keep going
            report.errors.append(unforeseen(path, exc))
            continue
        _store(db, read, theatre, report, actor or audit.local_actor())
    return report


def unforeseen(path: Path, exc: BaseException) -> str:
    """E315 for an exception nobody foresaw, with the type and a short excerpt."""
    return Errors.E315.format(path=path, reason=f"{type(exc).__name__}: {clip(str(exc), 100)}")


def _store(
    db: Database, read: PatrolFile, theatre: Theatre, report: PatrolImportReport, actor: str
) -> None:
    patrol = read.checked.patrol
    try:
        with db.transaction() as session:
            repo = PatrolRepository(session, theatre.visibility_m)
            patrol_id, created = repo.add(patrol, read.raw)
            if created:
                details = {
                    "file": read.path.name, "team": patrol.team, "points": len(patrol.track),
                    "start": patrol.start.isoformat(), "end": patrol.end.isoformat(),
                    "sha256": hashlib.sha256(read.raw).hexdigest(),
                }  # fmt: skip
                audit.record(session, actor, "patrols.import", "patrol", patrol_id, details)
    except WatchlineError as exc:
        report.errors.append(exc.message)
        return
    except (ValueError, TypeError, ArithmeticError) as exc:  # geometry of a strange track
        report.errors.append(unforeseen(read.path, exc))
        return
    report.warnings += read.checked.warnings
    if created:
        report.added.append(patrol_id)
        report.points += len(patrol.track)
    else:
        report.duplicates.append(Errors.W300.format(path=read.path, patrol_id=patrol_id))
