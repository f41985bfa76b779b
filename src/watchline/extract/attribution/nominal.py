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


# "reiterates his call to respect the ceasefire", "her appeal for restraint", "renewed calls
# from the EU for calm": an appeal told as a noun with its complement (GUIDE.md §1).
APPEAL_NOUNS = {"call", "appeal", "plea", "demand"}
POSSESSIVES = {"his", "her", "its", "their", "our", "my"}
# verbs that make an appeal ("issued a call", "renewed its appeal", "reiterated his call")
MAKING = {"reiterate", "renew", "repeat", "issue", "make", "launch", "echo", "voice",
          "reaffirm", "restate", "underline", "stress", "express"}  # fmt: skip


# "stressed the need for restraint", "underlined the need to de-escalate", "emphasised the
# importance of respecting the ceasefire": diplomatic prose asking someone to act, with no
# verb of asking (GUIDE.md §3, appeal). Only as the object of a verb of stressing:
# "there is no need for alarm" or "the importance of the talks was noted" ask no one.
NEED_NOUNS = {"need", "necessity", "importance"}
STRESSING = {"stress", "underline", "emphasise", "emphasize", "underscore", "highlight",
             "reiterate", "reaffirm", "insist", "recall", "note"}  # fmt: skip


def _made(tok: Token) -> bool:
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in MAKING


def _stressed_need(tok: Token) -> bool:
    return (
        tok.lemma_.lower() in NEED_NOUNS
        and tok.dep_ == "dobj"
        and tok.head.lemma_.lower() in STRESSING
        and not any(c.dep_ == "neg" for c in tok.head.children)
    )


def appeal_noun(tok: Token, sent: Span) -> Attribution | None:
    """An appeal noun with what it asks for: 'for …', 'to …' (an infinitive), 'on X to …';
    also "the need for …", "the importance of …" that a speaker stresses."""
    need = _stressed_need(tok)
    if (tok.lemma_.lower() not in APPEAL_NOUNS and not need) or tok.pos_ != "NOUN":
        return None
    preps = ("for", "of", "to") if need else ("for", "on", "to", "upon")
    content = None
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                start = objects[0].left_edge.idx
                end = max(t.idx + len(t.text) for t in tok.subtree if t.i >= objects[0].i)
                content = (start, end)
                break
        if child.dep_ in ("acl", "relcl") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in child.children
        ):
            content = (child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))
            break
    if content is None and (_made(tok) or need):  # "reiterated his call to respect …", the
        for sib in tok.head.children:  # infinitive parsed as the verb's
            if (
                sib.dep_ in ("xcomp", "advcl")
                and sib.i > tok.i
                and any(
                    a.dep_ == "aux" and a.lower_ == "to" and a.i == tok.right_edge.i + 1
                    for a in sib.children
                )
            ):
                content = (sib.left_edge.idx, sib.right_edge.idx + len(sib.right_edge.text))
    if content is None:
        return None
    speaker = _appeal_speaker(tok)
    if speaker is None:
        return None
    text = text_of(tok.doc)
    start, end = trim(text, *content)
    if text.startswith("to ", start):  # "call to respect the truce": what is asked
        start += 3
    if start >= end:
        return None
    return Attribution(
        cue=(tok.idx, tok.idx + len(tok.text)),
        lemma=tok.lemma_.lower(),
        act=Act.APPEAL,
        content=(start, end),
        speaker=speaker,
        frame="noun",
        sentence=sent,
        cue_token=tok,
        confidence=0.6,
    )


def _appeal_speaker(tok: Token) -> tuple[int, int] | None:
    """Whose appeal: a possessor ("the UN's call"), "from X", or the subject of the verb
    that makes it ("Guterres reiterated his call …"), not a pronoun possessor itself."""
    for child in tok.children:
        if child.dep_ == "poss" and child.lower_ not in POSSESSIVES:
            return np_span(child)
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            pobj = [p for p in child.children if p.dep_ == "pobj"]
            if pobj:
                return np_span(pobj[0])
    if _made(tok) or _stressed_need(tok):
        subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in ("who", "which", "that"):
            return np_span(subject)
    return None
