"""Times in patrol files: parse, apply the theatre's time zone when none is given, to UTC.

A GPS track without a time zone is ambiguous. Watchline reads such times in the
theatre's local time zone (the mission's clocks) and says so with warning W301, rather
than refusing the file: field exports from phones and forms often drop the offset, while
the mission's time zone is known. Times are stored in UTC.

Every failure here is a ValueError with a short reason: epoch numbers beyond the
platform's time_t, offsets of a day or more, years at the ends of the calendar and
non-finite numbers come from damaged files and must be reported, not crash an import.
"""

from __future__ import annotations

import math
import warnings
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from dateutil import parser as dateparser

EXCERPT_CHARS = 40
MAX_TIME_CHARS = 64  # the longest sane time text; dateutil is quadratic on megabytes
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100  # GPS patrol logs exist only in between


def _quote(text: str) -> str:
    return repr(text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS] + "…")


def utc(value: datetime) -> datetime:
    """An aware datetime in UTC; a naive one is taken to be UTC already (as stored)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def localise(value: datetime, timezone: str) -> tuple[datetime, bool]:
    """`value` in UTC; a naive value is read in `timezone`. Returns (utc, was_naive).

    ValueError when the value's offset is unusable or the instant is out of range."""
    try:
        if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
            return value.replace(tzinfo=ZoneInfo(timezone)).astimezone(UTC), True
        return value.astimezone(UTC), False
    except ValueError:
        shown = value.replace(tzinfo=None).isoformat()
        raise ValueError(f"time {shown} has an offset of a day or more") from None
    except OverflowError:
        shown = value.replace(tzinfo=None).isoformat()
        raise ValueError(f"time {shown} is out of range once its offset is applied") from None


def check_year(when: datetime) -> None:
    """ValueError for a time outside EARLIEST_YEAR..LATEST_YEAR: a clock or parse fault."""
    if not EARLIEST_YEAR <= when.year <= LATEST_YEAR:
        raise ValueError(
            f"time {when.isoformat()[:40]} lies outside {EARLIEST_YEAR}–{LATEST_YEAR}; "
            "check the device's clock"
        )


def parse_time(text: str) -> datetime:
    """An ISO 8601 (or similar) time, or epoch seconds; ValueError when unreadable."""
    text = text.strip()
    if not text:
        raise ValueError("empty time")
    if len(text) > MAX_TIME_CHARS:
        raise ValueError(f"time {_quote(text)} is longer than {MAX_TIME_CHARS} characters")
    try:
        number = float(text)
    except ValueError:
        pass
    else:
        return from_epoch(number, text)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dateparser.isoparse(text)
    except (ValueError, OverflowError):
        pass
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", dateparser.UnknownTimezoneWarning)
            return dateparser.parse(text, dayfirst=False, yearfirst=True)
    except dateparser.UnknownTimezoneWarning:
        raise ValueError(f"time {_quote(text)} names a time zone nobody knows") from None
    except (ValueError, OverflowError, TypeError) as exc:
        raise ValueError(f"unreadable time {_quote(text)}") from exc


def from_epoch(number: float, text: str | None = None) -> datetime:
    """Epoch seconds (or milliseconds, when above 1e11) as a UTC time."""
    shown = _quote(text if text is not None else str(number))
    if not math.isfinite(number):
        raise ValueError(f"time {shown} is not a finite number")
    if abs(number) > 1e11:  # epoch milliseconds
        number /= 1000.0
    try:
        return datetime.fromtimestamp(number, UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"epoch time {shown} is out of range") from None
