"""`watchline init` creates the database and is safe to repeat."""

from __future__ import annotations

from typer.testing import CliRunner

from watchline.cli import app

runner = CliRunner()


def test_cli_init_twice(db_env: str) -> None:
    first = runner.invoke(app, ["init"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["init"])
    assert second.exit_code == 0
    assert "Database ready" in second.output


def test_cli_unknown_command_fails() -> None:
    result = runner.invoke(app, ["no-such-command"])
    assert result.exit_code != 0
