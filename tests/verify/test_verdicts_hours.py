"""The claim's own hours decide what patrols could have seen (several theatres)."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

import pytest
from verdict_scenes import JARINJE, PYLA, TEGH, URI, at, standing, theatre_at

from watchline.domain import (
    Act,
    Case,
    EventType,
    Observation,
    ObservationType,
    TimeWindow,
    VerdictStatus,
)
from watchline.observe.coverage import compute_coverage
from watchline.verify import CaseEvidence, VerifyPolicy, verify_case
from watchline.verify.simulation import make_claim, village
from watchline.verify.window import case_window

DAY = date(2024, 3, 31)
PLACES = [TEGH, URI, JARINJE, PYLA]


def verdict(name, lon, lat, zone, hours, patrol_hours, kind=EventType.ATTACK):
    theatre = theatre_at(lon, lat, zone)
    claim = make_claim(
        "c1", "AZE", Act.ACCUSE, kind, "ARM", DAY,
        places=(village(name, lon, lat),), event_day=DAY,
    )  # fmt: skip
    if hours is not None:
        window = TimeWindow(DAY, DAY, "in the evening", time(hours[0]), time(hours[1]))
        claim = type(claim)(**{**claim.__dict__, "event": type(claim.event)(
            **{**claim.event.__dict__, "time": window})})  # fmt: skip
    case = Case("case", kind, "ARM", DAY, DAY, ("c1",), f"POINT ({lon} {lat})")
    policy = VerifyPolicy()
    start, end = case_window(case, [claim], theatre, policy)
    first, last = patrol_hours
    patrol = standing(lon, lat, zone, at(DAY, first), (last - first) * 60, 1.0)
    quiet = Observation(
        "o1", ObservationType.NOTHING_UNUSUAL, patrol.end, patrol_id="p1", lat=lat, lon=lon
    )
    coverage = compute_coverage(
        case.area,
        start,
        end,
        [patrol],
        [quiet],
        2000,
        min_minutes=policy.part_minutes("place", (end - start).total_seconds() / 60),
    )
    last = policy.end_of((start, end))
    end_coverage = compute_coverage(
        case.area, *last, [patrol], [quiet], 2000, min_minutes=policy.trace_min_minutes
    )
    found = [quiet] if quiet.id in coverage.observation_ids else []
    evidence = CaseEvidence(
        case, {"c1": claim}, {"c1": "for"}, coverage, found, [patrol], theatre,
        window=(start, end), ends=((last, end_coverage),) if kind in policy.brief else (),
    )  # fmt: skip
    return verify_case(evidence, policy), (start, end)


@pytest.mark.parametrize(("name", "lon", "lat", "zone"), PLACES)
def test_a_morning_patrol_never_contradicts_an_evening_claim(name, lon, lat, zone) -> None:
    result, (start, _end) = verdict(name, lon, lat, zone, (18, 21), (7, 12))
    assert result.status is not VerdictStatus.CONTRADICTED, result.rationale
    local = start.astimezone(ZoneInfo(zone))
    assert local.hour == 17  # 18:00 less the hour of margin, in the theatre's own zone


@pytest.mark.parametrize(("name", "lon", "lat", "zone"), PLACES)
def test_an_evening_patrol_in_sight_contradicts_an_evening_claim(name, lon, lat, zone) -> None:
    result, _ = verdict(name, lon, lat, zone, (18, 21), (17, 23))
    assert result.status is VerdictStatus.CONTRADICTED, result.rationale
    assert "in sight for" in result.rationale and "minutes" in result.rationale


@pytest.mark.parametrize(("name", "lon", "lat", "zone"), PLACES[:2])
def test_a_claim_without_hours_needs_four_hours_of_the_day(name, lon, lat, zone) -> None:
    """A build-up lasts: four hours in sight of the day rule it out."""
    short, _ = verdict(name, lon, lat, zone, None, (7, 9), EventType.MOBILIZE)
    assert short.status is not VerdictStatus.CONTRADICTED
    long, _ = verdict(name, lon, lat, zone, None, (7, 13), EventType.MOBILIZE)
    assert long.status is VerdictStatus.CONTRADICTED


@pytest.mark.parametrize(("name", "lon", "lat", "zone"), PLACES)
@pytest.mark.parametrize("kind", [EventType.ATTACK, EventType.FORTIFY, EventType.CASUALTY])
def test_a_morning_in_sight_never_rules_out_brief_events_later_that_day(
    name, lon, lat, zone, kind
) -> None:
    """Shelling at 17:00 leaves craters only after the 07:00–13:00 patrol has gone: six
    hours in sight rule out that morning, not the day (the simulator's `linger` case)."""
    result, _ = verdict(name, lon, lat, zone, None, (7, 13), kind)
    assert result.status is not VerdictStatus.CONTRADICTED, result.rationale
    assert "could have happened after the patrols left" in result.rationale


@pytest.mark.parametrize(("name", "lon", "lat", "zone"), PLACES)
def test_a_brief_event_is_ruled_out_when_the_window_ends_in_sight(name, lon, lat, zone) -> None:
    """In sight from the evening's start to past its end: shelling at any hour of it would
    have been heard or left craters in sight."""
    result, _ = verdict(name, lon, lat, zone, (18, 21), (17, 23), EventType.ATTACK)
    assert result.status is VerdictStatus.CONTRADICTED, result.rationale
    early, _ = verdict(name, lon, lat, zone, (18, 21), (17, 20), EventType.ATTACK)
    assert early.status is not VerdictStatus.CONTRADICTED, early.rationale


@pytest.mark.parametrize(("name", "lon", "lat", "zone"), PLACES)
def test_an_instant_is_two_hours_around_it_not_a_day(name, lon, lat, zone) -> None:
    """ "At about 14:00" is 13:00–15:00 with the margin, never 14:00 to 14:00 next day."""
    result, (start, end) = verdict(name, lon, lat, zone, (14, 14), (12, 16))
    local = start.astimezone(ZoneInfo(zone)), end.astimezone(ZoneInfo(zone))
    assert (local[0].hour, local[1].hour, local[1].date()) == (13, 15, DAY)
    assert result.status is VerdictStatus.CONTRADICTED, result.rationale
