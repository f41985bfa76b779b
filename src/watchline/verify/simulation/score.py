"""Verdicts against the world's truth: the confusion matrix and the target figures.

A case is scored by the truth of its allegation (a lone denial when it has none). The
right verdict: a true event that patrols saw is `corroborated`; a false one with
sufficient coverage is `contradicted`; where coverage was not sufficient, `not_covered`
or `disputed`; far-side places, unobservable kinds and warnings are `unobservable`. A
`contradicted` verdict is false when the event happened, when the truth says coverage
was insufficient, or when the case is unobservable.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from watchline.domain import VerdictStatus
from watchline.verify.policy import VerifyPolicy
from watchline.verify.simulation.engine import Judged
from watchline.verify.simulation.paths import TruePath
from watchline.verify.simulation.truth import (
    BORDERLINE,
    INSUFFICIENT,
    SUFFICIENT,
    TRACE_DAYS,
    Grade,
    grade_coverage,
)
from watchline.verify.simulation.world import Allegation, World

V = VerdictStatus
SAFE = {V.NOT_COVERED, V.DISPUTED}
ROWS = (
    "true seen",
    "true unseen",
    "false sufficient",
    "false borderline",
    "false thin",
    "unobservable",
)
MINUTES = re.compile(r"(\d+(?:\.\d+)?)\s*min(?:ute)?s?\b")


def expected(row: str, alone: bool) -> set[VerdictStatus]:
    """The verdicts that are right for a truth row."""
    if row == "unobservable":
        return {V.UNOBSERVABLE}
    if row == "true seen":
        return {V.CORROBORATED}
    if row == "false sufficient":
        return {V.CONTRADICTED}
    if row == "false borderline":
        return {V.CONTRADICTED, *SAFE}
    return SAFE | ({V.PENDING} if alone else set())


@dataclass
class SimResult:
    matrix: dict[str, Counter[str]] = field(default_factory=dict)
    cases: int = 0
    unscored: int = 0  # cases with no allegation of the world (none expected)
    false_contradicted: int = 0
    contradicted_true: int = 0  # … of which the event happened
    contradicted_thin: int = 0  # … of which coverage was insufficient (event did not happen)
    contradicted_unobservable: int = 0
    sufficient: int = 0  # cases where the truth says a verdict was decidable
    sufficient_correct: int = 0
    unobservable: int = 0
    unobservable_correct: int = 0
    contradicted: int = 0
    contradicted_with_minutes: int = 0
    minutes_off: int = 0  # rationale minutes more than 10 % (and 5 min) from the truth
    errors: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    by_scenario: Counter[str] = field(default_factory=Counter)
    wild_fixes: int = 0
    by_trace: int = 0

    @property
    def sufficient_accuracy(self) -> float:
        return self.sufficient_correct / self.sufficient if self.sufficient else 1.0

    @property
    def minutes_share(self) -> float:
        return self.contradicted_with_minutes / self.contradicted if self.contradicted else 1.0

    def targets_met(self, accuracy: float = 0.95) -> bool:
        return (
            self.false_contradicted == 0
            and self.sufficient_accuracy >= accuracy
            and self.minutes_share == 1.0
        )

    def merge(self, other: SimResult) -> None:
        for row, counts in other.matrix.items():
            self.matrix.setdefault(row, Counter()).update(counts)
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)
        self.errors.update(other.errors)
        self.by_scenario.update(other.by_scenario)


def _truth_of(judged: Judged, world: World) -> list[Allegation]:
    ids = [c for c in judged.case.claim_ids if judged.roles.get(c) == "for"]
    ids = ids or [c for c in judged.case.claim_ids if judged.roles.get(c) == "against"]
    return [world.truth[c] for c in ids if c in world.truth]


def _paths(world: World, allegation: Allegation) -> list[TruePath]:
    start = allegation.windows[0][0]
    end = allegation.windows[-1][1]
    if allegation.kind in TRACE_DAYS:
        end = max(end, start + TRACE_DAYS[allegation.kind][0] * 86400.0)
    return [p.path for p in world.patrols if p.path.end >= start and p.path.start <= end]


def _seen(world: World, allegation: Allegation) -> bool:
    """Whether a patrol reported the event inside the claimed time (or its traces after)."""
    event = allegation.event
    if event is None:
        return False
    start, end = allegation.windows[0][0], allegation.windows[-1][1]
    if allegation.kind in TRACE_DAYS:
        end = max(end, start + TRACE_DAYS[allegation.kind][0] * 86400.0)
    vis = world.map.theatre.visibility_m / 1000.0
    from watchline.verify.simulation.truth import first_sight

    return any(
        first_sight(p.path, event.x, event.y, max(start, event.start), min(end, event.end), vis)
        is not None
        for p in world.patrols
        if p.path.end >= start and p.path.start <= end
    )


@dataclass(frozen=True)
class Stated:
    """The minutes a rationale says the place was in sight: in the claimed time, and
    while traces would still show (an inspection), when it speaks of one."""

    during: float | None
    later: float | None


DURING = "during the claimed time"


def stated_minutes(rationale: str) -> Stated:
    """Read the rationale's minutes: an inspection's come first ("… in sight for 40
    minutes then; during the claimed time …"); "no patrol covered" states zero."""
    head, sep, tail = rationale.partition(DURING)
    during_text, later_text = (tail, head) if sep else (rationale, "")
    during = [float(m) for m in MINUTES.findall(during_text)]
    later = [float(m) for m in MINUTES.findall(later_text)]
    zero = "no patrol covered" in during_text
    return Stated(during[0] if during else (0.0 if zero else None), later[0] if later else None)


def _far(stated: float | None, truth: float | None) -> bool:
    if stated is None or truth is None:
        return False
    return abs(stated - truth) > max(5.0, 0.1 * truth)


def _off(stated: Stated, grade: Grade) -> bool:
    """A stated figure more than 10 % (and 5 minutes) from the truth's."""
    return _far(stated.during, grade.any_minutes) or _far(stated.later, grade.trace_minutes)


def score(world: World, judged: list[Judged], policy: VerifyPolicy) -> SimResult:
    result = SimResult(wild_fixes=world.wild_fixes)
    vis = world.map.theatre.visibility_m / 1000.0
    for item in judged:
        truths = _truth_of(item, world)
        if not truths:
            result.unscored += 1
            continue
        truth = next((t for t in truths if t.label == "true"), truths[0])
        status = item.verdict.status
        grade = None
        if truth.label == "unobservable":
            row = "unobservable"
        else:
            grade = grade_coverage(
                truth.grid, _paths(world, truth), truth.windows, truth.kind, vis, policy
            )
            result.by_trace += int(grade.by_trace)
            if truth.label == "true":
                row = "true seen" if _seen(world, truth) else "true unseen"
            else:
                row = {
                    SUFFICIENT: "false sufficient",
                    BORDERLINE: "false borderline",
                    INSUFFICIENT: "false thin",
                }[grade.coverage]
        result.cases += 1
        result.matrix.setdefault(row, Counter())[status.value] += 1
        alone = truth.scenario == "denial_alone"
        right = status in expected(row, alone)
        if row == "unobservable":
            result.unobservable += 1
            result.unobservable_correct += int(right)
        elif row in ("true seen", "false sufficient"):
            result.sufficient += 1
            result.sufficient_correct += int(right)
        if status is V.CONTRADICTED:
            result.contradicted += 1
            stated = stated_minutes(item.verdict.rationale)
            result.contradicted_with_minutes += int(stated.during is not None)
            if grade is not None and _off(stated, grade):
                result.minutes_off += 1
            if truth.label == "true":
                result.contradicted_true += 1
            elif row == "false thin":
                result.contradicted_thin += 1
            elif row == "unobservable":
                result.contradicted_unobservable += 1
        if not right:
            result.errors[(truth.scenario, row, status.value)] += 1
            result.by_scenario[truth.scenario] += 1
    result.false_contradicted = (
        result.contradicted_true + result.contradicted_thin + result.contradicted_unobservable
    )
    return result
