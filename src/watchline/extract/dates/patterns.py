"""Date expressions in English news text, each turned into an inclusive day range.

Every pattern resolves against the publication date: weekdays to the most recent such day
on or before it ("on Monday" in a Monday article is that day), "yesterday" to the day
before, "31 March" to the nearest year that does not put it far in the future.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTHS["sept"] = 9
MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
MONTH = rf"(?P<month>{MONTH_NAMES})\.?"
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
WEEKDAY = rf"(?P<weekday>{WEEKDAY_NAMES})"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "several": 3,
    "a few": 3,
}  # fmt: skip
COUNT = (
    r"(?P<count>\d+|a couple of|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
)
# The longest future distance a bare "31 March" may lie from publication before it is
# read as last year's (articles announce upcoming meetings, rarely months ahead).
FUTURE_MARGIN = timedelta(days=62)

Range = tuple[date, date]
Resolver = Callable[[re.Match[str], date], Range | None]
# Patterns that need no publication date ("31 March 2024", "2024-03-31", "in 2020"): the
# only ones an undated document can resolve (`scan` skips the others without one).
ABSOLUTE: set[str] = {"_iso", "_numeric", "_month_year", "_year", "_decade", "_calendar"}


def _day(d: date) -> Range:
    return d, d


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published_on: date) -> date | None:
    """The nearest such day around publication, the future only a little ahead."""
    candidates = [
        found
        for year in (published_on.year - 1, published_on.year, published_on.year + 1)
        if (found := _safe(year, month, day)) is not None and found - published_on <= FUTURE_MARGIN
    ]
    return min(candidates, key=lambda d: abs(d - published_on), default=None)


def _calendar(m: re.Match[str], published_on: date) -> Range | None:
    month = MONTHS[m["month"].lower().rstrip(".")]
    day = int(m["day"])
    found = (
        _safe(int(m["year"]), month, day) if m["year"] else _infer_year(month, day, published_on)
    )
    return _day(found) if found else None


def _iso(m: re.Match[str], _published_on: date) -> Range | None:
    found = _safe(int(m["year"]), int(m["m"]), int(m["d"]))
    return _day(found) if found else None


def _numeric(m: re.Match[str], _published_on: date) -> Range | None:
    first, second, year = int(m["a"]), int(m["b"]), int(m["year"])
    # Dots are day-first everywhere they are used; slashes are month-first only when the
    # day-first reading is impossible (31/03 vs 03/31).
    found = _safe(year, second, first)
    if found is None and m["sep"] == "/":
        found = _safe(year, first, second)
    return _day(found) if found else None


def _month_year(m: re.Match[str], _published_on: date) -> Range | None:
    month, year = MONTHS[m["month"].lower().rstrip(".")], int(m["year"])
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _month_only(m: re.Match[str], published_on: date) -> Range | None:
    month = MONTHS[m["month"].lower().rstrip(".")]
    year = published_on.year if month <= published_on.month else published_on.year - 1
    if (m["rel"] or "").lower() == "last" and month >= published_on.month:
        year = published_on.year - 1
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _weekday(m: re.Match[str], published_on: date) -> Range | None:
    target = WEEKDAYS[m["weekday"].lower()]
    back = (published_on.weekday() - target) % 7
    rel = (m["rel"] or "").lower()
    if rel == "next":
        ahead = (target - published_on.weekday()) % 7 or 7
        return _day(published_on + timedelta(days=ahead))
    if rel == "last" and back == 0:
        back = 7
    return _day(published_on - timedelta(days=back))


def _offset(days: int) -> Resolver:
    return lambda _m, published_on: _day(published_on + timedelta(days=days))


def _ago(m: re.Match[str], published_on: date) -> Range | None:
    count = NUMBERS.get(m["count"].lower()) or int(m["count"])
    unit = m["unit"].lower().rstrip("s")
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * count
    then = published_on - timedelta(days=days)
    return _day(then) if unit == "day" else (then - timedelta(days=days // 7), then)


def _week(offset: int) -> Resolver:
    def resolve(_m: re.Match[str], published_on: date) -> Range:
        monday = published_on - timedelta(days=published_on.weekday()) + timedelta(weeks=offset)
        end = monday + timedelta(days=6)
        return monday, min(end, published_on) if offset == 0 else end

    return resolve


def _weekend(_m: re.Match[str], published_on: date) -> Range:
    back = (published_on.weekday() - 6) % 7  # the most recent Sunday
    sunday = published_on - timedelta(days=back)
    return sunday - timedelta(days=1), sunday


def _month_rel(offset: int) -> Resolver:
    def resolve(_m: re.Match[str], published_on: date) -> Range:
        year, month = published_on.year, published_on.month + offset
        if month < 1:
            year, month = year - 1, month + 12
        last = calendar.monthrange(year, month)[1]
        end = published_on if offset == 0 else date(year, month, last)
        return date(year, month, 1), end

    return resolve


def _year_rel(offset: int) -> Resolver:
    def resolve(_m: re.Match[str], published_on: date) -> Range:
        year = published_on.year + offset
        return date(year, 1, 1), published_on if offset == 0 else date(year, 12, 31)

    return resolve


def _year(m: re.Match[str], _published_on: date) -> Range | None:
    year = int(m["year"])
    return date(year, 1, 1), date(year, 12, 31)


def _decade(m: re.Match[str], _published_on: date) -> Range | None:
    start = int(m["decade"])
    return date(start, 1, 1), date(start + 9, 12, 31)


PATTERNS: tuple[tuple[re.Pattern[str], Resolver], ...] = tuple(
    (re.compile(pattern, flags), resolver)
    for pattern, flags, resolver in (
        (r"\b(?P<year>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)", 0, _iso),
        (r"\b(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)" + YEAR + r"\b", 0, _numeric),
        (rf"\b{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?\b", 0, _calendar),
        (rf"\b{MONTH}\s+{DAY}\b(?:,?\s+{YEAR}\b)?", 0, _calendar),
        (rf"\b{MONTH}\s+{YEAR}\b", 0, _month_year),
        (
            r"\b(?:(?P<rel>last|this|early|late|mid|in|since|until|by)[\s-]+)"
            r"(?P<month>January|February|March|April|June|July|August|September|October"
            r"|November|December)\b(?![\s,]*\d)",
            0,
            _month_only,
        ),
        (rf"\b(?:(?P<rel>last|this|next|past)\s+)?{WEEKDAY}{PART}\b", 0, _weekday),
        (r"\bthe\s+day\s+before\s+yesterday\b", re.I, _offset(-2)),
        (r"\byesterday(?:\s+(?:morning|afternoon|evening))?\b", re.I, _offset(-1)),
        (r"\blast\s+night\b|\bovernight\b", re.I, _offset(-1)),
        (r"\btoday\b|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b", re.I, _offset(0)),
        (r"\btomorrow\b", re.I, _offset(1)),
        (
            rf"\b{COUNT}\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b",
            re.I,
            _ago,
        ),
        (r"\b(?:last|past|previous)\s+week\b", re.I, _week(-1)),
        (r"\b(?:earlier\s+)?this\s+week\b", re.I, _week(0)),
        (r"\b(?:over|at|during|on)\s+the\s+weekend\b|\bthis\s+weekend\b", re.I, _weekend),
        (r"\b(?:last|past|previous)\s+month\b", re.I, _month_rel(-1)),
        (r"\b(?:earlier\s+)?this\s+month\b", re.I, _month_rel(0)),
        (r"\b(?:last|past|previous)\s+year\b", re.I, _year_rel(-1)),
        (r"\b(?:earlier\s+)?this\s+year\b", re.I, _year_rel(0)),
        (r"\b(?:in|since|during|of|by|until)\s+" + YEAR + r"\b", 0, _year),
        (r"\b(?:the\s+)?(?P<decade>(?:19|20)\d0)['’]?s\b", 0, _decade),
    )
)


def scan(text: str, published_on: date | None) -> Iterator[tuple[int, int, Range]]:
    """(start, end, range) of every date expression, overlapping ones included.

    Without a publication date only absolute dates resolve: "on Saturday" or "31 March"
    (no year) mean nothing in an undated document, rather than a guessed day.
    """
    for pattern, resolver in PATTERNS:
        for match in pattern.finditer(text):
            if published_on is None:
                found = _undated(match, resolver)
            else:
                found = resolver(match, published_on)
            if found is not None:
                yield match.start(), match.end(), found


def _undated(match: re.Match[str], resolver: Resolver) -> Range | None:
    """An expression's range in a document with no publication date: absolute ones only."""
    if getattr(resolver, "__name__", "") not in ABSOLUTE:
        return None
    if resolver is _calendar and not match["year"]:
        return None  # "31 March": which year depends on the publication date
    return resolver(match, date.min)
