"""Actors, dates and places never crash on odd typography, and spans stay exact."""

from __future__ import annotations

from datetime import date

import pytest

from watchline.extract.dates.days import find_dates, resolve_stated_on
from watchline.extract.dates.event_time import resolve_time_window
from watchline.extract.speakers.actors import default_dictionary
from watchline.geo.gazetteer.lookup import Gazetteer

ODD = [
    "",
    "\n\n\n",
    "‘Unclosed quote, said the ministry on Sunday",
    "«Baku» „Yerevan“ “Kyiv” — (@x) ",
    "— Name (@handle)\n— (@) March 99, 2024",
    "On 31.02.2024 and 2024-13-45, Armenia’s’s MoD’ said",
    "[Armenian]] Ministry of Defence of of Armenia, the the border",
    "ՀՀ պաշտպանության նախարարություն՝ Ադրբեջան 中国 إسرائيل\t\t",
    "Mr. Dr. U.S. St. Gen. Jan. Feb. 3.4.5",
    "Jammu and and Kashmir and , , and Oblast Oblast",
]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("text", ODD)
def test_places_typography_never_crashes(gazetteer: Gazetteer, text: str) -> None:
    published_on = date(2024, 4, 1)
    found = [
        *gazetteer.find(text),
        *default_dictionary().find(text),
        *find_dates(text, published_on),
    ]
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    for start in range(0, len(text), 7):
        resolve_stated_on(text, published_on, start, start + 3, default=published_on)
        resolve_time_window(text, published_on, start, len(text))
