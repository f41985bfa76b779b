"""Every packaged theatre is usable, consistent, and found for the places it holds.

One database may hold claims from several theatres; `theatres_containing` decides where a
place belongs. These tests check the packaged geometry against itself (the line inside
the area, places on the side their country holds, no two areas overlapping) and against
points known to lie in each theatre, and that a point far from all of them gets none.
"""

from __future__ import annotations

import itertools
from zoneinfo import ZoneInfo

import pytest
import shapely
import shapely.wkt
from shapely.geometry import Point

from watchline.domain import Place, Theatre
from watchline.geo.geometry import projection_for
from watchline.geo.theatre import (
    DEFAULT_REACH_M,
    distance_to_area_m,
    list_theatres,
    load_all_theatres,
    load_theatre,
    theatres_containing,
)

NEW_THEATRES = ["ind-pak", "geo-abl", "kos-srb", "cyp", "isr-syr"]


def test_packaged_theatres_include_at_least_five_more() -> None:
    names = list_theatres()
    assert set(NEW_THEATRES) | {"arm-aze"} <= set(names)
    assert [t.id for t in load_all_theatres()] == names


@pytest.mark.parametrize("name", list_theatres())
def test_packaged_theatre_is_consistent(name: str) -> None:
    theatre = load_theatre(name)
    assert theatre.id == name
    ZoneInfo(theatre.timezone)
    aor = shapely.wkt.loads(theatre.area_of_responsibility)
    border = shapely.wkt.loads(theatre.border)
    assert aor.is_valid
    assert border.intersection(aor).length / border.length > 0.98
    km = projection_for(border).forward(border).length / 1000
    assert 100 < km < 1200
    for base in theatre.bases:
        assert aor.contains(Point(base.lon, base.lat)), base.name
    for sector in theatre.sectors:
        assert shapely.wkt.loads(sector.geometry).intersects(border), sector.name
    assert len(theatre.places) >= 10
    # Places, sectors and bases share the gazetteer's `theatre:<id>:` namespace.
    ids = [p.id.rsplit(":", 1)[-1] for p in theatre.places]
    ids += [s.id for s in theatre.sectors] + [f"base-{b.id}" for b in theatre.bases]
    assert len(set(ids)) == len(ids), sorted(i for i in ids if ids.count(i) > 1)
    assert theatre.border_names


@pytest.mark.parametrize("name", list_theatres())
def test_packaged_theatre_places_belong_to_it_alone(name: str) -> None:
    """A place lies within reach of its own theatre and of no other one; a town deep on
    the far side of a side-only area (Aghstafa) is at least in a country of the theatre."""
    theatre = load_theatre(name)
    for place in theatre.places:
        found = [t.id for t in theatres_containing(place.lon, place.lat)]
        assert found in ([name], []), (place.name, found)
        if not found:
            assert place.country in theatre.countries, place.name
            assert distance_to_area_m(theatre, place.lon, place.lat) < 2 * DEFAULT_REACH_M
    inside = sum(distance_to_area_m(theatre, p.lon, p.lat) == 0 for p in theatre.places)
    assert inside / len(theatre.places) > 0.8


def test_packaged_areas_do_not_overlap() -> None:
    for a, b in itertools.combinations(load_all_theatres(), 2):
        area_a = shapely.wkt.loads(a.area_of_responsibility)
        area_b = shapely.wkt.loads(b.area_of_responsibility)
        assert not area_a.intersects(area_b), (a.id, b.id)


@pytest.mark.parametrize(
    ("lon", "lat", "expected"),
    [
        (74.050, 34.085, "ind-pak"),  # Uri
        (73.880, 34.110, "ind-pak"),  # Chakothi, across the line
        (76.126, 34.557, "ind-pak"),  # Kargil
        (20.621, 43.250, "kos-srb"),  # Jarinje
        (20.866, 42.890, "kos-srb"),  # Mitrovica
        (33.692, 35.013, "cyp"),  # Pyla
        (33.363, 35.172, "cyp"),  # Nicosia
        (44.620, 42.100, "geo-abl"),  # Odzisi
        (41.785, 42.535, "geo-abl"),  # Enguri bridge
        (46.4805, 39.5583, "arm-aze"),  # Tegh
        (35.824, 33.126, "isr-syr"),  # Quneitra
        (35.770, 33.270, "isr-syr"),  # Majdal Shams
    ],
)
def test_theatres_containing_finds_the_right_theatre(lon: float, lat: float, expected: str) -> None:
    found = theatres_containing(lon, lat)
    assert [t.id for t in found] == [expected]
    assert distance_to_area_m(found[0], lon, lat) == 0


@pytest.mark.parametrize(
    ("lon", "lat"),
    [
        (5.0, 25.0),  # the Sahara
        (44.79, 41.72),  # Tbilisi: 11 km beyond the Georgian area, not in it
        (35.57, 33.28),  # Metula, on the Israel–Lebanon line, not the Golan
        (73.05, 33.70),  # Islamabad
        (20.46, 44.80),  # Belgrade
        (44.51, 40.18),  # Yerevan
    ],
)
def test_theatres_containing_finds_none_far_away(lon: float, lat: float) -> None:
    assert theatres_containing(lon, lat) == []


def test_theatres_containing_reach_and_order() -> None:
    larnaca = (33.63, 34.92)  # about 6.6 km south of the Cyprus area
    assert theatres_containing(*larnaca, reach_m=1000) == []
    assert [t.id for t in theatres_containing(*larnaca)] == ["cyp"]
    assert 5000 < distance_to_area_m(load_theatre("cyp"), *larnaca) < 8000
    everywhere = theatres_containing(74.05, 34.085, reach_m=10_000_000)
    assert everywhere[0].id == "ind-pak" and len(everywhere) == len(list_theatres())
    custom = theatres_containing(74.05, 34.085, theatres=[load_theatre("cyp")])
    assert custom == []


def _side(theatre: Theatre, place: Place, line_index: int) -> tuple[str, float]:
    """Which side of the theatre's line a place lies on ('left' walking along it)."""
    border = shapely.wkt.loads(theatre.border)
    line = border.geoms[line_index] if hasattr(border, "geoms") else border
    projection = projection_for(line)
    metric, point = projection.forward(line), projection.forward(Point(place.lon, place.lat))
    left = metric.buffer(80_000, single_sided=True)
    return ("left" if left.contains(point) else "right"), metric.distance(point)


@pytest.mark.parametrize(
    ("name", "line_index", "left_country"),
    [("ind-pak", 0, "PAK"), ("kos-srb", 0, "SRB"), ("isr-syr", 0, "SYR")],
)
def test_places_lie_on_the_side_their_country_holds(
    name: str, line_index: int, left_country: str
) -> None:
    theatre = load_theatre(name)
    checked = 0
    for place in theatre.places:
        side, distance = _side(theatre, place, line_index)
        if distance < 1000:  # crossings and river villages sit on the line itself
            continue
        assert (side == "left") == (place.country == left_country), place.name
        checked += 1
    assert checked >= 10


@pytest.mark.parametrize(
    ("line_index", "beyond"), [(0, {"Tskhinvali", "Akhalgori"}), (1, {"Gali"})]
)
def test_georgian_villages_lie_on_the_controlled_side(line_index: int, beyond: set[str]) -> None:
    """EUMM works only on the Georgian-controlled side: its villages are in the area,
    towns of the breakaway regions are beyond the line (and, deep inside, beyond the area)."""
    theatre = load_theatre("geo-abl")
    aor = shapely.wkt.loads(theatre.area_of_responsibility)
    near = [p for p in theatre.places if _side(theatre, p, line_index)[1] < 20_000]
    for place in near:
        side, distance = _side(theatre, place, line_index)
        if distance < 1000:
            continue
        assert (side == "left") == (place.name in beyond), place.name
        if place.name not in beyond:
            assert aor.contains(Point(place.lon, place.lat)), place.name
    assert {p.name for p in near} >= beyond
    for place in near:
        if place.name in beyond and _side(theatre, place, line_index)[1] > 5000:
            assert not aor.contains(Point(place.lon, place.lat)), place.name
