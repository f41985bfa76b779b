"""The runner: odd input never stops a batch, long keys, progress, mixed arguments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from watchline.errors import WatchlineError
from watchline.ingest import ingest
from watchline.store import Database
from watchline.store.documents import MAX_KEY


def test_runner_deeply_nested_json_is_reported(run, inputs, tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text('{"messages": ' + "[" * 100_000 + "]" * 100_000 + "}")
    report = run(path, inputs / "text" / "euma-statement.txt", format="auto")
    assert report.ingested == 1
    assert [r.code for r in report.rejected] == ["E217"]
    assert "RecursionError" in report.rejected[0].reason


def test_runner_lone_surrogates_and_nul(run, stored, tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text('{"text": "Broken emoji \\ud83d here, and a NUL \\u0000 too."}\n')
    report = run(path)
    assert report.ingested == 1 and report.rejected == []
    (document,) = stored().values()
    assert document.text == "Broken emoji ? here, and a NUL  too."


def test_runner_over_long_key_stays_unique(run, stored, tmp_path: Path) -> None:
    base = "https://news.example.az/search?q=" + "border+" * 200
    lines = [
        json.dumps({"text": f"Item {n} about the border.", "url": f"{base}{n}"}) for n in (1, 2)
    ]
    path = tmp_path / "long.jsonl"
    path.write_text("\n".join(lines))
    assert run(path).ingested == 2
    assert run(path).duplicates == 2
    keys = list(stored())
    assert all(len(key) <= MAX_KEY for key in keys) and len(set(keys)) == 2


def test_runner_bad_language_tag_is_a_notice(run, stored, tmp_path: Path) -> None:
    path = tmp_path / "lang.jsonl"
    path.write_text('{"text": "The ministry said the border was calm.", "language": "English!!"}')
    report = run(path)
    assert [n.code for n in report.notices] == ["E218"]
    assert next(iter(stored().values())).language == "en"


def test_runner_progress_bar_runs(run, inputs, capsys) -> None:
    report = run(inputs / "telegram" / "result.json", progress=True)
    assert report.ingested == 6
    assert "ingest" in capsys.readouterr().err


def test_runner_mixed_arguments_and_summary(run, inputs, tmp_path: Path) -> None:
    report = run(
        inputs / "text",
        inputs / "x" / "data" / "tweets.js",
        tmp_path / "missing.md",
        inputs / "telegram" / "result.json",
    )
    assert report.ingested == 2 + 5 + 6
    assert "E200" in [r.code for r in report.rejected]
    assert report.summary().startswith(
        f"ingested 13, duplicates 0, rejected {len(report.rejected)}"
    )


def test_runner_refuses_uninitialised_database(inputs, tmp_path: Path) -> None:
    fresh = Database(f"sqlite:///{tmp_path / 'fresh.db'}")
    with pytest.raises(WatchlineError) as err:
        ingest(fresh, [inputs / "text"])
    assert err.value.code == "E006"
    fresh.dispose()
