"""`watchline ingest` and `watchline sources list` from the command line."""

from __future__ import annotations

from typer.testing import CliRunner

from watchline.cli import app

runner = CliRunner()


def _init() -> None:
    assert runner.invoke(app, ["init"]).exit_code == 0


def test_cli_ingest_summary_and_sources(db_env, inputs) -> None:
    _init()
    result = runner.invoke(
        app,
        ["ingest", str(inputs / "telegram" / "result.json"), "--speaks-for", "arm.mod.press"],
    )
    assert result.exit_code == 0, result.output
    assert "ingested 6, duplicates 0, rejected 2" in result.stdout
    assert "E204" in result.stderr and "message 8" in result.stderr
    listed = runner.invoke(app, ["sources", "list"])
    assert listed.exit_code == 0
    line = "telegram\tBorder Watch AM\tarm.mod.press\t6 documents\ten 4, ru 1, ? 1\t1712345678"
    assert line in listed.stdout
    assert "Stored but not extracted" not in listed.stdout, "Russian is extracted now"


def test_cli_ingest_source_name_and_kind(db_env, inputs) -> None:
    _init()
    args = ["ingest", str(inputs / "text"), "--source", "EUMA", "--source-kind", "mission"]
    result = runner.invoke(app, [*args, "--speaks-for", "euma"])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["sources", "list"])
    assert "mission\tEUMA\teuma\t2 documents\ten 2" in listed.stdout


def test_cli_ingest_all_rejected_exits_non_zero(db_env, inputs) -> None:
    _init()
    result = runner.invoke(app, ["ingest", str(inputs / "junk.bin"), "--format", "text"])
    assert result.exit_code == 1
    assert "E205" in result.stderr and "rejected 1" in result.stdout


def test_cli_ingest_needs_init_and_known_format(db_env, inputs) -> None:
    result = runner.invoke(app, ["ingest", str(inputs / "text")])
    assert result.exit_code == 1 and "watchline init" in result.stderr
    _init()
    result = runner.invoke(app, ["ingest", str(inputs / "text"), "--format", "pdf"])
    assert result.exit_code == 1 and "E005" in result.stderr
    result = runner.invoke(app, ["ingest", "x", "--source", "A", "--source-kind", "blog"])
    assert result.exit_code == 1 and "E216" in result.stderr


def test_cli_sources_list_empty(db_env) -> None:
    _init()
    result = runner.invoke(app, ["sources", "list"])
    assert result.exit_code == 0 and "No sources yet" in result.stdout
