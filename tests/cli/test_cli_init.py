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


def test_cli_unknown_option_is_one_line(tmp_path) -> None:
    import subprocess
    import sys

    script = (
        "import sys; from watchline.cli import main; "
        "sys.argv = ['watchline', 'init', '--bogus']; main()"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "--bogus" in lines[0] and "watchline init --help" in lines[0]
