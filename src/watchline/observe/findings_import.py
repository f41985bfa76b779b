"""Read a file of findings (CSV or GeoJSON) into numbered entries; no database.

CSV columns (case-insensitive): type, time, modality, patrol, team, date, lat, lon, area
(WKT), bearing, distance_m, count, equipment, notes, photo (a path relative to the file).
GeoJSON: Point or Polygon features whose properties carry the same names.
services/findings.py stores them. A row that cannot be read is returned with its
reason instead of fields, so it is reported with its number and the rest goes in.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import shapely.geometry

from watchline.errors import Errors, InputError
from watchline.observe.findings import ObservationEntry
from watchline.observe.formats import FormatError, clip, short
from watchline.observe.formats.delimited import sniff_rows
from watchline.observe.formats.geojson import load_json
from watchline.observe.patrols import read_bytes

Item = tuple[int, dict[str, Any] | str]  # (number, fields) or (number, why unreadable)
TEXT_FIELDS = ("type", "modality", "patrol", "patrol_id", "team", "date", "area")
TEXT_CHARS = 2_000  # notes and WKT may be long; nothing in a finding needs more


def read_items(path: Path) -> list[Item]:
    """(item number, fields or reason) for each finding in the file; InputError when the
    file as a whole is unreadable."""
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E003, path=path, offset=exc.start) from None
    try:
        if path.suffix.lower() in (".geojson", ".json"):
            return _geojson_items(load_json(raw))
        rows = sniff_rows(text)
    except FormatError as exc:
        raise InputError(Errors.E315, path=path, reason=clip(str(exc))) from None
    if rows and "type" not in rows[0]:
        found = ", ".join(short(name, 30) for name in list(rows[0])[:20]) or "(none)"
        raise InputError(Errors.E308, path=path, column="type", found=found, accepted="type")
    return list(enumerate(rows, start=1))


def _geojson_items(doc: Any) -> list[Item]:
    features = doc.get("features") if isinstance(doc, dict) else None
    if not isinstance(features, list):
        raise FormatError("the top level must be a FeatureCollection with a 'features' list")
    items: list[Item] = []
    for i, feature in enumerate(features, start=1):
        try:
            items.append((i, _fields(feature)))
        except (ValueError, TypeError, AttributeError, shapely.errors.GEOSException) as exc:
            items.append((i, clip(str(exc) or type(exc).__name__)))
    return items


def _fields(feature: Any) -> dict[str, Any]:
    if not isinstance(feature, dict):
        raise ValueError(f"feature {short(feature)} is not an object")
    props = feature.get("properties")
    fields = dict(props) if isinstance(props, dict) else {}
    geometry = feature.get("geometry")
    if geometry is None:
        return fields
    if not isinstance(geometry, dict):
        raise ValueError(f"geometry {short(geometry)} is not an object")
    if geometry.get("type") == "Point":
        coords = geometry.get("coordinates")
        if not isinstance(coords, list) or len(coords) < 2:
            raise ValueError(f"point coordinates {short(coords)} are not [lon, lat]")
        fields["lon"], fields["lat"] = coords[:2]
    else:
        fields["area"] = _area_wkt(geometry)
    return fields


def _area_wkt(geometry: dict[str, Any]) -> str:
    """The WKT of a GeoJSON polygon; ValueError for any other shape or broken member."""
    kind = geometry.get("type")
    if kind not in ("Polygon", "MultiPolygon") or not isinstance(geometry.get("coordinates"), list):
        raise ValueError(f"geometry of type {short(kind)} is not a Point, Polygon or MultiPolygon")
    try:
        return shapely.geometry.shape(geometry).wkt
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise ValueError(f"the polygon's coordinates are unusable ({clip(str(exc), 80)})") from None
    except shapely.errors.GEOSException as exc:
        raise ValueError(f"the polygon's coordinates are unusable ({clip(str(exc), 80)})") from None


def to_entry(fields: dict[str, Any], folder: Path) -> ObservationEntry:
    """An ObservationEntry from one row's fields (ValueError on unreadable values)."""
    f = {str(k).strip().lower(): v for k, v in fields.items() if v not in (None, "")}
    photo = _text(f, "photo")
    count = _number(f, "count")
    return ObservationEntry(
        type=_text(f, "type") or "",
        time=_text(f, "time") or _text(f, "observed_at"),
        modality=_text(f, "modality") or "seen",
        patrol=_text(f, "patrol") or _text(f, "patrol_id"),
        team=_text(f, "team"),
        date=_text(f, "date"),
        lat=_number(f, "lat"),
        lon=_number(f, "lon"),
        area_wkt=_text(f, "area"),
        bearing_deg=_number(f, "bearing"),
        distance_m=_number(f, "distance_m"),
        count=None if count is None else _whole(count),
        equipment=_text(f, "equipment"),
        notes=_text(f, "notes") or "",
        photos=[folder / photo] if photo else [],
    )


def _text(fields: dict[str, Any], key: str) -> str | None:
    """A text field; numbers are written out (an epoch time, a numeric team name)."""
    value = fields.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"{key} {short(value)} is not text")
    return str(value)[:TEXT_CHARS]


def _number(fields: dict[str, Any], key: str) -> float | None:
    if key not in fields:
        return None
    value = fields[key]
    try:
        if isinstance(value, bool):
            raise TypeError
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{key} {short(value)} is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"{key} {short(value)} is not a finite number")
    return number


def _whole(count: float) -> int:
    if count != int(count) or abs(count) > 1e9:
        raise ValueError(f"count {count:g} is not a whole number of things")
    return int(count)
