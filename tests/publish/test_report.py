"""Reports render every case in HTML and Markdown, and never pass hostile text through."""

from __future__ import annotations

import dataclasses

import pytest

from watchline.publish.report import render_report, write_report


def test_report_markdown_lists_cases_and_verdicts(demo_run) -> None:
    text = render_report(demo_run.views, fmt="md")
    assert text.startswith("# Situation report")
    assert "CONTRADICTED" in text
    assert "NOT COVERED" in text


def test_report_suffix_picks_format(demo_run, tmp_path) -> None:
    path = write_report(demo_run.views, tmp_path / "out" / "sitrep.md")
    assert path.read_text(encoding="utf-8").startswith("# ")
    assert not list((tmp_path / "out").glob("*.tmp"))


def test_report_escapes_hostile_claim_text(demo_run) -> None:
    view = demo_run.views[0]
    claims = view.claims_for or view.claims_against or view.context
    hostile = dataclasses.replace(claims[0], content="<script>alert(1)</script>")
    bad_view = dataclasses.replace(view, claims_for=(hostile,))
    html = render_report([bad_view], fmt="html")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_report_rejects_unknown_format(demo_run) -> None:
    with pytest.raises(ValueError, match="html or md"):
        render_report(demo_run.views, fmt="docx")
