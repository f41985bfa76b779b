"""A synthetic theatre for measuring verdicts against a known truth.

A straight border, a mission's area of responsibility on one side, villages on both
sides, true events, patrols that drive along parts of the border (and see the events
they pass), and parties that make true and false claims and deny them. Used by
`benchmarks/simulate_verdicts.py` and by an invariant test. Everything is seeded.
"""

from __future__ import annotations

from datetime import date

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
    TimeWindow,
)


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
    responds_to: str | None = None,
) -> Claim:
    """A claim from a few facts (speaker and agent are affiliations such as "AZE")."""
    text = content or f"{agent or 'someone'} {event_type} {' '.join(p.text for p in places)}"
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
            time=TimeWindow(event_day, event_day) if event_day else None,
        ),
        stated_on=stated_on,
        responds_to=responds_to,
        confidence=0.9,
        document_id=document_id,
    )


def village(name: str, lon: float, lat: float, country: str | None = None) -> PlaceMention:
    return PlaceMention(name, 0, len(name), name.lower(), lat, lon, Precision.VILLAGE, country)


BORDER = PlaceMention("the border", 0, 10, None, None, None, Precision.BORDER)
