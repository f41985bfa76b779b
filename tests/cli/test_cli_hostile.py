"""Hostile databases and output paths on the command line: one coded line, exit 1,
no traceback, and nothing written where it should not be."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from watchline.cli import app

runner = CliRunner()

KOSOVO = "Kosovo police said a convoy was stopped at the Jarinje crossing on Tuesday.\n"


def _inputs(tmp_path: Path) -> dict[str, str]:
    statement = tmp_path / "jarinje.txt"
    statement.write_text(KOSOVO, encoding="utf-8")
    track = tmp_path / "track.csv"
    track.write_text("time,lat,lon\n2024-04-01T08:00:00Z,42.97,20.77\n", encoding="utf-8")
    return {"text": str(statement), "track": str(track)}


def _commands(tmp_path: Path) -> list[list[str]]:
    """Every command that opens the database, with arguments that would otherwise work."""
    files = _inputs(tmp_path)
    return [
        ["init"],
        ["ingest", files["text"]],
        ["sources", "list"],
        ["claims", "list"],
        ["claims", "extract"],
        ["link"],
        ["verify"],
        ["cases"],
        ["report", "-o", str(tmp_path / "sitrep.html")],
        ["export", "-f", "acled", "-o", str(tmp_path / "claims.csv")],
        ["verdict", "history", "k1"],
        ["verdict", "set", "k1", "not_covered", "--reason", "no patrol"],
        ["patrols", "list"],
        ["patrols", "import", files["track"]],
        ["observations", "import", files["track"]],
        [
            "coverage",
            "--start",
            "2024-04-01",
            "--end",
            "2024-04-02",
            "--area",
            "POINT (20.77 42.97)",
        ],
        ["serve", "--port", "1"],
    ]


def _assert_one_coded_line(result, code: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"watchline: {code}:"), result.stderr


def test_every_command_refuses_a_file_that_is_not_a_database(db_env: str, tmp_path) -> None:
    path = Path(db_env.removeprefix("sqlite:///"))
    notes = b"Golan: UNDOF observation post 73 log, not a database\n"
    path.write_bytes(notes)
    for command in _commands(tmp_path):
        result = runner.invoke(app, command)
        _assert_one_coded_line(result, "E014")
        assert "not a SQLite database" in result.stderr, command
    assert path.read_bytes() == notes
    assert not (tmp_path / "sitrep.html").exists()
    assert not (tmp_path / "claims.csv").exists()


def test_every_command_refuses_a_newer_schema(db_env: str, tmp_path) -> None:
    assert runner.invoke(app, ["init"]).exit_code == 0
    path = db_env.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0999_later' WHERE rowid = 1")
    for command in _commands(tmp_path):
        result = runner.invoke(app, command)
        _assert_one_coded_line(result, "E016")
        assert "0999_later" in result.stderr and "Upgrade Watchline" in result.stderr


def test_a_missing_database_is_not_created_by_reading_commands(db_env: str, tmp_path) -> None:
    path = Path(db_env.removeprefix("sqlite:///"))
    for command in _commands(tmp_path)[1:]:
        result = runner.invoke(app, command)
        _assert_one_coded_line(result, "E006")
    assert not path.exists()


@pytest.fixture
def ready(db_env: str) -> str:
    assert runner.invoke(app, ["init"]).exit_code == 0
    return db_env


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_report_to_a_folder_writes_nothing(ready: str, tmp_path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    before = _listing(tmp_path)
    result = runner.invoke(app, ["report", "-o", str(target)])
    _assert_one_coded_line(result, "E019")
    assert "folder" in result.stderr
    assert _listing(tmp_path) == before and _listing(target) == []


def test_report_to_a_missing_folder_or_through_a_file_is_refused(ready: str, tmp_path) -> None:
    before = _listing(tmp_path)
    result = runner.invoke(app, ["report", "-o", str(tmp_path / "no" / "sitrep.html")])
    _assert_one_coded_line(result, "E019")
    assert "does not exist" in result.stderr and not (tmp_path / "no").exists()
    (tmp_path / "notes.txt").write_text("Pyla\n", encoding="utf-8")
    result = runner.invoke(app, ["report", "-o", str(tmp_path / "notes.txt" / "r.html")])
    _assert_one_coded_line(result, "E019")
    assert _listing(tmp_path) == sorted([*before, "notes.txt"])


def test_report_to_a_pipe_is_refused_without_opening_it(ready: str, tmp_path) -> None:
    pipe = tmp_path / "report.html"
    os.mkfifo(pipe)
    result = runner.invoke(app, ["report", "-o", str(pipe)])
    _assert_one_coded_line(result, "E019")
    assert pipe.is_fifo()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_report_to_a_read_only_folder_is_refused(ready: str, tmp_path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = runner.invoke(app, ["report", "-o", str(folder / "sitrep.html")])
    finally:
        folder.chmod(0o700)
    _assert_one_coded_line(result, "E019")
    assert _listing(folder) == []


def test_report_replaces_atomically_and_leaves_no_temporary_file(ready: str, tmp_path) -> None:
    target = tmp_path / "sitrep.md"
    target.write_text("yesterday's report\n", encoding="utf-8")
    target.chmod(0o640)
    result = runner.invoke(app, ["report", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("# Situation report")
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)  # its permissions are kept
    assert _listing(tmp_path) == sorted(["cli.db", "sitrep.md"])


def test_a_failed_write_removes_its_temporary_file(tmp_path) -> None:
    """The last step failing for real (a folder appeared where the report goes, after
    the checks) leaves what was there untouched and no temporary file beside it."""
    from watchline.errors import WatchlineError
    from watchline.publish.report import _write_atomically

    target = tmp_path / "sitrep.html"
    target.mkdir()
    (target / "kept.txt").write_text("Deneia\n", encoding="utf-8")
    with pytest.raises(WatchlineError) as err:
        _write_atomically(target, b"<p>new report</p>")
    assert err.value.code == "E019"
    assert _listing(tmp_path) == ["sitrep.html"] and _listing(target) == ["kept.txt"]


def test_cli_database_url_pointing_at_a_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("WATCHLINE_DATABASE_URL", f"sqlite:///{tmp_path}")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init"])
    _assert_one_coded_line(result, "E018")


@pytest.mark.parametrize(
    ("variable", "value", "code"),
    [
        ("WATCHLINE_DATABASE_URL", "mysql://nowhere/watchline", "E023"),
        ("WATCHLINE_MAX_FILE_BYTES", "two hundred megabytes", "E023"),
    ],
)
def test_bad_settings_are_one_coded_line(db_env, monkeypatch, variable, value, code) -> None:
    monkeypatch.setenv(variable, value)
    result = runner.invoke(app, ["cases"])
    _assert_one_coded_line(result, code)
    assert variable in result.stderr


def test_bad_config_file_is_one_coded_line(db_env, tmp_path) -> None:
    (tmp_path / "watchline.toml").write_text("theatre = 'cyp\n", encoding="utf-8")
    _assert_one_coded_line(runner.invoke(app, ["cases"]), "E024")
    (tmp_path / "watchline.toml").write_text("theater = 'cyprus'\n", encoding="utf-8")
    result = runner.invoke(app, ["cases"])
    _assert_one_coded_line(result, "E023")
    assert "theater" in result.stderr


@pytest.mark.parametrize("value", ["nan", "-5", "0", "inf"])
def test_verify_refuses_a_visibility_that_is_no_distance(ready: str, value: str) -> None:
    result = runner.invoke(app, ["verify", "--visibility-m", value])
    assert result.exit_code == 2 and "E021" in result.output


def test_single_file_commands_refuse_a_pipe(ready: str, tmp_path) -> None:
    pipe = tmp_path / "statement.txt"
    os.mkfifo(pipe)
    for command in (["extract", str(pipe), "--published-on", "2024-04-01"], ["places", str(pipe)]):
        result = runner.invoke(app, command)
        _assert_one_coded_line(result, "E219")


def test_ingest_odd_names_are_rejected_and_the_batch_goes_on(ready: str, tmp_path) -> None:
    good = tmp_path / "jarinje.txt"
    good.write_text(KOSOVO, encoding="utf-8")
    long_name = "Zubin-Potok-" * 40  # longer than any file system allows a name to be
    result = runner.invoke(app, ["ingest", "http://[::1", long_name, str(good)])
    assert result.exit_code == 0, result.output
    assert "ingested 1, duplicates 0, rejected 2" in result.stdout
    assert "E223" in result.stderr and "E001" in result.stderr
    assert all(len(line) < 300 for line in result.stderr.splitlines())


@pytest.mark.parametrize("name", ["sitrep.docx", "sitrep.csv", "sitrep"])
def test_a_report_name_that_names_no_format_is_refused(ready: str, tmp_path, name: str) -> None:
    before = _listing(tmp_path)
    result = runner.invoke(app, ["report", "-o", str(tmp_path / name)])
    _assert_one_coded_line(result, "E800")
    assert _listing(tmp_path) == before


def test_a_report_format_comes_from_the_extension_or_the_option(ready: str, tmp_path) -> None:
    assert runner.invoke(app, ["report", "-o", str(tmp_path / "a.htm")]).exit_code == 0
    assert (tmp_path / "a.htm").read_text(encoding="utf-8").lstrip().startswith("<!")
    result = runner.invoke(app, ["report", "-o", str(tmp_path / "b.txt"), "--format", "md"])
    assert result.exit_code == 0 and not (tmp_path / "b.txt").read_text().lstrip().startswith("<")
