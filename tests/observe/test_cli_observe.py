"""The observe commands: import patrols, record findings, list, coverage."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from watchline.cli import app

runner = CliRunner()
FIXTURES = Path(__file__).parents[1] / "fixtures" / "observe" / "patrols"


def run(*args: str):
    return runner.invoke(app, list(args))


def test_cli_observe_whole_flow(db_env: str) -> None:
    assert run("init").exit_code == 0
    imported = run("patrols", "import", str(FIXTURES / "jermuk.gpx"), "--base", "jermuk")
    assert imported.exit_code == 0, imported.output
    assert "Imported 1 patrol(s) with 6 points" in imported.output
    again = run("patrols", "import", str(FIXTURES / "jermuk.gpx"))
    assert "0 patrol(s)" in again.output and "W300" in again.output
    listed = run("patrols", "list", "--format", "json")
    (patrol,) = json.loads(listed.output)
    assert patrol["team"] == "Team Jermuk 2" and patrol["base"] == "jermuk"
    recorded = run(
        "observe", "--patrol", patrol["id"], "--type", "nothing_unusual",
        "--time", "2024-03-31T09:30", "--lat", "39.89", "--lon", "45.79",
        "--notes", "no unusual movement observed",
    )  # fmt: skip
    assert recorded.exit_code == 0, recorded.output
    assert recorded.output.startswith("Recorded: obs-")
    covered = run(
        "coverage", "--area", "POINT (45.79 39.89)", "--start", "2024-03-31",
        "--end", "2024-03-31", "--format", "json",
    )  # fmt: skip
    assert covered.exit_code == 0, covered.output
    data = json.loads(covered.output)
    assert data["area_fraction"] > 0.99 and data["patrol_ids"] == [patrol["id"]]
    assert len(data["observation_ids"]) == 1
    sector = run("coverage", "--sector", "Sotk", "--start", "2024-03-31", "--end", "2024-03-31")
    assert sector.exit_code == 0 and "Area covered: 0%" in sector.output


def test_cli_observe_bad_input_exits_nonzero(db_env: str, tmp_path: Path) -> None:
    assert run("init").exit_code == 0
    empty = tmp_path / "empty.gpx"
    empty.write_text('<gpx version="1.1" creator="t"></gpx>', encoding="utf-8")
    result = run("patrols", "import", str(empty), str(FIXTURES / "ijevan.csv"))
    assert result.exit_code == 1
    assert "E302" in result.output and "Imported 1 patrol(s)" in result.output
    unknown = run(
        "coverage", "--sector", "Atlantis", "--start", "2024-03-31", "--end", "2024-04-01"
    )
    assert unknown.exit_code == 1 and "E313" in unknown.output
    bad = run("observe", "--type", "nothing_unusual", "--patrol", "nope", "--time", "2024-03-31")
    assert bad.exit_code == 1 and "E316" in bad.output
    both = run("coverage", "--start", "2024-03-31", "--end", "2024-04-01")
    assert both.exit_code == 1
