"""Actors, gazetteer places and publications."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from watchline.domain.enums import ActorKind, Precision


@dataclass(frozen=True)
class Actor:
    """A canonical party, e.g. `aze.mod` (Azerbaijan's Ministry of Defence)."""

    id: str
    name: str
    kind: ActorKind
    affiliation: str | None  # ISO 3166 alpha-3 or EU, UN, OSCE, NATO, CSTO, ICRC, AU
    aliases: tuple[str, ...] = ()
    parent: str | None = None


@dataclass(frozen=True)
class Place:
    """A gazetteer entry or a mission-defined area; `geometry` is WKT (lon lat)."""

    id: str
    name: str
    lat: float
    lon: float
    precision: Precision
    country: str | None = None
    feature_kind: str | None = None
    alt_names: tuple[str, ...] = ()
    geometry: str | None = None
    geonames_id: int | None = None
    population: int | None = None


@dataclass(frozen=True)
class Publication:
    """A statement or report as published, with its signature."""

    id: str
    title: str
    text: str
    verdict_ids: tuple[str, ...]
    created_at: datetime
    signature: str | None = None
    public_key: str | None = None
    claim_review: str | None = None  # JSON-LD
