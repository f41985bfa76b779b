"""Hostile patrol and findings files: every bad file or row is one coded line, the rest
of the batch goes in, nothing is half-written, and no message quotes megabytes.

The fixed corpus names the mutations that crashed the importers once (NaN/Infinity,
time_t overflow, deep nesting, wrong JSON types, CR-only newlines, oversized CSV fields,
NUL bytes, bad time-zone offsets); test_import_fuzz.py adds generated ones.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from watchline.services.findings import import_observations
from watchline.services.patrols import import_patrols
from watchline.store import Database
from watchline.store.observations import ObservationRepository
from watchline.store.patrols import PatrolRepository

FIXTURES = Path(__file__).parents[1] / "fixtures" / "observe" / "patrols"
CODED = re.compile(r"^[EW]3\d\d: ")
MAX_LINE = 600

GPX = (FIXTURES / "jermuk.gpx").read_text(encoding="utf-8")
GEOJSON = (FIXTURES / "goris.geojson").read_text(encoding="utf-8")
CSV = "lat,lon,time\n39.84,45.67,2024-03-31T05:00:00Z\n39.85,45.68,2024-03-31T05:05:00Z\n"
HUGE = "x" * 2_000_000
DEEP = "[" * 100_000 + "]" * 100_000

PATROL_MUTATIONS: dict[str, str] = {
    "nul-namespace.gpx": GPX.replace("topografix.com", "topo\x00grafix.com"),
    "deep.gpx": GPX.replace("<trk>", "<trk>" + "<x>" * 5000 + "</x>" * 5000),
    "tz-25h.gpx": GPX.replace("2024-03-31T05:10:00Z", "2024-03-31T05:10:00+25:00"),
    "month-13.gpx": GPX.replace("2024-03-31T05:10:00Z", "2024-13-31T05:10:00Z"),
    "nan-lat.gpx": GPX.replace('lat="39.8600"', 'lat="nan"'),
    "year-1.gpx": GPX.replace("2024-03-31T05:00:00Z", "0001-01-01T00:00:00+05:00"),
    "truncated.gpx": GPX[: len(GPX) // 2],
    "cr-only.gpx": GPX.replace("\n", "\r"),
    "huge-name.gpx": GPX.replace("Team Jermuk 2", HUGE),
    "huge-time.gpx": GPX.replace("2024-03-31T05:10:00Z", "2024-03-31T05:10:00Z" + HUGE),
    "nan.geojson": GEOJSON.replace("46.3600", "NaN"),
    "infinity.geojson": GEOJSON.replace("39.4700", "Infinity"),
    "minus-infinity.geojson": GEOJSON.replace("46.3900", "-Infinity"),
    "deep.geojson": DEEP,
    "deep-object.geojson": '{"type": "Feature", "geometry": '
    + '{"a": ' * 50_000
    + "1"
    + "}" * 50_001,
    "features-string.geojson": '{"type": "FeatureCollection", "features": "lots"}',
    "type-number.geojson": '{"type": 7, "features": []}',
    "geometry-list.geojson": '{"type": "Feature", "geometry": [1, 2], "properties": {}}',
    "coordinates-number.geojson": GEOJSON.replace('"coordinates": [', '"coordinates": 5, "x": ['),
    "coordinate-strings.geojson": GEOJSON.replace("[46.3383, 39.5111]", '["46.3", "39.5"]'),
    "coordinate-bool.geojson": GEOJSON.replace("[46.3383, 39.5111]", "[true, false]"),
    "times-dict.geojson": GEOJSON.replace('"coordTimes": [', '"coordTimes": [{"a": 1}, '),
    "epoch-overflow.geojson": (
        '{"type": "Feature", "properties": {"time": 1e300}, '
        '"geometry": {"type": "Point", "coordinates": [46.34, 39.51]}}'
    ),
    "huge-time.geojson": (
        '{"type": "Feature", "properties": {"time": "' + HUGE + '"}, '
        '"geometry": {"type": "Point", "coordinates": [46.34, 39.51]}}'
    ),
    "top-list.geojson": "[1, 2, 3]",
    "nan.csv": CSV.replace("39.85,", "nan,"),
    "inf.csv": CSV.replace("45.68", "inf"),
    "epoch-overflow.csv": CSV.replace("2024-03-31T05:05:00Z", "1e30"),
    "epoch-minus.csv": CSV.replace("2024-03-31T05:05:00Z", "-99999999999999999"),
    "tz-offset.csv": CSV.replace("2024-03-31T05:05:00Z", "2024-03-31T05:05:00+24:30"),
    "year-9999.csv": CSV.replace("2024-03-31T05:05:00Z", "9999-12-31T23:59:59-12:00"),
    "oversized-field.csv": CSV + "39.86,45.69," + "9" * 200_000 + "\n",
    "nul.csv": CSV.replace("45.68", "45.\x0068"),
    "quote-newline.csv": 'lat,lon,time\n"39.84\r,45.67,2024-03-31T05:00:00Z\n',
    "huge-lat.csv": "lat,lon,time\n" + HUGE + ",45.67,2024-03-31T05:00:00Z\n",
}


def _patrols(db: Database) -> list[str]:
    with db.transaction() as session:
        return [p.source_file or "" for p in PatrolRepository(session).list()]


def _one_line_each(lines: list[str]) -> None:
    for line in lines:
        assert CODED.match(line), line[:200]
        assert "\n" not in line and "Traceback" not in line, line[:200]
        assert len(line) < MAX_LINE, line[:200]


def test_hostile_patrol_corpus_one_line_each_rest_imported(db: Database, tmp_path: Path) -> None:
    paths = []
    for name, content in sorted(PATROL_MUTATIONS.items()):
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8"))
        paths.append(path)
    good = tmp_path / "ijevan-good.csv"
    good.write_text(CSV.replace("39.84", "39.83"), encoding="utf-8")
    report = import_patrols(db, [*paths, FIXTURES / "jermuk.gpx", good])
    _one_line_each(report.errors + report.warnings)
    refused = {line.split(": ")[1] for line in report.errors}
    stored = set(_patrols(db))
    assert {"jermuk.gpx", "ijevan-good.csv"} <= stored
    for path in paths:  # each file is refused with its name, or imported whole
        assert (str(path) in refused) != (path.name in stored), path.name
    assert len(stored) + len(report.errors) == len(paths) + 2
    # CR-only line ends are line ends: that file is read, not refused
    assert "cr-only.gpx" in stored


def test_hostile_rerun_adds_nothing(db: Database, tmp_path: Path) -> None:
    bad = tmp_path / "deep.geojson"
    bad.write_text(DEEP, encoding="utf-8")
    first = import_patrols(db, [bad, FIXTURES / "goris.geojson"])
    second = import_patrols(db, [bad, FIXTURES / "goris.geojson"])
    assert len(first.added) == 1 and second.added == [] and len(second.duplicates) == 1
    assert [e[:4] for e in first.errors] == ["E301"] == [e[:4] for e in second.errors]
    assert _patrols(db) == ["goris.geojson"]


FINDINGS_HEAD = "type,time,patrol,lat,lon,count,notes\n"
GOOD_ROW = "nothing_unusual,2024-03-31T09:10,jermuk.gpx,39.88,45.80,,all quiet at the post\n"
FINDING_ROWS = {
    "nan-lat": "exercise,2024-03-31T09:12,jermuk.gpx,nan,45.80,,\n",
    "inf-count": "exercise,2024-03-31T09:13,jermuk.gpx,39.88,45.80,inf,\n",
    "fraction-count": "exercise,2024-03-31T09:14,jermuk.gpx,39.88,45.80,2.5,\n",
    "epoch-overflow": "exercise,1e40,jermuk.gpx,39.88,45.80,,\n",
    "tz-offset": "exercise,2024-03-31T09:15+31:00,jermuk.gpx,39.88,45.80,,\n",
    "huge-type": HUGE[:100_000] + ",2024-03-31T09:16,jermuk.gpx,39.88,45.80,,\n",
    "year-1": "exercise,0001-01-01T00:00,jermuk.gpx,39.88,45.80,,\n",
}


@pytest.fixture
def with_patrol(db: Database) -> Database:
    assert import_patrols(db, [FIXTURES / "jermuk.gpx"]).ok
    return db


def _findings(db: Database) -> int:
    with db.transaction() as session:
        return len(ObservationRepository(session).list())


def test_hostile_findings_rows_each_skipped_rest_imported(
    with_patrol: Database, tmp_path: Path
) -> None:
    path = tmp_path / "findings.csv"
    rows = list(FINDING_ROWS.values())
    path.write_text(FINDINGS_HEAD + "".join(rows) + GOOD_ROW, encoding="utf-8")
    report = import_observations(with_patrol, path)
    _one_line_each(report.errors)
    assert len(report.added) == 1 and len(report.errors) == len(rows)
    items = [int(re.search(r"item (\d+)", e).group(1)) for e in report.errors]
    assert items == list(range(1, len(rows) + 1))
    assert _findings(with_patrol) == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cr-only.csv", (FINDINGS_HEAD + GOOD_ROW).replace("\n", "\r")),
        ("crlf.csv", (FINDINGS_HEAD + GOOD_ROW).replace("\n", "\r\n")),
    ],
)
def test_hostile_findings_old_line_ends_are_read(
    with_patrol: Database, tmp_path: Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    report = import_observations(with_patrol, path)
    assert report.ok and len(report.added) == 1, report.errors


FINDINGS_FILES = {
    "oversized.csv": FINDINGS_HEAD + "exercise,2024-03-31T09:10,jermuk.gpx,1,2,," + HUGE + "\n",
    "nul.csv": FINDINGS_HEAD + GOOD_ROW.replace("quiet", "qu\x00iet"),
    "nan.geojson": '{"type": "FeatureCollection", "features": [{"properties": {"count": NaN}}]}',
    "deep.geojson": DEEP,
    "features-dict.geojson": '{"type": "FeatureCollection", "features": {"a": 1}}',
    "top-string.geojson": '"findings"',
}


@pytest.mark.parametrize("name", sorted(FINDINGS_FILES))
def test_hostile_findings_file_refused_in_one_line(
    with_patrol: Database, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(FINDINGS_FILES[name].encode("utf-8"))
    report = import_observations(with_patrol, path)
    assert len(report.errors) == 1 and report.added == []
    _one_line_each(report.errors)
    assert str(path) in report.errors[0]
    assert _findings(with_patrol) == 0


def test_hostile_findings_geojson_bad_features_skipped(
    with_patrol: Database, tmp_path: Path
) -> None:
    good = (
        '{"type": "Feature", "properties": {"type": "nothing_unusual", '
        '"time": "2024-03-31T05:30:00Z", "patrol": "jermuk.gpx"}, '
        '"geometry": {"type": "Point", "coordinates": [45.80, 39.88]}}'
    )
    bad = [
        '"a feature"',
        '{"geometry": [1, 2]}',
        '{"geometry": {"type": "Point", "coordinates": 7}}',
        '{"geometry": {"type": "Polygon", "coordinates": [[1, 2]]}}',
        '{"properties": {"type": ["exercise"], "time": "2024-03-31T05:30:00Z"}}',
        '{"properties": {"type": "exercise", "time": {"at": 5}}}',
        '{"properties": {"type": "exercise", "time": "2024-03-31T05:30Z", "count": true}}',
    ]
    path = tmp_path / "findings.geojson"
    features = ", ".join([*bad, good])
    path.write_text(f'{{"type": "FeatureCollection", "features": [{features}]}}', "utf-8")
    report = import_observations(with_patrol, path)
    _one_line_each(report.errors)
    assert len(report.errors) == len(bad) and len(report.added) == 1


def test_a_pipe_among_patrol_files_is_refused_unopened(db: Database, tmp_path: Path) -> None:
    """A FIFO would block the import forever: it is judged by stat and never opened."""
    pipe = tmp_path / "live.gpx"
    os.mkfifo(pipe)
    report = import_patrols(db, [pipe, FIXTURES / "jermuk.gpx", tmp_path / "gone.csv"])
    assert [e[:5] for e in report.errors] == ["E219:", "E001:"]
    assert "named pipe" in report.errors[0] and str(pipe) in report.errors[0]
    assert "does not exist" in report.errors[1] and "http" not in report.errors[1]
    assert _patrols(db) == ["jermuk.gpx"] and pipe.is_fifo()


def test_a_pipe_as_findings_file_is_refused_unopened(with_patrol: Database, tmp_path: Path) -> None:
    pipe = tmp_path / "findings.csv"
    os.mkfifo(pipe)
    report = import_observations(with_patrol, pipe)
    assert len(report.errors) == 1 and report.errors[0].startswith("E219: ")
    assert _findings(with_patrol) == 0
