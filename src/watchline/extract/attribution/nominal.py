"""Statements without a speech verb: "according to X, …" and "X's confirmation that …"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from watchline.domain import Act
from watchline.extract.attribution.reported import Attribution, np_span, text_of
from watchline.extract.attribution.spans import token_span, trim
from watchline.extract.lexicon import CueLexicon


def according_to(tok: Token, sent: Span, cues: CueLexicon) -> Attribution | None:
    to = tok.nbor()
    pobj = [c for c in to.children if c.dep_ == "pobj"]
    if not pobj:
        return None
    phrase_start = tok.idx
    phrase_end = pobj[0].right_edge.idx + len(pobj[0].right_edge.text)
    text = text_of(tok.doc)
    before = trim(text, sent.start_char, phrase_start)
    after = trim(text, phrase_end, sent.end_char)
    content = after if after[1] - after[0] >= before[1] - before[0] else before
    if _has_own_cue(sent, content, cues):
        return None  # "Hezbollah denied involvement, according to a statement": Hezbollah's
    return Attribution(
        cue=(tok.idx, to.idx + len(to.text)),
        lemma="according to",
        act=cues.according_to,
        content=content,
        speaker=np_span(pobj[0]),
        frame="according",
        sentence=sent,
        cue_token=tok,
    )


def noun_cue(tok: Token, sent: Span, act: Act) -> Attribution | None:
    """'confirmation (from X) that …', 'Russia's claim that …'."""
    that = next(
        (t for t in sent if tok.i < t.i <= tok.i + 6 and t.lower_ == "that" and t.dep_ == "mark"),
        None,
    )
    if that is None:
        return None
    clause = that.head
    tokens = [t for t in clause.subtree if t.i > that.i]
    if not tokens:
        return None
    start, end = token_span(tokens)
    speaker = None
    for child in tok.children:
        if child.dep_ == "poss":
            speaker = np_span(child)
        elif child.dep_ == "prep" and child.lower_ in ("from", "by"):
            pobj = [p for p in child.children if p.dep_ == "pobj"]
            speaker = np_span(pobj[0]) if pobj else speaker
    return Attribution(
        cue=(tok.idx, tok.idx + len(tok.text)),
        lemma=tok.lemma_.lower(),
        act=act,
        content=trim(text_of(tok.doc), start, end),
        speaker=speaker,
        frame="noun",
        sentence=sent,
        cue_token=tok,
        confidence=0.6,
    )


def _has_own_cue(sent: Span, content: tuple[int, int], cues: CueLexicon) -> bool:
    """Whether the clause "according to" hangs on already reports its own statement.

    "X denied involvement, according to a statement on its channel" names the source of
    X's denial; the statement is X's, found by its own cue, not a second one by "a statement".
    """
    for tok in sent:
        if not content[0] <= tok.idx < content[1] or tok.pos_ not in ("VERB", "AUX"):
            continue
        is_cue = tok.lemma_.lower() in cues.verbs or tok.lower_ in cues.verbs
        if is_cue and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return True
    return False
