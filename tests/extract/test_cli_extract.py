"""`watchline extract`: table by default, contract JSON, clean errors, no database needed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from watchline.cli import app

TEXT = (
    "On Sunday, Azerbaijan’s Ministry of Defence accused Armenia of mobilising troops "
    "towards the border.\n"
    "Armenia’s Defence Ministry denied the accusations a few hours later.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_cli_extract_json_follows_the_contract(db_env, article):
    result = CliRunner().invoke(
        app, ["extract", str(article), "--published-on", "2024-04-01", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["document"] == {
        "id": "article",
        "published_at": "2024-04-01T00:00:00Z",
        "language": "en",
    }
    first, second = data["claims"]
    assert (first["id"], first["act"], first["speaker"]["affiliation"]) == ("c1", "accuse", "AZE")
    assert first["event"]["agent"]["affiliation"] == "ARM"
    assert first["stated_on"] == "2024-03-31"
    for claim in data["claims"]:
        for key in ("speaker", "cue", "content"):
            span = claim[key]
            assert TEXT[span["start"] : span["end"]] == span["text"]
    assert (second["act"], second["event"]["negated"], second["responds_to"]) == (
        "deny",
        True,
        "c1",
    )
    assert not Path("watchline.db").exists()  # no database was needed or created


def test_cli_extract_prints_a_table_by_default(db_env, article):
    result = CliRunner().invoke(app, ["extract", str(article), "--published-on", "2024-04-01"])
    assert result.exit_code == 0, result.output
    assert "accuse" in result.stdout and "deny" in result.stdout and "c2" in result.stdout


@pytest.mark.parametrize(
    ("content", "date", "expected"),
    [
        (None, "2024-04-01", "E001"),
        (b"", "2024-04-01", "E002"),
        (b"   \n", "2024-04-01", "E002"),
        (b"\xff\xfe bad bytes", "2024-04-01", "E003"),
        (TEXT.encode(), "01/04/2024", "E004"),
    ],
)
def test_cli_extract_bad_input_is_one_line_error(db_env, tmp_path, content, date, expected):
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    result = CliRunner().invoke(app, ["extract", str(path), "--published-on", date])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and expected in lines[0]
    if expected != "E004":
        assert str(path) in lines[0]


def test_cli_extract_unknown_format_lists_the_options(db_env, article):
    result = CliRunner().invoke(
        app, ["extract", str(article), "--published-on", "2024-04-01", "--format", "xml"]
    )
    assert result.exit_code == 1
    assert "E005" in result.output and "table, json" in result.output


def test_cli_extract_unknown_theatre_is_one_line_error(db_env, article):
    result = CliRunner().invoke(
        app, ["extract", str(article), "--published-on", "2024-04-01", "--theatre", "atlantis"]
    )
    assert result.exit_code == 1
    assert "E008" in result.output or "E009" in result.output


def test_cli_extract_uses_the_actors_file_from_settings(db_env, tmp_path, monkeypatch):
    actors = tmp_path / "actors.yaml"
    actors.write_text(
        "actors:\n"
        "  - id: xx.brigade\n"
        "    name: Black Lake Brigade\n"
        "    kind: military\n"
        "    affiliation: ARM\n"
        "    aliases: [Black Lake Brigade]\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("WATCHLINE_ACTORS_FILE", str(actors))
    text = tmp_path / "post.txt"
    text.write_text("The Black Lake Brigade said Azerbaijani units fired at Sotk.", "utf-8")
    result = CliRunner().invoke(
        app, ["extract", str(text), "--published-on", "2024-04-01", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    (claim,) = json.loads(result.stdout)["claims"]
    assert claim["speaker"]["actor_id"] == "xx.brigade"
    assert claim["speaker"]["affiliation"] == "ARM"
