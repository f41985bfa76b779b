"""Casework over a real database: link, verify, override, and the case views."""

from __future__ import annotations

import json

import pytest
from casework_scenario import THEATRE, add_statement

from watchline.domain import VerdictStatus
from watchline.errors import InputError, NotFound
from watchline.services.casework import link_all, set_verdict, verdict_history, verify_all
from watchline.services.views import case_json, case_views
from watchline.store import Database


def _by_type(db: Database):
    return {view.case.event_type.value: view for view in case_views(db)}


def test_casework_demo_build_up_contradicted_fortify_not_covered(scenario: Database) -> None:
    summary = link_all(scenario, THEATRE, theatres=[THEATRE])
    assert summary.cases == 2 and summary.counts.new == 2
    verify_all(scenario, THEATRE)
    views = _by_type(scenario)
    build_up, fortify = views["mobilize"], views["fortify"]
    assert build_up.status is VerdictStatus.CONTRADICTED
    assert [c.affiliation for c in build_up.claims_for] == ["AZE"]
    assert {c.affiliation for c in build_up.claims_against} == {"ARM", "EU"}
    assert [c.content for c in build_up.context] == [
        "the situation on the border was calm and quiet"
    ]
    assert build_up.coverage is not None and build_up.coverage.area_fraction >= 0.3
    rationale = build_up.verdict.rationale
    assert "3 patrols from Ijevan and Jermuk" in rationale
    assert "between 09:00 and 19:00 on 31 Mar 2024" in rationale
    assert "ARM denied the claim" in rationale
    assert fortify.status is VerdictStatus.NOT_COVERED
    assert "no patrol covered" in fortify.verdict.rationale


def test_casework_json_carries_evidence(scenario: Database) -> None:
    link_all(scenario, THEATRE, theatres=[THEATRE])
    verify_all(scenario, THEATRE)
    data = json.loads(json.dumps([case_json(v) for v in case_views(scenario)]))
    build_up = next(item for item in data if item["event_type"] == "mobilize")
    assert build_up["status"] == "contradicted"
    assert build_up["parties"] == {"for": ["AZE"], "against": ["ARM", "EU"]}
    assert build_up["claims_against"][0]["document_url"].startswith("https://example.org/")
    kinds = {(e["kind"], e["role"]) for e in build_up["verdict"]["evidence"]}
    assert {("claim", "for"), ("claim", "against"), ("observation", "against")} <= kinds
    assert ("patrol", "coverage") in kinds
    assert build_up["verdict"]["coverage"]["patrol_ids"] == ["p0", "p1", "p2"]


def test_casework_reverify_appends_only_changes(scenario: Database) -> None:
    link_all(scenario, THEATRE, theatres=[THEATRE])
    verify_all(scenario, THEATRE)
    verify_all(scenario, THEATRE)
    case_id = _by_type(scenario)["mobilize"].case.id
    assert len(verdict_history(scenario, case_id)) == 1


def test_casework_analyst_override_stays_current(scenario: Database) -> None:
    link_all(scenario, THEATRE, theatres=[THEATRE])
    verify_all(scenario, THEATRE)
    case_id = _by_type(scenario)["fortify"].case.id
    set_verdict(scenario, case_id, "disputed", "Footage is from 2021, geolocated elsewhere", "ana")
    verify_all(scenario, THEATRE)
    view = _by_type(scenario)["fortify"]
    assert view.verdict.author == "ana" and view.status is VerdictStatus.DISPUTED
    assert view.engine_verdict.status is VerdictStatus.NOT_COVERED
    assert [v.author for v in view.history] == ["engine", "ana"]
    assert case_views(scenario, "disputed")[0].case.id == case_id


@pytest.mark.parametrize(
    ("case_id", "status", "reason", "error", "code"),
    [
        ("case-nope", "contradicted", "x", NotFound, "E010"),
        (None, "fake", "x", InputError, "E401"),
        (None, "contradicted", "  ", InputError, "E402"),
    ],
)
def test_casework_set_verdict_refuses_bad_input(scenario, case_id, status, reason, error, code):
    link_all(scenario, THEATRE, theatres=[THEATRE])
    case_id = case_id or _by_type(scenario)["mobilize"].case.id
    with pytest.raises(error) as err:
        set_verdict(scenario, case_id, status, reason, "ana")
    assert err.value.code == code


def test_casework_relink_keeps_ids_and_history(db: Database) -> None:
    add_statement(db, "aze")
    link_all(db, THEATRE, theatres=[THEATRE])
    verify_all(db, THEATRE)
    first = _by_type(db)["mobilize"].case.id
    for doc in ("arm", "eu"):
        add_statement(db, doc)
    summary = link_all(db, THEATRE, theatres=[THEATRE])
    assert (summary.counts.new, summary.counts.changed) == (0, 1)
    view = _by_type(db)["mobilize"]
    assert view.case.id == first
    assert len(view.history) == 1
    again = link_all(db, THEATRE, theatres=[THEATRE])
    assert again.counts.unchanged == 1


def test_casework_rationale_mentions_a_later_repeat(scenario: Database) -> None:
    add_statement(scenario, "aze3")
    link_all(scenario, THEATRE, theatres=[THEATRE])
    verify_all(scenario, THEATRE)
    views = [v for v in case_views(scenario) if v.case.event_type.value == "mobilize"]
    first, repeat = sorted(views, key=lambda v: v.case.start)
    assert repeat.claims_for[0].response_kind == "repeats"
    assert "the claim was repeated on 1 Apr 2024" in first.verdict.rationale
    assert repeat.status.value == "not_covered"
