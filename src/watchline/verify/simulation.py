"""A synthetic theatre for measuring verdicts against a known truth.

A straight border, a mission's area of responsibility on one side, villages on both
sides, true events, patrols that drive along parts of the border (and see the events
they pass), and parties that make true and false claims and deny them. Used by
`benchmarks/simulate_verdicts.py` and by an invariant test. Everything is seeded.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from watchline.domain import (
    Act,
    Agent,
    Case,
    Claim,
    Coverage,
    Document,
    Event,
    EventType,
    Observation,
    ObservationType,
    Patrol,
    PlaceMention,
    Precision,
    Source,
    SourceKind,
    Span,
    Speaker,
    Theatre,
    TimeWindow,
    TrackPoint,
    VerdictStatus,
)
from watchline.domain.theatre import Base
from watchline.verify.area import observable_area
from watchline.verify.evidence import CaseEvidence
from watchline.verify.policy import DEFAULT_POLICY, VerifyPolicy
from watchline.verify.verdicts import sufficient, verify_case


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


@dataclass(frozen=True)
class SimConfig:
    """The size and habits of a synthetic theatre (all drawn from one seed)."""

    seed: int = 7
    days: int = 14
    border_km: float = 170.0  # a straight border along latitude 40 from longitude 45
    villages: int = 40  # on the mission's side; as many again on the far side
    true_events: int = 60
    false_claims: int = 60
    far_side_claims: int = 20
    unobservable_claims: int = 20
    patrols_per_day: int = 5
    patrol_km: float = 30.0
    visibility_m: float = 2000.0
    accuse_true_rate: float = 0.9  # how often a true event is alleged by the other side
    denial_rate: float = 0.7  # how often the accused denies, true or not
    repost_rate: float = 0.2
    miss_rate: float = 0.0  # chance a patrol that passes an event fails to report it


@dataclass
class Scenario:
    theatre: Theatre
    claims: list[Claim]
    documents: dict[str, Document]
    patrols: list[Patrol]
    observations: list[Observation]
    truth: dict[str, str]  # allegation id -> "true" | "false" | "unobservable"


LAT0, LON0 = 40.0, 45.0
KM_LON = 1.0 / (111.32 * math.cos(math.radians(LAT0)))
KM_LAT = 1.0 / 110.57


def synthetic_theatre(config: SimConfig) -> Theatre:
    east = LON0 + config.border_km * KM_LON
    aor = f"POLYGON (({LON0 - 0.1} {LAT0 - 0.01}, {east + 0.1} {LAT0 - 0.01}, "
    aor += f"{east + 0.1} {LAT0 + 0.5}, {LON0 - 0.1} {LAT0 + 0.5}, {LON0 - 0.1} {LAT0 - 0.01}))"
    return Theatre(
        id="synthetic",
        name="Synthetic border",
        mission_actor="mission",
        countries=("ARM", "AZE"),
        timezone="UTC",
        visibility_m=config.visibility_m,
        area_of_responsibility=aor,
        border=f"LINESTRING ({LON0} {LAT0}, {east} {LAT0})",
        border_names=("the border", "border"),
    )


class _Builder:
    """Draws the scenario: events, patrols that see them, and parties' statements."""

    def __init__(self, config: SimConfig) -> None:
        self.config = config
        self.rng = random.Random(config.seed)
        self.start = date(2024, 3, 1)
        self.theatre = synthetic_theatre(config)
        span = config.border_km - 10.0
        self.own = [
            self._village(f"N{i}", 5 + span * self.rng.random(), 1.5)
            for i in range(config.villages)
        ]
        self.far = [
            self._village(f"S{i}", 5 + span * self.rng.random(), -2.5)
            for i in range(config.villages)
        ]
        self.claims: list[Claim] = []
        self.documents: dict[str, Document] = {}
        self.truth: dict[str, str] = {}
        self.events: list[tuple[EventType, PlaceMention, date]] = []

    def _village(self, name: str, km_east: float, km_north: float) -> PlaceMention:
        return village(name, LON0 + km_east * KM_LON, LAT0 + km_north * KM_LAT)

    def _day(self) -> date:
        return self.start + timedelta(days=self.rng.randrange(self.config.days))

    def _statement(self, speaker: str, act: Act, kind: EventType, agent: str, place, day, text):
        doc = f"doc{len(self.documents):05d}"
        published = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=12)
        source = Source(SourceKind.MINISTRY, f"{speaker} ministry", speaks_for=speaker.lower())
        self.documents[doc] = Document(doc, text, text.encode(), source, published, id=doc)
        places = (place,) if place else ()
        claim = make_claim(f"{doc}:c1", speaker, act, kind, agent, day, places=places,
                           content=text, document_id=doc, event_day=day)  # fmt: skip
        self.claims.append(claim)
        return claim

    def _allege(self, label: str, speaker: str, agent: str, kind: EventType, place, day) -> None:
        serial = len(self.claims)
        words = f"{agent} forces {kind} activity near {place.text} on {day:%d %B}, serial {serial}"
        claim = self._statement(
            speaker, Act.ACCUSE, kind, agent, place, day, f"{speaker} says {words}"
        )
        self.truth[claim.id] = label
        if self.rng.random() < self.config.repost_rate:
            copy = self._statement(
                speaker,
                Act.ACCUSE,
                kind,
                agent,
                place,
                day,
                f"RT @{speaker}: {speaker} says {words}",
            )
            self.truth[copy.id] = "copy"
        if self.rng.random() < self.config.denial_rate:
            self._statement(
                agent, Act.DENY, kind, agent, place, day, f"{agent} denies {kind} near {place.text}"
            )

    def build(self) -> None:
        c = self.config
        kinds = (EventType.MOBILIZE, EventType.FORTIFY, EventType.ATTACK)
        for _ in range(c.true_events):
            kind, place, day = self.rng.choice(kinds), self.rng.choice(self.own), self._day()
            self.events.append((kind, place, day))
            if self.rng.random() < c.accuse_true_rate:
                self._allege("true", "AZE", "ARM", kind, place, day)
        for _ in range(c.false_claims):
            kind, place, day = self.rng.choice(kinds), self.rng.choice(self.own), self._day()
            if not any(e[1] == place and e[2] == day for e in self.events):
                self._allege("false", "AZE", "ARM", kind, place, day)
        for _ in range(c.far_side_claims):
            kind, place, day = self.rng.choice(kinds), self.rng.choice(self.far), self._day()
            self._allege("unobservable", "ARM", "AZE", kind, place, day)
        for _ in range(c.unobservable_claims):
            kind = self.rng.choice((EventType.DISINFORMATION, EventType.PROVOCATION))
            self._allege("unobservable", "AZE", "ARM", kind, self.rng.choice(self.own), self._day())

    def patrols(self) -> tuple[list[Patrol], list[Observation]]:
        c = self.config
        patrols: list[Patrol] = []
        observations: list[Observation] = []
        for offset in range(c.days):
            day = self.start + timedelta(days=offset)
            for k in range(c.patrols_per_day):
                west = self.rng.random() * (c.border_km - c.patrol_km)
                patrol = self._patrol(f"p{offset:02d}{k}", day, west)
                patrols.append(patrol)
                observations += self._findings(patrol, day, west)
        return patrols, observations

    def _patrol(self, pid: str, day: date, west_km: float) -> Patrol:
        start = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=6)
        end = start + timedelta(hours=8)
        steps = 30
        lat = LAT0 + 1.5 * KM_LAT
        track = tuple(
            TrackPoint(LON0 + (west_km + self.config.patrol_km * i / steps) * KM_LON, lat,
                       start + (end - start) * i / steps)
            for i in range(steps + 1)
        )  # fmt: skip
        return Patrol(pid, f"team {pid}", start, end, track, base="base")

    def _findings(self, patrol: Patrol, day: date, west_km: float) -> list[Observation]:
        west = LON0 + (west_km - self.config.visibility_m / 1000) * KM_LON
        east = LON0 + (west_km + self.config.patrol_km + self.config.visibility_m / 1000) * KM_LON
        seen = [
            (kind, place)
            for kind, place, when in self.events
            if when == day and place.lon is not None and west <= place.lon <= east
            and self.rng.random() >= self.config.miss_rate
        ]  # fmt: skip
        noon = patrol.start + timedelta(hours=4)
        if not seen:
            mid = patrol.track[len(patrol.track) // 2]
            return [Observation(f"{patrol.id}-q", ObservationType.NOTHING_UNUSUAL, noon,
                                patrol_id=patrol.id, lat=mid.lat, lon=mid.lon)]  # fmt: skip
        return [
            Observation(f"{patrol.id}-{i}", ObservationType(str(kind)), noon, patrol_id=patrol.id,
                        lat=place.lat, lon=place.lon, notes=f"{kind} near {place.text}")
            for i, (kind, place) in enumerate(seen)
        ]  # fmt: skip


def build_scenario(config: SimConfig | None = None) -> Scenario:
    """A seeded synthetic theatre with its truth."""
    builder = _Builder(config or SimConfig())
    builder.build()
    patrols, observations = builder.patrols()
    return Scenario(
        builder.theatre, builder.claims, builder.documents, patrols, observations, builder.truth
    )


CoverageFn = Callable[
    [str, datetime, datetime, Sequence[Patrol], Sequence[Observation], float], Coverage
]
CORRECT = {"true": VerdictStatus.CORROBORATED, "false": VerdictStatus.CONTRADICTED,
           "unobservable": VerdictStatus.UNOBSERVABLE}  # fmt: skip
SAFE = {VerdictStatus.NOT_COVERED, VerdictStatus.UNOBSERVABLE, VerdictStatus.DISPUTED}


@dataclass
class SimResult:
    """Verdicts against the truth: a confusion matrix and the target figures."""

    matrix: dict[str, Counter[str]] = field(default_factory=dict)
    cases: int = 0
    sufficient: int = 0
    sufficient_correct: int = 0
    contradicted_true: int = 0
    unsafe_elsewhere: int = 0  # thin coverage, yet a verdict other than the safe ones

    @property
    def sufficient_accuracy(self) -> float:
        return self.sufficient_correct / self.sufficient if self.sufficient else 1.0

    def add(self, label: str, status: VerdictStatus, sufficient: bool) -> None:
        self.cases += 1
        self.matrix.setdefault(label, Counter())[status.value] += 1
        if label == "true" and status is VerdictStatus.CONTRADICTED:
            self.contradicted_true += 1
        if sufficient:
            self.sufficient += 1
            self.sufficient_correct += int(CORRECT.get(label) is status)
        elif status not in SAFE:
            self.unsafe_elsewhere += 1


def _window(case: Case) -> tuple[datetime, datetime]:
    start = datetime.combine(case.start or date.min, datetime.min.time(), UTC)
    end = datetime.combine(case.end or case.start or date.min, datetime.min.time(), UTC)
    return start, end + timedelta(days=1)


def evaluate(
    scenario: Scenario, coverage_fn: CoverageFn, policy: VerifyPolicy = DEFAULT_POLICY
) -> SimResult:
    """Link and verify the scenario's claims and score each case against the truth.

    The only module of `verify` that also runs `link`: it measures the two together.
    """
    from watchline.link import link_claims

    linkage = link_claims(scenario.claims, scenario.documents, scenario.theatre)
    claims = {c.id: c for c in scenario.claims}
    observations = {o.id: o for o in scenario.observations}
    result = SimResult()
    for case in linkage.cases:
        roles = {cid: str(role) for cid, role in linkage.roles(case.id).items()}
        labels = [
            scenario.truth[c] for c in case.claim_ids if roles[c] == "for" and c in scenario.truth
        ]
        if not labels:
            continue
        scope = linkage.scopes[case.id]
        area = observable_area(case, scenario.theatre, policy, scope)
        coverage = None
        if area.wkt is not None:
            start, end = _window(case)
            coverage = coverage_fn(area.wkt, start, end, scenario.patrols, scenario.observations,
                                   scenario.theatre.visibility_m)  # fmt: skip
        inside = [observations[o] for o in coverage.observation_ids] if coverage else []
        ev = CaseEvidence(case, {c: claims[c] for c in case.claim_ids}, roles, coverage, inside,
                          scenario.patrols, scenario.theatre, scope, area.far_side)  # fmt: skip
        status = verify_case(ev, policy).status
        result.add(labels[0], status, sufficient(ev, policy) or bool(ev.supporting))
    return result
