"""Theatre profiles load from YAML, with clear errors for unknown names and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely
import shapely.wkt
import yaml
from shapely.geometry import Point

from watchline.errors import WatchlineError
from watchline.geo.geometry import projection_for
from watchline.geo.theatre import (
    base_by_name,
    list_theatres,
    load_theatre,
    sector_by_name,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "observe" / "theatres"


def test_theatre_lists_packaged_profiles() -> None:
    names = list_theatres()
    assert "arm-aze" in names
    assert not any(n.endswith(".places") for n in names)


def test_theatre_arm_aze_has_mission_bases_and_border() -> None:
    theatre = load_theatre("arm-aze")
    assert theatre.mission_actor == "eu.euma"
    assert theatre.countries == ("ARM", "AZE")
    assert theatre.timezone == "Asia/Yerevan"
    assert theatre.visibility_m == 2000
    assert {b.name for b in theatre.bases} == {
        "Yeghegnadzor", "Ijevan", "Martuni", "Jermuk", "Goris", "Kapan"
    }  # fmt: skip
    assert base_by_name(theatre, "yeghegnadzor").kind == "hq"
    assert "conditional border" in theatre.border_names


def test_theatre_arm_aze_geometry_is_consistent() -> None:
    theatre = load_theatre("arm-aze")
    aor = shapely.wkt.loads(theatre.area_of_responsibility)
    border = shapely.wkt.loads(theatre.border)
    assert aor.is_valid and border.geom_type == "MultiLineString"
    assert aor.covers(border)
    for base in theatre.bases:
        assert aor.contains(Point(base.lon, base.lat)), base.name
    km = projection_for(border).forward(border).length / 1000
    assert 450 < km < 1200
    for sector in theatre.sectors:
        polygon = shapely.wkt.loads(sector.geometry)
        assert polygon.geom_type == "Polygon" and polygon.intersects(border), sector.name


@pytest.mark.parametrize(
    ("name", "sector_id"),
    [("Sotk", "gegharkunik"), ("tavush", "tavush"), ("Kapan sector", "syunik-south")],
)
def test_theatre_sector_by_name_uses_aliases(name: str, sector_id: str) -> None:
    assert sector_by_name(load_theatre("arm-aze"), name).id == sector_id


def test_theatre_second_profile_from_a_path() -> None:
    theatre = load_theatre(FIXTURES / "kos-srb.yaml")
    assert theatre.id == "kos-srb"
    assert theatre.visibility_m == 1500
    assert theatre.bases[0].id == "mitrovica"
    merdare = sector_by_name(theatre, "Merdare")
    assert shapely.wkt.loads(merdare.geometry).geom_type == "Polygon"
    ids = [p.id for p in theatre.places]
    assert ids == ["theatre:kos-srb:jarinje-crossing", "theatre:kos-srb:merdare"]
    assert theatre.places[1].alt_names == ("Merdarë",)
    assert theatre.places[1].feature_kind == "checkpoint"


def test_theatre_unknown_name_lists_options() -> None:
    with pytest.raises(WatchlineError) as err:
        load_theatre("atlantis")
    assert err.value.code == "E008"
    assert "arm-aze" in err.value.message


def _broken(tmp_path: Path, change: dict) -> Path:
    data = yaml.safe_load((FIXTURES / "kos-srb.yaml").read_text(encoding="utf-8"))
    data.pop("places_files")
    for key, value in change.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"timezone": None}, "missing required key 'timezone'"),
        ({"timezone": "Mars/Olympus"}, "unknown time zone"),
        ({"visibility_m": -5}, "visibility_m must be a positive number"),
        ({"border": "LINESTRING (20 43"}, "border is not valid WKT"),
        ({"border": "POINT (20 43)"}, "border must be a LineString"),
        ({"area_of_responsibility": "POLYGON ((200 20, 200 21, 201 21, 200 20))"}, "out of range"),
        ({"bases": [{"name": "X", "lat": 95, "lon": 20}]}, "lat of bases item 1"),
        ({"sectors": [{"name": "Nowhere"}]}, "needs a 'geometry' polygon or a 'line'"),
        ({"colour": "blue"}, "unknown key(s) colour"),
        ({"places": [{"name": "P", "lat": 43, "lon": 21, "precision": "exact"}]}, "precision"),
    ],
)
def test_theatre_invalid_file_names_reason(tmp_path: Path, change: dict, reason: str) -> None:
    path = _broken(tmp_path, change)
    with pytest.raises(WatchlineError) as err:
        load_theatre(path)
    assert err.value.code == "E009"
    assert str(path) in err.value.message
    assert reason in err.value.message


@pytest.mark.parametrize("content", ["", "- just\n- a list\n", "key: [unclosed\n"])
def test_theatre_unusable_yaml_is_e009(tmp_path: Path, content: str) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(WatchlineError) as err:
        load_theatre(path)
    assert err.value.code == "E009"


def test_theatre_missing_file_is_e009(tmp_path: Path) -> None:
    with pytest.raises(WatchlineError) as err:
        load_theatre(tmp_path / "none.yaml")
    assert err.value.code == "E009"
