"""A reported statement as found in the parse, and the noun phrases of its speaker.

`Attribution` is the raw record the attribution stage produces (character spans, the
cue's act and frame) before speakers, events and dates are resolved into a `Claim`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from watchline.domain import Act
from watchline.extract.attribution.datelines import without_dateline
from watchline.extract.attribution.spans import token_span, trim
from watchline.extract.attribution.timewords import short_time_phrase


@dataclass
class Attribution:
    """One reported statement found in the parse, before resolution."""

    cue: tuple[int, int]
    lemma: str
    act: Act
    content: tuple[int, int]
    speaker: tuple[int, int] | None
    frame: str
    sentence: Span
    direct: bool = False
    cue_token: Token | None = None
    objects: list[Token] = field(default_factory=list)  # the accused / the addressed
    evidence: bool = False
    confidence: float = 0.85
    self_subject: bool = False  # "denied firing …": the speaker is the one said to act


def text_of(doc: Doc) -> str:
    text = doc.user_data.get("watchline_text")
    return text if text is not None else doc.text


def np_span(tok: Token) -> tuple[int, int]:
    tokens = [t for t in tok.subtree if not (t.dep_ in ("relcl", "acl") and t.head == tok)]
    drop: set[int] = set()
    for t in tok.children:
        if t.dep_ in ("relcl", "acl") or _dated(t):  # "Israel's military [on Tuesday]"
            drop.update(x.i for x in t.subtree)
    tokens = [t for t in tokens if t.i not in drop]
    for k, t in enumerate(tokens[1:], start=1):
        if t.lower_ in ("which", "who", "whose") and tokens[k - 1].text == ",":
            tokens = tokens[: k - 1]  # "Hezbollah, which did not comment on the strikes"
            break
    tokens = without_dateline(_contiguous(sorted(tokens, key=lambda t: t.i), tok))
    start, end = token_span(tokens)
    return trim(text_of(tok.doc), start, end)


def _dated(tok: Token) -> bool:
    """A short "on Tuesday" the parser hung on the speaker's noun."""
    return tok.dep_ == "prep" and tok.i > tok.head.i and short_time_phrase(tok, 4)


def _contiguous(tokens: list[Token], head: Token) -> list[Token]:
    """The unbroken run of tokens around `head` (a dropped clause leaves a gap)."""
    pos = next((k for k, t in enumerate(tokens) if t.i == head.i), 0)
    lo = hi = pos
    while lo > 0 and tokens[lo - 1].i == tokens[lo].i - 1:
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].i == tokens[hi].i + 1:
        hi += 1
    return tokens[lo : hi + 1]
