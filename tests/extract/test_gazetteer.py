"""Gazetteer: toponyms from many theatres, ambiguity, borders, and false friends."""

from __future__ import annotations

import time

import pytest

from watchline.domain import Base, Place, Precision, Sector, Theatre
from watchline.geo.gazetteer.index import fold
from watchline.geo.gazetteer.lookup import Gazetteer

BORDER = (
    "MULTILINESTRING ((45.02 41.29, 45.17 41.03, 45.58 40.84, 45.95 40.22, 46.15 39.65, "
    "46.54 38.87), (46.10 38.90, 45.80 39.55, 44.78 39.71))"
)


def small_theatre() -> Theatre:
    """A hand-built Armenia–Azerbaijan theatre, independent of the packaged profile."""
    return Theatre(
        id="t",
        name="Test border",
        mission_actor="eu.euma",
        countries=("ARM", "AZE"),
        timezone="Asia/Yerevan",
        visibility_m=2000,
        area_of_responsibility="POLYGON ((44 38, 47 38, 47 42, 44 42, 44 38))",
        border=BORDER,
        border_names=("the border", "state border", "line of contact"),
        bases=(Base("jermuk", "Jermuk", 39.8417, 45.6722),),
        sectors=(
            Sector(
                "tavush",
                "Tavush sector",
                "POLYGON ((45 40.8, 45.6 40.8, 45.6 41.3, 45 41.3, 45 40.8))",
                aliases=("Tavush section",),
                country="ARM",
            ),
        ),
        places=(
            Place("theatre:t:kirants", "Kirants", 41.04, 45.10, Precision.VILLAGE, "ARM"),
            Place("berkaber", "Berkaber", 41.005, 45.265, Precision.VILLAGE, "ARM"),
        ),
    )


@pytest.fixture(scope="module")
def plain() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def theatre() -> Gazetteer:
    return Gazetteer.load(small_theatre())


def found(gazetteer: Gazetteer, text: str) -> list[tuple[str, str | None, str | None, str]]:
    mentions = gazetteer.find(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.name, m.country, m.precision.value) for m in mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian forces shelled Kharkiv and Vovchansk overnight.",
         [("Kharkiv", "Kharkiv", "UKR", "city"), ("Vovchansk", "Vovchansk", "UKR", "city")]),
        ("Drones were downed over the Kharkiv Oblast and near Pokrovsk.",
         [("Kharkiv Oblast", "Kharkiv", "UKR", "region"),
          ("Pokrovsk", "Pokrovsk", "UKR", "city")]),
        ("The IDF struck targets near Kfar Kila, across the Blue Line.",
         [("Kfar Kila", "Kfar Kila", "LBN", "village"),
          ("the Blue Line", "Blue Line", None, "border")]),
        # A country that speaks ("Pakistan accused") is an actor, not a place.
        ("Pakistan accused India of firing along the LoC near Poonch.",
         [("India", "India", "IND", "country"),
          ("LoC", "Line of Control", None, "border"), ("Poonch", "Pūnch", "IND", "city")]),
        ("KFOR troops were deployed in Zvečan and Leposavić.",
         [("Zvečan", "Zvečan", "XKX", "city"), ("Leposavić", "Leposaviq", "XKX", "city")]),
        ("North Korea fired artillery near the DMZ.",
         [("North Korea", "North Korea", "PRK", "country"),
          ("DMZ", "Korean Demilitarized Zone", None, "border")]),
        ("The RSF attacked El Fasher, the army said.", [("El Fasher", "El Fasher", "SDN", "city")]),
        ("Officials met in Brussels and Washington.",
         [("Brussels", "Brussels", "BEL", "city"), ("Washington", "Washington", "USA", "city")]),
        ("The US and Armenia held talks.",
         [("US", "United States", "USA", "country"), ("Armenia", "Armenia", "ARM", "country")]),
        ("Ереван и Баку обменялись заявлениями.",
         [("Ереван", "Yerevan", "ARM", "city"), ("Баку", "Baku", "AZE", "city")]),
    ],
)  # fmt: skip
def test_gazetteer_find_many_theatres(plain: Gazetteer, text: str, expected: list) -> None:
    assert found(plain, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Nikol Pashinyan spoke.",  # no village "Nikol" out of a name
        "The EU Monitoring Mission said so.",  # "Mission", Texas
        "Reading the statement, Mobile phones were banned, said Mr Nice.",
        "Peter Stano said Miller was wrong.",
        "The border guards and the State Border Service met.",
        "Rubio said the talks would go on. Taylor added nothing.",
        "Austin, Gilbert and Jackson were there.",
    ],
)
def test_gazetteer_find_avoids_false_friends(plain: Gazetteer, text: str) -> None:
    assert found(plain, text) == []


def test_gazetteer_find_prefers_theatre_countries(theatre: Gazetteer, plain: Gazetteer) -> None:
    text = "Patrols near Jermuk and Kirants saw nothing unusual."
    assert found(plain, text)[0][2] == "TUR"  # Çermik, Turkey, is bigger than Jermuk
    assert found(theatre, text) == [
        ("Jermuk", "Jermuk", "ARM", "point"),
        ("Kirants", "Kirants", "ARM", "village"),
    ]


@pytest.mark.parametrize(
    "phrase",
    [
        "the border",
        "the Armenian-Azerbaijani border",
        "the Armenian–Azerbaijani state border",
        "the Armenian-Azerbaijani conditional border",
        "the line of contact",
        "state border",
    ],
)
def test_gazetteer_border_phrases_resolve_to_theatre_border(
    theatre: Gazetteer, plain: Gazetteer, phrase: str
) -> None:
    text = f"Troops were moved to {phrase} on Sunday."
    mention = theatre.find(text)[-1]
    assert (mention.text, mention.place_id, mention.precision) == (
        phrase,
        "theatre:t:border",
        Precision.BORDER,
    )
    assert 38.8 < mention.lat < 41.3 and 44.7 < mention.lon < 46.6
    bare = plain.find(text)[-1]
    assert (bare.text, bare.place_id, bare.precision) == (phrase, None, Precision.BORDER)


def test_gazetteer_foreign_border_is_not_the_theatre_border(theatre: Gazetteer) -> None:
    mention = theatre.find("Shelling on the Russian-Ukrainian border.")[-1]
    assert mention.precision is Precision.BORDER and mention.place_id is None


def test_gazetteer_theatre_entries_sectors_and_prefixed_ids(theatre: Gazetteer) -> None:
    assert theatre.lookup("Berkaber").id == "theatre:t:berkaber"
    sector = theatre.lookup("Tavush section")
    assert sector.id == "theatre:t:tavush" and sector.precision is Precision.SECTOR
    assert theatre.lookup("Kirants").country == "ARM"
    assert theatre.lookup("Nowhere-at-all-ville") is None


def test_gazetteer_lookup_countries_and_geonames_ids(plain: Gazetteer) -> None:
    armenia = plain.lookup("Armenia")
    assert armenia.precision is Precision.COUNTRY and armenia.country == "ARM"
    baku = plain.lookup("Baku")
    assert baku.id == f"geonames:{baku.geonames_id}" and baku.precision is Precision.CITY


def test_gazetteer_extra_places_join_the_lookup() -> None:
    hamlet = Place("geonames:999999001", "Tsaghkavan Verin", 40.9, 45.3, Precision.VILLAGE, "ARM")
    gazetteer = Gazetteer.load(extra=[hamlet])
    mention = gazetteer.find("Shots were heard near Tsaghkavan Verin.")[0]
    assert mention.place_id == "geonames:999999001"


def test_gazetteer_loads_fast_once_cached() -> None:
    Gazetteer.load()  # warm: the index is cached per process and on disk
    started = time.perf_counter()
    Gazetteer.load(small_theatre())
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Qazax", "qazax"),
        ("Ras al-Khaimah", "ras al khaimah"),
        ("Bakı", "baki"),
        ("Xankəndi", "xankendi"),
    ],
)
def test_gazetteer_fold_names(name: str, key: str) -> None:
    assert fold(name) == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops fired in Jammu and Kashmir and in Azad Kashmir.",
         [("Jammu and Kashmir", "IND", "region"), ("Azad Kashmir", "PAK", "region")]),
        ("Talks with Bosnia and Herzegovina and Serbia.",
         [("Bosnia and Herzegovina", "BIH", "country"), ("Serbia", "SRB", "country")]),
        ("The RSF took Bara in North Kordofan after attacking El Fasher.",
         [("Bara", "SDN", "city"), ("North Kordofan", "SDN", "region"),
          ("El Fasher", "SDN", "city")]),
        ("Strikes hit the Bekaa Valley; rockets fell on the Golan Heights.",
         [("Bekaa Valley", "LBN", "region"), ("Golan Heights", None, "region")]),
        ("SEOUL, Jan 14 (Yonhap) - Missiles were fired from Pyongyang.",
         [("SEOUL", "KOR", "city"), ("Pyongyang", "PRK", "city")]),
        ("KYIV, March 3 (Reuters) - Drones hit Odesa.",
         [("KYIV", "UKR", "city"), ("Odesa", "UKR", "city")]),
        ("India accused Pakistan of cross-border terrorism.",
         [("Pakistan", "PAK", "country")]),
        ("Drones were seen over India on Monday. Pakistan said it shot one down.",
         [("India", "IND", "country")]),
        ("Protests were held in Kashmir.", [("Kashmir", None, "region")]),
        ("Serbs rallied in North Kosovo.", [("North Kosovo", "XKX", "region")]),
        # A small place listed after a preposition: "near Khiam and Bint Jbeil".
        ("Israel struck sites in Lebanon near Khiam and Bint Jbeil.",
         [("Israel", "ISR", "country"), ("Lebanon", "LBN", "country"),
          ("Khiam", "LBN", "village"), ("Bint Jbeil", "LBN", "village")]),
        ("Gunmen stormed a monastery in Banjska, Kosovo Police said.",
         [("Banjska", "XKX", "village")]),
    ],
)  # fmt: skip
def test_gazetteer_find_regions_lists_and_dates(
    plain: Gazetteer, text: str, expected: list
) -> None:
    assert [(m.text, m.country, m.precision.value) for m in plain.find(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a refinery in Russia's Volgograd region", ["Russia", "Volgograd region"]),
        ("positions in Armenia’s Syunik Province", ["Armenia", "Syunik Province"]),
    ],
)  # fmt: skip
def test_gazetteer_possessive_inside_a_run_separates_two_names(plain: Gazetteer, text, expected):
    assert [p.text for p in plain.find(text)] == expected
