"""Verdict rules: coverage thresholds, unobservable things, and rationales in plain words."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from watchline.domain import (
    Act,
    Case,
    Coverage,
    EventType,
    Observation,
    ObservationType,
    Patrol,
    Theatre,
    TrackPoint,
    VerdictStatus,
)
from watchline.domain.theatre import Base
from watchline.verify import CaseEvidence, observable_area, verify_case
from watchline.verify.simulation import BORDER, make_claim, toy_theatre

D31 = date(2024, 3, 31)
THEATRE = toy_theatre(
    "POLYGON ((45 40, 46 40, 46 40.3, 45 40.3, 45 40))",
    bases=(Base("jermuk", "Jermuk", 40.1, 45.6), Base("ijevan", "Ijevan", 40.2, 45.2)),
)
ACCUSE = make_claim("aze:c1", "AZE", Act.ACCUSE, EventType.MOBILIZE, "ARM", D31,
                    places=(BORDER,), content="Armenia of massing troops")  # fmt: skip
DENY = make_claim("arm:c1", "ARM", Act.DENY, EventType.MOBILIZE, "ARM", D31)
QUIET = Observation("o1", ObservationType.NOTHING_UNUSUAL, datetime(2024, 3, 31, 9, tzinfo=UTC))
SEEN = Observation(
    "o2", ObservationType.MOBILIZE, datetime(2024, 3, 31, 10, tzinfo=UTC), notes="12 trucks"
)


def _patrol(pid: str, base: str) -> Patrol:
    start, end = datetime(2024, 3, 31, 3, tzinfo=UTC), datetime(2024, 3, 31, 15, tzinfo=UTC)
    track = (TrackPoint(45.1, 40.01, start), TrackPoint(45.9, 40.01, end))
    return Patrol(pid, f"team {pid}", start, end, track, base=base)


def _evidence(event_type=EventType.MOBILIZE, fraction=0.71, window=0.5, obs=(QUIET,), **kw):
    claims = {c.id: c for c in (ACCUSE, DENY)}
    case = Case("case-1", event_type, "ARM", D31, D31, tuple(claims), area="POLYGON EMPTY")
    coverage = Coverage(
        fraction,
        12.0,
        window,
        ("p1", "p2"),
        tuple(o.id for o in obs),
        in_sight_minutes=window * 1440,
    )
    return CaseEvidence(
        case=case,
        claims=claims,
        roles={"aze:c1": "for", "arm:c1": "against"},
        coverage=coverage,
        observations=obs,
        patrols=(_patrol("p1", "jermuk"), _patrol("p2", "ijevan")),
        theatre=THEATRE,
        scope=kw.pop("scope", "border"),
        **kw,
    )


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({}, VerdictStatus.CONTRADICTED),
        ({"fraction": 0.1}, VerdictStatus.DISPUTED),  # thin coverage: never contradicted
        ({"window": 0.05}, VerdictStatus.DISPUTED),  # 1.2 h of the day: too short
        ({"fraction": 0.4, "scope": "place"}, VerdictStatus.DISPUTED),  # a place needs 50 %
        ({"obs": (QUIET, SEEN)}, VerdictStatus.CORROBORATED),
        ({"event_type": EventType.DISINFORMATION}, VerdictStatus.UNOBSERVABLE),
        ({"far_side": True}, VerdictStatus.UNOBSERVABLE),
        ({"scope": "anywhere"}, VerdictStatus.DISPUTED),
    ],
)
def test_verdicts_status(kwargs: dict, status: VerdictStatus) -> None:
    assert verify_case(_evidence(**kwargs)).status is status


def test_verdicts_lone_claim_without_coverage_is_not_covered() -> None:
    case = Case("case-2", EventType.FORTIFY, "ARM", D31, D31, ("aze:c1",))
    ev = CaseEvidence(case, {"aze:c1": ACCUSE}, {"aze:c1": "for"}, coverage=None)
    verdict = verify_case(ev)
    assert verdict.status is VerdictStatus.NOT_COVERED
    assert "no patrol covered" in verdict.rationale


def test_verdicts_warning_is_unobservable() -> None:
    warn = make_claim("arm:c9", "ARM", Act.WARN, EventType.ATTACK, "AZE", D31)
    case = Case("case-3", EventType.ATTACK, "AZE", D31, D31, ("arm:c9",))
    verdict = verify_case(CaseEvidence(case, {"arm:c9": warn}, {"arm:c9": "for"}))
    assert verdict.status is VerdictStatus.UNOBSERVABLE
    assert "intentions" in verdict.rationale


def test_verdicts_rationale_names_patrols_bases_hours_and_denial() -> None:
    verdict = verify_case(_evidence())
    assert verdict.rationale.startswith(
        "Contradicted: patrols had the border zone in sight for 720 minutes on 31 Mar 2024: "
        "2 patrols from Ijevan and Jermuk covered 71 % of the border zone between 07:00 and "
        "19:00 on 31 Mar 2024 and reported nothing unusual"
    )
    assert "ARM denied the claim" in verdict.rationale


def test_verdicts_confidence_grows_with_coverage() -> None:
    low = verify_case(_evidence(fraction=0.5)).confidence
    high = verify_case(_evidence(fraction=0.95)).confidence
    assert 0 < low < high <= 0.95


def test_verdicts_evidence_lists_claims_observations_patrols() -> None:
    kinds = {(e.kind, e.ref, e.role) for e in verify_case(_evidence()).evidence}
    assert ("claim", "arm:c1", "against") in kinds
    assert ("observation", "o1", "against") in kinds
    assert ("patrol", "p1", "coverage") in kinds


@pytest.mark.parametrize(
    ("area", "far_side"),
    [
        ("POLYGON ((45.4 39.4, 45.6 39.4, 45.6 39.6, 45.4 39.6, 45.4 39.4))", True),
        ("POLYGON ((45.4 40.1, 45.6 40.1, 45.6 40.2, 45.4 40.2, 45.4 40.1))", False),
    ],
)
def test_verdicts_area_beyond_the_line_is_far_side(area: str, far_side: bool) -> None:
    case = Case("c", EventType.MOBILIZE, "AZE", D31, D31, (), area=area)
    result = observable_area(case, THEATRE)
    assert result.far_side is far_side
    assert (result.wkt is None) is far_side


def test_verdicts_own_routine_activity_is_never_contradicted() -> None:
    drills = make_claim("arm:c2", "ARM", Act.ASSERT, EventType.EXERCISE, "ARM", D31,
                        places=(BORDER,), content="routine convoy drills")  # fmt: skip
    case = Case("case-4", EventType.EXERCISE, "ARM", D31, D31, ("arm:c2",))
    ev = CaseEvidence(
        case,
        {"arm:c2": drills},
        {"arm:c2": "for"},
        coverage=Coverage(0.9, 12.0, 0.5, ("p1",), in_sight_minutes=720),
        observations=(QUIET,),
        scope="border",
    )
    verdict = verify_case(ev)
    assert verdict.status is VerdictStatus.NOT_COVERED
    assert "own account" in verdict.rationale


@pytest.mark.parametrize(("scope", "far_side"), [("place", True), ("border", False)])
def test_verdicts_mostly_beyond_the_line(scope: str, far_side: bool) -> None:
    """A place 80 % beyond the line is far side; a border zone like that is not."""
    area = "POLYGON ((45.4 39.92, 45.6 39.92, 45.6 40.02, 45.4 40.02, 45.4 39.92))"
    case = Case("c", EventType.MOBILIZE, "AZE", D31, D31, (), area=area)
    assert observable_area(case, THEATRE, scope=scope).far_side is far_side


def test_verdicts_base_named_in_team_when_base_missing() -> None:
    hq = Base("hq", "Yeghegnadzor", 39.7, 45.3, "hq")
    theatre = Theatre(**{**THEATRE.__dict__, "bases": (*THEATRE.bases, hq)})
    start, end = datetime(2024, 3, 31, 3, tzinfo=UTC), datetime(2024, 3, 31, 15, tzinfo=UTC)
    track = (TrackPoint(45.1, 40.01, start), TrackPoint(45.9, 40.01, end))
    teams = (
        Patrol("p1", "EUMA Jermuk team 1", start, end, track),
        Patrol("p2", "EUMA HQ team 1", start, end, track),
    )
    ev = CaseEvidence(**{**_evidence().__dict__, "patrols": teams, "theatre": theatre})
    assert "2 patrols from Jermuk and Yeghegnadzor" in verify_case(ev).rationale


def _two_days(day2_fraction: float, days: int = 2) -> CaseEvidence:
    ev = _evidence()
    end = date.fromordinal(D31.toordinal() + days - 1)
    case = Case(**{**ev.case.__dict__, "end": end})
    good = Coverage(0.71, 12.0, 0.5, ("p1",), in_sight_minutes=720)
    thin = Coverage(
        day2_fraction,
        12.0 * day2_fraction,
        0.5 * day2_fraction,
        (),
        in_sight_minutes=720 * day2_fraction,
    )
    daily = ((D31, good), (end, thin)) if days == 2 else ()
    return CaseEvidence(**{**ev.__dict__, "case": case, "daily": daily})


@pytest.mark.parametrize(
    ("ev", "status"),
    [
        (_two_days(0.71), VerdictStatus.CONTRADICTED),
        (_two_days(0.0), VerdictStatus.DISPUTED),  # 1 April not patrolled
        (_two_days(0.71, days=20), VerdictStatus.DISPUTED),  # "in recent weeks"
    ],
)
def test_verdicts_every_day_of_a_window_must_be_covered(ev, status) -> None:
    verdict = verify_case(ev)
    assert verdict.status is status
    if ev.daily and status is VerdictStatus.DISPUTED:
        assert "too thin on 1 Apr 2024" in verdict.rationale
