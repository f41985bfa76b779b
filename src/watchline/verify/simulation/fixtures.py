"""Small builders of claims, places and a toy theatre, shared by tests and the simulator."""

from __future__ import annotations

from datetime import date, time

from watchline.domain import (
    Act,
    Agent,
    Claim,
    Event,
    EventType,
    PlaceMention,
    Precision,
    Span,
    Speaker,
    Theatre,
    TimeWindow,
)
from watchline.domain.theatre import Base


def make_claim(
    claim_id: str,
    speaker: str,
    act: Act,
    event_type: EventType,
    agent: str | None,
    stated_on: date | None,
    *,
    places: tuple[PlaceMention, ...] = (),
    negated: bool | None = None,
    content: str = "",
    document_id: str | None = None,
    event_day: date | None = None,
    event_end: date | None = None,
    start_time: time | None = None,
    end_time: time | None = None,
    responds_to: str | None = None,
) -> Claim:
    """A claim from a few facts (speaker and agent are affiliations such as "AZE").

    `event_day`..`event_end` are the claimed days; `start_time`/`end_time` the claimed
    local hours on them, as the extractor's TimeWindow carries them."""
    text = content or f"{agent or 'someone'} {event_type} {' '.join(p.text for p in places)}"
    window = None
    if event_day is not None:
        window = TimeWindow(event_day, event_end or event_day, None, start_time, end_time)
    return Claim(
        id=claim_id,
        speaker=Speaker(speaker, 0, len(speaker), f"{speaker.lower()}.gov", speaker),
        act=act,
        cue=Span(str(act), 0, len(str(act))),
        content=Span(text, 0, len(text)),
        event=Event(
            type=event_type,
            negated=act is Act.DENY if negated is None else negated,
            agent=Agent(agent, agent.lower(), agent) if agent else None,
            places=places,
            time=window,
        ),
        stated_on=stated_on,
        responds_to=responds_to,
        confidence=0.9,
        document_id=document_id,
    )


def village(name: str, lon: float, lat: float, country: str | None = None) -> PlaceMention:
    return PlaceMention(name, 0, len(name), name.lower(), lat, lon, Precision.VILLAGE, country)


BORDER = PlaceMention("the border", 0, 10, None, None, None, Precision.BORDER)


def toy_theatre(area_of_responsibility: str, bases: tuple[Base, ...] = ()) -> Theatre:
    """The hand-built toy border (lon 45–46 at lat 40) that tests and examples set claims in."""
    return Theatre(
        id="toy",
        name="Toy border",
        mission_actor="eu.mission",
        countries=("ARM", "AZE"),
        timezone="Asia/Yerevan",
        visibility_m=2000,
        area_of_responsibility=area_of_responsibility,
        border="LINESTRING (45 40, 46 40)",
        bases=bases,
    )
