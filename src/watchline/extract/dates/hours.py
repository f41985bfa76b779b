"""Hours in news text: the time of day an event is said to happen, as local wall-clock times.

A claim that says "on Wednesday evening" is about Wednesday 17:00–23:59, not all of
Wednesday: a patrol there in the morning saw nothing of it. The verifier narrows its
window to these hours and widens them by a margin (docs/verdicts.md), so the table below
errs wide where usage varies. Times are the text's own ("local time"), read in the
theatre's zone; a time given in another zone ("10:00 GMT", "Moscow time") is left out,
and so is any time that could be morning or evening ("at 9:30" with no a.m./p.m.).

| Words                                      | Window (local)                          |
|--------------------------------------------|-----------------------------------------|
| morning / early / mid- / late morning      | 06–12 / 00–09 / 08–11 / 09–12           |
| afternoon / early / mid- / late afternoon  | 12–18 / 12–15 / 13–16 / 15–18           |
| evening / early / late evening             | 17–23:59 / 17–20 / 20–23:59             |
| night, "Tuesday night", "at night" on a day| that day 20:00 → next day 06:00         |
| overnight, last night, "at night" (no day) | the night before: day−1 20:00 → 06:00   |
| tonight                                    | that day 20:00 → next day 06:00         |
| overnight into/to Wednesday, night of 30–31| Tuesday 20:00 → Wednesday 06:00         |
| overnight on Wednesday (either night)      | Tuesday 20:00 → Thursday 06:00          |
| in the early hours                         | 00–06                                   |
| at dawn / daybreak / first light / sunrise | 04–07                                   |
| before dawn, pre-dawn                      | 00–07                                   |
| at dusk / sunset / nightfall               | 16–21                                   |
| at noon / midday                           | 12:00 (a point)                         |
| shortly after / before midnight            | 00–01 / 23–23:59                        |
| late on Tuesday / early on Tuesday         | 18–23:59 / 00–09                        |
| at (about) 14:00, around 9.30 a.m.         | that minute (a point)                   |
| shortly after / before 15:00               | 15–16 / 14–15                           |
| between 10 and 11 pm, from 22:00 to 01:30  | 22–23; 22:00 → next day 01:30           |
| since the morning, since 6 a.m.            | from then to the end of the day         |

"At midnight" is left out: it may start or end the day it is written with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from watchline.extract.dates.patterns import MONTH_NAMES, WEEKDAY_NAMES

WEEKDAY = f"(?:{WEEKDAY_NAMES})"  # the date patterns' names, without their groups
MONTH = rf"(?:{MONTH_NAMES})\.?"
DAY_AHEAD = (
    rf"(?=(?:{WEEKDAY}|yesterday|today|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}|"
    rf"{MONTH}\s+\d{{1,2}}\b))"
)
MOD = r"(?:(?P<mod>early|late|mid)[\s-]+)?"
PART = r"(?P<part>morning|afternoon|evening|night)"

Clock = tuple[int, int]  # hour, minute
# (start, end); an end before the start is on the next day.
PARTS: dict[tuple[str, str], tuple[Clock, Clock]] = {
    ("", "morning"): ((6, 0), (12, 0)),
    ("early", "morning"): ((0, 0), (9, 0)),
    ("mid", "morning"): ((8, 0), (11, 0)),
    ("late", "morning"): ((9, 0), (12, 0)),
    ("", "afternoon"): ((12, 0), (18, 0)),
    ("early", "afternoon"): ((12, 0), (15, 0)),
    ("mid", "afternoon"): ((13, 0), (16, 0)),
    ("late", "afternoon"): ((15, 0), (18, 0)),
    ("", "evening"): ((17, 0), (23, 59)),
    ("early", "evening"): ((17, 0), (20, 0)),
    ("mid", "evening"): ((18, 0), (22, 0)),
    ("late", "evening"): ((20, 0), (23, 59)),
    ("", "night"): ((20, 0), (6, 0)),
    ("early", "night"): ((20, 0), (6, 0)),
    ("mid", "night"): ((20, 0), (6, 0)),
    ("late", "night"): ((20, 0), (6, 0)),
    ("", "day-late"): ((18, 0), (23, 59)),
    ("", "day-early"): ((0, 0), (9, 0)),
    ("", "early hours"): ((0, 0), (6, 0)),
    ("", "dawn"): ((4, 0), (7, 0)),
    ("", "before dawn"): ((0, 0), (7, 0)),
    ("", "dusk"): ((16, 0), (21, 0)),
    ("", "noon"): ((12, 0), (12, 0)),
    ("", "after midnight"): ((0, 0), (1, 0)),
    ("", "before midnight"): ((23, 0), (23, 59)),
}
WORDS = {
    "dawn": "dawn", "daybreak": "dawn", "first light": "dawn", "sunrise": "dawn",
    "dusk": "dusk", "sunset": "dusk", "nightfall": "dusk", "noon": "noon", "midday": "noon",
    "night": "night",
}  # fmt: skip


@dataclass(frozen=True)
class Hours:
    """An hour expression: `text == source[start:end]`.

    The window runs from `start_time` on the anchor day + `start_offset` to `end_time`
    (None: the end of the day) on the anchor day + `end_offset`. The anchor is the date
    the expression is joined to ("Tuesday night", "at 23:40 on Tuesday"); one that stands
    alone is read on the statement's day, shifted by `loose_offset` ("at night" reported
    on Wednesday: the night before). `follows` anchors only to a date right after it
    ("overnight into Wednesday"); `since` leaves the window open to the end of the day.
    """

    start: int
    end: int
    text: str
    start_time: time
    end_time: time | None
    start_offset: int = 0
    end_offset: int = 0
    loose_offset: int = 0
    follows: bool = False
    since: bool = False


def _span(match: re.Match[str], group: int | str, clocks: tuple[Clock, Clock], **extra) -> Hours:
    (h1, m1), (h2, m2) = clocks
    first, last = time(h1, m1), time(h2, m2)
    crosses = last < first
    if crosses:
        extra.setdefault("end_offset", 1)
    start, end = match.span(group)
    while end > start and match.string[end - 1].isspace():
        end -= 1  # "late on " before its date
    return Hours(start, end, match.string[start:end], first, last, **extra)


def _part(match: re.Match[str], group: int | str = 0, **extra) -> Hours | None:
    mod = (match.groupdict().get("mod") or "").lower()
    part = match["part"].lower()
    clocks = PARTS.get((mod, part)) or PARTS[("", part)]
    if part == "night":
        extra.setdefault("loose_offset", -1)
    hours = _span(match, group, clocks, **extra)
    if hours.since:  # "since the morning": from its start to the end of the day
        return Hours(hours.start, hours.end, hours.text, hours.start_time, None, since=True)
    return hours


AMPM = r"(?P<{0}>a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
CLOCK = r"(?P<{0}h>\d{{1,2}})(?:[:.](?P<{0}m>[0-5]\d))?(?:\s*" + AMPM.format("{0}ap") + ")?"
MILITARY = r"(?P<{0}mil>(?:[01]\d|2[0-3])[0-5]\d)\s*(?:hours|hrs)\b"
SUFFIX = r"(?:\s*(?:hours|hrs|h)\b)?(?:\s*\(?local\s+time\)?)?"
PART_AFTER = (
    r"(?:\s+(?:in\s+the\s+(?P<{0}part>morning|afternoon|evening)"
    r"|(?P<{0}night>at\s+night)))?"
)
FOREIGN = re.compile(
    r"\s*\(?\s*(?:GMT|UTC|Z\b|Zulu|CET|EET|[A-Z][a-z]+\s+time\b)", re.UNICODE
)  # a time in another zone than the theatre's; "local time" is the theatre's own


def _one(name: str) -> str:
    return rf"(?:{MILITARY.format(name)}|{CLOCK.format(name)}){SUFFIX}{PART_AFTER.format(name)}"


POINT = re.compile(
    r"\b(?P<lead>at|around|about|approximately|roughly|shortly\s+after|just\s+after|"
    r"shortly\s+before|just\s+before|since)\s+(?:(?:about|around|approximately|roughly|"
    r"some)\s+)?" + _one("a"),
    re.IGNORECASE,
)
RANGE = re.compile(
    r"\b(?:between|from)\s+(?:about\s+|around\s+)?"
    + _one("a")
    + r"\s*(?:and|to|until|till|-|–)\s*"
    + _one("b"),
    re.IGNORECASE,
)


def _clock(m: re.Match[str], name: str, ampm: str | None = None) -> Clock | None:
    """A clock time that can only be read one way, or None."""
    military = m[f"{name}mil"]
    if military:
        return int(military[:2]), int(military[2:])
    hour, minute = int(m[f"{name}h"]), int(m[f"{name}m"] or 0)
    marker = (m[f"{name}ap"] or ampm or "").lower()[:1]
    part = (m[f"{name}part"] or "").lower()
    if not marker and part:
        marker = "a" if part == "morning" else "p"
    if not marker and m[f"{name}night"]:
        marker = "p" if hour >= 6 else "a"
    if marker:
        if not 1 <= hour <= 12:
            return None
        return (hour % 12 + (12 if marker == "p" else 0)), minute
    digits = m[f"{name}h"]
    if m[f"{name}m"] is None or hour > 23:
        return None  # "at 10": a number, not a time
    if hour == 0 or hour >= 13 or digits.startswith("0"):
        return hour, minute  # "14:00", "09:30", "00:15": a 24-hour clock
    return None  # "at 9:30": morning or evening


def _points(text: str) -> list[Hours]:
    found = []
    for m in POINT.finditer(text):
        if FOREIGN.match(text, m.end()):
            continue
        clock = _clock(m, "a")
        if clock is None:
            continue
        lead = m["lead"].lower().split()[0]
        hour, minute = clock
        if lead in ("shortly", "just") and "after" in m["lead"].lower():
            later = (hour + 1, minute) if hour < 23 else (23, 59)
            found.append(_span(m, 0, (clock, later)))
        elif lead in ("shortly", "just"):
            earlier = (hour - 1, minute) if hour > 0 else (0, 0)
            found.append(_span(m, 0, (earlier, clock)))
        elif lead == "since":
            found.append(_open(m, clock))
        else:
            found.append(_span(m, 0, (clock, clock)))
    return found


def _open(m: re.Match[str], clock: Clock) -> Hours:
    start, end = m.span()
    return Hours(start, end, m.string[start:end], time(*clock), None, since=True)


def _ranges(text: str) -> list[Hours]:
    found = []
    for m in RANGE.finditer(text):
        if FOREIGN.match(text, m.end()):
            continue
        last = _clock(m, "b")
        if last is None:
            continue
        first = _clock(m, "a") or _clock(m, "a", m["bap"])  # "between 10 and 11 pm"
        if first is None:
            continue
        if first > last and not m["aap"] and m["bap"]:  # "between 11 and 2 pm": 11 a.m.
            first = _clock(m, "a", "am") or first
        found.append(_span(m, 0, (first, last)))
    return found


NAMED: tuple[tuple[re.Pattern[str], str | None, dict], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind, extra)
    for pattern, kind, extra in (
        # "early on Tuesday", "late Tuesday evening", "late on 31 March"
        (
            rf"\b(?P<mod>early|late)\s+(?:on\s+)?{DAY_AHEAD}(?:{WEEKDAY}|yesterday|today)"
            rf"(?:\s+{PART})",
            "modified",
            {},
        ),
        (rf"\b(?P<mod>early|late)\s+(?:on\s+)?{DAY_AHEAD}", "day", {"follows": True}),
        # "overnight into Wednesday", "the night of 30 to 31 March"
        (rf"\bovernight\s+(?:into|to|before)\s+(?:on\s+)?{DAY_AHEAD}", "into", {}),
        (r"\bnight\s+(?:of|from)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s*(?:to|into|-|–|/)\s*",
         "into", {}),
        (rf"\bovernight\s+(?:on\s+)?{DAY_AHEAD}", "either", {}),
        (r"\b(?:overnight|tonight)\b", "night", {}),
        (rf"\b(?:{WEEKDAY}|yesterday|today|this|tomorrow|last)\s+(?P<p>{MOD}{PART})\b",
         "after-day", {}),
        (rf"\b(?:in|during|on)\s+the\s+{MOD}{PART}(?:\s+hours)?\b", "part", {}),
        (r"\b(?:in|during)\s+the\s+(?:early|small|wee)\s+hours\b", "early hours", {}),
        (r"\bsince\s+(?:the\s+|this\s+)?(?P<part>morning|afternoon|evening)\b", "since", {}),
        (r"\b(?:before\s+dawn|pre-?dawn)\b", "before dawn", {}),
        (r"\b(?:at|around|about)\s+(?P<w>dawn|daybreak|first\s+light|sunrise|dusk|sunset|"
         r"nightfall|noon|midday|night)\b", "word", {}),
        (r"\b(?:shortly|just)\s+(?P<dir>after|before)\s+midnight\b", "midnight", {}),
    )
)  # fmt: skip


def _named(text: str) -> list[Hours]:
    found: list[Hours] = []
    for pattern, kind, extra in NAMED:
        for m in pattern.finditer(text):
            hours = _read(m, kind, extra)
            if hours is not None:
                found.append(hours)
    return found


def _read(m: re.Match[str], kind: str | None, extra: dict) -> Hours | None:
    if kind in ("modified", "part"):
        return _part(m)
    if kind == "since":
        return _part(m, since=True)
    if kind == "after-day":
        return _part(m, "p")
    if kind == "day":
        return _span(m, 0, PARTS[("", f"day-{m['mod'].lower()}")], **extra)
    if kind == "into":
        return _span(m, 0, PARTS[("", "night")], start_offset=-1, end_offset=0, follows=True)
    if kind == "either":
        return _span(m, 0, PARTS[("", "night")], start_offset=-1, end_offset=1, follows=True)
    if kind == "night":
        return _span(m, 0, PARTS[("", "night")], loose_offset=-1)
    if kind == "word":
        word = WORDS[" ".join(m["w"].lower().split())]
        return _span(m, 0, PARTS[("", word)], loose_offset=-1 if word == "night" else 0)
    if kind == "midnight":
        return _span(m, 0, PARTS[("", f"{m['dir'].lower()} midnight")])
    if kind in PARTS_KEYS:
        return _span(m, 0, PARTS[("", kind)])
    return None


PARTS_KEYS = {"early hours", "before dawn"}


ELSEWHERE = re.compile(
    r"(?<![(\d])\b(?:\d{1,2}[:.][0-5]\d|\d{3,4}|\d{1,2}\s*[ap]\.?m\.?)\s*"
    r"(?:GMT|UTC|Zulu|CET|EET|Z\b|\(?[A-Z][a-z]+\s+time\b)"
)  # "at 10:00 GMT", "1600 UTC", "at 9 a.m. Moscow time"; not "14:00 (10:00 GMT)"


def other_zone(text: str) -> bool:
    """Whether `text` gives a time of day in another zone than local time (not merely a
    conversion in brackets after a local one): its hours then cannot be read here."""
    return ELSEWHERE.search(text) is not None


def find_hours(text: str) -> list[Hours]:
    """Every hour expression in `text`, in order; of overlapping ones the longest."""
    found = sorted(
        _named(text) + _points(text) + _ranges(text), key=lambda h: (h.start, -(h.end - h.start))
    )
    kept: list[Hours] = []
    for hours in found:
        if kept and hours.start < kept[-1].end:
            continue
        kept.append(hours)
    return kept
