"""Generated claims, documents and patrols for the pipeline benchmark.

Statements by the parties of every packaged theatre about events at that theatre's
villages, sectors and "the border", spread over a year: allegations, denials the next
day, confirmations, repetitions and reposts (the same words in another document), so
that linking meets every rule it has. Patrols drive between a theatre's villages on a
share of the days. All text is written here, from a few templates; nothing is fetched.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from watchline.domain import (
    Act,
    Agent,
    Claim,
    Event,
    EventType,
    Patrol,
    PlaceMention,
    Precision,
    Span,
    Speaker,
    Theatre,
    TimeWindow,
    TrackPoint,
)

KINDS = (EventType.MOBILIZE, EventType.ATTACK, EventType.FORTIFY, EventType.EXERCISE)
VERBS = {
    EventType.MOBILIZE: ["moved armour toward", "concentrated troops near", "deployed units at"],
    EventType.ATTACK: ["opened fire on positions near", "shelled the outskirts of"],
    EventType.FORTIFY: ["dug new trenches near", "built a fortified post at"],
    EventType.EXERCISE: ["held drills near", "staged an exercise at"],
}
START = date(2025, 1, 1)
_VOCABULARY = (
    "armed units heavy light vehicles trucks convoy column positions line forward rear "
    "night morning evening hills ridge valley road bridge river post outpost sector zone "
    "artillery mortar drone sniper engineers infantry tanks reserves troops soldiers "
    "north south east west village outskirts farmland forest pasture checkpoint depot "
    "several dozen many new fresh large small recent daily continued sudden reported "
    "observed spotted filmed witnessed according residents sources officials statement"
)
WORDS = _VOCABULARY.split()


@dataclass
class Corpus:
    """What one generated corpus holds: documents as (id, published, text) and claims."""

    claims: list[Claim] = field(default_factory=list)
    documents: dict[str, tuple[datetime, str]] = field(default_factory=dict)


def _mention(rng: random.Random, theatre: Theatre) -> PlaceMention:
    """A village with coordinates (most often), a sector by name, or "the border"."""
    villages = [p for p in theatre.places if p.precision in (Precision.VILLAGE, Precision.CITY)]
    roll = rng.random()
    if villages and roll < 0.7:
        p = rng.choice(villages)
        return PlaceMention(p.name, 0, len(p.name), p.id, p.lat, p.lon, p.precision, p.country)
    if theatre.sectors and roll < 0.85:
        s = rng.choice(theatre.sectors)
        return PlaceMention(s.name, 0, len(s.name), None, None, None, Precision.SECTOR)
    return PlaceMention("the border", 0, 10, None, None, None, Precision.BORDER)


def _claim(
    cid: str, doc: str, speaker: str, act: Act, kind: EventType, agent: str | None,
    day: date, place: PlaceMention, text: str, event_day: date | None,
    hours: tuple[time, time] | None,
) -> Claim:  # fmt: skip
    window = None
    if event_day is not None:
        window = TimeWindow(event_day, event_day, None, *(hours or (None, None)))
    return Claim(
        id=cid,
        speaker=Speaker(f"{speaker} ministry", 0, 10, f"{speaker.lower()}.mod", speaker),
        act=act,
        cue=Span(str(act), 0, len(str(act))),
        content=Span(text, 0, len(text)),
        event=Event(
            type=kind,
            negated=act is Act.DENY,
            agent=Agent(agent, agent.lower(), agent) if agent else None,
            places=(place,),
            time=window,
        ),
        stated_on=day,
        document_id=doc,
    )


def corpus(size: int, theatres: list[Theatre], seed: int = 13, days: int = 365) -> Corpus:
    """About `size` claims over `days` days across `theatres` (deterministic per seed)."""
    rng = random.Random(seed)
    out = Corpus()
    usable = [t for t in theatres if len(t.countries) >= 2]
    n = 0
    while len(out.claims) < size:
        theatre = rng.choice(usable)
        accuser, accused = rng.sample(list(theatre.countries[:2]), 2)
        kind = rng.choice(KINDS)
        day = START + timedelta(days=rng.randrange(days))
        place = _mention(rng, theatre)
        event_day = day - timedelta(days=rng.choice((0, 0, 1))) if rng.random() < 0.6 else None
        hours = (time(18), time(23, 59)) if event_day and rng.random() < 0.2 else None
        filler = " ".join(rng.choice(WORDS) for _ in range(8))
        text = f"{accused} forces {rng.choice(VERBS[kind])} {place.text}: {filler}"
        for cid, doc, speaker, act, agent, on, words in _episode(
            rng, n, accuser, accused, day, text, place
        ):
            out.claims.append(
                _claim(cid, doc, speaker, act, kind, agent, on, place, words, event_day, hours)
            )
            published = datetime.combine(on, time(9 + len(out.documents) % 8), UTC)
            out.documents.setdefault(doc, (published, words))
        n += 1
    del out.claims[size:]
    kept = {c.document_id for c in out.claims}
    out.documents = {k: v for k, v in out.documents.items() if k in kept}
    return out


def _episode(
    rng: random.Random, n: int, accuser: str, accused: str, day: date, text: str,
    place: PlaceMention,
) -> Iterator[tuple[str, str, str, Act, str | None, date, str]]:  # fmt: skip
    """An allegation, and perhaps a repost, a denial, a confirmation and a repeat."""
    yield f"d{n}a:c1", f"d{n}a", accuser, Act.ACCUSE, accused, day, text
    if rng.random() < 0.25:
        yield f"d{n}r:c1", f"d{n}r", accuser, Act.ACCUSE, accused, day, text  # a repost
    if rng.random() < 0.5:
        later = day + timedelta(days=rng.choice((0, 1)))
        filler = " ".join(rng.choice(WORDS) for _ in range(6))
        words = f"{accuser} claims about {place.text} are false: {filler}"
        yield f"d{n}b:c1", f"d{n}b", accused, Act.DENY, accused, later, words
    if rng.random() < 0.15:
        words = f"we confirm reports from {place.text}: " + " ".join(rng.sample(WORDS, 6))
        yield f"d{n}c:c1", f"d{n}c", accuser, Act.CONFIRM, accused, day, words
    if rng.random() < 0.1:
        words = f"again at {place.text}: " + " ".join(rng.sample(WORDS, 7))
        yield f"d{n}e:c1", f"d{n}e", accuser, Act.ACCUSE, accused, day + timedelta(days=2), words


def patrols(theatres: list[Theatre], days: int, seed: int = 13) -> list[Patrol]:
    """One patrol on about a third of the days in each theatre, between two villages."""
    rng = random.Random(seed)
    out: list[Patrol] = []
    for theatre in theatres:
        villages = [p for p in theatre.places if p.precision is Precision.VILLAGE]
        if len(villages) < 2:
            continue
        for offset in range(days):
            if rng.random() > 0.33:
                continue
            a, b = rng.sample(villages, 2)
            start = datetime.combine(START + timedelta(days=offset), time(7), UTC)
            steps = 40
            track = tuple(
                TrackPoint(
                    a.lon + (b.lon - a.lon) * i / steps,
                    a.lat + (b.lat - a.lat) * i / steps,
                    start + timedelta(minutes=6 * i),
                )
                for i in range(steps + 1)
            )
            pid = f"patrol-{theatre.id}-{offset}"
            out.append(Patrol(pid, "team", track[0].time, track[-1].time, track))
    return out
