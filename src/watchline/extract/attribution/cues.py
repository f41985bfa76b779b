"""Attribution: who said what — speaker, cue and content of each reported statement.

Works over one spaCy parse. A cue word from the lexicon (`data/cues.yaml`) opens a
statement; its frames say where the content is: a complement clause ("said that …"), an
adjacent quotation ("‘…’, said X"), its object ("denied the accusations") or the rest of
its phrase ("accused X of …"). The speaker is the cue's subject, the subject of the verb a
participle hangs on (", adding that …"), the inverted subject after a quote ("said
Miller", "read the ministry’s statement") or the object of "according to".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from watchline.domain import Act
from watchline.extract.attribution.concern import concern_cue
from watchline.extract.attribution.frames import content_of, enclosing_quote, standalone
from watchline.extract.attribution.nominal import according_to, appeal_noun, noun_cue
from watchline.extract.attribution.quotes import Quote
from watchline.extract.attribution.reported import Attribution, np_span, text_of
from watchline.extract.attribution.spans import trim
from watchline.extract.attribution.timewords import is_time_word
from watchline.extract.lexicon import Cue, CueLexicon

__all__ = ["Attribution", "find_attributions", "headline_end"]

SUBJECTS = ("nsubj", "csubj")
PARTICIPIAL = ("advcl", "conj", "xcomp", "acl", "relcl", "pcomp")
EVIDENCE_SUBJECTS = {
    "footage", "video", "image", "photo", "photograph", "picture", "evidence", "imagery",
    "recording", "data", "map", "document", "report", "statement", "post",
}  # fmt: skip
MIN_CONTENT_WORDS = 2
RELATIVE = {"who", "which", "that"}
# GUIDE.md §1: anonymous "reportedly" is no claim, nor is a statement no one made
# ("footage purportedly showing …", published by a named body, is still its statement)
HEARSAY = {"reportedly"}
NO_ONE = {"nobody", "none", "noone"}


def find_attributions(doc: Doc, cues: CueLexicon, quotes: list[Quote]) -> list[Attribution]:
    """Every attributed statement in the parse, in text order of its cue."""
    found: list[Attribution] = []
    doc.user_data["watchline_text"] = doc.text  # Doc.text joins every token on each call
    skip = headline_end(doc.user_data["watchline_text"])
    for sent in doc.sents:
        if sent.start_char < skip:
            continue
        for tok in sent:
            attr = _attribute(tok, sent, cues, quotes)
            if attr is not None and _long_enough(doc.text, attr.content):
                found.append(attr)
    return sorted(found, key=lambda a: a.cue[0])


def _attribute(tok: Token, sent: Span, cues: CueLexicon, quotes: list[Quote]):
    lemma = tok.lemma_.lower()
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
        return according_to(tok, sent, cues)
    concern = concern_cue(tok, sent)  # "expressed concern over …", "is alarmed by …"
    if concern is not None:
        return concern
    if tok.pos_ in ("VERB", "AUX") and lemma in cues.verbs:
        return _verb_cue(tok, sent, cues.verbs[lemma], quotes)
    if tok.pos_ in ("VERB",) and tok.lower_ in cues.verbs:
        return _verb_cue(tok, sent, cues.verbs[tok.lower_], quotes)
    if _noun_tagged_verb(tok) and lemma in cues.verbs:  # "…, the United Nations estimates."
        return _verb_cue(tok, sent, cues.verbs[lemma], quotes)
    if tok.pos_ == "NOUN" and lemma in cues.nouns:
        return noun_cue(tok, sent, cues.nouns[lemma])
    if tok.pos_ == "NOUN":
        return appeal_noun(tok, sent)  # "reiterated his call to respect the ceasefire"
    return None


def _noun_tagged_verb(tok: Token) -> bool:
    """A cue the tagger read as a plural noun but the parser as the sentence's verb: the
    root, with a subject and the reported clause before it ("…, the UN estimates")."""
    if tok.pos_ != "NOUN" or tok.dep_ != "ROOT":
        return False
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and "ccomp" in deps


def headline_end(text: str) -> int:
    """End of a headline opening the text (a first line without final punctuation), or 0.

    A headline restates the lead ("Russia says it repelled attack near Kupiansk") in
    telegraphic form; the statement is taken from the article body instead.
    """
    first, newline, rest = text.partition("\n")
    line = first.strip()
    if not newline or not rest.strip() or not line or len(line.split()) > 25:
        return 0
    return 0 if line[-1] in '.!?"”’:»' else len(first)


def _long_enough(text: str, span: tuple[int, int]) -> bool:
    """Two words, or one real word ("called for calm"), not a pronoun ("said so")."""
    words = text[span[0] : span[1]].split()
    if len(words) >= MIN_CONTENT_WORDS:
        return True
    return bool(words) and len(words[0]) > 3 and words[0].lower() not in NOT_CONTENT


NOT_CONTENT = {"this", "that", "these", "those", "which", "what", "whom", "them", "there"}


# --- verb cues ---------------------------------------------------------------------------


def _verb_cue(tok: Token, sent: Span, cue: Cue, quotes: list[Quote]) -> Attribution | None:
    if any(c.dep_ == "neg" for c in tok.children):
        return None  # "did not say whether …" reports no statement
    if any(c.lower_ in HEARSAY for c in tok.children if c.dep_ == "advmod"):
        return None  # "the soldiers reportedly demanded …": hearsay, no one's statement
    if any(c.lower_ in NO_ONE for c in tok.children if c.dep_ in SUBJECTS):
        return None  # "nobody at the scene could confirm …" reports no statement
    if any(c.lower_ == "what" for c in tok.children):
        return None  # "targeting what it called ‘terrorist infrastructure’": a label
    if cue.lemma in ADDRESSED_INFINITIVE and not _addressed_infinitive(tok):
        return None  # "we expect talks to resume" predicts; "expects the parties to act" asks
    act = _act_of(tok, cue)
    frames = cue.frames
    if cue.lemma in TELLING and _addressed_infinitive(tok):
        act, frames = Act.APPEAL, ("rest",)
    text = text_of(tok.doc)
    for frame in frames:
        content, direct, objects = content_of(tok, frame, cue, quotes)
        if content is None:
            continue
        self_subject = objects == ["SELF"]
        objects = [] if self_subject else objects
        if frame == "object" and any(
            c.dep_ == "dobj" and appeal_noun(c, sent) for c in tok.children
        ):
            return None  # "reiterated his call to respect the truce": the appeal is the noun's
        start, end = trim(text, *content)
        if start >= end:
            continue
        quote = enclosing_quote(quotes, start, end)
        if quote is not None and frame == "clause" and standalone(text, quote):
            start, end = trim(text, quote.inner_start, quote.inner_end)
            direct = True
        speaker = _speaker(tok, frame, (start, end))
        if speaker is None and frame == "clause":
            speaker, end = _swallowed_speaker(tok, start, end)
        if speaker is None and not cue.evidence and tok.dep_ not in PARTICIPIAL:
            return None
        if cue.evidence and not _evidence_ok(tok):
            return None
        return Attribution(
            cue=(tok.idx, tok.idx + len(tok.text)),
            lemma=cue.lemma,
            act=act,
            content=(start, end),
            speaker=speaker,
            frame=frame,
            sentence=sent,
            direct=direct,
            cue_token=tok,
            objects=objects,
            evidence=cue.evidence,
            self_subject=self_subject,
        )
    return None


# Cues that open a statement only with an addressee and an infinitive: "The EU expects
# the parties to act responsibly", "I expect Kosovo authorities to suspend police
# operations" ask someone to act (GUIDE.md §3, appeal).
ADDRESSED_INFINITIVE = {"expect", "press", "encourage", "invite"}
# Neutral cues that ask when they have an addressee and an infinitive: "Britain told
# Venezuela to stop its build-up", "the embassy advised citizens to leave" (GUIDE.md §3).
TELLING = {"tell", "advise"}


ADDRESSEES = {"party", "parties", "side", "sides", "authorities", "government",
              "governments", "leader", "leaders", "all", "both", "forces", "troops", "army",
              "country", "countries", "states", "everyone", "community", "actors", "rebels",
              "groups", "militias", "factions", "belligerents", "citizens",
              "nationals"}  # fmt: skip


def _addressed_infinitive(tok: Token) -> bool:
    """'expects the parties to act', 'expect Kosovo authorities to suspend …': someone who
    can act, then what they should do ("expect the talks to resume" asks no one)."""
    for child in tok.rights:
        if child.dep_ in ("xcomp", "ccomp") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in child.children
        ):
            who = [c for c in (*child.children, *tok.children) if c.dep_ in ("nsubj", "dobj")]
            return any(w.pos_ == "PROPN" or w.lower_ in ADDRESSEES for w in who)
    return False


def _act_of(tok: Token, cue: Cue) -> Act:
    for child in tok.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in cue.particles and child.i == tok.i + 1:
            return cue.particles[child.lower_]
    if cue.complements:
        for child in tok.rights:
            for t in child.subtree:
                word = t.lower_ if t.lower_ in cue.complements else t.lemma_.lower()
                if (
                    word in cue.complements
                    and t.dep_
                    in ("oprd", "acomp", "attr", "pobj", "ccomp", "xcomp", "amod", "dobj")
                    and (t != child or t.dep_ in ("oprd", "acomp"))  # called X "absurd"
                ):
                    return cue.complements[word]
    return cue.act


def _speaker(tok: Token, frame: str, content: tuple[int, int]) -> tuple[int, int] | None:
    """The speaker's span: subject, passive agent, inverted subject, or the governing subject."""
    quoted = _quoted_as_saying(tok)
    if quoted is not None:  # "Xinhua quoted the rebels as saying …": the rebels speak
        return np_span(quoted)
    misparsed = tok.dep_ == "acl" and tok.tag_ == "VBD" and tok.head.i < tok.i
    if misparsed and tok.head.pos_ in ("PROPN", "NOUN"):  # "Berri, who negotiated …, called"
        return np_span(tok.head)
    head = tok
    for _ in range(4):
        for child in head.children:
            if child.dep_ in SUBJECTS and not _inside(child, content) and not _dateline(child):
                if child.lower_ in RELATIVE and head.dep_ == "relcl":
                    antecedent = head.head
                    while antecedent.dep_ == "conj" and antecedent.head.i < antecedent.i:
                        antecedent = antecedent.head  # "the EU, the US and the UK, which …"
                    return np_span(antecedent)  # "Peskov, who said …": Peskov
                return _publisher(child) or np_span(child)
        for child in head.children:
            if child.dep_ == "agent":
                pobj = [p for p in child.children if p.dep_ == "pobj"]
                if pobj:
                    return np_span(pobj[0])
        if head == tok and (frame == "quote" or content[1] <= tok.idx):
            for child in tok.rights:
                if (
                    child.dep_ in ("dobj", "attr", "npadvmod", "dep")
                    and not _inside(child, content)
                    and not _when(child)  # "…, the agency said Monday": no speaker "Monday"
                ):
                    return np_span(child)
        if head.dep_ in PARTICIPIAL and head.head != head:
            head = head.head
            if head.dep_ == "ccomp" and head.head != head and head.head.i < head.i:
                head = head.head  # "X said the strikes hit …, warning that …": X warns
            continue
        if head.pos_ == "NOUN" and head.dep_ in ("dobj", "pobj") and head.head != head:
            head = head.head  # "issued a statement saying that …": who issued it
            continue
        break
    return _noun_before(tok, content)


RELAYING = {"quote", "cite"}


def _quoted_as_saying(tok: Token) -> Token | None:
    """'TASS quoted the ministry as saying …', 'the report cited an official as telling
    journalists that …': the one quoted is the speaker, not the outlet relaying them
    (GUIDE.md §1-2)."""
    if tok.dep_ != "pcomp" or tok.head.lower_ != "as" or tok.head.dep_ != "prep":
        return None
    relay = tok.head.head
    if relay.lemma_.lower() not in RELAYING:
        return None
    return next((c for c in relay.children if c.dep_ == "dobj"), None)


def _when(tok: Token) -> bool:
    return is_time_word(tok) or tok.lower_ in ("week", "day")


def _dateline(subject: Token) -> bool:
    """'BANGKOK/PHNOM PENH (Reuters) —' parsed as a subject: a dateline, not the speaker."""
    words = list(subject.subtree)
    after = subject.doc[words[-1].i + 1] if words[-1].i + 1 < len(subject.doc) else None
    dashed = words[-1].text in ("—", "–", "--") or (after is not None and after.text in "—–")
    outside, depth = [], 0
    for t in words:
        depth += t.text == "("
        depth -= t.text == ")"
        if depth == 0 and t.is_alpha:
            outside.append(t)
    agency = any(t.text == ")" for t in words[-2:])  # "… (Reuters) —", however it is parsed
    return dashed and (agency or (bool(outside) and all(t.is_upper for t in outside)))


def _publisher(subject: Token) -> tuple[int, int] | None:
    """'The footage, published by the ministry, shows …': the ministry speaks."""
    if subject.lemma_.lower() not in EVIDENCE_SUBJECTS:
        return None
    for acl in subject.children:
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            pobj = [p for p in agent.children if p.dep_ == "pobj"]
            if acl.dep_ in ("acl", "relcl") and pobj:
                return np_span(pobj[0])
    return None


def _noun_before(tok: Token, content: tuple[int, int]) -> tuple[int, int] | None:
    """A misparsed subject right before the cue ("…, Pakistan’s foreign minister said")."""
    if tok.dep_ != "ROOT":
        return None
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].dep_ in ("advmod", "aux", "neg"):
        i -= 1
    if i < tok.sent.start:
        return None
    noun = tok.doc[i]
    loose = noun.dep_ in ("appos", "conj", "dep", "npadvmod")
    if noun.pos_ in ("NOUN", "PROPN") and loose and not _inside(noun, content):
        return np_span(noun)
    return None


def _swallowed_speaker(tok: Token, start: int, end: int) -> tuple[tuple[int, int] | None, int]:
    """'Azerbaijani forces opened fire near Sotk, Armenia's defence ministry said': the
    parser hung the speaker on the last noun of the content; it is the phrase between the
    content's last comma and the cue."""
    if tok.dep_ != "ROOT" or end < tok.idx - 80:
        return None, end
    text = text_of(tok.doc)
    comma = text.rfind(",", start, tok.idx)
    if comma < 0 or comma < start:
        return None, end
    words = [t for t in tok.sent if comma < t.idx < tok.idx]
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("appos", "conj")]
    if not nouns or len(words) > 8 or any(t.pos_ == "VERB" for t in words):
        return None, end
    return trim(text, comma + 1, tok.idx), trim(text, start, comma)[1]


def _inside(tok: Token, span: tuple[int, int]) -> bool:
    return span[0] <= tok.idx < span[1]


def _evidence_ok(tok: Token) -> bool:
    """'show' is a cue only for footage, images, statements … ('footage showing …')."""
    subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
    nouns = subjects or ([tok.head] if tok.dep_ in ("acl", "relcl", "advcl") else [])
    return any(n.lemma_.lower() in EVIDENCE_SUBJECTS for n in nouns)


# --- "according to" and noun cues --------------------------------------------------------
