"""Tokens, sentences and dependency trees of Russian text, from natasha's news models.

natasha's segmenter, morphology tagger and syntax parser run offline from the models
packaged in its wheels. Each line is parsed on its own, so a headline, a signature or a
Telegram post's paragraphs never run into one another; offsets stay indices into the
original text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from watchline.extract.russian.lemmas import lemma, lemmas, stem


@dataclass
class Token:
    """One word with its offsets, lemma, part of speech and place in the tree."""

    i: int
    text: str
    start: int
    end: int
    pos: str
    rel: str
    head: int | None  # index in Sentence.tokens, None for the root
    feats: dict[str, str]
    lemma: str
    keys: frozenset[str]
    children: list[int] = field(default_factory=list)


@dataclass
class Sentence:
    """A sentence's tokens in order, with child lists filled in."""

    tokens: list[Token]
    start: int
    end: int

    def subtree(self, i: int) -> list[int]:
        """Indices of token `i` and everything below it, in text order."""
        seen, todo = {i}, [i]
        while todo:  # the parser's trees can hold a cycle: visit each token once
            j = todo.pop()
            for child in self.tokens[j].children:
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        return sorted(seen)

    def span(self, indices: list[int]) -> tuple[int, int]:
        """Character offsets covering the given tokens."""
        return self.tokens[min(indices)].start, self.tokens[max(indices)].end


@dataclass(frozen=True)
class Models:
    segmenter: Any
    tagger: Any
    parser: Any


@cache
def models() -> Models:
    """natasha's segmenter, morphology tagger and syntax parser (loaded once, offline)."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsSyntaxParser, Segmenter

    embedding = NewsEmbedding()
    return Models(Segmenter(), NewsMorphTagger(embedding), NewsSyntaxParser(embedding))


def _plain(text: str) -> str:
    """Emoji and other symbols as spaces (same length, so offsets hold): Telegram posts
    glue "⚡️" to the first word, and the tagger then misreads it."""
    return "".join(
        " "
        if unicodedata.category(c) in ("So", "Sk", "Cf", "Co", "Cn") or c in "\ufe0f\ufe0e"
        else c
        for c in text
    )


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield start, line
        start += len(line) + 1


def parse(text: str) -> list[Sentence]:
    """Every sentence of `text`, tokens carrying offsets into `text` itself.

    Sentences are split per line (a line break always ends one), but the whole text is
    tagged and parsed in one batch: natasha's models run several times faster on one
    document than on its lines one by one.
    """
    from natasha import Doc
    from natasha.doc import DocSent, DocToken

    m = models()
    plain = _plain(text)
    doc = Doc(plain)
    doc.tokens = [DocToken(t.start, t.stop, t.text) for t in m.segmenter.tokenize(plain)]
    doc.sents = [
        DocSent(offset + s.start, offset + s.stop, s.text)
        for offset, line in _lines(plain)
        for s in m.segmenter.sentenize(line)
    ]
    doc.envelop_sent_tokens()
    doc.sents = [sent for sent in doc.sents if sent.tokens]
    doc.tag_morph(m.tagger)
    doc.parse_syntax(m.parser)
    return [_sentence(sent) for sent in doc.sents]


def _sentence(sent) -> Sentence:
    ids = {t.id: n for n, t in enumerate(sent.tokens)}
    tokens = []
    for n, t in enumerate(sent.tokens):
        head = ids.get(t.head_id)
        tokens.append(
            Token(
                i=n,
                text=t.text,
                start=t.start,
                end=t.stop,
                pos=t.pos or "X",
                rel=t.rel or "dep",
                head=head if head != n else None,
                feats=dict(t.feats or {}),
                lemma=lemma(t.text, t.pos),
                keys=lemmas(t.text) | {stem(t.text)},
            )
        )
    # natasha leaves a word it could not attach headless; it belongs to the clause
    root = next((t.i for t in tokens if t.head is None and t.rel == "root"), None)
    for token in tokens:
        if token.head is None and token.rel != "root" and root is not None:
            token.head = root
        if token.head is not None:
            tokens[token.head].children.append(token.i)
    return Sentence(tokens, tokens[0].start, tokens[-1].end)
