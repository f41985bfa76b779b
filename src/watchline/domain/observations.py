"""Patrols and what they found."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from watchline.domain.enums import Modality, ObservationType


@dataclass(frozen=True)
class TrackPoint:
    lon: float
    lat: float
    time: datetime  # UTC


@dataclass(frozen=True)
class Patrol:
    """One patrol: who, from where, when, and the GPS track it drove."""

    id: str
    team: str
    start: datetime  # UTC
    end: datetime  # UTC
    track: tuple[TrackPoint, ...]
    base: str | None = None
    vehicle: str | None = None
    visibility_m: float | None = None
    raw_sha256: str | None = None
    source_file: str | None = None


@dataclass(frozen=True)
class Observation:
    """One finding of a patrol. Location is a point, or an area as WKT."""

    id: str
    type: ObservationType
    observed_at: datetime  # UTC
    modality: Modality = Modality.SEEN
    patrol_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    area: str | None = None  # WKT polygon when the finding covers an area
    count: int | None = None
    equipment: str | None = None
    notes: str = ""
    media: tuple[str, ...] = field(default=())
