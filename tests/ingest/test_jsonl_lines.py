"""JSON Lines: one item per line; bad lines reported, the others kept."""

from __future__ import annotations

from datetime import UTC, datetime


def test_jsonl_items_and_bad_lines(run, inputs, stored) -> None:
    report = run(inputs / "jsonl" / "items.jsonl")
    assert report.ingested == 4 and report.duplicates == 1  # line 8 repeats line 2
    assert [(r.item, r.code) for r in report.rejected] == [
        ("line 4", "E203"),
        ("line 5", "E204"),
        ("line 6", "E204"),
    ]
    assert [(n.item, n.code) for n in report.notices] == [("line 3", "E211")]
    documents = stored()
    first = documents["https://news.example.az/2024/03/31/mod"]
    assert first.published_at == datetime(2024, 3, 31, 5, 45, tzinfo=UTC)
    assert first.source.name == "News AZ" and first.language == "en"
    assert first.meta["extra"] == {"section": "defence"}


def test_jsonl_naive_time_is_utc_and_marked(run, inputs, stored) -> None:
    run(inputs / "jsonl" / "items.jsonl")
    calm = next(d for d in stored().values() if d.text.startswith("The EU mission reported"))
    assert calm.published_at == datetime(2024, 4, 1, 6, tzinfo=UTC)
    assert calm.meta["assumed_utc"] is True
    assert calm.source.name == "JSON Lines import"


def test_jsonl_source_option_names_the_source(run, inputs, stored) -> None:
    run(inputs / "jsonl" / "items.jsonl", source_name="Scraper A", speaks_for="arm.mod")
    sources = {(d.source.name, d.source.speaks_for) for d in stored().values()}
    assert sources == {("Scraper A", "arm.mod")}


def test_jsonl_line_names_kind_and_actor(run, stored, tmp_path) -> None:
    path = tmp_path / "statements.jsonl"
    path.write_text(
        '{"text": "EUMA patrolled along the border all day long.", "source": "EUMA",'
        ' "source_kind": "mission", "speaks_for": "euma"}\n'
        '{"text": "An odd kind is ignored, not fatal.", "source": "Blog", "source_kind": "blog"}\n'
    )
    report = run(path)
    assert report.ingested == 2
    sources = {(d.source.kind.value, d.source.name, d.source.speaks_for) for d in stored().values()}
    assert sources == {("mission", "EUMA", "euma"), ("other", "Blog", None)}
