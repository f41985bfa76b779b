"""Parsers for the parts of a theatre profile: geometry, bases, sectors and places."""

from __future__ import annotations

import re
from typing import Any

import shapely
import shapely.wkt
from shapely.errors import GEOSException

from watchline.domain import Base, Place, Precision, Sector
from watchline.geo.geometry import buffer_m, in_lonlat_range


class TheatreFileError(ValueError):
    """A reason why a theatre file cannot be used; becomes E009 with the file's path."""


def require(data: dict[str, Any], key: str, where: str = "") -> Any:
    if data.get(key) in (None, ""):
        raise TheatreFileError(f"missing required key {key!r}{where}")
    return data[key]


def parse_wkt(text: str, what: str, kinds: tuple[str, ...]) -> shapely.Geometry:
    """Parse lon/lat WKT, checking its kind, validity and coordinate ranges."""
    try:
        geom = shapely.wkt.loads(" ".join(str(text).split()))
    except (GEOSException, ValueError) as exc:
        raise TheatreFileError(f"{what} is not valid WKT ({exc})") from None
    if geom.geom_type not in kinds:
        raise TheatreFileError(f"{what} must be a {' or '.join(kinds)}, not a {geom.geom_type}")
    if geom.is_empty or not geom.is_valid:
        raise TheatreFileError(f"{what} is empty or invalid ({shapely.is_valid_reason(geom)})")
    if not in_lonlat_range(geom):
        raise TheatreFileError(f"{what} has coordinates out of range; write 'lon lat' pairs")
    return geom


def require_wkt(data: dict[str, Any], key: str, kinds: tuple[str, ...]) -> str:
    return parse_wkt(require(data, key), key, kinds).wkt


def _number(entry: dict[str, Any], key: str, where: str, low: float, high: float) -> float:
    value = require(entry, key, where)
    if not isinstance(value, int | float) or not low <= value <= high:
        raise TheatreFileError(f"{key} of {where.strip(' ()')} must be within {low}..{high}")
    return float(value)


def _mapping(entry: Any, section: str, index: int) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise TheatreFileError(f"{section} item {index + 1} must be a mapping")
    return entry


def parse_bases(entries: list[Any]) -> list[Base]:
    bases = []
    for i, raw in enumerate(entries):
        entry = _mapping(raw, "bases", i)
        where = f" (bases item {i + 1})"
        name = str(require(entry, "name", where))
        bases.append(
            Base(
                id=str(entry.get("id") or slug(name)),
                name=name,
                lat=_number(entry, "lat", where, -90, 90),
                lon=_number(entry, "lon", where, -180, 180),
                kind=str(entry.get("kind", "base")),
            )
        )
    return bases


def parse_sectors(entries: list[Any]) -> list[Sector]:
    """Sectors as polygons: given directly, or a border stretch widened by buffer_m."""
    sectors = []
    for i, raw in enumerate(entries):
        entry = _mapping(raw, "sectors", i)
        name = str(require(entry, "name", f" (sectors item {i + 1})"))
        what = f"sector {name!r}"
        if entry.get("geometry"):
            geom = parse_wkt(entry["geometry"], what, ("Polygon", "MultiPolygon"))
        elif entry.get("line"):
            line = parse_wkt(entry["line"], what, ("LineString", "MultiLineString"))
            width = entry.get("buffer_m", 5000)
            if not isinstance(width, int | float) or width <= 0:
                raise TheatreFileError(f"buffer_m of {what} must be a positive number")
            geom = buffer_m(line, float(width))
        else:
            raise TheatreFileError(f"{what} needs a 'geometry' polygon or a 'line' to buffer")
        sectors.append(
            Sector(
                id=str(entry.get("id") or slug(name)),
                name=name,
                geometry=shapely.set_precision(geom, 1e-6).wkt,
                aliases=tuple(str(a) for a in entry.get("aliases") or ()),
                country=entry.get("country"),
            )
        )
    return sectors


def parse_places(entries: list[Any], theatre_id: str, section: str) -> list[Place]:
    """Places; ids without a prefix become `theatre:<theatre id>:<id>`."""
    places = []
    for i, raw in enumerate(entries):
        entry = _mapping(raw, section, i)
        where = f" ({section} item {i + 1})"
        name = str(require(entry, "name", where))
        pid = str(entry.get("id") or slug(name))
        precision = str(entry.get("precision", "village"))
        if precision not in {p.value for p in Precision}:
            raise TheatreFileError(f"unknown precision {precision!r}{where}")
        places.append(
            Place(
                id=pid if ":" in pid else f"theatre:{theatre_id}:{pid}",
                name=name,
                lat=_number(entry, "lat", where, -90, 90),
                lon=_number(entry, "lon", where, -180, 180),
                precision=Precision(precision),
                country=entry.get("country"),
                feature_kind=entry.get("kind") or entry.get("feature_kind"),
                alt_names=tuple(str(a) for a in entry.get("alt_names") or ()),
                geometry=entry.get("geometry"),
            )
        )
    return places


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
