"""Hours and ranges of an event's time: what the text says, read on the right day."""

from __future__ import annotations

from datetime import date, time

import pytest

from watchline.extract.dates.event_time import event_window
from watchline.extract.dates.hours import find_hours

WEDNESDAY = date(2024, 4, 3)


def _window(content: str, stated: date | None = WEDNESDAY, published: date | None = WEDNESDAY):
    found = event_window(content, published, stated)
    assert found is not None
    return (found.start, found.start_time, found.end, found.end_time)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # Armenia–Azerbaijan border
        ("Armenian forces shelled Sofulu on Tuesday evening",
         (date(2024, 4, 2), time(17), date(2024, 4, 2), time(23, 59))),
        ("Azerbaijani troops fired on Tegh overnight",
         (date(2024, 4, 2), time(20), date(2024, 4, 3), time(6))),
        ("fences went up near Sotk overnight into Tuesday",
         (date(2024, 4, 1), time(20), date(2024, 4, 2), time(6))),
        ("units fired at Armenian posts at dawn", (WEDNESDAY, time(4), WEDNESDAY, time(7))),
        # Line of Control
        ("Indian troops opened fire at about 14:00 local time near Kotli on Monday",
         (date(2024, 4, 1), time(14), date(2024, 4, 1), time(14))),
        ("Pakistani troops fired shortly after midnight in Poonch",
         (WEDNESDAY, time(0), WEDNESDAY, time(1))),
        ("shelling began around 9.30 a.m. near Uri",
         (WEDNESDAY, time(9, 30), WEDNESDAY, time(9, 30))),
        # Kosovo
        ("masked men attacked a checkpoint near Jarinje between 10 and 11 pm on Saturday",
         (date(2024, 3, 30), time(22), date(2024, 3, 30), time(23))),
        ("a convoy crossed at Merdare from 11 pm to 1:30 am on Sunday",
         (date(2024, 3, 31), time(23), date(2024, 4, 1), time(1, 30))),
        # South Ossetia
        ("guards detained two villagers near Khurvaleti in the afternoon of 30 March",
         (date(2024, 3, 30), time(12), date(2024, 3, 30), time(18))),
        ("fences were moved near Ditsi at night", (date(2024, 4, 2), time(20), WEDNESDAY, time(6))),
        # Golan
        ("a drone crossed near Quneitra late on Tuesday",
         (date(2024, 4, 2), time(18), date(2024, 4, 2), time(23, 59))),
        ("shots were fired near Majdal Shams at 23:40 on Monday",
         (date(2024, 4, 1), time(23, 40), date(2024, 4, 1), time(23, 40))),
        ("troops have been deployed near Jarinje since the morning",
         (WEDNESDAY, time(6), WEDNESDAY, None)),
    ],
)  # fmt: skip
def test_hours_of_the_event_are_read_on_its_day(content, expected):
    assert _window(content) == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Azerbaijani forces fired at Armenian positions over the past two days",
         (date(2024, 4, 2), WEDNESDAY)),
        ("Armenian forces had shelled its positions since Friday", (date(2024, 3, 29), WEDNESDAY)),
        ("Russian troops had been building fences near Khurvaleti throughout the week",
         (date(2024, 4, 1), WEDNESDAY)),
        ("drones flew over the Line of Control in recent days", (date(2024, 3, 31), WEDNESDAY)),
        ("Serbian units massed near the boundary over the past 48 hours",
         (date(2024, 4, 1), WEDNESDAY)),
    ],
)  # fmt: skip
def test_hours_ranges_end_on_the_statement_day(content, expected):
    found = event_window(content, WEDNESDAY, WEDNESDAY)
    assert found is not None and (found.start, found.end) == expected
    assert not found.has_hours


def test_hours_deictic_words_are_read_on_the_day_the_statement_was_made():
    # said on Monday, published on Wednesday: "overnight" is Sunday night into Monday
    found = event_window("troops fired on Tegh overnight", WEDNESDAY, date(2024, 4, 1))
    assert found is not None
    assert (found.start, found.end) == (date(2024, 3, 31), date(2024, 4, 1))


@pytest.mark.parametrize(
    "content",
    [
        "troops fired at 9:30 near Kotli on Monday",  # morning or evening?
        "shelling at 10:00 GMT near Sotk on Monday",  # another zone
        "troops who arrived on Sunday fired in the evening on Monday and Tuesday",
        "a 24-hour truce was agreed on Monday",
    ],
)
def test_hours_uncertain_times_keep_whole_days(content):
    found = event_window(content, WEDNESDAY, WEDNESDAY)
    assert found is not None and not found.has_hours


def test_hours_no_time_of_day_in_plain_numbers():
    assert find_hours("killed 3 people at 5 positions in 2020") == []


def test_hours_undated_document_resolves_nothing_relative():
    assert event_window("troops fired on Sotk on Saturday evening", None, None) is None
    found = event_window("troops fired on Sotk at 23:40 on 30 March 2024", None, None)
    assert found is not None
    assert (found.start, found.start_time) == (date(2024, 3, 30), time(23, 40))
