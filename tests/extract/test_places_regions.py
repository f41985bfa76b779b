"""Countries at their own point, first-level regions and continents (issue 10, toponyms).

A country used to sit at its capital and a region became a town of the same name
somewhere else (California in Maryland, Florida in Cuba, Africa in Tunisia). The
sentences are written for these tests.
"""

from __future__ import annotations

import math

import pytest

from watchline.domain import Precision
from watchline.extract.places.toponyms import places_in
from watchline.geo.gazetteer.lookup import Gazetteer
from watchline.geo.gazetteer.places import admin1_places, country_points


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load(None)


def found(gazetteer: Gazetteer, text: str) -> dict[str, tuple]:
    return {m.text: (m.country, m.precision, m.lat, m.lon) for m in places_in(text, gazetteer)}


@pytest.mark.parametrize(
    ("text", "name", "capital"),
    [
        ("Troops were moved inside Pakistan overnight.", "Pakistan", (33.72, 73.04)),
        ("Drones were seen over Azerbaijan on Sunday.", "Azerbaijan", (40.38, 49.89)),
        ("Observers travelled across Russia last week.", "Russia", (55.75, 37.62)),
        ("Aid convoys crossed into Sudan on Friday.", "Sudan", (15.55, 32.53)),
    ],
)
def test_a_country_is_not_placed_at_its_capital(
    gazetteer: Gazetteer, text: str, name: str, capital: tuple[float, float]
) -> None:
    _country, precision, lat, lon = found(gazetteer, text)[name]
    assert precision is Precision.COUNTRY
    assert km(lat, lon, *capital) > 161


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Wildfires spread across California this week.", "California", "USA"),
        ("A storm made landfall in Florida on Tuesday.", "Florida", "USA"),
        ("Flooding hit villages in Sindh after the rains.", "Sindh", "PAK"),
        ("Rangers patrolled the border districts of Khatlon.", "Khatlon", "TJK"),
        ("Militia units were reported in Zulia near the frontier.", "Zulia", "VEN"),
    ],
)
def test_first_level_regions_are_regions(
    gazetteer: Gazetteer, text: str, name: str, country: str
) -> None:
    got_country, precision, _, _ = found(gazetteer, text)[name]
    assert (got_country, precision) == (country, Precision.REGION)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Shelling hit Kherson and nearby villages overnight.", "Kherson", "UKR"),
        ("Border guards in Osh reported a clash near the enclave.", "Osh", "KGZ"),
        ("Indian officials said shelling hit Uri and the Nikial sector.", "Uri", "IND"),
        ("Cuban media said the sugar mill in Florida, Cuba, reopened.", "Florida", "CUB"),
    ],
)
def test_a_town_keeps_its_name_where_the_text_or_its_size_says_so(
    gazetteer: Gazetteer, text: str, name: str, country: str
) -> None:
    got_country, precision, _, _ = found(gazetteer, text)[name]
    assert got_country == country
    assert precision in (Precision.CITY, Precision.VILLAGE)


def test_a_continent_is_not_a_town(gazetteer: Gazetteer) -> None:
    country, precision, lat, lon = found(gazetteer, "Migrants crossed from Africa by sea.")[
        "Africa"
    ]
    assert country is None and precision is Precision.REGION
    assert km(lat, lon, 35.5, 11.06) > 1000  # not Mahdia, Tunisia


def test_a_region_name_that_speaks_is_not_a_place(gazetteer: Gazetteer) -> None:
    assert "Meta" not in found(gazetteer, "Meta said on Monday it removed the accounts.")


def test_the_region_table_covers_the_world() -> None:
    points = country_points()
    regions = list(admin1_places())
    assert len(points) >= 230 and "" not in points and len(regions) >= 3000
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in points.values())
    assert all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180 for p, _ in regions)
    names = {(p.country, p.name) for p, _ in regions}
    assert {("PAK", "Punjab"), ("IND", "Punjab"), ("ARM", "Syunik"), ("TJK", "Sughd")} <= names
    assert not any(name in {"Capital", "Northern", "Somali"} for _, name in names)


@pytest.fixture(scope="module")
def theatre_gazetteer() -> Gazetteer:
    from watchline.geo.theatre import load_theatre

    return Gazetteer.load(load_theatre("arm-aze"))


def test_the_theatre_border_only_in_a_story_about_the_theatre(
    theatre_gazetteer: Gazetteer,
) -> None:
    elsewhere = theatre_gazetteer.find("Indian troops near Poonch fired across the border.")
    border = next(m for m in elsewhere if m.text == "the border")
    assert border.place_id is None and border.lat is None
    about = theatre_gazetteer.find("Azerbaijani units near Tovuz fired across the border.")
    assert next(m for m in about if m.text == "the border").place_id == "theatre:arm-aze:border"
    bare = theatre_gazetteer.find("Troops were moved to the border on Sunday.")
    assert bare[-1].place_id == "theatre:arm-aze:border"  # a post naming no place at all


def test_a_demonym_is_not_a_town(gazetteer: Gazetteer) -> None:
    assert "Thai" not in found(gazetteer, "Thai soldiers returned fire near the temple.")


def test_a_small_town_far_from_the_story_is_dropped(gazetteer: Gazetteer) -> None:
    text = "Drones struck Hodeidah and Sanaa in Yemen; residents of Hays fled south."
    places = found(gazetteer, text)
    assert "Sanaa" in places and "Yemen" in places
    hays = places.get("Hays")
    assert hays is None or hays[0] == "YEM"  # never Hays, Kansas
