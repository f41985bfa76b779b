"""Blocking changes how fast linking is, never what it decides.

`AllPairs` is the linker as it was before blocking: every rule is handed every earlier
claim within the days it looks back (undated ones included), every case of the claim's
event type is tried, and a denial's tie-break uses positions in the list it was handed.
Generated claims across three theatres, many days, places of every kind (villages, a
sector and a village in it, "the border", unresolved names, nowhere), every speech act
and event type, shared documents, reposts, forwards and explicit answers must give
exactly the same linkage with and without blocking.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from theatres_fixture import ARM_AZE, KOSOVO, LOC, border, named, place

from watchline.domain import (
    Act,
    Agent,
    Claim,
    Document,
    Event,
    EventType,
    Source,
    SourceKind,
    Span,
    Speaker,
    TimeWindow,
)
from watchline.link import LinkOptions, link_theatres
from watchline.link.cases import (
    MAX_INDEXED_DAYS,
    Linker,
    _Draft,
    linkage_from,
)
from watchline.link.geo import Footprint
from watchline.link.responses import REPEAT_DAYS, Order
from watchline.link.theatres import TheatreChooser
from watchline.link.windows import Window

D0 = date(2024, 5, 1)
PLACES = [
    place("Sotk", 45.8695, 40.2001, "ARM", place_id="theatre:arm-aze:sotk"),
    place("Tegh", 46.4806, 39.5583, "ARM", place_id="theatre:arm-aze:tegh"),
    place("Kirants", 45.100, 41.040, "ARM"),
    place("Berkaber", 45.265, 41.005, "ARM"),
    place("Nikial", 74.12, 33.60, "IND"),
    place("Jarinje", 20.74, 43.19, "XKX"),
    named("Gegharkunik"),  # a sector of arm-aze, by name
    named("Poonch sector"),
    named("North"),
    named("Nowhere Valley"),  # unresolved: no shape
    border(),
    border("the Line of Control"),
]
PARTIES = ["ARM", "AZE", "IND", "PAK", "XKX", "SRB", None]
WORDS = ["troops", "massing", "near", "the", "line", "shelling", "drones", "trucks", "calm"]


class AllPairs(Linker):
    """The linker without blocking: every earlier claim, every case of the type."""

    def _recent(self, claim: Claim, keys: list[object]) -> list[Claim]:
        seen = sorted(self.known.values(), key=lambda c: self.position[c.id])
        if claim.stated_on is None:
            return seen
        reach = max(self.options.response_days, self.options.tolerance_days, REPEAT_DAYS) + 1
        cutoff = claim.stated_on - timedelta(days=reach)
        return [c for c in seen if c.stated_on is None or c.stated_on >= cutoff]

    def _candidates(
        self, kind: EventType, window: Window | None, footprint: Footprint | None = None
    ) -> list[_Draft]:
        if window is None or (window[1] - window[0]).days > MAX_INDEXED_DAYS:
            return [d for d in self.drafts if d.anchor.event.type == kind]
        days = {window[0] + timedelta(days=i) for i in range((window[1] - window[0]).days + 1)}
        wide = self.wide.get(kind, set())
        return [
            d
            for d in self.drafts
            if d.anchor.event.type == kind and (d.number in wide or d.days & days)
        ]

    def _order(self) -> Order | None:
        return None  # positions within the list handed over, as before blocking


def _all_pairs(claims, documents, theatres, options):
    """`link_theatres` with the all-pairs linker in each theatre."""
    from watchline.link.theatres import merge

    chooser = TheatreChooser(theatres, theatres[0].id, options)
    chosen = chooser.assign(claims)
    parts = []
    for theatre in theatres:
        mine = [c for c in claims if chosen[c.id] == theatre.id]
        if mine:
            parts.append(linkage_from(AllPairs(documents, theatre, options), mine))
    return merge(parts)


@st.composite
def scenarios(draw):
    n_docs = draw(st.integers(1, 14))
    docs: dict[str, Document] = {}
    claims: list[Claim] = []
    texts: list[str] = []
    for d in range(n_docs):
        day = D0 + timedelta(days=draw(st.integers(0, 12)))
        dated = draw(st.booleans()) or d % 5
        forwarded = draw(st.sampled_from([None, None, None, "channel-x"]))
        doc_id = f"doc{d}"
        for k in range(draw(st.integers(1, 3))):
            if texts and draw(st.integers(0, 3)) == 0:
                text = draw(st.sampled_from(texts))  # a repost of an earlier text
            else:
                text = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=7)))
            texts.append(text)
            speaker = draw(st.sampled_from(PARTIES[:-1]))
            agent = draw(st.sampled_from(PARTIES))
            act = draw(st.sampled_from(list(Act)))
            start = draw(st.sampled_from([None, None, 0, 1, 3]))
            span = draw(st.sampled_from([0, 0, 2, 40]))
            window = None
            if start is not None:
                first = day - timedelta(days=start)
                window = TimeWindow(first, first + timedelta(days=span))
            stated = draw(st.sampled_from([day, day, day - timedelta(days=1), None]))
            places = tuple(draw(st.lists(st.sampled_from(PLACES), max_size=2)))
            earlier = [c.id for c in claims]
            responds = draw(st.sampled_from([None, None, None, *earlier[-3:]]))
            claims.append(
                Claim(
                    id=f"{doc_id}:c{k}",
                    speaker=Speaker(f"{speaker} ministry", 0, 3, f"{speaker.lower()}.mod", speaker),
                    act=act,
                    cue=Span("said", 0, 4),
                    content=Span(text, k * 10, k * 10 + len(text)),
                    event=Event(
                        type=draw(st.sampled_from(list(EventType))),
                        negated=act is Act.DENY or draw(st.integers(0, 9)) == 0,
                        agent=Agent(agent, agent.lower(), agent) if agent else None,
                        places=places,
                        time=window,
                    ),
                    stated_on=stated,
                    responds_to=responds,
                    document_id=doc_id,
                )
            )
        published = datetime(day.year, day.month, day.day, 6 + d % 12, tzinfo=UTC)
        docs[doc_id] = Document(
            key=doc_id,
            text=" ".join(texts[-3:]),
            raw=b"",
            source=Source(SourceKind("news"), "Wire", None, None, None),
            published_at=published if dated else None,
            forwarded_from=forwarded,
            id=doc_id,
        )
    return claims, docs


THEATRES = [ARM_AZE, LOC, KOSOVO]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    scenarios(),
    st.sampled_from([LinkOptions(), LinkOptions(tolerance_days=3, copy_similarity=0.5)]),
)
def test_blocking_link_gives_the_all_pairs_linkage(scenario, options) -> None:
    claims, docs = scenario
    blocked = link_theatres(claims, docs, THEATRES, ARM_AZE.id, options)
    reference = _all_pairs(claims, docs, THEATRES, options)
    assert blocked == reference
