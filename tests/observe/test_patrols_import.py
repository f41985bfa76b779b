"""Patrol import: each format, its metadata, bad input per file, no duplicates."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from watchline.geo.theatre import load_theatre
from watchline.services.patrols import import_patrols
from watchline.store import Database
from watchline.store.patrols import PatrolRepository

FIXTURES = Path(__file__).parents[1] / "fixtures" / "observe" / "patrols"


def patrols(db: Database):
    with db.transaction() as session:
        return {p.source_file: p for p in PatrolRepository(session).list()}


def test_patrols_import_gpx_with_segments_and_metadata(db: Database) -> None:
    report = import_patrols(db, [FIXTURES / "jermuk.gpx"], base="jermuk")
    assert report.ok and len(report.added) == 1 and report.points == 6
    patrol = patrols(db)["jermuk.gpx"]
    assert patrol.team == "Team Jermuk 2"
    assert patrol.vehicle == "armoured SUV"
    assert patrol.base == "jermuk"
    assert patrol.start == datetime(2024, 3, 31, 5, 0, tzinfo=UTC)
    assert patrol.end == datetime(2024, 3, 31, 6, 0, tzinfo=UTC)
    assert len(patrol.track) == 6 and patrol.track[3].lon == pytest.approx(45.79)
    assert len(patrol.raw_sha256) == 64


def test_patrols_import_geojson_line_with_coord_times(db: Database) -> None:
    report = import_patrols(db, [FIXTURES / "goris.geojson"])
    assert report.ok, report.errors
    patrol = patrols(db)["goris.geojson"]
    assert (patrol.team, patrol.base, patrol.vehicle) == ("Team Goris 1", "goris", "SUV")
    assert patrol.start == datetime(2024, 3, 31, 6, 0, tzinfo=UTC)  # +04:00 to UTC
    assert len(patrol.track) == 4


def test_patrols_import_geojson_points(db: Database) -> None:
    report = import_patrols(db, [FIXTURES / "kapan_points.geojson"], visibility_m=3000)
    assert report.ok, report.errors
    patrol = patrols(db)["kapan_points.geojson"]
    assert patrol.team == "Team Kapan 3" and patrol.visibility_m == 3000
    assert [p.lon for p in patrol.track] == [46.4058, 46.45, 46.5]


def test_patrols_import_csv_naive_times_use_theatre_zone(db: Database) -> None:
    report = import_patrols(db, [FIXTURES / "ijevan.csv"], team="Team Ijevan 1")
    assert report.ok, report.errors
    assert any(w.startswith("W301") and "Asia/Yerevan" in w for w in report.warnings)
    patrol = patrols(db)["ijevan.csv"]
    assert patrol.team == "Team Ijevan 1" and patrol.vehicle == "Land Cruiser"
    assert patrol.start == datetime(2024, 3, 31, 5, 0, tzinfo=UTC)  # 09:00 Yerevan


def test_patrols_import_folder_and_repeat_adds_nothing(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "log"
    shutil.copytree(FIXTURES, folder)
    first = import_patrols(db, [folder])
    assert first.ok and len(first.added) == 4
    second = import_patrols(db, [folder])
    assert second.added == [] and len(second.duplicates) == 4
    assert all(d.startswith("W300") for d in second.duplicates)
    assert len(patrols(db)) == 4


GPX_HEAD = (
    '<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">'
)


def gpx(points: str) -> str:
    return f"{GPX_HEAD}<trk><trkseg>{points}</trkseg></trk></gpx>"


def pt(lat: float, lon: float, time: str | None) -> str:
    t = f"<time>{time}</time>" if time else ""
    return f'<trkpt lat="{lat}" lon="{lon}">{t}</trkpt>'


BAD = {
    "empty.gpx": (gpx(""), "E302"),
    "zero.gpx": ("", "E002"),
    "broken.gpx": (GPX_HEAD + "<trk><trkseg><trkpt lat=", "E301"),
    "no_time.gpx": (
        gpx(pt(39.84, 45.67, "2024-03-31T05:00:00Z") + pt(39.85, 45.68, None)),
        "E303: {path}: point 2",
    ),
    "unordered.gpx": (
        gpx(pt(39.84, 45.67, "2024-03-31T05:10:00Z") + pt(39.85, 45.68, "2024-03-31T05:00:00Z")),
        "E304: {path}: point 2",
    ),
    "range.csv": ("lat,lon,time\n139.8,45.6,2024-03-31T05:00:00Z\n", "E305: {path}: point 1"),
    "swapped.csv": (
        "lat,lon,time\n45.67,39.84,2024-03-31T05:00:00Z\n45.68,39.85,2024-03-31T05:05:00Z\n",
        "E306",
    ),
    "faraway.csv": (
        "lat,lon,time\n48.85,2.35,2024-03-31T05:00:00Z\n48.86,2.36,2024-03-31T05:05:00Z\n",
        "E307",
    ),
    "columns.csv": ("north,east,when\n39.8,45.6,2024-03-31\n", "E308: {path}: no lat column"),
    "badtime.csv": ("lat,lon,time\n39.84,45.67,yesterday-ish\n", "E303: {path}: point 1"),
    "notes.txt.doc": ("hello", "E309"),
    "findings.csv": (
        "type,modality,time,lat,lon\nnothing_unusual,seen,2024-03-31T05:00Z,39.84,45.67\n",
        "E301",
    ),
    "findings.geojson": (
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
        '{"type": "exercise", "modality": "seen", "time": "2024-03-31T05:00:00Z"}, '
        '"geometry": {"type": "Point", "coordinates": [45.67, 39.84]}}]}',
        "E301",
    ),
    "bad.geojson": ('{"type": "FeatureCollection", "features": [', "E301"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_patrols_import_bad_file_is_reported_rest_imported(
    db: Database, tmp_path: Path, name: str
) -> None:
    content, expected = BAD[name]
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    report = import_patrols(db, [bad, FIXTURES / "jermuk.gpx"])
    assert len(report.errors) == 1, report.errors
    assert report.errors[0].startswith(expected.format(path=bad)), report.errors[0]
    assert len(report.added) == 1
    assert list(patrols(db)) == ["jermuk.gpx"]


def test_patrols_import_refuses_non_positive_visibility(db: Database) -> None:
    report = import_patrols(db, [FIXTURES / "jermuk.gpx"], visibility_m=0)
    assert report.errors[0].startswith("E312") and report.added == []


def test_patrols_import_missing_file(db: Database, tmp_path: Path) -> None:
    report = import_patrols(db, [tmp_path / "nowhere.gpx"])
    assert report.errors[0].startswith("E001")


def test_patrols_import_in_another_theatre(db: Database, tmp_path: Path) -> None:
    theatre = load_theatre(
        Path(__file__).parents[1] / "fixtures" / "observe" / "theatres" / "kos-srb.yaml"
    )
    track = tmp_path / "jarinje.csv"
    track.write_text(
        "lat,lon,time\n43.2497,20.6210,2024-05-02 10:00\n43.2400,20.6500,2024-05-02 10:20\n",
        encoding="utf-8",
    )
    report = import_patrols(db, [track], theatre=theatre)
    assert report.ok, report.errors
    assert "Europe/Belgrade" in report.warnings[0]
    assert patrols(db)["jarinje.csv"].start == datetime(2024, 5, 2, 8, 0, tzinfo=UTC)
    refused = import_patrols(db, [FIXTURES / "jermuk.gpx"], theatre=theatre)
    assert refused.errors[0].startswith("E307")
