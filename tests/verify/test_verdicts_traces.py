"""A later inspection counts while the activity still leaves traces (several theatres)."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from verdict_scenes import ERGNETI, JARINJE, PYLA, SOTK, at, standing, theatre_at

from watchline.domain import (
    Act,
    Case,
    EventType,
    Observation,
    ObservationType,
    VerdictStatus,
)
from watchline.errors import InputError
from watchline.observe.coverage import compute_coverage
from watchline.verify import CaseEvidence, VerifyPolicy, verify_case
from watchline.verify.simulation import make_claim, village
from watchline.verify.traces import parse_trace_days
from watchline.verify.window import case_window

NIGHT = date(2024, 3, 31)
PLACES = [SOTK, JARINJE, ERGNETI, PYLA]


def verdict(place, kind, finding, *, days_after=1, km=0.5, hours=(time(22), time(4))):
    """An overnight claim of `kind` at the village; a patrol there `days_after` later
    (at 08:10 local, 40 minutes) reporting `finding` at its own position."""
    name, lon, lat, zone = place
    theatre = theatre_at(lon, lat, zone)
    claim = make_claim(
        "c1", "AZE", Act.ACCUSE, kind, "ARM", NIGHT, places=(village(name, lon, lat),),
        event_day=NIGHT, event_end=NIGHT + timedelta(days=1), start_time=hours[0],
        end_time=hours[1],
    )  # fmt: skip
    end = NIGHT + timedelta(days=1)
    case = Case("case", kind, "ARM", NIGHT, end, ("c1",), f"POINT ({lon} {lat})")
    policy = VerifyPolicy()
    start, stop = case_window(case, [claim], theatre, policy)
    patrol = standing(lon, lat, zone, at(NIGHT + timedelta(days=days_after), 8, 10), 40, km)
    seen = Observation(
        "o1", finding, patrol.start + timedelta(minutes=20), patrol_id="p1",
        lat=patrol.track[0].lat, lon=patrol.track[0].lon, notes="no damage, no craters"
        if finding is ObservationType.NOTHING_UNUSUAL else "two craters by the school",
    )  # fmt: skip
    during = compute_coverage(
        case.area, start, stop, [patrol], [seen], 2000,
        min_minutes=policy.part_minutes("place", (stop - start).total_seconds() / 60),
    )  # fmt: skip
    span = policy.trace_span_days(kind)
    later = (stop, start + timedelta(days=span))
    traces = (
        compute_coverage(
            case.area, *later, [patrol], [seen], 2000, min_minutes=policy.trace_min_minutes
        )
        if later[1] > later[0]
        else None
    )
    found = [seen] if traces is not None and seen.id in traces.observation_ids else []
    evidence = CaseEvidence(
        case=case, claims={"c1": claim}, roles={"c1": "for"}, coverage=during,
        patrols=[patrol], theatre=theatre, window=(start, stop), traces=traces,
        trace_observations=found, trace_window=later,
    )  # fmt: skip
    return verify_case(evidence, policy)


@pytest.mark.parametrize("place", PLACES, ids=[p[0] for p in PLACES])
def test_a_morning_inspection_contradicts_overnight_shelling(place) -> None:
    result = verdict(place, EventType.ATTACK, ObservationType.NOTHING_UNUSUAL)
    assert result.status is VerdictStatus.CONTRADICTED, result.rationale
    assert f"an inspection at {place[0]} at 08:30 on 1 Apr 2024, 4 h after" in result.rationale
    assert "no damage, no craters" in result.rationale
    assert ("observation", "o1", "against") in {(e.kind, e.ref, e.role) for e in result.evidence}


@pytest.mark.parametrize("place", PLACES[:2], ids=[p[0] for p in PLACES[:2]])
def test_damage_seen_the_next_morning_corroborates(place) -> None:
    result = verdict(place, EventType.ATTACK, ObservationType.ATTACK)
    assert result.status is VerdictStatus.CORROBORATED, result.rationale
    assert "after the claimed time, while traces last" in result.rationale


@pytest.mark.parametrize("place", PLACES[1:3], ids=[p[0] for p in PLACES[1:3]])
def test_troops_leave_no_traces(place) -> None:
    """A build-up at night says nothing to a patrol the next morning."""
    result = verdict(place, EventType.MOBILIZE, ObservationType.NOTHING_UNUSUAL)
    assert result.status is VerdictStatus.NOT_COVERED, result.rationale


def test_shelling_traces_are_gone_after_the_span() -> None:
    result = verdict(PLACES[0], EventType.ATTACK, ObservationType.NOTHING_UNUSUAL, days_after=5)
    assert result.status is VerdictStatus.NOT_COVERED, result.rationale


def test_trenches_are_still_visible_ten_days_later() -> None:
    result = verdict(PLACES[2], EventType.FORTIFY, ObservationType.NOTHING_UNUSUAL, days_after=10)
    assert result.status is VerdictStatus.CONTRADICTED, result.rationale
    assert "days after the claimed time" in result.rationale


def test_an_inspection_from_too_far_away_is_no_inspection() -> None:
    """A finding 6 km off, out of sight of the village, says nothing about its craters."""
    result = verdict(PLACES[3], EventType.ATTACK, ObservationType.NOTHING_UNUSUAL, km=6)
    assert result.status is VerdictStatus.NOT_COVERED, result.rationale


def test_packaged_trace_spans() -> None:
    days = VerifyPolicy().trace_days
    assert days[EventType.FORTIFY] >= 14 and 1 <= days[EventType.ATTACK] <= 7
    assert days[EventType.MOBILIZE] == 0 and days[EventType.EXERCISE] == 0


@pytest.mark.parametrize(
    "spec", [["fortify"], {"trenches": 3}, {"attack": "three"}, {"attack": -1}, {"attack": True}]
)
def test_bad_trace_section_is_a_coded_error(spec) -> None:
    with pytest.raises(InputError) as err:
        parse_trace_days(spec, "my-ontology.yaml")
    assert err.value.code == "E410" and "my-ontology.yaml" in str(err.value)
