"""`verify.gather`: the evidence of one case, as production and the simulator build it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from verdict_scenes import JARINJE, PYLA, TEGH, URI, at, standing, theatre_at

from watchline.domain import Act, Case, EventType, Observation, ObservationType, TimeWindow
from watchline.domain import VerdictStatus as V
from watchline.observe.coverage import compute_coverage
from watchline.verify import VerifyPolicy, verify_case
from watchline.verify.gather import CaseInput, gather
from watchline.verify.simulation import make_claim, village

DAY = date(2024, 3, 31)


class Given:
    """Sightings over patrols held in a list (what the store answers from its tables)."""

    def __init__(self, patrols, observations) -> None:
        self.given, self.found = patrols, observations

    def coverage(self, area, start, end, visibility_m, min_minutes):
        return compute_coverage(
            area, start, end, self.given, self.found, visibility_m, min_minutes=min_minutes
        )

    def observations(self, ids):
        return [o for o in self.found if o.id in ids]

    def patrols(self, ids):
        return [p for p in self.given if p.id in ids]


def _claim(cid, name, lon, lat, hours):
    claim = make_claim(
        cid, "AZE", Act.ACCUSE, EventType.ATTACK, "ARM", DAY,
        places=(village(name, lon, lat),), event_day=DAY,
    )  # fmt: skip
    if hours is None:
        return claim
    window = TimeWindow(DAY, DAY, "in the evening", time(hours[0]), time(hours[1]))
    return replace(claim, event=replace(claim.event, time=window))


def _verdict(place, patrol_spans):
    name, lon, lat, zone = place
    theatre = theatre_at(lon, lat, zone)
    evening, whole_day = _claim("c1", name, lon, lat, (18, 21)), _claim("c2", name, lon, lat, None)
    case = Case("case", EventType.ATTACK, "ARM", DAY, DAY, ("c1", "c2"), f"POINT ({lon} {lat})")
    patrols, found = [], []
    for k, (first, last) in enumerate(patrol_spans):
        p = standing(lon, lat, zone, at(DAY, first), (last - first) * 60, 1.0)
        p = replace(p, id=f"p{k}")
        patrols.append(p)
        found.append(
            Observation(f"o{k}", ObservationType.NOTHING_UNUSUAL, p.end, patrol_id=p.id,
                        lat=lat, lon=lon)
        )  # fmt: skip
    item = CaseInput(case, {"c1": evening, "c2": whole_day}, {"c1": "for", "c2": "for"})
    policy = VerifyPolicy()
    evidence = gather(item, theatre, policy, Given(patrols, found))
    return evidence, verify_case(evidence, policy)


@pytest.mark.parametrize("place", [TEGH, URI, JARINJE, PYLA])
def test_a_morning_patrol_does_not_rule_out_the_evening_claim_of_a_merged_case(place) -> None:
    """One allegation says "in the evening", another only "on Sunday": the case is about
    the whole day, yet six morning hours at the village say nothing about the evening."""
    evidence, verdict = _verdict(place, [(7, 13)])
    assert len(evidence.claimed) == 1  # the evening claim's own hours, measured apart
    assert verdict.status is not V.CONTRADICTED, verdict.rationale


@pytest.mark.parametrize("place", [TEGH, URI, JARINJE, PYLA])
def test_the_merged_case_is_contradicted_when_the_evening_was_watched_too(place) -> None:
    """The evening watched, and the day to its end: shelling is brief, so the last hour
    of Sunday must have been in sight too (its end, measured apart)."""
    evidence, verdict = _verdict(place, [(7, 13), (17, 24)])
    assert len(evidence.ends) == 2  # the day's last hour and the evening's
    assert verdict.status is V.CONTRADICTED, verdict.rationale
    _evidence, before_midnight = _verdict(place, [(7, 13), (17, 22)])
    assert before_midnight.status is not V.CONTRADICTED, before_midnight.rationale
