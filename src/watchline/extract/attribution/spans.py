"""Character spans over the unmodified text: from tokens, trimmed, with balanced quotes.

Every span the extractor returns is a pair of Python string indices into the document as
given, so `text[start:end]` is the evidence an analyst sees.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from spacy.tokens import Token

OPEN_TO_CLOSE = {"‘": "’", "“": "”", "«": "»", "„": "“", "‚": "’", "‹": "›", '"': '"', "'": "'"}
CLOSERS = set(OPEN_TO_CLOSE.values())
EDGE_PUNCT = " \t\r\n,.;:!?—–-"


def token_span(tokens: Iterable[Token]) -> tuple[int, int]:
    """The characters from the first to the last of some tokens."""
    toks = list(tokens)
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def subtree_span(token: Token) -> tuple[int, int]:
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces and edge punctuation; keep quote marks only when they are paired."""
    for _ in range(3):
        while start < end and (text[start] in EDGE_PUNCT or _symbol(text[start])):
            start += 1
        while end > start and (text[end - 1] in EDGE_PUNCT or _symbol(text[end - 1])):
            end -= 1
        start, end = _balance(text, start, end)
    return start, end


def _symbol(char: str) -> bool:
    """Bullets and emoji that open a Telegram line ('🔻', '⚡️', '•'): not words."""
    return char in "•◦▪▫●■□►▶➡" or unicodedata.category(char) in ("So", "Sk", "Mn", "Cf", "Cs")


def _balance(text: str, start: int, end: int) -> tuple[int, int]:
    if start >= end:
        return start, end
    first, last = text[start], text[end - 1]
    if first in OPEN_TO_CLOSE and OPEN_TO_CLOSE[first] not in text[start + 1 : end]:
        closer = OPEN_TO_CLOSE[first]
        if end < len(text) and text[end] == closer:
            return start, end + 1  # the closing mark fell just outside: take it in
        return start + 1, end
    if last in CLOSERS and last not in ("'",) and not _has_opener(text[start : end - 1], last):
        return start, end - 1
    opener = _unclosed_opener(text[start:end])
    if opener and end < len(text) and text[end] == OPEN_TO_CLOSE[opener]:
        return start, end + 1
    return start, end


def _has_opener(chunk: str, closer: str) -> bool:
    return any(ch in chunk for ch, cl in OPEN_TO_CLOSE.items() if cl == closer)


def _unclosed_opener(chunk: str) -> str | None:
    """The last opening mark in `chunk` that is not closed after it."""
    for i in range(len(chunk) - 1, -1, -1):
        ch = chunk[i]
        if ch in OPEN_TO_CLOSE and ch not in ('"', "'"):
            return None if OPEN_TO_CLOSE[ch] in chunk[i + 1 :] else ch
    return None
