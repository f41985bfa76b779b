"""Sentences, paragraphs and sections of raw text, for following time through an article.

A small rule-based splitter keeps date resolution independent of the spaCy pipeline (so
it can run on any text, in any order) and keeps offsets into the unmodified text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from watchline.extract.dates.patterns import scan

BOUNDARY = re.compile(r"(?<=[.!?…])['’\"”)\]]*\s+(?=[‘'\"“(\[]?[A-Z0-9\u0400-\u04ff])")
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "approx", "prof", "rep", "sen", "gov",
}  # fmt: skip
TERMINAL = tuple(".!?:;\"'’”…)]")
SIGNATURE = re.compile(r"^\s*(?:—|–|--|-)\s*[^\n]{1,80}?\(@\w{1,30}\)\s*(?P<when>[^\n]+)$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    section: int
    position: int  # index of the sentence inside its section


def _lines(text: str) -> list[tuple[int, int]]:
    spans, offset = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        spans.append((offset, offset + len(body)))
        offset += len(line)
    return spans


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence: a title or crosshead."""
    stripped = line.strip()
    if not stripped or stripped.startswith("[") or SIGNATURE.match(stripped):
        return False
    if "http" in stripped or "@" in stripped:  # a post's text, not a crosshead
        return False
    return not stripped.endswith(TERMINAL) and len(stripped.split()) <= 14


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for match in BOUNDARY.finditer(text, start, end):
        word = re.search(r"([\w.]+)[.!?…]['’\"”)\]]*$", text[cursor : match.start()])
        if word and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def sentences(text: str) -> list[Sentence]:
    """Sentences with their paragraph (line) and section (text between headings)."""
    found: list[Sentence] = []
    section = position = 0
    lines = _lines(text)
    for paragraph, (start, end) in enumerate(lines):
        line = text[start:end]
        if not line.strip():
            continue
        if is_heading(line) and found and not _signed(text, lines, paragraph):
            section, position = section + 1, 0
            continue
        for s, e in _split(text, start, end):
            found.append(Sentence(s, e, paragraph, section, position))
            position += 1
    return found


def _signed(text: str, lines: list[tuple[int, int]], paragraph: int) -> bool:
    """Whether the next non-empty line signs a post ("— Name (@handle) date")."""
    for start, end in lines[paragraph + 1 :]:
        if text[start:end].strip():
            return SIGNATURE.match(text[start:end]) is not None
    return False


def post_dateline(text: str, sent: Sentence, published_on: date | None) -> date | None:
    """The date under an embedded post ("— Name (@handle) March 31, 2024") that `sent` is in."""
    lines = _lines(text)
    for start, end in lines[sent.paragraph + 1 : sent.paragraph + 4]:
        line = text[start:end]
        if not line.strip():
            continue
        match = SIGNATURE.match(line)
        if match is None:
            return None
        days = sorted(
            (s, first)
            for s, _e, (first, last) in scan(match["when"], published_on)
            if first == last
        )
        return days[0][1] if days else None
    return None
