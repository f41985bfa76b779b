"""GeoPackage and GeoJSON: read back with pyogrio and Shapely, as QGIS would open them."""

from __future__ import annotations

import json
from pathlib import Path

import pyogrio
import pytest
import shapely
from casework_scenario import THEATRE
from exports_support import verified
from pyogrio.raw import read
from shapely.geometry import shape

from watchline.services.exports import ExportFilter, export
from watchline.store import Database

LAYERS = {
    "patrols": "LineString",
    "observations": "Point",
    "case_areas": "MultiPolygon",
    "claim_places": "Point",
}
COUNTS = {"patrols": 3, "observations": 1, "case_areas": 2, "claim_places": 1}


def _attributes(path: Path, layer: str) -> tuple[list[dict], list]:
    meta, _, geometry, columns = read(str(path), layer=layer)
    names = list(meta["fields"])
    rows = [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]
    return rows, [shapely.from_wkb(g) for g in geometry]


def test_gpkg_has_four_layers_in_epsg_4326_with_their_features(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "watchline.gpkg"
    summary = export(verified(db), "gpkg", path, theatre=THEATRE)
    assert summary.counts == COUNTS
    assert {name: kind for name, kind in pyogrio.list_layers(path)} == LAYERS
    for layer, count in COUNTS.items():
        info = pyogrio.read_info(path, layer=layer)
        assert (info["crs"], info["features"], info["driver"]) == ("EPSG:4326", count, "GPKG")
    patrols, tracks = _attributes(path, "patrols")
    assert sorted(p["team"] for p in patrols) == ["team 0", "team 1", "team 2"]
    assert all(t.geom_type == "LineString" and 44.9 < t.centroid.x < 46.1 for t in tracks)
    cases, areas = _attributes(path, "case_areas")
    assert sorted(c["status"] for c in cases) == ["contradicted", "not_covered"]
    assert all(a.is_valid and a.area > 0 for a in areas)
    places, points = _attributes(path, "claim_places")
    assert (places[0]["place"], places[0]["precision"]) == ("Tegh", "village")
    assert (points[0].x, points[0].y) == (45.5, 40.02)
    (finding,), _ = _attributes(path, "observations")
    assert (finding["type"], finding["notes"]) == ("nothing_unusual", "no unusual movement")


def test_gpkg_of_an_empty_selection_keeps_every_layer_and_its_columns(
    sqlite_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "empty.gpkg"
    selection = ExportFilter(start=_day("2030-01-01"))
    summary = export(verified(sqlite_db), "gpkg", path, selection, theatre=THEATRE)
    assert sum(summary.counts.values()) == 0 and "Nothing matched" in summary.summary()
    assert {name for name, _ in pyogrio.list_layers(path)} == set(LAYERS)
    info = pyogrio.read_info(path, layer="case_areas")
    assert info["features"] == 0 and "rationale" in list(info["fields"])


def test_geojson_is_one_feature_collection_with_a_layer_property(
    sqlite_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "watchline.geojson"
    export(verified(sqlite_db), "geojson", path, theatre=THEATRE)
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and "crs" not in collection  # RFC 7946
    counts: dict[str, int] = {}
    for feature in collection["features"]:
        layer = feature["properties"]["layer"]
        counts[layer] = counts.get(layer, 0) + 1
        geometry = shape(feature["geometry"])
        assert geometry.is_valid and geometry.geom_type == LAYERS[layer]
        lon, lat = geometry.representative_point().coords[0]
        assert 44.9 < lon < 46.1 and 39.9 < lat < 40.5  # lon, lat order
    assert counts == COUNTS
    assert pyogrio.read_info(path)["features"] == sum(COUNTS.values())  # GDAL reads it too


@pytest.mark.parametrize("fmt", ["geojson", "gpkg"])
def test_gis_exports_keep_only_the_period_s_patrols(
    sqlite_db: Database, tmp_path: Path, fmt: str
) -> None:
    selection = ExportFilter(start=_day("2024-04-01"), end=_day("2024-04-01"))
    summary = export(verified(sqlite_db), fmt, tmp_path / f"x.{fmt}", selection, theatre=THEATRE)
    assert summary.counts == {"patrols": 0, "observations": 0, "case_areas": 1, "claim_places": 1}


def _day(text: str):
    from datetime import date

    return date.fromisoformat(text)
