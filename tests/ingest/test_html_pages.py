"""Saved HTML pages: main text and metadata, raw HTML kept, scripts never run or kept."""

from __future__ import annotations

from datetime import UTC, datetime

PAYLOAD = "SCRIPT-PAYLOAD-SHOULD-NOT-APPEAR"


def test_html_main_text_and_metadata(run, inputs, stored) -> None:
    path = inputs / "html" / "article.html"
    report = run(path)
    assert report.ingested == 1
    document = stored()["https://ledger.example.org/2024/03/31/accusation"]
    assert document.title == "Azerbaijan accuses Armenia of massing troops"
    assert document.author == "Ani Petrosyan"
    assert document.source.name == "Caucasus Ledger"
    assert document.published_at == datetime(2024, 3, 31, 10, 20, tzinfo=UTC)  # 14:20+04:00
    assert "concentrating troops and heavy weapons" in document.text
    assert "All rights reserved" not in document.text  # boilerplate left out
    assert document.raw == path.read_bytes()


def test_html_scripts_are_dropped_not_run(run, inputs, stored) -> None:
    report = run(inputs / "html" / "hostile.html", inputs / "html" / "article.html")
    assert report.ingested == 2
    for document in stored().values():
        assert PAYLOAD not in document.text
        assert "HACKED" not in document.text and "evil.example" not in document.text
    hostile = next(d for d in stored().values() if d.title == "Ceasefire update")
    assert "No shots were reported near Sotk" in hostile.text


def test_html_page_without_text_is_rejected(run, inputs, stored) -> None:
    report = run(inputs / "html" / "empty.html")
    assert report.ingested == 0 and [r.code for r in report.rejected] == ["E210"]


def test_html_binary_junk_is_rejected(run, inputs, stored) -> None:
    report = run(inputs / "junk.bin", format="html")
    assert [r.code for r in report.rejected] == ["E205"]
