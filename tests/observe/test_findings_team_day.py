"""Findings name their patrol as a findings sheet does: by team (or call-sign, or the
track's name) and day, in the theatre's time zone; ambiguity is an error, not a guess."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from watchline.cli import app
from watchline.geo.theatre import load_theatre
from watchline.services.findings import import_observations
from watchline.services.patrols import import_patrols
from watchline.store import Database
from watchline.store.observations import ObservationRepository

KOSOVO = Path(__file__).parents[1] / "fixtures" / "observe" / "theatres" / "kos-srb.yaml"


def track(folder: Path, name: str, team: str, points: list[tuple[float, float, str]]) -> Path:
    path = folder / name
    rows = "".join(f"{lat},{lon},{when},{team}\n" for lat, lon, when in points)
    path.write_text("lat,lon,time,team\n" + rows, encoding="utf-8")
    return path


def findings(db: Database):
    with db.transaction() as session:
        return ObservationRepository(session).list()


@pytest.fixture
def goris_day(db: Database, tmp_path: Path) -> tuple[Database, dict[str, str]]:
    """Two Goris patrols on 31 March (morning, afternoon) and one from Jermuk, all on
    the Armenia–Azerbaijan border; times in Yerevan time (+04:00)."""
    morning = track(
        tmp_path,
        "goris-am.csv",
        "Team Goris 1",
        [(39.51, 46.34, "2024-03-31T08:00+04:00"), (39.47, 46.36, "2024-03-31T09:00+04:00")],
    )
    afternoon = track(
        tmp_path,
        "goris-pm.csv",
        "team  goris 1",
        [(39.47, 46.36, "2024-03-31T14:00+04:00"), (39.43, 46.39, "2024-03-31T15:00+04:00")],
    )
    jermuk = track(
        tmp_path,
        "jermuk.csv",
        "Team Jermuk 2",
        [(39.84, 45.67, "2024-03-31T08:00+04:00"), (39.86, 45.71, "2024-03-31T09:00+04:00")],
    )
    report = import_patrols(db, [morning, afternoon, jermuk])
    assert report.ok, report.errors
    return db, dict(zip(["am", "pm", "jermuk"], report.added, strict=True))


def test_team_and_date_find_the_patrol(goris_day, tmp_path: Path) -> None:
    db, ids = goris_day
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "type,time,team,date,lat,lon,notes\n"
        "nothing_unusual,2024-03-31T08:30,Team Jermuk 2,2024-03-31,39.85,45.69,quiet\n"
        "exercise,2024-03-31T08:40,TEAM GORIS 1,,39.49,46.35,two trucks\n"
        "nothing_unusual,2024-03-31T14:30,team goris 1,,39.45,46.37,quiet again\n",
        encoding="utf-8",
    )
    report = import_observations(db, sheet)
    assert report.ok, report.errors
    assert [f.patrol_id for f in findings(db)] == [ids["jermuk"], ids["am"], ids["pm"]]


def test_a_team_name_in_the_patrol_column_is_read_as_a_team(goris_day, tmp_path) -> None:
    db, ids = goris_day
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "type,time,patrol,lat,lon\nexercise,2024-03-31T14:20,Team Goris 1,39.46,46.37\n",
        encoding="utf-8",
    )
    assert import_observations(db, sheet).ok
    assert [f.patrol_id for f in findings(db)] == [ids["pm"]]


def test_two_patrols_of_a_team_that_day_is_ambiguous(goris_day, tmp_path: Path) -> None:
    """At noon neither Goris patrol was out: the row names both and is skipped; the
    rows around it go in."""
    db, ids = goris_day
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "type,time,team,lat,lon\n"
        "exercise,2024-03-31T08:40,Team Goris 1,39.49,46.35\n"
        "exercise,2024-03-31T12:00,Team Goris 1,39.49,46.35\n"
        "nothing_unusual,2024-03-31T15:00,Team Goris 1,39.43,46.39\n",
        encoding="utf-8",
    )
    report = import_observations(db, sheet)
    (error,) = report.errors
    assert error.startswith(f"E317: {sheet}: item 2: ") and "2 patrols match" in error
    assert ids["am"] in error and ids["pm"] in error and ids["jermuk"] not in error
    assert "(2024-03-31 04:00–05:00 UTC)" in error  # the morning patrol, in UTC
    assert len(report.added) == 2


def test_a_team_not_out_that_day_is_not_found(goris_day, tmp_path: Path) -> None:
    db, _ = goris_day
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "type,time,team,lat,lon\n"
        "exercise,2024-04-01T08:40,Team Goris 1,39.49,46.35\n"
        "exercise,2024-03-31T08:40,Team Kapan 3,39.49,46.35\n",
        encoding="utf-8",
    )
    report = import_observations(db, sheet)
    assert [e[:4] for e in report.errors] == ["E316", "E316"]
    assert "team 'Team Goris 1' on 2024-04-01" in report.errors[0]
    assert "item 2" in report.errors[1] and findings(db) == []


def test_the_day_is_the_theatres_local_day(db: Database, tmp_path: Path) -> None:
    """Near Jarinje (Kosovo–Serbia ABL, UTC+2 in May) a patrol from 00:30 to 01:30 local
    time on 3 May is on 2 May in UTC; the sheet's 3 May finds it, 2 May does not."""
    theatre = load_theatre(KOSOVO)
    night = track(
        tmp_path,
        "jarinje-night.csv",
        "KFOR-7",
        [(43.2497, 20.6210, "2024-05-02T22:30Z"), (43.2400, 20.6500, "2024-05-02T23:30Z")],
    )
    (pid,) = import_patrols(db, [night], theatre=theatre).added
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "type,time,team,date,lat,lon\n"
        "nothing_unusual,2024-05-03T00:45,kfor-7,2024-05-03,43.245,20.635\n"
        "nothing_unusual,2024-05-03T00:50,kfor-7,2024-05-02,43.245,20.635\n",
        encoding="utf-8",
    )
    report = import_observations(db, sheet, theatre=theatre)
    assert [f.patrol_id for f in findings(db)] == [pid]
    (error,) = report.errors
    assert error.startswith("E316") and "2024-05-02" in error


def test_a_call_sign_from_the_track_name(db: Database, tmp_path: Path) -> None:
    """A GPX track's <name> (the call-sign) and a GeoJSON's `name` name the patrol."""
    gpx = tmp_path / "t1.gpx"
    gpx.write_text(
        '<?xml version="1.0"?><gpx version="1.1" creator="t" '
        'xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Sierra-4</name><trkseg>'
        '<trkpt lat="39.84" lon="45.67"><time>2024-03-31T05:00:00Z</time></trkpt>'
        '<trkpt lat="39.86" lon="45.71"><time>2024-03-31T05:30:00Z</time></trkpt>'
        "</trkseg></trk></gpx>",
        encoding="utf-8",
    )
    geo = tmp_path / "t2.geojson"
    geo.write_text(
        '{"type": "Feature", "properties": {"name": "Tango-2", "coordTimes": '
        '["2024-03-31T06:00:00Z", "2024-03-31T06:30:00Z"]}, "geometry": {"type": '
        '"LineString", "coordinates": [[46.34, 39.51], [46.36, 39.47]]}}',
        encoding="utf-8",
    )
    sierra, tango = import_patrols(db, [gpx, geo]).added
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "type,time,patrol,lat,lon\n"
        "nothing_unusual,2024-03-31T09:10,sierra-4,39.85,45.69\n"
        "nothing_unusual,2024-03-31T10:10,Tango-2,39.49,46.35\n",
        encoding="utf-8",
    )
    assert import_observations(db, sheet).ok
    assert [f.patrol_id for f in findings(db)] == [sierra, tango]


def test_cli_observe_by_team_and_date(db_env: str, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["init"]).exit_code == 0
    path = track(
        tmp_path,
        "ijevan.csv",
        "Team Ijevan 1",
        [(40.8756, 45.1492, "2024-03-31T09:00"), (40.92, 45.14, "2024-03-31T09:30")],
    )
    assert runner.invoke(app, ["patrols", "import", str(path)]).exit_code == 0
    args = ["observe", "--type", "nothing_unusual", "--time", "2024-03-31T09:15"]
    found = runner.invoke(app, [*args, "--team", "Team Ijevan 1", "--date", "2024-03-31"])
    assert found.exit_code == 0 and "Recorded" in found.output, found.output
    missing = runner.invoke(app, [*args, "--team", "Team Ijevan 1", "--date", "2024-04-02"])
    assert missing.exit_code == 1 and "E316: observe:" in missing.output
