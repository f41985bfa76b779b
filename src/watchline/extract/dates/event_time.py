"""When the event in a statement's content happens: its days, ranges and hours.

The content's own time words decide (`days.find_dates` for days, `hours.find_hours` for
the time of day, and the ranges below); words relative to "now" ("overnight",
"yesterday", "this morning") are read on the day the statement was made, which for a
statement reported days later is not the day of publication. Ranges run up to the
statement's day: "over the past two days" is that day and the one before, "since Friday"
Friday to that day, "throughout the week" its Monday to that day. Hours narrow a single
day only when the text joins them to it ("at 23:40 on Tuesday", "Wednesday evening") or
when the content names no other day; anything less certain keeps whole days, which can
never make a patrol at the wrong hour look like evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from watchline.domain import TimeWindow
from watchline.extract.dates.days import DateMention, find_dates, resolve_stated_on
from watchline.extract.dates.hours import Hours, find_hours, other_zone
from watchline.extract.dates.patterns import COUNT, NUMBERS

# Relative to the moment of speaking: read on the statement's day, not the paper's.
DEICTIC = re.compile(
    r"^(?:yesterday|today|tonight|tomorrow|last\s+night|overnight|this\s+(?:morning|afternoon|"
    r"evening)|the\s+day\s+before\s+yesterday|.*\bago)\b",
    re.IGNORECASE,
)
# What may stand between an hour and its date: "at 23:40 on Tuesday", "in the afternoon
# of 31 March", "on Tuesday, at about 14:00", "late on Tuesday".
JOIN = re.compile(r"\s*,?\s*(?:(?:on|of)\s+(?:the\s+)?)?")


@dataclass(frozen=True)
class _Range:
    """A range relative to the statement's day: `back` days before it up to it."""

    pattern: re.Pattern[str]
    back: int | None  # None: the count in the text; -1: the Monday of that week
    vague: bool = False  # "recently", "in recent days": no stated extent


_PAST = r"\b(?:over|in|during|for|within)\s+the\s+(?:past|last|previous)\s+"
RANGES = tuple(
    _Range(re.compile(pattern, re.IGNORECASE), back, vague)
    for pattern, back, vague in (
        (rf"{_PAST}{COUNT}\s+days\b", None, False),
        (rf"{_PAST}24\s+hours\b", 1, False),
        (rf"{_PAST}48\s+hours\b", 2, False),
        (rf"{_PAST}72\s+hours\b", 3, False),
        (rf"{_PAST}week\b", 6, False),
        (r"\b(?:throughout|during|all\s+through|over)\s+(?:the|this)\s+week\b|\ball\s+week\b",
         -1, False),
        (r"\bin\s+recent\s+weeks\b", 21, True),
        (r"\b(?:in\s+recent|in\s+the\s+past\s+few|over\s+the\s+past\s+few|in\s+the\s+last\s+few|"
         r"over\s+the\s+last\s+few)\s+days\b", 3, True),
        (r"\b(?:recently|currently|now|at\s+present|these\s+days|lately)\b", 0, True),
    )
)  # fmt: skip


def find_ranges(text: str, day: date, *, vague: bool = True) -> list[DateMention]:
    """Ranges that end on `day`, the statement's day; `vague=False` leaves out those the
    text gives no extent for ("recently", "in recent days")."""
    found = []
    for spec in RANGES:
        if spec.vague and not vague:
            continue
        for m in spec.pattern.finditer(text):
            back = spec.back
            if back is None:
                back = max((NUMBERS.get(m["count"].lower()) or int(m["count"])) - 1, 0)
            start = day - timedelta(days=day.weekday()) if back == -1 else day - timedelta(back)
            found.append(DateMention(m.start(), m.end(), m.group(0), start, day))
    return found


def event_window(
    content: str,
    published_on: date | None,
    stated_on: date | None,
    *,
    fallback: bool = True,
    vague: bool = True,
) -> TimeWindow | None:
    """The event's time from its content; without any time word the statement's day
    (when `fallback`), or None where no day is known. `vague=False` reads "recently" or
    "in recent days" as no time word at all (the claim is about now, its stated day):
    the text gives them no extent to hold patrols to."""
    reference = stated_on or published_on
    mentions = _mentions(content, published_on, stated_on, reference, vague)
    hours = [] if other_zone(content) else find_hours(content)
    mentions = [m for m in mentions if not any(_inside(m, h) for h in hours if h.follows)]
    if not mentions:
        if reference is not None and hours:
            return _on_day(content, reference, hours, anchored=False)
        if fallback and stated_on is not None:
            return TimeWindow(stated_on, stated_on, None)
        return None
    first = mentions[0]
    if _since(content, first) and reference is not None:
        own = [h for h in hours if _anchored(content, h, first)]
        start_time = own[0].start_time if own and not own[0].start_offset else None
        return TimeWindow(first.start_date, max(reference, first.end_date), first.text, start_time)
    if not first.is_day:
        return TimeWindow(first.start_date, first.end_date, first.text)
    own = [h for h in hours if _anchored(content, h, first)]
    if not own and all(m.is_day and m.start_date == first.start_date for m in mentions):
        own = [h for h in hours if not _anchored_elsewhere(content, h, mentions)]
    if not own:
        return TimeWindow(first.start_date, first.end_date, first.text)
    return _on_day(content, first.start_date, own, anchored=True, mention=first)


def resolve_time_window(
    text: str, published_on: date | None, start: int, end: int
) -> TimeWindow | None:
    """When the event in a content span happens, from the span's own time words (days,
    ranges and hours), or None where it names no time."""
    stated = resolve_stated_on(text, published_on, start, end, default=published_on)
    return event_window(text[start:end], published_on, stated, fallback=False)


def _mentions(
    content: str,
    published_on: date | None,
    stated_on: date | None,
    reference: date | None,
    vague: bool,
) -> list[DateMention]:
    """Dates and ranges of the content, deictic words read on the statement's day."""
    found = find_dates(content, published_on)
    if stated_on is not None and stated_on != published_on:
        rebased = {(m.start, m.end): m for m in find_dates(content, stated_on)}
        found = [rebased.get((m.start, m.end), m) if DEICTIC.match(m.text) else m for m in found]
    if reference is not None:
        found += find_ranges(content, reference, vague=vague)
    ordered = sorted(found, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[DateMention] = []
    for mention in ordered:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _inside(mention: DateMention, hours: Hours) -> bool:
    return hours.start <= mention.start and mention.end <= hours.end


def _overlap(mention: DateMention, hours: Hours) -> bool:
    return mention.start < hours.end and hours.start < mention.end


def _anchored(content: str, hours: Hours, mention: DateMention) -> bool:
    """Whether the text joins `hours` to the date `mention`."""
    if _overlap(mention, hours):
        return True
    if mention.start >= hours.end:
        return JOIN.fullmatch(content, hours.end, mention.start) is not None
    if hours.follows:
        return False
    return JOIN.fullmatch(content, mention.end, hours.start) is not None


def _anchored_elsewhere(content: str, hours: Hours, mentions: list[DateMention]) -> bool:
    return hours.follows or any(_anchored(content, hours, m) for m in mentions)


def _since(content: str, mention: DateMention) -> bool:
    """'since Friday', 'since 30 March': a period from that day to the statement's."""
    if mention.text.lower().startswith("since"):  # "since February" is one expression
        return True
    return (
        re.search(r"\bsince\s+$", content[max(0, mention.start - 8) : mention.start], re.I)
        is not None
    )


def _on_day(
    content: str,
    day: date,
    hours: list[Hours],
    *,
    anchored: bool,
    mention: DateMention | None = None,
) -> TimeWindow:
    """The envelope of `hours` read on `day` (loose ones shifted by their loose offset)."""
    starts: list[datetime] = []
    ends: list[datetime] = []
    for h in hours:
        base = day if anchored else day + timedelta(days=h.loose_offset)
        starts.append(datetime.combine(base + timedelta(days=h.start_offset), h.start_time))
        end_day = base + timedelta(days=h.end_offset)
        if h.since or h.end_time is None:
            end_day = max(end_day, day)
            ends.append(datetime.combine(end_day, time(23, 59, 59)))
        else:
            ends.append(datetime.combine(end_day, h.end_time))
    first, last = min(starts), max(ends)
    open_end = last.time() == time(23, 59, 59)
    return TimeWindow(
        first.date(),
        last.date(),
        _text(content, mention, hours),
        first.time(),
        None if open_end else last.time(),
    )


def _text(content: str, mention: DateMention | None, hours: list[Hours]) -> str:
    """The words the window was read from, as written."""
    pieces = sorted(
        [(h.start, h.end) for h in hours] + ([(mention.start, mention.end)] if mention else [])
    )
    start, end = pieces[0]
    parts = []
    for s, e in pieces[1:]:
        if JOIN.fullmatch(content, end, s) or s < end:
            end = max(end, e)
        else:
            parts.append(content[start:end])
            start, end = s, e
    parts.append(content[start:end])
    return " … ".join(parts)


def undated_warning(text: str, where: str) -> str:
    """The warning for a document with no publication time: W101 names a relative date
    it could not resolve ("on Saturday"), W102 says only that statements carry no day."""
    from watchline.errors import Errors

    absolute = {(m.start, m.end) for m in find_dates(text, None)}
    relative = [m for m in find_dates(text, date(2000, 1, 3)) if (m.start, m.end) not in absolute]
    if relative:
        return Errors.W101.format(where=where, example=relative[0].text[:80])
    return Errors.W102.format(where=where)
