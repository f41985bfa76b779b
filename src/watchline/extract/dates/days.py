"""Dates in news text: what each expression means, and on which day a statement was made.

News writing dates a statement once and lets the following sentences inherit it
("On Sunday, the ministry said … They also accused … A few hours later, Armenia
denied …"), moves the time with anaphora ("later that day", "the next day") and leaves
it open with "at the time" or "a week after …". `resolve_stated_on` follows that thread
through the sentences before a claim; it returns None rather than guess where the text
says the time is another, unknown one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from watchline.extract.dates.patterns import NUMBERS, scan
from watchline.extract.dates.sentences import Sentence, post_dateline, sentences


@dataclass(frozen=True)
class DateMention:
    """A date expression: `text == source[start:end]`, meaning start_date..end_date."""

    start: int
    end: int
    text: str
    start_date: date
    end_date: date

    @property
    def is_day(self) -> bool:
        return self.start_date == self.end_date


def find_dates(text: str, published_on: date | None) -> list[DateMention]:
    """Every date expression, resolved against the publication date; longest wins."""
    found = sorted(scan(text, published_on), key=lambda f: (f[0], -(f[1] - f[0])))
    mentions: list[DateMention] = []
    for start, end, (first, last) in found:
        if mentions and start < mentions[-1].end:
            continue
        mentions.append(DateMention(start, end, text[start:end], first, last))
    return mentions


UNKNOWN = re.compile(
    r"\b(?:at\s+the\s+time|at\s+that\s+time|back\s+then|in\s+the\s+past|previously|"
    r"(?:a|an|one|two|three|four|five|six|several|a\s+few|a\s+couple\s+of|\d+)\s+"
    r"(?:days?|weeks?|months?|years?)\s+(?:after|before|prior\s+to)|"
    r"(?:days|weeks|months|years)\s+(?:after|before|earlier)|"
    r"earlier\s+this\s+year|last\s+year)\b",
    re.IGNORECASE,
)
SAME_DAY = re.compile(
    r"\b(?:(?:later|earlier)\s+(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)|"
    r"(?:a\s+few|several|two|three|four|five|six|\d+)\s+hours\s+(?:later|earlier|after)|"
    r"hours\s+later|within\s+hours|the\s+same\s+day|that\s+(?:same\s+)?(?:day|morning|"
    r"afternoon|evening|night)|shortly\s+(?:after|afterwards|thereafter)|soon\s+after|"
    r"in\s+response|meanwhile)\b",
    re.IGNORECASE,
)
SHIFT = re.compile(
    r"\b(?:(?P<next>the\s+(?:next|following)\s+day)|(?P<prev>the\s+(?:previous|preceding)\s+"
    r"day|the\s+day\s+before|a\s+day\s+earlier)|(?P<count>\d+|a|an|one|two|three|four|five|six|"
    r"seven|a\s+few|several)\s+(?P<unit>days?|weeks?)\s+(?P<dir>later|afterwards|earlier))\b",
    re.IGNORECASE,
)
SPEECH = re.compile(
    r"\b(?:said|says|stated|told|announced|reported|claimed|accused|denied|warned|added|"
    r"wrote|posted|confirmed|insisted|urged|called|declared|alleged|rejected|dismissed|"
    r"noted|stressed|responded|replied|tweeted)\b"
)
# What may stand between a cue and the date that dates it: "said on Tuesday", "said
# Tuesday", "said in a statement late on Tuesday".
CUE_TO_DATE = re.compile(
    r"\s*,?\s*(?:(?:in|on|at|to|during)\s+(?:an?\s+|the\s+|its\s+|his\s+|her\s+|their\s+)?"
    r"(?:[a-z\-]+\s+){0,2}(?:statement|post|"
    r"interview|briefing|address|speech|message|Telegram|X|Twitter|Facebook|social\s+media|"
    r"website|state\s+TV|television|news\s+conference|press\s+conference|meeting)"
    r"(?:\s+channel)?\s+)*(?:(?:reporters|journalists|Reuters|AFP|parliament|lawmakers)\s+)?"
    r"(?:(?:the|these|those|such|its|their)\s+(?:[a-z\-]+\s+)?(?:claims?|accusations?|"
    r"allegations?|reports?|charges?|statements?)\s+)?"
    r"(?:(?:late|early|earlier|later)\s+)?(?:on\s+|this\s+|last\s+)?$"
)
CUE_REACH = 80  # characters from a cue to a date that CUE_TO_DATE may still join
QUOTE_CLOSE = re.compile(r"[’”»](?![A-Za-z])|\"(?=[\s,.;:!?]|$)")
# "KYIV, March 3 (Reuters) -": the place and day a wire story was filed.
DATELINE = re.compile(
    r"\s*[A-Z][A-Z .'’\-]{1,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"(?:,\s*\d{4})?\s*(?:\([^)\n]{2,30}\)\s*)?[-–—]+\s*"
)
# What may precede a date that opens a sentence and dates its statement.
FRAME = re.compile(
    r"^\s*(?:(?:speaking|writing|talking|addressing|briefing|answering|commenting)\b[^,]*?\s)?"
    r"(?:(?:in|at|during)\s+(?:a|an|the|its|his|her|their)\s+(?:[a-z\-]+\s+){0,3}"
    r"(?:(?:to|with|for)\s+(?:[\w\-.’']+\s+){1,6})?(?:held\s+)?)?"
    r"(?:(?:late|early|earlier|later)\s+)?(?:on|in|at|by|from|until)?\s*$",
    re.IGNORECASE,
)  # "Speaking at a government session this morning, Pashinyan said" dates the saying
PLACE_AFTER = re.compile(r"^,\s*(?:in|at)\s+[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}\s*,")
REPORTER_WORDS = 12  # ", Lebanon's state-run National News Agency reported" and shorter
NEAR = 24  # characters between a cue and a date that still dates it ("said on Tuesday")
OPENING = 60  # a time window this early in a sentence frames the whole sentence


@dataclass
class _Thread:
    """The time a run of sentences is about: a day, unknown (None), or not set yet."""

    day: date | None = None
    known: bool = False  # False with day None: nothing set; True with day None: unknown


def resolve_stated_on(
    text: str,
    published_on: date | None,
    start: int,
    end: int,
    default: date | None = None,
    *,
    exclude: Sequence[tuple[int, int]] = (),
) -> date | None:
    """The day the statement at text[start:end] (its cue or sentence) was made.

    `exclude` holds character ranges of reported content (of this claim and earlier
    ones): the times in them date the events told, not the statements, so they are
    ignored both here and as the time later sentences inherit. Without it, content is
    recognised by its place: after "that" or inside quotes after the cue, or before a
    reporting clause at the end ("Drones hit Odesa on Saturday, the governor said").
    """
    mentions, sents = _analysis(text, published_on)
    if exclude:
        mentions = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in exclude)]
    index = next((i for i, s in enumerate(sents) if s.start <= start < s.end), None)
    if index is None:
        return default
    target = sents[index]
    own = _governing(text, mentions, target, start, end)
    if own is not None:
        return own.start_date if own.is_day else None
    head = text[target.start : max(end, start + 1)]
    if UNKNOWN.search(head):
        return None
    thread = _thread_before(text, sents, index, mentions)
    shift = SHIFT.search(text[target.start : target.end])
    if shift is not None:
        base = thread.day if thread.known else default
        return base + _shift_days(shift) if base is not None else None
    dateline = post_dateline(text, target, published_on)
    if dateline is not None:
        return dateline
    if thread.known:
        return thread.day
    ahead = _lead_date(text, sents, index, mentions)
    return ahead if ahead is not None else default


@lru_cache(maxsize=16)
def _analysis(text: str, published_on: date | None) -> tuple[list[DateMention], list[Sentence]]:
    """Dates and sentences of a text, computed once for all the claims in it."""
    return find_dates(text, published_on), sentences(text)


def _governing(
    text: str, mentions: list[DateMention], sent: Sentence, start: int, end: int
) -> DateMention | None:
    """The date expression that dates the statement at start..end, if its sentence has one.

    A date right after a short cue dates it ("said on Tuesday"); otherwise the nearest
    date before the cue that is not inside a quotation ("‘… yesterday’, they said").
    """
    inside = [m for m in mentions if sent.start <= m.start < sent.end]
    short = end - start <= 40
    limit = max(end, start) + CUE_REACH if short else start + NEAR
    after = [m for m in inside if m.start >= (end if short else start) and m.start <= limit]
    if after and short and CUE_TO_DATE.match(text, end, after[0].start):
        return after[0]
    line = DATELINE.match(text, sent.start, sent.end)
    opening = line.end() if line else sent.start
    before = [
        m
        for m in inside
        if m.end <= start and (m.end <= opening or not _reported(text, opening, m, start))
    ]
    if before:
        return before[-1]
    return after[0] if after and not short else None


def _reported(text: str, opening: int, mention: DateMention, cue: int) -> bool:
    """Whether a date before the cue lies in what was said, not in when it was said.

    Inside a quotation ("‘… yesterday’, they said") or in a clause that the reporting
    clause follows ("Drones hit Odesa on Saturday, the governor said") it dates the
    event; a sentence that opens with it ("Late on Sunday, the ministry said") or a
    cue phrase that holds it ("denied the claim on Sunday and said") dates the statement.
    """
    if _quoted(text, opening, mention.start):
        return True
    between = text[mention.end : cue]
    if "," not in between:
        return False
    tail = between.rsplit(",", 1)[1]
    if len(tail.split()) > REPORTER_WORDS or SPEECH.search(tail):
        return False
    # ", in Addis Abeba," after the date is where the briefing was, still its frame
    framing = PLACE_AFTER.sub(",", between).count(",") == 1 and between.startswith(",")
    # "On Sunday, the ministry said" frames the statement; "On Sunday, troops shelled
    # Nikopol, the governor said" frames the event the governor reports.
    return not (framing and FRAME.match(text[opening : mention.start]))


def _quoted(text: str, sentence_start: int, position: int) -> bool:
    """Whether `position` lies inside a quotation opened earlier in its sentence."""
    head = text[sentence_start:position]
    opened = max(head.rfind("‘"), head.rfind("“"), head.rfind("«"), _straight_open(head))
    if opened < 0:
        return False
    closed = QUOTE_CLOSE.search(head, opened + 1)
    return closed is None


def _straight_open(head: str) -> int:
    found = [m.start() for m in re.finditer(r'(?:^|(?<=\s))"', head)]
    return found[-1] if found else -1


def _thread_before(
    text: str, sents: list[Sentence], index: int, mentions: list[DateMention]
) -> _Thread:
    """The time set by the sentences before `index` in the same section."""
    thread = _Thread()
    for sent in sents[:index]:
        if sent.section != sents[index].section:
            continue
        verb = SPEECH.search(text, sent.start, sent.end)
        # A statement's own time words come before its cue or right after it; those
        # further on are in what was said ("said the attack came days after the talks").
        head_end = min(sent.end, verb.end() + NEAR) if verb else sent.end
        head = text[sent.start : head_end]
        inside = [m for m in mentions if sent.start <= m.start < sent.end]
        opening = [m for m in inside if m.start - sent.start <= OPENING and m.end <= head_end]
        shift = SHIFT.search(head)
        own = _sentence_date(text, mentions, sent, inside)
        # Background ("Clashes in 2020 killed thousands.", "At the time, the border was
        # quiet.") dates what it tells; only a statement made at another time moves the
        # thread off the day.
        if verb and opening and not opening[0].is_day:
            thread = _Thread(None, True)
        elif own is not None and verb and own.is_day and thread.day and own.start_date < thread.day:
            pass  # "Biden said late on Thursday …" in Friday's story: a flashback; the
            # statements after it are back on the story's day
        elif own is not None:
            thread = _Thread(own.start_date if own.is_day else None, True)
        elif verb and UNKNOWN.search(head):
            thread = _Thread(None, True)
        elif shift is not None and thread.day is not None and _shift_days(shift).days > 0:
            # "The next day …" moves the story on; "A day earlier, he had warned …" is a
            # flashback, after which the story returns to its day.
            thread = _Thread(thread.day + _shift_days(shift), True)
    return thread


def _sentence_date(
    text: str, mentions: list[DateMention], sent: Sentence, inside: list[DateMention]
) -> DateMention | None:
    """The day a sentence is about: its statement's date when it reports speech (not the
    date of what was said), else its first day."""
    verb = SPEECH.search(text, sent.start, sent.end)
    if verb is not None:
        return _governing(text, mentions, sent, verb.start(), verb.end())
    days = [m for m in inside if m.is_day and not period_start(text, sent.start, m.start)]
    return days[0] if days else None


SINCE = re.compile(r"\b(?:since|until|till)\b(?:\s+[\w'’\-]+){0,5}\s*$", re.IGNORECASE)


def period_start(text: str, sentence_start: int, position: int) -> bool:
    """'killed since India's strikes of 7 May': the start of a period, not the day the
    narrative is at."""
    return SINCE.search(text, max(sentence_start, position - 60), position) is not None


def _lead_date(
    text: str, sents: list[Sentence], index: int, mentions: list[DateMention]
) -> date | None:
    """A lead sentence with no date of its own takes the day its story goes on to tell."""
    if sents[index].position > 1:
        return None
    following = [s for s in sents[index + 1 : index + 3] if s.section == sents[index].section]
    for sent in following:
        inside = [m for m in mentions if sent.start <= m.start < sent.end]
        own = _sentence_date(text, mentions, sent, inside)
        if own is not None:
            return own.start_date if own.is_day else None
    return None


def _shift_days(match: re.Match[str]) -> timedelta:
    if match["next"]:
        return timedelta(days=1)
    if match["prev"]:
        return timedelta(days=-1)
    count = NUMBERS.get(match["count"].lower()) or int(match["count"])
    days = count * (7 if match["unit"].lower().startswith("week") else 1)
    return timedelta(days=-days if match["dir"].lower() == "earlier" else days)
