"""Pure domain objects of Watchline (DESIGN.md): dataclasses and enums, no I/O.

Everything a pipeline stage takes or returns is defined here, so that `extract`,
`link` and `verify` depend on nothing but this package.
"""

from watchline.domain.cases import Case, Coverage, Evidence, Verdict
from watchline.domain.claims import Agent, Claim, Event, PlaceMention, Span, Speaker, TimeWindow
from watchline.domain.documents import Document, Source
from watchline.domain.enums import (
    Act,
    ActorKind,
    EventType,
    Modality,
    ObservationType,
    Precision,
    SourceKind,
    VerdictStatus,
)
from watchline.domain.observations import Observation, Patrol, TrackPoint
from watchline.domain.places import Actor, Place, Publication
from watchline.domain.theatre import Base, Sector, Theatre

__all__ = [
    "Act",
    "Actor",
    "ActorKind",
    "Agent",
    "Base",
    "Case",
    "Claim",
    "Coverage",
    "Document",
    "Event",
    "EventType",
    "Evidence",
    "Modality",
    "Observation",
    "ObservationType",
    "Patrol",
    "Place",
    "PlaceMention",
    "Precision",
    "Publication",
    "Sector",
    "Source",
    "SourceKind",
    "Span",
    "Speaker",
    "Theatre",
    "TimeWindow",
    "TrackPoint",
    "Verdict",
    "VerdictStatus",
]
