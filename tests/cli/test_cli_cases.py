"""`watchline link / verify / cases / verdict`: the casework commands end to end."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from watchline.cli import app
from watchline.domain import Act, EventType
from watchline.store import Database
from watchline.store.claims import ClaimRepository
from watchline.store.tables import DocumentRow, SourceRow
from watchline.verify.simulation import make_claim, village

runner = CliRunner()
TEGH = village("Tegh", 46.47, 39.56, "ARM")


@pytest.fixture
def claims_db(db_env: str) -> str:
    assert runner.invoke(app, ["init"]).exit_code == 0
    db = Database(db_env)
    with db.transaction() as session:
        session.add(SourceRow(id=1, kind="ministry", name="MoD"))
        session.flush()
        session.add(
            DocumentRow(id="d", key="d", source_id=1, text="t", raw=b"t", sha256="0" * 64,
                        media=[], meta={})
        )  # fmt: skip
        session.flush()
        text = "Armenia of building fortifications near Tegh"
        claim = make_claim("c1", "AZE", Act.ACCUSE, EventType.FORTIFY, "ARM", date(2024, 4, 1),
                           places=(TEGH,), content=text)  # fmt: skip
        ClaimRepository(session).replace_for_document("d", [claim])
    db.dispose()
    return db_env


def test_cli_cases_link_verify_list(claims_db: str) -> None:
    linked = runner.invoke(app, ["link"])
    assert linked.exit_code == 0, linked.output
    assert "1 claims in 1 cases (1 new" in linked.output
    verified = runner.invoke(app, ["verify"])
    assert verified.exit_code == 0, verified.output
    assert "1 not_covered" in verified.output
    table = runner.invoke(app, ["cases"])
    assert "NOT_COVERED" in table.output and "building fortifications near Tegh" in table.output
    data = json.loads(runner.invoke(app, ["cases", "--format", "json"]).output)
    assert data[0]["status"] == "not_covered"
    assert data[0]["claims_for"][0]["speaker"] == "AZE"


def test_cli_cases_verdict_set_and_history(claims_db: str) -> None:
    runner.invoke(app, ["link"])
    runner.invoke(app, ["verify"])
    case_id = json.loads(runner.invoke(app, ["cases", "--format", "json"]).output)[0]["id"]
    done = runner.invoke(
        app,
        [
            "verdict",
            "set",
            case_id,
            "corroborated",
            "--reason",
            "Seen by patrol 7",
            "--author",
            "ana",
        ],
    )
    assert done.exit_code == 0, done.output
    history = runner.invoke(app, ["verdict", "history", case_id]).output.splitlines()
    assert len(history) == 2
    assert (
        "engine" in history[0] and history[1].startswith("* ") and "Seen by patrol 7" in history[1]
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["verdict", "set", "case-nope", "corroborated", "--reason", "x"], "E010"),
        (["verdict", "history", "case-nope"], "E010"),
        (["cases", "--format", "xml"], "E005"),
        (["cases", "--status", "maybe"], "E403"),
        (["verdict", "set", "case-nope", "maybe", "--reason", "x"], "E401"),
    ],
)
def test_cli_cases_bad_input_one_line_error(claims_db: str, args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_cli_cases_uninitialised_database_is_refused(db_env: str) -> None:
    result = runner.invoke(app, ["cases"])
    assert result.exit_code == 1 and "watchline init" in result.output


@pytest.mark.parametrize(
    "command",
    ["watchline link", "watchline verify", "watchline cases", "--format json", "--status",
     "watchline verdict set", "watchline verdict history"],
)  # fmt: skip
def test_cli_cases_commands_are_documented(command: str) -> None:
    from pathlib import Path

    docs = Path(__file__).resolve().parents[2] / "docs" / "verdicts.md"
    assert command in docs.read_text(encoding="utf-8")


def test_cli_cases_link_verify_progress_and_full(claims_db: str) -> None:
    """`--progress` draws a bar on stderr and changes nothing else; a second run finds
    nothing to redo, and `--full` redoes it all with the same result."""
    linked = runner.invoke(app, ["link", "--progress"])
    assert linked.exit_code == 0, linked.output
    assert "1 claims in 1 cases (1 new" in linked.output
    again = runner.invoke(app, ["link"])
    assert "1 claims in 1 cases (0 new, 0 changed, 1 unchanged" in again.output
    full = runner.invoke(app, ["link", "--full"])
    assert "(0 new, 0 changed, 1 unchanged, 0 retired)" in full.output
    for args in (["verify", "--progress"], ["verify"], ["verify", "--full"]):
        verified = runner.invoke(app, args)
        assert verified.exit_code == 0, verified.output
        assert "1 cases verified: 1 not_covered" in verified.output
