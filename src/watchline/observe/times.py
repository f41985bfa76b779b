"""Times in patrol files: parse, apply the theatre's time zone when none is given, to UTC.

A GPS track without a time zone is ambiguous. Watchline reads such times in the
theatre's local time zone (the mission's clocks) and says so with warning W301, rather
than refusing the file: field exports from phones and forms often drop the offset, while
the mission's time zone is known. Times are stored in UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from dateutil import parser as dateparser


def utc(value: datetime) -> datetime:
    """An aware datetime in UTC; a naive one is taken to be UTC already (as stored)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def localise(value: datetime, timezone: str) -> tuple[datetime, bool]:
    """`value` in UTC; a naive value is read in `timezone`. Returns (utc, was_naive)."""
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        return value.replace(tzinfo=ZoneInfo(timezone)).astimezone(UTC), True
    return value.astimezone(UTC), False


def parse_time(text: str) -> datetime:
    """An ISO 8601 (or similar) time, or epoch seconds; ValueError when unreadable."""
    text = text.strip()
    if not text:
        raise ValueError("empty time")
    try:
        number = float(text)
    except ValueError:
        pass
    else:
        if number > 1e11:  # epoch milliseconds
            number /= 1000.0
        return datetime.fromtimestamp(number, UTC)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dateparser.isoparse(text)
    except ValueError:
        try:
            return dateparser.parse(text, dayfirst=False, yearfirst=True)
        except (ValueError, OverflowError) as exc:
            raise ValueError(f"unreadable time {text!r}") from exc
