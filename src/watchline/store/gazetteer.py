"""Imported GeoNames entries: load dump files into the database, read them back.

Each file is imported in one transaction (all of its good lines or none), keyed by
geonameid so that importing the same file again adds nothing. Bad lines are reported
with their numbers and skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from watchline.domain import Place, Precision
from watchline.errors import Errors, WatchlineError
from watchline.geo.gazetteer.dump import iter_dump
from watchline.geo.gazetteer.index import fold
from watchline.store.db import Database
from watchline.store.tables.gazetteer import GazetteerNameRow, GazetteerPlaceRow

BATCH = 5_000
KEYS_PER_QUERY = 500
Progress = Callable[[Path, int], None]


@dataclass
class FileImport:
    """What one dump file gave: lines read, new entries, skipped lines."""

    path: Path
    lines: int = 0
    added: int = 0
    errors: list[str] = field(default_factory=list)


def import_dumps(
    db: Database, paths: Iterable[Path], progress: Progress | None = None
) -> list[FileImport]:
    """Import GeoNames dump files (txt or zip), one transaction each."""
    return [_import_one(db, Path(path), progress) for path in paths]


def _import_one(db: Database, path: Path, progress: Progress | None) -> FileImport:
    report = FileImport(path)
    with db.transaction() as session:
        before = _count(session)
        batch: list[dict[str, Any]] = []
        for number, place in iter_dump(path, report.errors.append):
            report.lines = number
            batch.append(_row(place, path.name, number))
            if len(batch) >= BATCH:
                _insert(session, batch)
                batch = []
                if progress is not None:
                    progress(path, number)
        if batch:
            _insert(session, batch)
        report.added = _count(session) - before
    if progress is not None:
        progress(path, report.lines)
    return report


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(GazetteerPlaceRow)) or 0


def _insert(session: Session, rows: list[dict[str, Any]]) -> None:
    dialect = session.get_bind().dialect.name
    maker = postgresql.insert if dialect == "postgresql" else sqlite.insert
    places = maker(GazetteerPlaceRow).on_conflict_do_nothing(index_elements=["geonames_id"])
    rows = _unique(rows)
    session.execute(places, rows)
    keys = {
        (fold(name)[:200], row["geonames_id"])
        for row in rows
        for name in (row["name"], *row["alt_names"])
        if fold(name)
    }
    names = maker(GazetteerNameRow).on_conflict_do_nothing(index_elements=["key", "geonames_id"])
    session.execute(names, [{"key": key, "geonames_id": gid} for key, gid in sorted(keys)])


def _unique(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per geonameid inside a batch (PostgreSQL refuses duplicates in one insert)."""
    return list({row["geonames_id"]: row for row in reversed(rows)}.values())[::-1]


def _row(place: Place, source: str, line: int) -> dict[str, Any]:
    return {
        "geonames_id": place.geonames_id,
        "name": place.name[:200],
        "alt_names": list(place.alt_names),
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision.value,
        "country": (place.country or "")[:3] or None,
        "feature_kind": (place.feature_kind or "")[:16] or None,
        "population": place.population or 0,
        "geom": f"POINT ({place.lon} {place.lat})",
        "source": source,
        "line": line,
    }


def has_stored_places(db: Database) -> bool:
    """Whether the database exists, has the table, and holds imported entries."""
    url = db.engine.url
    if url.get_backend_name() == "sqlite" and (
        not url.database or not Path(url.database).is_file()
    ):
        return False
    inspector = inspect(db.engine)
    if not inspector.has_table(GazetteerPlaceRow.__tablename__):
        return False
    if not inspector.has_table(GazetteerNameRow.__tablename__):
        raise WatchlineError(Errors.E006, url=db.safe_url)  # imported before the name index
    with db.transaction() as session:
        return _count(session) > 0


def stored_places(db: Database, keys: Iterable[str] | None = None) -> list[Place]:
    """Imported entries as gazetteer places (for `Gazetteer.load(extra=...)`): all of
    them, or only those with one of the folded names `keys` (see `name_keys`)."""
    if not has_stored_places(db):
        return []
    with db.transaction() as session:
        if keys is None:
            rows = list(session.scalars(select(GazetteerPlaceRow)))
        else:
            rows = _rows_named(session, sorted(set(keys)))
        return [
            Place(
                id=f"geonames:{row.geonames_id}",
                name=row.name,
                lat=row.lat,
                lon=row.lon,
                precision=Precision(row.precision),
                country=row.country,
                feature_kind=row.feature_kind,
                alt_names=tuple(row.alt_names or ()),
                geonames_id=row.geonames_id,
                population=row.population,
            )
            for row in rows
        ]


def _rows_named(session: Session, keys: list[str]) -> list[GazetteerPlaceRow]:
    found: dict[int, GazetteerPlaceRow] = {}
    for at in range(0, len(keys), KEYS_PER_QUERY):
        ids = select(GazetteerNameRow.geonames_id).where(
            GazetteerNameRow.key.in_(keys[at : at + KEYS_PER_QUERY])
        )
        for row in session.scalars(
            select(GazetteerPlaceRow).where(GazetteerPlaceRow.geonames_id.in_(ids))
        ):
            found[row.geonames_id] = row
    return list(found.values())


def places_report(
    path: Path, theatre: str | None, db: Database, actors_file: Path | None = None
) -> list[dict[str, Any]]:
    """What `watchline places` lists for a text file: every toponym and its entry."""
    from watchline.extract.document import read_text
    from watchline.extract.places.toponyms import as_rows, places_in
    from watchline.extract.speakers.actors import ActorDictionary
    from watchline.geo.gazetteer.lookup import Gazetteer
    from watchline.geo.gazetteer.text import name_keys
    from watchline.geo.theatre import load_theatre

    text = read_text(Path(path))
    profile = load_theatre(theatre) if theatre else None
    extra = stored_places(db, name_keys(text))
    gazetteer = Gazetteer.load(profile, extra=extra)
    return as_rows(places_in(text, gazetteer, ActorDictionary.load(actors_file)))
