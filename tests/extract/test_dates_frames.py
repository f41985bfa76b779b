"""A statement's day given in the frame of the occasion it was made at.

"At a news conference on Thursday, the minister said …", "In a letter to the Security
Council on 2 October, X claimed …", "In a press briefing held on 13 March, in Addis
Ababa, Y said …": the day dates the saying, not what was said. A day in a clause the
speaker reports ("On Thursday, troops shelled Nikopol, the governor said") still dates
the event. Sentences written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

FRIDAY = date(2025, 3, 14)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "At a news conference on Thursday, the minister said the army was ready.",
            date(2025, 3, 13),
        ),
        (
            "In a press briefing held on March 12, in Addis Ababa, Getachew said Eritrea was "
            "massing troops.",
            date(2025, 3, 12),
        ),
        (
            "In a letter to the United Nations Secretary-General on 10 March, the foreign "
            "minister claimed that Eritrean troops had crossed the border.",
            date(2025, 3, 10),
        ),
        (
            "During a visit to the border on Wednesday, Pashinyan said the situation was calm.",
            date(2025, 3, 12),
        ),
    ],
)
def test_the_day_of_the_occasion_dates_the_statement(extractor, text, day):
    (claim,) = extractor.extract(text, FRIDAY)
    assert claim.stated_on == day


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday, troops shelled Nikopol, the governor said.",
        "At the border on Thursday, soldiers fired on a patrol, the ministry said.",
    ],
)
def test_a_day_in_the_reported_clause_dates_the_event_not_the_statement(extractor, text):
    (claim,) = extractor.extract(text, FRIDAY)
    assert claim.stated_on != date(2025, 3, 13)
