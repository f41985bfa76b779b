"""Import a file of findings (CSV or GeoJSON), one transaction per finding.

CSV columns (case-insensitive): type, time, modality, patrol, lat, lon, area (WKT),
bearing, distance_m, count, equipment, notes, photo (a path relative to the file).
GeoJSON: Point or Polygon features whose properties carry the same names. A bad row is
reported with its number and reason, and the rest is imported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely.geometry

from watchline.domain import Theatre
from watchline.errors import Errors, InputError, WatchlineError
from watchline.observe.findings import ObservationEntry, store_entry
from watchline.observe.formats.delimited import sniff_rows
from watchline.observe.patrols import read_bytes
from watchline.observe.theatre import load_theatre
from watchline.store import Database


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


def import_observations(
    db: Database, path: Path | str, *, theatre: Theatre | str = "arm-aze"
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
    for number, item in items:
        try:
            entry = to_entry(item, path.parent)
            with db.transaction() as session:
                oid, created = store_entry(session, entry, theatre, source=path.name)
        except (WatchlineError, ValueError) as exc:
            reason = exc.message if isinstance(exc, WatchlineError) else str(exc)
            report.errors.append(Errors.E310.format(path=path, item=number, reason=reason))
            continue
        if created:
            report.added.append(oid)
        else:
            report.duplicates += 1
    return report


def read_items(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(item number, fields) for each finding in the file."""
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E003, path=path, offset=exc.start) from None
    if path.suffix.lower() in (".geojson", ".json"):
        return _geojson_items(path, text)
    rows = sniff_rows(text)
    if rows and "type" not in rows[0]:
        found = ", ".join(rows[0]) or "(none)"
        raise InputError(Errors.E308, path=path, column="type", found=found, accepted="type")
    return list(enumerate(rows, start=1))


def _geojson_items(path: Path, text: str) -> list[tuple[int, dict[str, Any]]]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(Errors.E301, path=path, kind="GeoJSON", reason=exc) from None
    features = doc.get("features", []) if isinstance(doc, dict) else []
    items = []
    for i, feature in enumerate(features, start=1):
        fields = dict(feature.get("properties") or {})
        geometry = feature.get("geometry")
        if geometry and geometry.get("type") == "Point":
            fields["lon"], fields["lat"] = geometry["coordinates"][:2]
        elif geometry:
            fields["area"] = shapely.geometry.shape(geometry).wkt
        items.append((i, fields))
    return items


def to_entry(fields: dict[str, Any], folder: Path) -> ObservationEntry:
    """An ObservationEntry from one row's fields (ValueError on unreadable numbers)."""
    f = {str(k).strip().lower(): v for k, v in fields.items() if v not in (None, "")}
    photo = f.get("photo")
    return ObservationEntry(
        type=str(f.get("type", "")),
        time=f.get("time") or f.get("observed_at"),
        modality=str(f.get("modality", "seen")),
        patrol=f.get("patrol") or f.get("patrol_id"),
        lat=_number(f, "lat"),
        lon=_number(f, "lon"),
        area_wkt=f.get("area"),
        bearing_deg=_number(f, "bearing"),
        distance_m=_number(f, "distance_m"),
        count=int(_number(f, "count")) if "count" in f else None,
        equipment=f.get("equipment"),
        notes=str(f.get("notes", "")),
        photos=[folder / str(photo)] if photo else [],
    )


def _number(fields: dict[str, Any], key: str) -> float | None:
    if key not in fields:
        return None
    try:
        return float(fields[key])
    except (TypeError, ValueError):
        raise ValueError(f"{key} {fields[key]!r} is not a number") from None
