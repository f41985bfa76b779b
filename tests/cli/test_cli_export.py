"""`watchline export`: formats, filters, refusing to overwrite, coded errors, atomic files."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from watchline.cli import app
from watchline.errors import InputError
from watchline.publish.exports.atomic import write_atomically
from watchline.store import Database

# The hand-built casework scenario lives beside the service tests.
sys.path.insert(0, str(Path(__file__).parents[1] / "services"))
from exports_support import verified

runner = CliRunner()


@pytest.fixture
def cases_db(db_env: str) -> str:
    assert runner.invoke(app, ["init"]).exit_code == 0
    db = Database(db_env)
    verified(db)
    db.dispose()
    return db_env


def _export(*args: str):
    return runner.invoke(app, ["export", *args])


@pytest.mark.parametrize(
    ("fmt", "name", "counted"),
    [
        ("claimreview", "r.jsonld", "1 ClaimReview records"),
        ("acled", "c.csv", "5 claims"),
        ("geojson", "m.geojson", "3 patrols"),
        ("gpkg", "m.gpkg", "2 case_areas"),
        ("plover", "p.json", "5 events"),
    ],
)
def test_cli_export_writes_each_format_and_counts(
    cases_db: str, tmp_path: Path, fmt: str, name: str, counted: str
) -> None:
    extra = ["--all-verdicts"] if fmt == "claimreview" else []  # no statements published here
    result = _export("--format", fmt, "-o", str(tmp_path / name), *extra)
    assert result.exit_code == 0, result.output
    assert f"Wrote {fmt} export" in result.output and counted in result.output
    assert (tmp_path / name).stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_cli_export_claimreview_names_the_configured_theatre_s_mission(
    cases_db: str, tmp_path: Path
) -> None:
    unpublished = _export("-f", "claimreview", "-o", "u.jsonld")
    assert unpublished.exit_code == 0 and "Nothing matched" in unpublished.output
    assert _export("-f", "claimreview", "-o", "r.jsonld", "--all-verdicts").exit_code == 0
    graph = json.loads((tmp_path / "r.jsonld").read_text(encoding="utf-8"))["@graph"]
    assert graph[0]["author"]["name"] == "EU Mission in Armenia"  # WATCHLINE_THEATRE default


def test_cli_export_unknown_format_lists_the_formats(cases_db: str) -> None:
    result = _export("--format", "xlsx", "-o", "x.xlsx")
    assert result.exit_code == 1
    assert "E830" in result.output
    assert "claimreview, acled, geojson, gpkg, plover" in result.output
    assert not Path("x.xlsx").exists()


def test_cli_export_refuses_to_replace_a_file_without_force(cases_db: str, tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    target.write_text("keep me", encoding="utf-8")
    refused = _export("-f", "acled", "-o", str(target))
    assert refused.exit_code == 1 and "E831" in refused.output and "--force" in refused.output
    assert target.read_text(encoding="utf-8") == "keep me"
    forced = _export("-f", "acled", "-o", str(target), "--force")
    assert forced.exit_code == 0, forced.output
    with open(target, encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 5


def test_cli_export_filters_and_says_when_nothing_matched(cases_db: str, tmp_path: Path) -> None:
    eu = _export("-f", "plover", "-o", "eu.json", "--party", "EU", "--to", "2024-03-31")
    assert eu.exit_code == 0 and "4 events" in eu.output
    none = _export("-f", "claimreview", "-o", "none.jsonld", "--status", "corroborated")
    assert none.exit_code == 0 and "Nothing matched the filters" in none.output
    assert json.loads((tmp_path / "none.jsonld").read_text())["@graph"] == []


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--from", "2024-04-02", "--to", "2024-04-01"], "E833"),
        (["--from", "1 April"], "E004"),
        (["--status", "maybe"], "E403"),
        (["--case", "case-nope"], "E010"),
        (["-o", "."], "E834"),
    ],
)
def test_cli_export_bad_options_are_coded_errors(
    cases_db: str, tmp_path: Path, args: list[str], code: str
) -> None:
    result = _export("-f", "acled", *(["-o", "out.csv"] if "-o" not in args else []), *args)
    assert result.exit_code == 1, result.output
    assert code in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out.csv").exists()


def test_cli_export_into_a_missing_folder_is_a_coded_error(cases_db: str, tmp_path: Path) -> None:
    result = _export("-f", "acled", "-o", str(tmp_path / "no" / "such" / "c.csv"))
    assert result.exit_code == 1 and "E832" in result.output


def test_atomic_write_leaves_nothing_when_the_writer_fails(tmp_path: Path) -> None:
    target = tmp_path / "half.json"

    def broken(path: Path) -> None:
        path.write_text('{"half": ', encoding="utf-8")
        raise RuntimeError("disk pulled out")

    with pytest.raises(RuntimeError):
        write_atomically(target, broken)
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_never_replaces_a_file_that_appeared_meanwhile(tmp_path: Path) -> None:
    target = tmp_path / "raced.json"

    def racing(path: Path) -> None:
        path.write_text("ours", encoding="utf-8")
        target.write_text("theirs", encoding="utf-8")  # someone else wrote it first

    with pytest.raises(InputError) as refused:
        write_atomically(target, racing)
    assert refused.value.code == "E831"
    assert target.read_text(encoding="utf-8") == "theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["raced.json"]
