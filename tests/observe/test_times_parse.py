"""Times in patrol files and options: formats, zones, whole days."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from watchline.errors import WatchlineError
from watchline.observe.queries import parse_moment
from watchline.observe.times import localise, parse_time

UTC_0500 = datetime(2024, 3, 31, 5, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-31T05:00:00Z",
        "2024-03-31T09:00:00+04:00",
        "2024-03-31 05:00:00+00:00",
        "1711861200",
        "1711861200000",
        "2024-03-31T05:00:00.000Z",
    ],
)
def test_times_parse_aware_forms(text: str) -> None:
    assert localise(parse_time(text), "Asia/Yerevan") == (UTC_0500, False)


@pytest.mark.parametrize("text", ["2024-03-31 09:00", "2024-03-31T09:00:00", "2024/03/31 09:00"])
def test_times_naive_read_in_theatre_zone(text: str) -> None:
    assert localise(parse_time(text), "Asia/Yerevan") == (UTC_0500, True)


@pytest.mark.parametrize("text", ["", "soon", "31/31/2024 99:00"])
def test_times_unreadable(text: str) -> None:
    with pytest.raises(ValueError):
        parse_time(text)


def test_times_option_day_spans_the_local_day() -> None:
    start = parse_moment("2024-03-31", "--start", "Asia/Yerevan")
    end = parse_moment("2024-03-31", "--end", "Asia/Yerevan", end=True)
    assert start == datetime(2024, 3, 30, 20, 0, tzinfo=UTC)
    assert end == datetime(2024, 3, 31, 20, 0, tzinfo=UTC)


def test_times_option_rejects_nonsense() -> None:
    with pytest.raises(WatchlineError) as err:
        parse_moment("next week", "--start", "Asia/Yerevan")
    assert err.value.code == "E312" and "--start" in err.value.message
