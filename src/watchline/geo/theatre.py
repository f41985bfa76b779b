"""Theatre profiles: load a mission's area, bases, border and sectors from YAML.

A theatre is what a gazetteer does not know: where the mission works, where its bases
are, where the border runs and what its sectors are called. Profiles ship in
`watchline/data/theatres/<name>.yaml`; users pass the path of their own. The format is
documented in docs/theatres.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import shapely
import shapely.wkt
import yaml
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from watchline.domain import Base, Place, Sector, Theatre
from watchline.errors import Errors, WatchlineError
from watchline.geo.geometry import LocalProjection
from watchline.geo.theatre_parts import (
    TheatreFileError,
    parse_bases,
    parse_places,
    parse_sectors,
    require,
    require_wkt,
)

THEATRES_DIR = Path(__file__).resolve().parents[1] / "data" / "theatres"
PLACES_SUFFIX = ".places.yaml"
KEYS = {
    "id",
    "name",
    "mission",
    "mission_actor",
    "countries",
    "timezone",
    "visibility_m",
    "area_of_responsibility",
    "border",
    "border_names",
    "bases",
    "sectors",
    "places",
    "places_files",
}


def list_theatres() -> list[str]:
    """Names of the packaged theatre profiles, e.g. ['arm-aze']."""
    return sorted(
        p.name.removesuffix(".yaml")
        for p in THEATRES_DIR.glob("*.yaml")
        if not p.name.endswith(PLACES_SUFFIX)
    )


def theatre_path(name_or_path: str | Path) -> Path:
    """The YAML file for a packaged theatre name, or the given path itself."""
    text = str(name_or_path)
    if isinstance(name_or_path, Path) or text.endswith((".yaml", ".yml")) or "/" in text:
        return Path(name_or_path)
    path = THEATRES_DIR / f"{text}.yaml"
    if text.endswith(PLACES_SUFFIX.removesuffix(".yaml")) or not path.is_file():
        raise WatchlineError(
            Errors.E008, status=404, name=text, options=", ".join(list_theatres()) or "(none)"
        )
    return path


def load_theatre(name_or_path: str | Path) -> Theatre:
    """The theatre named `name_or_path` (packaged) or stored at that path.

    Raises E008 for an unknown name and E009 for a file that is missing or invalid,
    with the reason. Results are cached per file and modification time.
    """
    path = theatre_path(name_or_path).resolve()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise WatchlineError(Errors.E009, path=path, reason=exc.strerror or exc) from None
    return _load_cached(path, mtime)


@lru_cache(maxsize=16)
def _load_cached(path: Path, _mtime: int) -> Theatre:
    try:
        return parse_theatre(_read_yaml(path), path.parent)
    except TheatreFileError as exc:
        raise WatchlineError(Errors.E009, path=path, reason=exc) from None


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise TheatreFileError(f"cannot read it ({exc})") from None
    except yaml.YAMLError as exc:
        raise TheatreFileError(f"not valid YAML ({exc})".replace("\n", " ")) from None
    if not isinstance(data, dict):
        raise TheatreFileError("the top level must be a mapping of keys to values")
    return data


def parse_theatre(data: dict[str, Any], folder: Path) -> Theatre:
    """A Theatre from a YAML mapping; `folder` resolves `places_files`."""
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise TheatreFileError(
            f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(KEYS))}"
        )
    theatre_id = str(require(data, "id"))
    timezone = _timezone(str(require(data, "timezone")))
    visibility = require(data, "visibility_m")
    if not isinstance(visibility, int | float) or visibility <= 0:
        raise TheatreFileError(f"visibility_m must be a positive number, not {visibility!r}")
    aor = require_wkt(data, "area_of_responsibility", ("Polygon", "MultiPolygon"))
    border = require_wkt(data, "border", ("LineString", "MultiLineString"))
    places = parse_places(data.get("places") or [], theatre_id, "places")
    places += _places_files(data.get("places_files") or [], folder, theatre_id)
    return Theatre(
        id=theatre_id,
        name=str(require(data, "name")),
        mission_actor=str(require(data, "mission_actor")),
        countries=tuple(str(c) for c in require(data, "countries")),
        timezone=timezone,
        visibility_m=float(visibility),
        area_of_responsibility=aor,
        border=border,
        border_names=tuple(str(n) for n in data.get("border_names") or ()),
        bases=tuple(parse_bases(data.get("bases") or [])),
        sectors=tuple(parse_sectors(data.get("sectors") or [])),
        places=tuple(places),
    )


def _timezone(name: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise TheatreFileError(f"unknown time zone {name!r} (use an IANA name)") from None
    return name


def _places_files(names: list[Any], folder: Path, theatre_id: str) -> list[Place]:
    """Places from extra files beside the theatre; a missing file is skipped."""
    places: list[Place] = []
    for name in names:
        path = folder / str(name)
        if not path.is_file():
            continue
        data = _read_yaml_any(path)
        entries = data.get("places", []) if isinstance(data, dict) else data
        places += parse_places(entries or [], theatre_id, path.name)
    return places


def _read_yaml_any(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise TheatreFileError(f"cannot read {path.name} ({exc})".replace("\n", " ")) from None


def sector_by_name(theatre: Theatre, name: str) -> Sector | None:
    """The sector whose id, name or alias is `name` (case-insensitive)."""
    wanted = name.casefold()
    for sector in theatre.sectors:
        if wanted in {sector.id.casefold(), sector.name.casefold()} | {
            a.casefold() for a in sector.aliases
        }:
            return sector
    return None


DEFAULT_REACH_M = 10_000.0
"""How far outside a theatre's area of responsibility a place still belongs to it: about
a patrol's view across the line plus the ±2–3 km error of the packaged coordinates."""


def load_all_theatres() -> list[Theatre]:
    """Every packaged theatre profile, in `list_theatres()` order (cached per file)."""
    paths = _packaged_paths(THEATRES_DIR.stat().st_mtime_ns)
    return [_load_cached(path, path.stat().st_mtime_ns) for path in paths]


@lru_cache(maxsize=4)
def _packaged_paths(_dir_mtime: int) -> tuple[Path, ...]:
    """The packaged profiles' files, listed again only when the folder's entries change."""
    return tuple(theatre_path(name).resolve() for name in list_theatres())


def theatres_containing(
    lon: float,
    lat: float,
    reach_m: float = DEFAULT_REACH_M,
    theatres: Iterable[Theatre] | None = None,
) -> list[Theatre]:
    """The theatres whose area of responsibility lies within `reach_m` of (lon, lat).

    Nearest first (those containing the point come first, at distance 0). `theatres`
    defaults to the packaged ones; pass your own list to include user profiles. A point
    far from every theatre gives an empty list, never a guess.
    """
    found = []
    for theatre in load_all_theatres() if theatres is None else theatres:
        distance = distance_to_area_m(theatre, lon, lat)
        if distance <= reach_m:
            found.append((distance, theatre.id, theatre))
    return [theatre for _, _, theatre in sorted(found, key=lambda t: t[:2])]


def distance_to_area_m(theatre: Theatre, lon: float, lat: float) -> float:
    """Metres from (lon, lat) to the theatre's area of responsibility; 0 inside it."""
    area, projection = _projected_area(theatre.area_of_responsibility)
    x, y = projection.forward_xy(lon, lat)
    return float(area.distance(Point(x, y)))


@lru_cache(maxsize=64)
def _projected_area(wkt: str) -> tuple[BaseGeometry, LocalProjection]:
    """The area in metres around its own centre latitude, prepared for fast queries."""
    geom = shapely.wkt.loads(wkt)
    projection = LocalProjection(shapely.centroid(geom).y)
    area = projection.forward(geom)
    shapely.prepare(area)
    return area, projection


def base_by_name(theatre: Theatre, name: str) -> Base | None:
    """The base whose id or name is `name` (case-insensitive)."""
    wanted = name.casefold()
    return next((b for b in theatre.bases if wanted in (b.id.casefold(), b.name.casefold())), None)


__all__ = [
    "DEFAULT_REACH_M",
    "THEATRES_DIR",
    "base_by_name",
    "distance_to_area_m",
    "list_theatres",
    "load_all_theatres",
    "load_theatre",
    "parse_theatre",
    "sector_by_name",
    "theatre_path",
    "theatres_containing",
]
