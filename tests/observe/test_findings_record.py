"""Findings: entered by hand, imported from files, with photos and bearings."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from PIL.TiffImagePlugin import IFDRational

from watchline.errors import WatchlineError
from watchline.geo.geometry import distance_m
from watchline.observe.findings import ObservationEntry
from watchline.observe.photos import read_photo
from watchline.services.findings import import_observations, record_observation
from watchline.services.patrols import import_patrols
from watchline.store import Database
from watchline.store.observations import ObservationRepository

FIXTURES = Path(__file__).parents[1] / "fixtures" / "observe" / "patrols"


def jpeg(path: Path, taken: str | None, lat: tuple | None, lon: tuple | None) -> Path:
    """A tiny JPEG with EXIF time and GPS, written here with Pillow."""
    exif = Image.Exif()
    if taken:
        exif[0x8769] = {0x9003: taken}
    if lat and lon:
        exif[0x8825] = {
            1: "N",
            2: tuple(IFDRational(v) for v in lat),
            3: "E",
            4: tuple(IFDRational(v) for v in lon),
        }
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "olive").save(buffer, "JPEG", exif=exif)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def with_patrol(db: Database) -> Database:
    assert import_patrols(db, [FIXTURES / "jermuk.gpx"]).ok
    return db


def observations(db: Database):
    with db.transaction() as session:
        return ObservationRepository(session).list()


def test_findings_photo_exif_time_and_gps(tmp_path: Path) -> None:
    path = jpeg(tmp_path / "p.jpg", "2024:03:31 09:20:00", (39, 52, 30), (45, 45, 0))
    photo = read_photo(path, "Asia/Yerevan")
    assert photo.taken_at == datetime(2024, 3, 31, 5, 20, tzinfo=UTC)
    assert photo.lat == pytest.approx(39.875) and photo.lon == pytest.approx(45.75)
    assert len(photo.sha256) == 64


def test_findings_photo_gives_time_and_place(with_patrol: Database, tmp_path: Path) -> None:
    path = jpeg(tmp_path / "p.jpg", "2024:03:31 09:20:00", (39, 52, 30), (45, 45, 0))
    entry = ObservationEntry(type="exercise", patrol="jermuk.gpx", photos=[path], count=3)
    oid, created = record_observation(with_patrol, entry)
    assert created
    (obs,) = observations(with_patrol)
    assert obs.id == oid and obs.lat == pytest.approx(39.875)
    assert obs.observed_at == datetime(2024, 3, 31, 5, 20, tzinfo=UTC)
    assert len(obs.media) == 1 and obs.count == 3
    assert record_observation(with_patrol, entry) == (oid, False)


def test_findings_bearing_and_distance_from_patrol(with_patrol: Database) -> None:
    # At 05:20 UTC the Jermuk patrol is at (45.75, 39.88); 2 km due north of it.
    entry = ObservationEntry(
        type="mobilize",
        time="2024-03-31T05:20:00Z",
        patrol="jermuk.gpx",
        bearing_deg=0,
        distance_m=2000,
        count=12,
        equipment="trucks",
        notes="moving east",
    )
    record_observation(with_patrol, entry)
    (obs,) = observations(with_patrol)
    assert distance_m(45.75, 39.88, obs.lon, obs.lat) == pytest.approx(2000, rel=0.01)
    assert obs.lat > 39.88 and obs.equipment == "trucks"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (ObservationEntry(type="party", time="2024-03-31T05:00Z"), "unknown type 'party'"),
        (ObservationEntry(type="other", time="2024-03-31T05:00Z", modality="smelt"), "modality"),
        (ObservationEntry(type="other"), "no time given"),
        (ObservationEntry(type="other", time="2024-03-31T05:00Z", lat=39.0), "both lat and lon"),
        (ObservationEntry(type="other", time="2024-03-31T05:00Z", lat=99, lon=45), "out of range"),
        (ObservationEntry(type="other", time="2024-03-31T05:00Z", patrol="nope"), "E316"),
        (
            ObservationEntry(type="other", time="2024-03-31T05:00Z", bearing_deg=10),
            "bearing and distance",
        ),
        (
            ObservationEntry(
                type="other",
                time="2024-03-31T15:00Z",
                patrol="jermuk.gpx",
                bearing_deg=10,
                distance_m=100,
            ),
            "outside patrol",
        ),
        (ObservationEntry(type="other", time="2024-03-31T05:00Z", area_wkt="POLYGON ((1"), "WKT"),
        (ObservationEntry(type="other", time="2024-03-31T05:00Z"), "needs a place"),
        (ObservationEntry(type="other", time="2024-03-31T05:00Z", lat=45.7, lon=39.8), "swapped"),
        (
            ObservationEntry(type="other", time="2024-03-31T05:00Z", lat=48.85, lon=2.35),
            "km outside",
        ),
    ],
)
def test_findings_bad_entry_is_refused(with_patrol: Database, entry, message: str) -> None:
    with pytest.raises(WatchlineError) as err:
        record_observation(with_patrol, entry)
    assert message in err.value.message
    assert observations(with_patrol) == []


def test_findings_import_csv_reports_bad_rows(with_patrol: Database, tmp_path: Path) -> None:
    jpeg(tmp_path / "convoy.jpg", "2024:03:31 09:40:00", None, None)
    path = tmp_path / "findings.csv"
    path.write_text(
        "type,time,patrol,lat,lon,count,notes,photo\n"
        "nothing_unusual,2024-03-31T09:10,jermuk.gpx,,,,no unusual movement observed,\n"
        "exercise,2024-03-31T09:40,jermuk.gpx,39.88,45.80,4,convoy drill,convoy.jpg\n"
        "nothing_unusual,2024-03-31T09:50,jermuk.gpx,39.88,45.80,lots,,\n"
        "fortify,,jermuk.gpx,39.88,45.80,,,\n",
        encoding="utf-8",
    )
    report = import_observations(with_patrol, path)
    assert len(report.added) == 2
    assert [e.split(":")[0] for e in report.errors] == ["E310", "E310"]
    assert "item 3" in report.errors[0] and "count 'lots'" in report.errors[0]
    assert "item 4" in report.errors[1] and "no time" in report.errors[1]
    again = import_observations(with_patrol, path)
    assert again.added == [] and again.duplicates == 2
    found = observations(with_patrol)
    assert found[0].observed_at == datetime(2024, 3, 31, 5, 10, tzinfo=UTC)
    assert found[0].lat is None and found[1].media


def test_findings_import_geojson_area(with_patrol: Database, tmp_path: Path) -> None:
    path = tmp_path / "findings.geojson"
    path.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
        '{"type": "nothing_unusual", "time": "2024-03-31T05:30:00Z", "patrol": "jermuk.gpx"}, '
        '"geometry": {"type": "Polygon", "coordinates": [[[45.7, 39.85], [45.8, 39.85], '
        "[45.8, 39.9], [45.7, 39.9], [45.7, 39.85]]]}}]}",
        encoding="utf-8",
    )
    report = import_observations(with_patrol, path)
    assert report.ok, report.errors
    (obs,) = observations(with_patrol)
    assert obs.area.startswith("POLYGON") and obs.lat is None
