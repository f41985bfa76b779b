"""Map geometries remembered by their own text: the same GeoJSON as computing it, a
changed area never answered from the old one, and a bounded size."""

from __future__ import annotations

import json

import shapely

from watchline.web.geo import tolerance
from watchline.web.geometry_cache import GeometryCache

SQUARE = "POLYGON ((44.9 39.1, 45.0 39.1, 45.0 39.2, 44.9 39.2, 44.9 39.1))"
MOVED = "POLYGON ((45.9 40.1, 46.0 40.1, 46.0 40.2, 45.9 40.2, 45.9 40.1))"
TRACK = (
    "LINESTRING (" + ", ".join(f"{44.8 + i / 1e4} {39.0 + (i % 3) / 1e3}" for i in range(500)) + ")"
)


def _direct(wkt: str, zoom: int) -> str | None:
    shape = shapely.from_wkt(wkt, on_invalid="ignore")
    return shapely.to_geojson(shapely.simplify(shape, tolerance(zoom), preserve_topology=True))


def test_geometry_cache_gives_what_computing_gives() -> None:
    cache = GeometryCache()
    wkts = [SQUARE, TRACK, "POLYGON ((not a polygon", SQUARE]
    for zoom in (6, 10, 16):
        first = cache.geojson(wkts, tolerance(zoom))
        again = cache.geojson(wkts, tolerance(zoom))
        assert first == again == [_direct(w, zoom) for w in wkts]
        assert first[2] is None  # a damaged WKT: a null geometry, as before
    coarse, fine = cache.geojson([TRACK], tolerance(6))[0], cache.geojson([TRACK], tolerance(16))[0]
    assert coarse and fine
    assert len(json.loads(coarse)["coordinates"]) < len(json.loads(fine)["coordinates"])


def test_geometry_cache_a_changed_area_is_never_the_old_one() -> None:
    cache = GeometryCache()
    before = json.loads(cache.geojson([SQUARE], 0.001)[0] or "null")
    after = json.loads(cache.geojson([MOVED], 0.001)[0] or "null")
    assert before != after and after["coordinates"][0][0] == [45.9, 40.1]


def test_geometry_cache_keeps_at_most_its_size() -> None:
    cache = GeometryCache(size=3)
    points = [f"POINT ({n} {n})" for n in range(10)]
    assert cache.geojson(points, 0.001) == [
        json.dumps({"type": "Point", "coordinates": [float(n), float(n)]}).replace(" ", "")
        for n in range(10)
    ]
    assert len(cache._kept) == 3
