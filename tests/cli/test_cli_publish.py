"""`watchline publish`: draft, edit, release, list, show — with coded errors, never a
traceback, and the published text written to a file when asked."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from watchline.cli import app

runner = CliRunner()


@pytest.fixture
def ready(demo_run, tmp_path, monkeypatch):
    path = tmp_path / "demo.db"
    shutil.copy(demo_run.database_url.removeprefix("sqlite:///"), path)
    monkeypatch.setenv("WATCHLINE_DATABASE_URL", f"sqlite:///{path}")
    return demo_run


def test_draft_edit_release_list_show(ready, tmp_path) -> None:
    case = ready.views[0].case.id
    drafted = runner.invoke(app, ["publish", "draft", case])
    assert drafted.exit_code == 0, drafted.output
    sid = drafted.output.split(" ", 1)[0]
    assert sid.startswith("st-") and "watchline publish release" in drafted.output
    wording = tmp_path / "wording.txt"
    wording.write_text("The mission patrolled along the border all day.\n", encoding="utf-8")
    edited = runner.invoke(app, ["publish", "edit", sid, "--text-file", str(wording)])
    assert edited.exit_code == 0 and "patrolled along the border" in edited.output
    out = tmp_path / "statement.txt"
    released = runner.invoke(app, ["publish", "release", sid, "-o", str(out)])
    assert released.exit_code == 0, released.output
    assert "published" in released.output and out.read_text(encoding="utf-8").endswith(
        "The mission patrolled along the border all day.\n"
    )
    listed = runner.invoke(app, ["publish", "list", "--published"])
    assert sid in listed.output and listed.output.count("published  ") >= 1
    again = runner.invoke(app, ["publish", "edit", sid, "--text-file", str(wording)])
    assert again.exit_code == 1 and "E821" in again.output
    assert "Traceback" not in again.output


def test_bad_input_is_one_coded_line(ready, tmp_path) -> None:
    missing = runner.invoke(app, ["publish", "show", "st-nothing"])
    assert missing.exit_code == 1 and "E820" in missing.output
    absent = runner.invoke(
        app, ["publish", "draft", ready.views[0].case.id, "--text-file", str(tmp_path / "no")]
    )
    assert absent.exit_code == 1 and "E001" in absent.output
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    blank = runner.invoke(
        app, ["publish", "draft", ready.views[0].case.id, "--text-file", str(empty)]
    )
    assert blank.exit_code == 1 and "E822" in blank.output
    nocase = runner.invoke(app, ["publish", "draft", "case-none"])
    assert nocase.exit_code == 1 and "E010" in nocase.output


def test_release_signs_the_written_statement(ready, tmp_path) -> None:
    keys = runner.invoke(app, ["keys", "generate", "--out", str(tmp_path)])
    assert keys.exit_code == 0, keys.output
    case = ready.views[0].case.id
    sid = runner.invoke(app, ["publish", "draft", case]).output.split(" ", 1)[0]
    lone = runner.invoke(app, ["publish", "release", sid, "--sign", str(tmp_path / "mission.key")])
    assert lone.exit_code == 1 and "E825" in lone.output
    out = tmp_path / "statement.txt"
    signed = runner.invoke(
        app, ["publish", "release", sid, "-o", str(out), "--sign", str(tmp_path / "mission.key")]
    )
    assert signed.exit_code == 0, signed.output
    check = runner.invoke(
        app, ["verify-publication", str(out), "--key", str(tmp_path / "mission.pub")]
    )
    assert check.exit_code == 0, check.output
    out.write_bytes(out.read_bytes().replace(b"mission", b"Mission", 1))
    tampered = runner.invoke(
        app, ["verify-publication", str(out), "--key", str(tmp_path / "mission.pub")]
    )
    assert tampered.exit_code == 1 and "E814" in tampered.output
