"""Reports for a period, with the map and chart drawn into the file and evidence printed."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime

import pytest
from typer.testing import CliRunner

from watchline.cli import app
from watchline.domain import Patrol, TrackPoint
from watchline.errors import WatchlineError
from watchline.publish.figures import Area, Track, claims_per_day, patrol_map
from watchline.publish.period import Period
from watchline.publish.report import render_report
from watchline.services.reports import report_content
from watchline.store import Database


def test_period_overlap_rules() -> None:
    march = Period(date(2024, 3, 1), date(2024, 3, 31))
    assert march.overlaps(date(2024, 2, 28), date(2024, 3, 1))
    assert march.overlaps(date(2024, 3, 31), None)
    assert not march.overlaps(date(2024, 4, 1), date(2024, 4, 2))
    assert not march.overlaps(None, None)  # undated cases are not "in March"
    assert Period().overlaps(None, None)
    with pytest.raises(WatchlineError, match="E802"):
        Period(date(2024, 4, 2), date(2024, 4, 1))


def test_report_content_keeps_cases_and_patrols_of_the_period(demo_run) -> None:
    db = Database(demo_run.database_url)
    try:
        every = report_content(db)
        one_day = report_content(db, period=Period(date(2024, 3, 31), date(2024, 3, 31)))
        none = report_content(db, period=Period(date(2030, 1, 1), None))
    finally:
        db.dispose()
    assert len(every.views) == len(demo_run.views)
    assert 0 < len(one_day.views) < len(every.views)
    for view in one_day.views:
        assert view.case.start <= date(2024, 3, 31) <= (view.case.end or view.case.start)
    day_start = datetime(2024, 3, 31, tzinfo=UTC)
    assert all(p.end >= day_start for p in one_day.patrols)
    assert len(one_day.patrols) <= len(every.patrols)
    assert none.views == [] and none.patrols == []


def test_html_report_draws_map_and_chart_and_prints_evidence(demo_run) -> None:
    db = Database(demo_run.database_url)
    try:
        content = report_content(db)
    finally:
        db.dispose()
    html = render_report(content.views, patrols=content.patrols)
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="figure map"') == 1
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="figure chart"' in html
    assert html.count("<polyline") >= len(content.patrols)
    assert "<details" not in html  # evidence and history are printed, not folded
    assert "Evidence (" in html
    assert not re.search(r"""(src|href)=["']https?://(?!example\.org)""", html)  # nothing to fetch


def test_markdown_report_tabulates_claims_per_day(demo_run) -> None:
    md = render_report(demo_run.views, fmt="md")
    assert "| Day | Party | Claims |" in md
    assert re.search(r"\| \d\d \w{3} 2024 \| \w+ \| \d+ \|", md)


def test_figures_escape_hostile_labels() -> None:
    start = datetime(2024, 3, 31, 8, tzinfo=UTC)
    hostile = "<script>alert(1)</script>"
    svg = patrol_map(
        [Track(hostile, ((45.0, 40.0), (45.1, 40.1)))],
        [Area(1, hostile, "POINT (45.05 40.05)"), Area(2, "broken", "NOT WKT")],
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    chart = claims_per_day([(start.date(), hostile), (None, "ARM")])
    assert "<script>" not in chart
    assert "No dated claims" in claims_per_day([(None, "ARM")])
    assert "No patrols" in patrol_map([], [])
    assert isinstance(Patrol, type) and isinstance(TrackPoint, type)


def test_cli_report_period_and_formats(demo_run, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("WATCHLINE_DATABASE_URL", demo_run.database_url)
    runner = CliRunner()
    out = tmp_path / "day.html"
    result = runner.invoke(
        app, ["report", "-o", str(out), "--from", "2024-03-31", "--to", "2024-03-31"]
    )
    assert result.exit_code == 0, result.output
    assert "31 Mar 2024" in out.read_text(encoding="utf-8")
    bad = runner.invoke(
        app,
        ["report", "-o", str(tmp_path / "x.html"), "--from", "2024-04-02", "--to", "2024-04-01"],
    )
    assert bad.exit_code != 0 and "E802" in bad.output
    assert not (tmp_path / "x.html").exists()
    pdf = runner.invoke(app, ["report", "-o", str(tmp_path / "r.pdf")])
    assert pdf.exit_code == 0, pdf.output
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")
    assert dataclasses.is_dataclass(Period)
