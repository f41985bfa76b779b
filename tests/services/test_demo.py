"""The demo scenario runs end to end and reaches the conclusion the mission reached."""

from __future__ import annotations

from datetime import date

from typer.testing import CliRunner

from watchline.cli import app
from watchline.domain import EventType, VerdictStatus


def _case(views, event_type: EventType, day: date):
    found = [v for v in views if v.case.event_type is event_type and v.case.start == day]
    assert found, f"no {event_type} case on {day}: {[v.case.title for v in views]}"
    return found[0]


def test_demo_buildup_claim_is_contradicted_with_denials_linked(demo_run) -> None:
    view = _case(demo_run.views, EventType.MOBILIZE, date(2024, 3, 31))
    assert view.status is VerdictStatus.CONTRADICTED
    assert {c.affiliation for c in view.claims_for} == {"AZE"}
    against = {c.affiliation for c in view.claims_against}
    assert {"ARM", "EU"} <= against
    assert view.coverage is not None and view.coverage.area_fraction >= 0.3
    assert view.coverage.patrol_ids
    assert "nothing unusual" in view.verdict.rationale


def test_demo_fortification_claim_is_not_covered(demo_run) -> None:
    view = _case(demo_run.views, EventType.FORTIFY, date(2024, 4, 1))
    assert view.status is VerdictStatus.NOT_COVERED


def test_demo_writes_a_report_with_every_case(demo_run) -> None:
    html = demo_run.report.read_text(encoding="utf-8")
    for view in demo_run.views:
        assert f'id="case-{view.case.id}"' in html
    assert "contradicted" in html


def test_demo_cli_prints_cases_and_exits_zero(tmp_path) -> None:
    result = CliRunner().invoke(app, ["demo", "--no-serve", "--out", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output
    assert "CONTRADICTED" in result.output
    assert "NOT_COVERED" in result.output
    assert (tmp_path / "d" / "report.html").exists()


def test_demo_writes_claimreview_records_of_its_findings(demo_run) -> None:
    import json

    from watchline.publish.exports.claimreview import reviewed

    assert demo_run.claim_reviews is not None
    document = json.loads(demo_run.claim_reviews.read_text(encoding="utf-8"))
    graph = document["@graph"]
    assert len(graph) == len(reviewed(demo_run.views)) >= 1
    ratings = {r["reviewRating"]["alternateName"] for r in graph}
    assert "Contradicted by the mission's observations" in ratings
    assert {r["author"]["name"] for r in graph} == {"EU Mission in Armenia"}
    assert all(r["claimReviewed"] and r["itemReviewed"]["@type"] == "Claim" for r in graph)
