"""Russian dates resolved against the publication day.

Small and exact rather than general: `dateparser` reads single date strings well but
finds dates inside running Russian text poorly and slowly, and it has no reading of
"накануне" or "в ночь на понедельник". What news and ministry posts write is few forms:
a weekday ("в воскресенье", "в прошлую субботу"), a relative day ("вчера", "накануне",
"сегодня"), a night ("в ночь на понедельник", "в ночь с 30 на 31 марта"), and a day of a
month ("31 марта", "31 марта 2025 года", "31.03.2025"). A weekday or a day without a year
is the latest such day not after publication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7,
    "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
WEEKDAYS = {
    "понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5,
    "воскресень": 6,
}  # fmt: skip
RELATIVE = {"сегодня": 0, "вчера": -1, "позавчера": -2, "накануне": -1}

_MONTH = (
    r"(январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|"
    r"сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь])"
)
_DAY = r"(понедельник|вторник|сред[ауы]|четверг|пятниц[ауы]|суббот[ауы]|воскресень[ея])"
NIGHT_DATES = re.compile(rf"\bв ночь с (\d{{1,2}})(?:-го)? на (\d{{1,2}})(?:-е)? {_MONTH}", re.I)
NIGHT_DAY = re.compile(rf"\bв ночь (?:на|с \w+ на) {_DAY}", re.I)
DAY_RANGE = re.compile(
    rf"\b(?:с )?(\d{{1,2}})\s*(?:-|–|по )\s*(\d{{1,2}}) {_MONTH}(?: (\d{{4}}))?", re.I
)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}}) {_MONTH}(?: (\d{{4}})(?: г(?:ода|\.)?)?)?", re.I)
NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
WEEKDAY = re.compile(rf"\b(?:в|во)(?: (?:прошл\w+|минувш\w+|эт\w+))? {_DAY}\b", re.I)
RELATIVE_WORD = re.compile(r"\b(сегодня|вчера|позавчера|накануне)\b", re.I)
# "БАКУ, 11 июня. /ТАСС/.", "БИШКЕК, 28 янв — Sputnik": a wire dateline opens a line
DATELINE = re.compile(
    r"(?m)^\s*[А-ЯЁ][А-ЯЁ-]+(?: [А-ЯЁ][А-ЯЁ-]+)?, (\d{1,2}) "
    r"(янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)[а-я]*\.?(?= |$|\.|,)"
)
ABBREVIATED = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "май": 5, "мая": 5, "июн": 6, "июл": 7,
    "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}  # fmt: skip


@dataclass(frozen=True)
class RuDate:
    start: int
    end: int
    text: str
    first: date
    last: date
    explicit: bool  # a calendar date, not relative to publication


def _month(word: str) -> int:
    low = word.lower()
    for stem_, number in MONTHS.items():
        if low.startswith(stem_) and (stem_ != "ма" or low in ("мая", "май")):
            return number
    raise ValueError(word)


def _weekday(word: str) -> int:
    low = word.lower()
    return next(n for stem_, n in WEEKDAYS.items() if low.startswith(stem_))


def _day(day: int, month: int, year: str | None, published: date | None) -> date | None:
    if year:
        base_year = int(year)
    elif published is not None:
        base_year = published.year
    else:
        return None
    try:
        found = date(base_year, month, day)
    except ValueError:
        return None
    if not year and published is not None and found > published + timedelta(days=7):
        found = found.replace(year=base_year - 1)
    return found


def _last_weekday(weekday: int, published: date) -> date:
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def find_dates(text: str, published: date | None) -> list[RuDate]:
    """Every resolvable date in `text`, in order, none overlapping."""
    found: list[RuDate] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], first: date | None, last: date | None, explicit: bool) -> None:
        if first is None or last is None:
            return
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(RuDate(m.start(), m.end(), m.group(0), first, last, explicit))

    for m in NIGHT_DATES.finditer(text):
        month = _month(m.group(3))
        add(m, _day(int(m.group(1)), month, None, published),
            _day(int(m.group(2)), month, None, published), True)  # fmt: skip
    for m in DAY_RANGE.finditer(text):
        month = _month(m.group(3))
        add(m, _day(int(m.group(1)), month, m.group(4), published),
            _day(int(m.group(2)), month, m.group(4), published), True)  # fmt: skip
    for m in DAY_MONTH.finditer(text):
        day = _day(int(m.group(1)), _month(m.group(2)), m.group(3), published)
        add(m, day, day, True)
    for m in NUMERIC.finditer(text):
        try:
            day_ = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            continue
        add(m, day_, day_, True)
    if published is not None:
        for m in NIGHT_DAY.finditer(text):
            night_end = _last_weekday(_weekday(m.group(1)), published)
            add(m, night_end - timedelta(days=1), night_end, False)
        for m in WEEKDAY.finditer(text):
            day_ = _last_weekday(_weekday(m.group(1)), published)
            add(m, day_, day_, False)
        for m in RELATIVE_WORD.finditer(text):
            day_ = published + timedelta(days=RELATIVE[m.group(1).lower()])
            add(m, day_, day_, False)
    return sorted(found, key=lambda d: d.start)


def statement_day(text: str, dates: list[RuDate], published: date | None) -> date | None:
    """The day the document's statements were made, where the text itself anchors it.

    A wire dateline ("БАКУ, 11 июня. /ТАСС/.") dates the whole story; so does a text that
    names its own publication day ("сегодня, 16 сентября", "в пятницу" in a Friday
    article, "в ночь на 3 июня" in one of 3 June): the statements it reports are that
    day's (GUIDE.md §5, a same-day report). Without either, the day stays unknown.
    """
    m = DATELINE.search(text)
    if m is not None:
        day = _day(int(m.group(1)), ABBREVIATED[m.group(2).lower()], None, published)
        if day is not None:
            return day
    if published is None:
        return None
    if any(d.first <= published <= d.last for d in dates):
        return published
    return None


def has_relative_date(text: str) -> bool:
    """Whether the text names a day only relative to publication (for W101)."""
    return bool(WEEKDAY.search(text) or RELATIVE_WORD.search(text) or NIGHT_DAY.search(text))
