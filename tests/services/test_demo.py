"""The demo scenario runs end to end and reaches the conclusion the mission reached."""

from __future__ import annotations

import shutil
import stat
from datetime import date

import pytest
from typer.testing import CliRunner

from watchline.cli import app
from watchline.domain import EventType, VerdictStatus
from watchline.errors import WatchlineError
from watchline.publish.signing import bundle_path_for, verify_file
from watchline.services.demo import DemoResult, sign_published


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
    check = f"verify-publication {tmp_path / 'd' / 'report.html'} --key {tmp_path / 'd'}"
    assert check in result.output


def test_demo_signs_its_report_and_a_changed_copy_is_refused(demo_run, tmp_path) -> None:
    pdf = demo_run.report.with_suffix(".pdf")
    reviews = demo_run.claim_reviews
    assert demo_run.bundles == [bundle_path_for(p) for p in (demo_run.report, pdf, reviews)]
    assert verify_file(reviews, demo_run.bundles[2], demo_run.public_key).file == reviews.name
    key = demo_run.public_key
    assert verify_file(pdf, demo_run.bundles[1], key).file == "report.pdf"
    assert key is not None and key.suffix == ".pub"
    assert stat.S_IMODE(key.with_suffix(".key").stat().st_mode) == 0o600
    facts = verify_file(demo_run.report, demo_run.bundles[0], key)
    assert (facts.key_id, facts.file) == (demo_run.key_id, "report.html")
    copy = tmp_path / "report.html"
    shutil.copyfile(demo_run.report, copy)
    data = bytearray(copy.read_bytes())
    data[len(data) // 2] ^= 0x01
    copy.write_bytes(bytes(data))
    with pytest.raises(WatchlineError) as refused:
        verify_file(copy, demo_run.bundles[0], key)
    assert refused.value.code == "E814"


def test_demo_reuses_its_key_on_a_rerun(tmp_path) -> None:
    report = tmp_path / "report.html"
    report.write_text("<p>No unusual movements were observed.</p>\n", encoding="utf-8")
    first, again = DemoResult("sqlite://", report), DemoResult("sqlite://", report)
    assert "new demo key" in sign_published(first, tmp_path, [report])
    secret = (tmp_path / "mission.key").read_bytes()
    assert "new" not in sign_published(again, tmp_path, [report])
    assert again.key_id == first.key_id and (tmp_path / "mission.key").read_bytes() == secret
    assert verify_file(report, again.bundles[0], tmp_path / "mission.pub").key_id == first.key_id


def test_demo_writes_claimreview_records_of_its_findings(demo_run) -> None:
    import json

    from watchline.publish.exports.claimreview import reviewed

    assert demo_run.claim_reviews is not None
    document = json.loads(demo_run.claim_reviews.read_text(encoding="utf-8"))
    graph = document["@graph"]
    assert len(graph) == len(reviewed(demo_run.views)) >= 1  # the demo published each finding
    assert all(r["identifier"].startswith("watchline:statement:") for r in graph)
    assert all("The mission" in r["reviewBody"] or "mission" in r["reviewBody"] for r in graph)
    ratings = {r["reviewRating"]["alternateName"] for r in graph}
    assert "Contradicted by the mission's observations" in ratings
    assert {r["author"]["name"] for r in graph} == {"EU Mission in Armenia"}
    assert all(r["claimReviewed"] and r["itemReviewed"]["@type"] == "Claim" for r in graph)
