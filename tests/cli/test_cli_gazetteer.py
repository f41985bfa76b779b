"""`watchline gazetteer import` and `watchline places`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from watchline.cli import app

runner = CliRunner()
SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "gazetteer" / "AM-sample.txt"


def test_cli_gazetteer_import_reports_and_repeats(db_env: str) -> None:
    assert runner.invoke(app, ["init"]).exit_code == 0
    first = runner.invoke(app, ["gazetteer", "import", str(SAMPLE)])
    assert first.exit_code == 0, first.output
    assert "6 new places, 3 skipped" in first.output
    assert "line 4" in first.output
    second = runner.invoke(app, ["gazetteer", "import", str(SAMPLE)])
    assert "0 new places" in second.output


def test_cli_gazetteer_import_needs_init(db_env: str) -> None:
    result = runner.invoke(app, ["gazetteer", "import", str(SAMPLE)])
    assert result.exit_code == 1 and "E006" in result.output


def test_cli_places_json_without_database(db_env: str, tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("Troops massed at the border near Kirants, Yerevan said.", encoding="utf-8")
    result = runner.invoke(app, ["places", str(doc), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["text"], r["precision"]) for r in rows] == [
        ("the border", "border"),
        ("Kirants", "village"),
        ("Yerevan", "city"),
    ]
    assert rows[2]["geonames_id"] == 616052
    assert not Path(db_env.removeprefix("sqlite:///")).exists()


def test_cli_places_uses_imported_entries(db_env: str, tmp_path: Path) -> None:
    runner.invoke(app, ["init"])
    runner.invoke(app, ["gazetteer", "import", str(SAMPLE)])
    doc = tmp_path / "doc.txt"
    doc.write_text("Fire was reported in Tavush Province.", encoding="utf-8")
    result = runner.invoke(app, ["places", str(doc)])
    assert result.exit_code == 0, result.output
    assert "99900004" in result.output and "region" in result.output


def test_cli_places_bad_input(db_env: str, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["places", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "E001" in missing.output
    doc = tmp_path / "doc.txt"
    doc.write_text("text", encoding="utf-8")
    wrong = runner.invoke(app, ["places", str(doc), "--format", "xml"])
    assert wrong.exit_code == 1 and "E005" in wrong.output
