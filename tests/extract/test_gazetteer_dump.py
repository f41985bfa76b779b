"""Reading GeoNames dump files: good lines become places, bad lines are reported."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from watchline.domain import Precision
from watchline.errors import InputError
from watchline.geo.gazetteer.dump import read_dump
from watchline.geo.gazetteer.lookup import Gazetteer

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "gazetteer" / "AM-sample.txt"


def test_gazetteer_dump_reads_places_and_reports_bad_lines() -> None:
    report = read_dump(SAMPLE)
    assert [p.name for p in report.places] == [
        "Kirants", "Berkaber", "Tigranashen", "Tavush Province",
        "Hakari Bridge Checkpoint", "Ishkhanasar",
    ]  # fmt: skip
    assert report.lines == 9
    assert [e.split(": ")[2] for e in report.errors] == ["line 4", "line 7", "line 8"]
    assert all(e.startswith("E121") for e in report.errors)
    first = report.places[0]
    assert (first.id, first.country, first.precision) == (
        "geonames:99900001", "ARM", Precision.VILLAGE,
    )  # fmt: skip
    assert "Киранц" in first.alt_names
    kinds = {p.name: p.precision for p in report.places}
    assert kinds["Tavush Province"] is Precision.REGION
    assert kinds["Hakari Bridge Checkpoint"] is Precision.POINT


def test_gazetteer_dump_reads_zip(tmp_path: Path) -> None:
    archive = tmp_path / "AM.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("readme.txt", "GeoNames readme")
        zipped.write(SAMPLE, "AM.txt")
    assert len(read_dump(archive).places) == 6


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", "E002"), (b"\xff\xfe\x00bad", "E003")],
)
def test_gazetteer_dump_rejects_unreadable_files(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "XX.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_dump(path)
    assert info.value.code == code and str(path) in info.value.message


def test_gazetteer_dump_rejects_zip_without_dump(tmp_path: Path) -> None:
    archive = tmp_path / "empty.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("readme.txt", "nothing here")
    with pytest.raises(InputError) as info:
        read_dump(archive)
    assert info.value.code == "E122"


def test_gazetteer_load_with_dump_finds_its_places() -> None:
    gazetteer = Gazetteer.load(dump=SAMPLE)
    mention = gazetteer.find("Shelling was reported near Berkaber on Sunday.")[0]
    assert (mention.place_id, mention.name) == ("geonames:99900002", "Berkaber")
