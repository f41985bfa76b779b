"""places_in: toponyms minus what the actor dictionary knows to be people or outlets."""

from __future__ import annotations

import pytest

from watchline.extract.places.toponyms import as_rows, places_in
from watchline.extract.speakers.actors import default_dictionary
from watchline.geo.gazetteer.lookup import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Zakharova" after "to" looks locative, but the dictionary knows the person.
        ("According to Zakharova, Moscow warned Kyiv.", ["Moscow", "Kyiv"]),
        ("Reuters reported shelling in Kherson.", ["Kherson"]),
        ("Khamenei spoke in Tehran.", ["Tehran"]),
    ],
)
def test_places_in_skips_people_and_outlets(
    gazetteer: Gazetteer, text: str, expected: list
) -> None:
    mentions = places_in(text, gazetteer, default_dictionary())
    assert [m.text for m in mentions] == expected


def test_places_as_rows_gives_geonames_ids(gazetteer: Gazetteer) -> None:
    rows = as_rows(places_in("Talks were held in Yerevan.", gazetteer))
    assert rows == [
        {
            "text": "Yerevan",
            "start": 19,
            "end": 26,
            "place_id": "geonames:616052",
            "name": "Yerevan",
            "geonames_id": 616052,
            "lat": 40.17765,
            "lon": 44.5126,
            "country": "ARM",
            "precision": "city",
        }
    ]
