"""`watchline audit verify|list` end to end on a real SQLite file."""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from watchline.cli import app

runner = CliRunner()


@pytest.fixture
def audited(db_env: str) -> str:
    """A database whose log holds three user changes made on the command line."""
    assert runner.invoke(app, ["init"]).exit_code == 0
    for args in (["users", "add", "ines", "--role", "analyst"], ["users", "token", "ines"],
                 ["users", "disable", "ines"]):  # fmt: skip
        result = runner.invoke(app, args, input="")
        assert result.exit_code == 0, result.output
    return db_env.removeprefix("sqlite:///")


def test_cli_audit_verify_intact(audited: str) -> None:
    result = runner.invoke(app, ["audit", "verify"])
    assert result.exit_code == 0, result.output
    assert "Audit log intact: 3 entries, head " in result.output


def test_cli_audit_verify_names_tampered_entry(audited: str) -> None:
    with sqlite3.connect(audited) as connection:
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2")
    result = runner.invoke(app, ["audit", "verify"])
    assert result.exit_code == 1
    assert "E851: The audit log is broken at entry 2:" in result.output
    assert "Traceback" not in result.output


def test_cli_audit_list_filters(audited: str) -> None:
    table = runner.invoke(app, ["audit", "list"])
    assert table.exit_code == 0, table.output
    lines = table.output.strip().splitlines()
    assert [line.split()[4] for line in lines] == ["user.add", "user.token", "user.disable"]
    assert all("user:ines" in line for line in lines)
    only = runner.invoke(app, ["audit", "list", "--action", "user.token", "--format", "json"])
    (entry,) = json.loads(only.output)
    assert entry["seq"] == 2 and entry["subject_id"] == "ines" and len(entry["hash"]) == 64
    later = runner.invoke(app, ["audit", "list", "--since", "2999-01-01"])
    assert later.exit_code == 0 and "No audit entries match." in later.output


@pytest.mark.parametrize(
    ("args", "code"),
    [(["--since", "yesterday"], "E020"), (["--format", "xml"], "E005")],
)
def test_cli_audit_list_refuses_bad_options(audited: str, args: list[str], code: str) -> None:
    result = runner.invoke(app, ["audit", "list", *args])
    assert result.exit_code == 1
    assert result.output.startswith(f"watchline: {code}")
