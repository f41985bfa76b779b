"""When a claim is about: its event time, or the day it was made give or take a little."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from watchline.domain import Claim

Window = tuple[date, date]


def event_window(claim: Claim) -> Window | None:
    """The event's own dates; else the day the statement was made."""
    time = claim.event.time
    if time is not None and (time.start or time.end):
        start = time.start or time.end
        end = time.end or time.start
        assert start is not None and end is not None
        return (min(start, end), max(start, end))
    if claim.stated_on is not None:
        return (claim.stated_on, claim.stated_on)
    return None


def link_window(claim: Claim, tolerance_days: int) -> Window | None:
    """The window used to match claims: exact event dates, or stated_on ± tolerance.

    An explicit event date is trusted as it is; a statement with no event time ("troops
    have been massing") may be about the days around the statement.
    """
    time = claim.event.time
    if time is not None and (time.start or time.end):
        return event_window(claim)
    if claim.stated_on is None:
        return None
    slack = timedelta(days=tolerance_days)
    return (claim.stated_on - slack, claim.stated_on + slack)


def overlaps(a: Window | None, b: Window | None) -> bool:
    """Inclusive overlap; an unknown window overlaps everything."""
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def union(windows: Iterable[Window | None]) -> Window | None:
    known = [w for w in windows if w is not None]
    if not known:
        return None
    return (min(w[0] for w in known), max(w[1] for w in known))
