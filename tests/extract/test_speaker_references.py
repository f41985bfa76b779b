"""A speaker named again by surname, or by what their body issued, keeps their side.

Sentences written for these tests, in several theatres; the classes of error were found
on the real-article yardstick (benchmarks/real_articles): "Zhao said" after "China's
foreign ministry spokesperson Zhao Lijian", "the news release said" after a ministry's
statement, came out with no side, so their accusations read as neutral assertions.
"""

from __future__ import annotations

from datetime import date

import pytest

from watchline.domain import Act
from watchline.extract import Extractor

DAY = date(2024, 5, 6)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        (
            "China's foreign ministry spokesperson Zhao Lijian said the valley lies on the "
            "Chinese side of the line. Zhao said Indian troops had built roads across it.",
            "CHN",
        ),
        (
            "Colonel Andriy Lysenko, spokesman for Ukraine's National Security and Defense "
            "Council, said the situation remained difficult. Lysenko said rebel units shelled "
            "army positions near Debaltseve overnight.",
            "UKR",
        ),
        (
            "Azerbaijan's Defence Ministry said the night had been tense on the border. The "
            "news release said Armenian units had fired at Azerbaijani positions near Kalbajar.",
            "AZE",
        ),
    ],
)
def test_a_later_reference_speaks_for_the_first_mention_s_side(
    extractor: Extractor, text: str, side: str
) -> None:
    found = extractor.extract(text, DAY)
    assert len(found) == 2, found
    later = found[-1]
    assert later.speaker.affiliation == side, later.speaker
    assert later.act is Act.ACCUSE, later


def test_a_surname_is_not_a_title_or_a_body(extractor: Extractor) -> None:
    """'Ministry said' is a description, never a surname matched to an earlier person."""
    text = (
        "Defence spokesperson Lt Col Sunil Bartwal said the border was quiet. "
        "Ministry officials said Chinese troops had pitched tents near the lake."
    )
    later = extractor.extract(text, DAY)[-1]
    assert later.speaker.text.lower().startswith("ministry")
