"""Datelines: 'KYIV, Ukraine, March 3 (Reuters) —' opens a wire story; it is neither the
speaker nor part of what was said, so spans that start with one are cut after its dash."""

from __future__ import annotations

import re

from spacy.tokens import Token

# Upper-case place(s), then optionally a country or state, a day, an agency, then a dash.
DATELINE = re.compile(
    r"[A-Z][A-Z.'’/\-]+(?:[ ][A-Z][A-Z.'’/\-]+){0,4}"  # SEOUL, BANGKOK/PHNOM PENH
    r"(?:,[ ][A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+){0,2})?"  # , Ukraine / , Jammu and Kashmir
    r"(?:,?[ ][A-Z][a-z]{2,8}\.?[ ]\d{1,2}(?:,[ ]\d{4})?)?"  # , June 2 / , Sept. 14, 2024
    r"[ ]*(?:\([^()\n]{2,30}\)[ ]*)?"  # (Reuters)
    r"(?:—|–|--|-)[ ]*"
)


# Where a story was filed: "SEOUL, June 2 (Reuters) -", "KYIV, Ukraine (AP) —", or a press
# release's "Warsaw, 16 November 2021".
DATELINE_PLACE = re.compile(
    r"\s*([A-Z][A-Za-z .'’/\-]{1,40}?)"
    r"(?=(?:,\s*[A-Z][a-z]+)?(?:,\s*[A-Z][a-z]+\.?\s+\d|,\s*\d{1,2}\s+[A-Z][a-z]+|"
    r"\s*\([^)]{2,20}\)\s*[-–—]))"
)


# A regional paper's shorter form: the city in capitals, then a colon or a dash
# ("SRINAGAR: Pakistan violated …", "ISLAMABAD - Indian forces …"). Capitals only, so
# that a label ("Sources: …") or a speaker's colon line ("Podolyak: …") is not one.
CAPITAL_DATELINE = re.compile(
    r"\s*([A-Z][A-Z.'’/\-]+(?:[ ][A-Z][A-Z.'’/\-]+){0,3})\s*(?::|[ ][-–—])[ ]"
)


def dateline_place(line: str) -> str | None:
    """The (first) place a dateline line names, as the dictionary spells it ("Seoul")."""
    match = DATELINE_PLACE.match(line) or CAPITAL_DATELINE.match(line)
    if match is None:
        return None
    city = match.group(1).split("/")[0].strip()
    return city.title() if city.isupper() else city


def dateline_end(text: str, start: int) -> int | None:
    """Where the dateline that opens `text` at `start` ends, or None if there is none."""
    match = DATELINE.match(text, start)
    if match is None or match.end() - start > 90:
        return None
    return match.end()


def without_dateline(tokens: list[Token]) -> list[Token]:
    """The tokens after a dateline that opens them (all of them when there is none)."""
    if not tokens:
        return tokens
    doc = tokens[0].doc
    end = dateline_end(doc.text, tokens[0].idx)
    if end is None:
        return tokens
    rest = [t for t in tokens if t.idx >= end]
    return rest or tokens
