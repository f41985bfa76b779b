"""Reading the time options of read-side commands (`coverage --start/--end`); no database.

The queries themselves (patrol lists, area coverage) are in
services/observations_queries.py.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from watchline.errors import Errors, InputError
from watchline.observe.formats import short
from watchline.observe.times import localise, parse_time


def parse_moment(value: str, option: str, timezone: str, *, end: bool = False) -> datetime:
    """A UTC time from an option: ISO date-time or a date (its start, or its end when
    `end`); times without a zone are read in the theatre's time zone."""
    text = value.strip()
    try:
        if len(text) == 10:
            day = datetime.fromisoformat(text)
            moment = datetime.combine(day.date(), time.min)
            if end:
                moment = datetime.combine(day.date() + timedelta(days=1), time.min)
        else:
            moment = parse_time(text)
        return localise(moment, timezone)[0]
    except (ValueError, OverflowError):
        raise InputError(
            Errors.E312,
            option=option,
            value=short(value, 40),
            reason="use YYYY-MM-DD or YYYY-MM-DDTHH:MM",
        ) from None
