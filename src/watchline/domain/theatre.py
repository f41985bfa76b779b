"""A theatre profile: the mission, its bases, the border and named sectors."""

from __future__ import annotations

from dataclasses import dataclass

from watchline.domain.places import Place


@dataclass(frozen=True)
class Base:
    id: str
    name: str
    lat: float
    lon: float
    kind: str = "base"  # "hq" | "base"


@dataclass(frozen=True)
class Sector:
    """A named stretch of the border or area; `geometry` is WKT (lon lat)."""

    id: str
    name: str
    geometry: str
    aliases: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True)
class Theatre:
    """Everything about one mission's area that a gazetteer does not know."""

    id: str
    name: str
    mission_actor: str
    countries: tuple[str, ...]
    timezone: str
    visibility_m: float
    area_of_responsibility: str  # WKT polygon
    border: str  # WKT (multi)linestring
    border_names: tuple[str, ...] = ()
    bases: tuple[Base, ...] = ()
    sectors: tuple[Sector, ...] = ()
    places: tuple[Place, ...] = ()
