"""Statements of concern: "X expressed deep concern over …", "X is alarmed by …".

Missions, ministries and envoys often say what worries them without a speech verb:
"The Ministry expresses its concern over the erection of barriers by the occupation
forces", "The Secretary-General is deeply concerned by the escalating violence",
"UNSMIL is alarmed by the continuing escalation", "the Council voiced concern about
recent violence". GUIDE.md §3 makes them a warning when they voice concern about a feared
event, and an accusation when the worry is a hostile act of an identifiable opponent; the
cue only opens the statement (act `warn`, lemma `concern`) and the claim builder decides
between the two from the content (`events/acts.py`, `concern_act`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from watchline.domain import Act
from watchline.extract.attribution.reported import Attribution, np_span, text_of
from watchline.extract.attribution.spans import subtree_span, trim

LEMMA = "concern"
# "expressed concern", "voiced alarm", "raised concerns", "conveyed its dismay"
CONCERN_NOUNS = {"concern", "concerns", "alarm", "dismay", "worry", "worries", "outrage",
                 "indignation", "disquiet", "apprehension"}  # fmt: skip
CARRIERS = {"express", "voice", "raise", "convey", "reiterate", "register", "share", "state",
            "underline", "stress", "emphasise", "emphasize", "note"}  # fmt: skip
# "is deeply concerned by", "remains alarmed at", "was troubled by"
CONCERNED = {"concerned", "alarmed", "worried", "troubled", "disturbed", "dismayed",
             "outraged", "appalled", "perturbed"}  # fmt: skip
ABOUT = {"about", "over", "at", "by", "regarding", "with", "on", "concerning", "for"}
SUBJECTS = ("nsubj", "nsubjpass")


def concern_cue(tok: Token, sent: Span) -> Attribution | None:
    """A statement of concern opened at `tok`, or None."""
    if tok.lower_ in CONCERNED and tok.pos_ in ("ADJ", "VERB"):
        holder = tok.head if tok.dep_ in ("acomp", "xcomp", "oprd") else tok
        if holder is tok and not any(c.dep_ in SUBJECTS for c in tok.children):
            return None  # "the concerned authorities": an adjective, no statement
        return _attribution(tok, holder, sent)
    if tok.lemma_.lower() in CONCERN_NOUNS and tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        verb = tok.head
        if verb.lemma_.lower() in CARRIERS and verb.pos_ in ("VERB", "AUX"):
            return _attribution(tok, verb, sent)
    return None


def _attribution(tok: Token, holder: Token, sent: Span) -> Attribution | None:
    if any(c.dep_ == "neg" for c in (*tok.children, *holder.children)):
        return None  # "is not concerned about …" voices no concern
    content = _about(tok) or (_about(holder) if holder is not tok else None)
    if content is None:
        return None
    subject = next((c for c in holder.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.lower_ in ("who", "which", "that"):
        return None
    text = text_of(tok.doc)
    start, end = trim(text, *content)
    if start >= end:
        return None
    return Attribution(
        cue=(tok.idx, tok.idx + len(tok.text)),
        lemma=LEMMA,
        act=Act.WARN,
        content=(start, end),
        speaker=np_span(subject),
        frame="rest",
        sentence=sent,
        cue_token=tok,
        confidence=0.7,
    )


def _about(tok: Token) -> tuple[int, int] | None:
    """What the concern is about: a "that"-clause or the object of about/over/at/by …"""
    for child in tok.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ABOUT:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return subtree_span(objects[0])
        if child.dep_ in ("ccomp", "acl") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            first = next(c for c in child.children if c.dep_ == "mark")
            end = subtree_span(child)[1]
            return first.idx + len(first.text), end
    return None
