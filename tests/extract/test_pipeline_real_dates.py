"""Time words that count, not date: "for the second consecutive day", "for the third
time" do not cut a statement off the day of the one before it (GUIDE.md §5). Sentences
written for this file."""

from __future__ import annotations

from datetime import date

import pytest

SATURDAY = date(2024, 12, 21)
THURSDAY = date(2024, 12, 19)


def _days(extractor, frame: str) -> list:
    text = (
        "The coalition said on Thursday that the Houthis continue to violate the truce in "
        "Hodeidah.\n\u201cThe militia has breached the truce at least 14 times in the past 24 "
        "hours,\u201d the coalition said in a statement published on state television "
        f"{frame}.\nIt added that the group were using mortars."
    )
    return [c.stated_on for c in extractor.extract(text, SATURDAY)]


@pytest.mark.parametrize(
    "frame", ["for the second consecutive day", "for the third time", "at the same time"]
)
def test_pipeline_counting_time_words_keep_the_day_of_the_statement_before(extractor, frame):
    assert _days(extractor, frame) == [THURSDAY, THURSDAY, THURSDAY]


def test_pipeline_a_real_day_still_dates_the_next_statement(extractor):
    text = (
        "The coalition said on Thursday that the Houthis continue to violate the truce in "
        "Hodeidah.\n\u201cThe militia has breached the truce at least 14 times,\u201d the "
        "coalition said on Friday."
    )
    days = [c.stated_on for c in extractor.extract(text, SATURDAY)]
    assert days == [THURSDAY, date(2024, 12, 20)]
