"""When a case is about, as an instant range: the claimed days, narrowed to the claimed
hours where every allegation gives them, widened by the policy's margin.

"On Wednesday evening" means Wednesday 17:00–23:59 in the theatre's time zone; a patrol
there in the morning saw nothing of it. Stated hours are rounded and often second-hand
("at about 14:00"), so they are widened by `VerifyPolicy.hour_margin_minutes` (60) on
each side. A case whose allegations give no hours, or only some of them, keeps whole days:
one claim without hours makes the whole day possible.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from watchline.domain import Case, Claim, Theatre
from watchline.verify.policy import DEFAULT_POLICY, VerifyPolicy

Instants = tuple[datetime, datetime]


def zone_of(theatre: Theatre | None) -> ZoneInfo | None:
    return ZoneInfo(theatre.timezone) if theatre is not None else None


def day_window(first: date, last: date, theatre: Theatre | None) -> Instants:
    """`first` 00:00 to the midnight after `last`, in the theatre's zone, as UTC."""
    zone = zone_of(theatre) or UTC
    start = datetime.combine(first, time(0), zone).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), zone).astimezone(UTC)
    return start, end


def day_part(day: date, window: Instants | None, theatre: Theatre | None) -> Instants | None:
    """The part of `window` on `day` (theatre's zone): the whole day, or fewer hours on
    the first and last day of claimed hours ("overnight" is a few hours on each of two
    days); None when the window has nothing on that day."""
    start, end = day_window(day, day, theatre)
    if window is not None:
        start, end = max(start, window[0]), min(end, window[1])
    return (start, end) if end > start else None


def claim_hours(claim: Claim, theatre: Theatre | None, margin: timedelta) -> Instants | None:
    """The claim's stated hours as UTC instants (margin included), or None for whole days."""
    window = claim.event.time
    if window is None or not window.has_hours:
        return None
    first = window.start or window.end
    last = window.end or window.start
    if first is None or last is None:
        return None
    zone = zone_of(theatre) or UTC
    start = datetime.combine(first, window.start_time or time(0), zone)
    if window.end_time is None:
        end = datetime.combine(last + timedelta(days=1), time(0), zone)
    else:
        end = datetime.combine(last, window.end_time, zone)
        if window.end_time == time(23, 59):
            end += timedelta(minutes=1)
    if end < start:  # "between 22:00 and 02:00" written on one day: past midnight
        end += timedelta(days=1)
    return (start - margin).astimezone(UTC), (end + margin).astimezone(UTC)


def case_window(
    case: Case,
    core: Sequence[Claim],
    theatre: Theatre | None,
    policy: VerifyPolicy = DEFAULT_POLICY,
) -> Instants | None:
    """The instants a case is about; `core` are its allegations (or its denials when it
    has none). Whole days unless every core claim states its hours."""
    if case.start is None:
        return None
    days = day_window(case.start, case.end or case.start, theatre)
    margin = timedelta(minutes=policy.hour_margin_minutes)
    hours = [claim_hours(claim, theatre, margin) for claim in core]
    if not hours or any(h is None for h in hours):
        return days
    known = [h for h in hours if h is not None]
    return min(h[0] for h in known), max(h[1] for h in known)
