"""Cases (claims about one alleged event) and their verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from watchline.domain.enums import EventType, VerdictStatus


@dataclass(frozen=True)
class Coverage:
    """What the patrols saw of an area in a time window."""

    area_fraction: float  # 0..1 of the claimed area inside some patrol's visibility
    hours: float  # patrol-hours inside the window that touched the area
    window_fraction: float  # 0..1 of the window during which some patrol was there
    patrol_ids: tuple[str, ...] = ()
    observation_ids: tuple[str, ...] = ()
    per_patrol: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
    # minutes of the window during which some patrol had (part of) the area within its
    # visibility: the union over patrols of the time truly in sight, never track time
    in_sight_minutes: float = 0.0


@dataclass(frozen=True)
class Evidence:
    """One link in a verdict's chain: a claim, an observation or a patrol."""

    kind: str  # "claim" | "observation" | "patrol" | "document"
    ref: str
    role: str  # "for" | "against" | "coverage" | "copy" | "context"
    summary: str = ""


@dataclass(frozen=True)
class Verdict:
    """The assessment of a case; analysts override by adding a new one."""

    case_id: str
    status: VerdictStatus
    confidence: float
    rationale: str
    coverage: Coverage | None = None
    evidence: tuple[Evidence, ...] = ()
    author: str = "engine"
    reason: str | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class Case:
    """Claims about the same alleged event, for and against."""

    id: str
    event_type: EventType
    agent: str | None  # affiliation of the alleged doer
    start: date | None
    end: date | None
    claim_ids: tuple[str, ...]
    area: str | None = None  # WKT, lon lat
    place_ids: tuple[str, ...] = ()
    title: str = ""
    theatre_id: str | None = None  # the theatre its claims' places lie in; never mixed
