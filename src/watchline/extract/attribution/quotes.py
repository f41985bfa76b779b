"""Find quotations in raw text, whatever the typography.

News text mixes ‘ ’, “ ”, « », „ “ and straight quotes, and ’ doubles as the apostrophe
("Azerbaijan’s"). Quotes are paired with a stack per family; a mark that cannot be paired
is reported as a warning and its quote is not used, so odd typography never crashes the
extractor. A quote left open at a paragraph end closes there when the next paragraph opens
with the same mark (the British convention for quotes running over several paragraphs).
"""

from __future__ import annotations

from dataclasses import dataclass

from watchline.errors import Errors

DOUBLE_OPEN = {"“", "„", "«", "‟"}
DOUBLE_CLOSE = {"”", "»"}
SINGLE_OPEN = {"‘", "‚", "‹"}
SINGLE_CLOSE = {"’", "›"}
MARKS = DOUBLE_OPEN | DOUBLE_CLOSE | SINGLE_OPEN | SINGLE_CLOSE | {'"', "'"}
OPENING_CONTEXT = set(" \t\n\r([{—–-/:;")


@dataclass(frozen=True)
class Quote:
    """A quotation: `start`/`end` include the marks, `inner_*` exclude them."""

    start: int
    end: int
    mark: str

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1


def _family(mark: str) -> str:
    return "double" if mark in DOUBLE_OPEN | DOUBLE_CLOSE | {'"'} else "single"


def _role(text: str, i: int, stack: list[tuple[str, int, str]]) -> str | None:
    """'open', 'close' or None (an apostrophe or a mark to ignore)."""
    mark = text[i]
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    open_families = {family for family, _, _ in stack}
    if mark in ("’", "'") and prev.isalnum() and nxt.isalnum():
        return None  # apostrophe inside a word
    if mark == "“" and stack and stack[-1][2] == "„":
        return "close"  # German „…“
    if mark in DOUBLE_OPEN or mark in SINGLE_OPEN:
        return "open" if not nxt.isspace() else None
    if mark in ('"', "'"):
        if _family(mark) in open_families and not (prev in OPENING_CONTEXT and nxt.isalnum()):
            return "close"
        if prev in OPENING_CONTEXT or i == 0:
            return "open" if not nxt.isspace() else None
        return "close" if _family(mark) in open_families else None
    # a closing mark: ’ ” » ›
    if _family(mark) in open_families:
        return "close"
    if mark == "”" and prev in OPENING_CONTEXT and not nxt.isspace():
        return "open"  # Scandinavian ”…”
    return None if mark == "’" else "stray"


def find_quotes(text: str, where: str = "text") -> tuple[list[Quote], list[str]]:
    """All balanced quotations in `text`, in order of their start, and warnings."""
    quotes: list[Quote] = []
    warnings: list[str] = []
    stack: list[tuple[str, int, str]] = []
    for i, ch in enumerate(text):
        if ch == "\n" and stack:
            _paragraph_end(text, i, stack, quotes, warnings, where)
            continue
        if ch not in MARKS:
            continue
        role = _role(text, i, stack)
        if role == "open":
            stack.append((_family(ch), i, ch))
        elif role == "close":
            _close(i, ch, stack, quotes, warnings, where)
        elif role == "stray":
            warnings.append(Errors.W100.format(where=where, mark=ch, offset=i))
    for _, pos, mark in stack:
        warnings.append(Errors.W100.format(where=where, mark=mark, offset=pos))
    quotes.sort(key=lambda q: q.start)
    return quotes, warnings


def _close(i: int, ch: str, stack, quotes: list[Quote], warnings: list[str], where: str) -> None:
    family = _family(ch)
    while stack:
        fam, pos, mark = stack.pop()
        if fam == family:
            if i - pos > 1:
                quotes.append(Quote(pos, i + 1, mark))
            return
        warnings.append(Errors.W100.format(where=where, mark=mark, offset=pos))


def _paragraph_end(text: str, i: int, stack, quotes: list[Quote], warnings, where: str) -> None:
    """Close quotes that continue into the next paragraph; drop the others with a warning."""
    rest = text[i + 1 : i + 40].lstrip()
    opener = rest[:1]
    while stack:
        _fam, pos, mark = stack.pop()
        if opener and opener == mark and i - pos > 1:
            quotes.append(Quote(pos, i + 1, mark))  # runs on: its inner text ends at i
        else:
            warnings.append(Errors.W100.format(where=where, mark=mark, offset=pos))
