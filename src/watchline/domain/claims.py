"""Claims: attributed statements, with the exact text spans that are their evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from watchline.domain.enums import Act, EventType, Precision


@dataclass(frozen=True)
class Span:
    """A piece of a document's text: `text == document.text[start:end]`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Speaker:
    """Who made a statement, as written, and the actor it resolves to."""

    text: str
    start: int
    end: int
    actor_id: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class Agent:
    """Who is said to have done the event."""

    text: str
    actor_id: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class PlaceMention:
    """A toponym in the text and the gazetteer entry it resolved to."""

    text: str
    start: int
    end: int
    place_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: Precision | None = None
    country: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class TimeWindow:
    """When the event is said to happen: inclusive dates, and the hours where the text
    gives them.

    `start_time` is the local wall-clock time on `start`, `end_time` on `end`, both in the
    theatre's time zone (the text's "local time"): "on Wednesday evening" is Wednesday
    17:00–23:59, "overnight" (in a Wednesday story) Tuesday 20:00 to Wednesday 06:00.
    None means the whole day. Verification widens them by the policy's margin
    (docs/verdicts.md).
    """

    start: date | None
    end: date | None
    text: str | None = None
    start_time: time | None = None
    end_time: time | None = None

    @property
    def has_hours(self) -> bool:
        return self.start_time is not None or self.end_time is not None


@dataclass(frozen=True)
class Event:
    """What a statement is about."""

    type: EventType
    negated: bool = False
    agent: Agent | None = None
    agents: tuple[Agent, ...] = ()  # all agents when several are named
    places: tuple[PlaceMention, ...] = ()
    time: TimeWindow | None = None


@dataclass(frozen=True)
class Claim:
    """One attributed statement in one document."""

    id: str
    speaker: Speaker
    act: Act
    cue: Span
    content: Span
    event: Event
    direct_quote: bool = False
    stated_on: date | None = None
    responds_to: str | None = None
    confidence: float = 0.5
    extractor_version: str = ""
    document_id: str | None = None
    meta: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
