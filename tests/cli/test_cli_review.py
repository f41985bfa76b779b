"""`watchline review` end to end on a copy of the demo database."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from watchline.cli import app
from watchline.services.views import case_views
from watchline.store import Database

runner = CliRunner()


@pytest.fixture
def demo_db(demo_run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    db_file = tmp_path / "demo.db"
    shutil.copy(demo_run.database_url.removeprefix("sqlite:///"), db_file)
    monkeypatch.setenv("WATCHLINE_DATABASE_URL", f"sqlite:///{db_file}")
    monkeypatch.chdir(tmp_path)
    db = Database(f"sqlite:///{db_file}")
    yield db
    db.dispose()


def test_cli_review_correct_merge_split_and_history(demo_db: Database) -> None:
    first, second = case_views(demo_db)[:2]
    claim_id = first.case.claim_ids[0]
    fixed = runner.invoke(app, ["review", "correct", claim_id, "dates", "2024-03-30..2024-03-31",
                                "--reason", "the text says Saturday", "--no-relink"])  # fmt: skip
    assert fixed.exit_code == 0, fixed.output
    assert "dates:" in fixed.output and "2024-03-30 – 2024-03-31" in fixed.output
    bad = runner.invoke(app, ["review", "correct", claim_id, "act", "shout", "-r", "why"])
    assert bad.exit_code == 1 and "E701" in bad.output and "Traceback" not in bad.output
    merged = runner.invoke(app, ["review", "merge", first.case.id, second.case.id,
                                 "-r", "one episode"])  # fmt: skip
    assert merged.exit_code == 0, merged.output
    assert second.case.id not in {v.case.id for v in case_views(demo_db)}
    history = runner.invoke(app, ["review", "history", first.case.id])
    assert history.exit_code == 0, history.output
    lines = history.output.splitlines()
    assert lines[0] == f"{first.case.id}: new, assigned to no one"
    assert any(" correction dates of " in line and "cli:" in line for line in lines)
    assert any(" merge " in line and "(one episode)" in line for line in lines)
    alone = runner.invoke(app, ["review", "split", first.case.id, "nope:c1", "-r", "x"])
    assert alone.exit_code == 1 and "E706" in alone.output
