"""Attribution: who said what — speaker, cue and content of each reported statement.

Works over one spaCy parse. A cue word from the lexicon (`data/cues.yaml`) opens a
statement; its frames say where the content is: a complement clause ("said that …"), an
adjacent quotation ("‘…’, said X"), its object ("denied the accusations") or the rest of
its phrase ("accused X of …"). The speaker is the cue's subject, the subject of the verb a
participle hangs on (", adding that …"), the inverted subject after a quote ("said
Miller", "read the ministry’s statement") or the object of "according to".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from watchline.domain import Act
from watchline.extract.lexicon import Cue, CueLexicon
from watchline.extract.quotes import Quote
from watchline.extract.spans import subtree_span, token_span, trim

SUBJECTS = ("nsubj", "csubj")
PARTICIPIAL = ("advcl", "conj", "xcomp", "acl", "relcl", "pcomp")
OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")
REST_DEPS = ("dobj", "dative", "prep", "pobj", "xcomp", "ccomp", "conj", "oprd", "prt", "cc")
EVIDENCE_SUBJECTS = {
    "footage", "video", "image", "photo", "photograph", "picture", "evidence", "imagery",
    "recording", "data", "map", "document", "report", "statement", "post",
}  # fmt: skip
MIN_CONTENT_WORDS = 2
TOPIC_PREPS = {"of", "against", "about", "over"}
RELATIVE = {"who", "which", "that"}
INFINITIVE = {"vow", "threaten", "promise", "pledge", "refuse", "deny", "warn", "claim"}
ASIDES = {"refer", "cite", "add", "note", "point", "stress", "say", "insist", "describe",
          "call", "urge", "warn", "accuse", "claim", "state", "quote", "explain"}  # fmt: skip


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
        return _according_to(tok, sent, cues)
    if tok.pos_ in ("VERB", "AUX") and lemma in cues.verbs:
        return _verb_cue(tok, sent, cues.verbs[lemma], quotes)
    if tok.pos_ in ("VERB",) and tok.lower_ in cues.verbs:
        return _verb_cue(tok, sent, cues.verbs[tok.lower_], quotes)
    if tok.pos_ == "NOUN" and lemma in cues.nouns:
        return _noun_cue(tok, sent, cues.nouns[lemma])
    return None


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


def _text(doc: Doc) -> str:
    text = doc.user_data.get("watchline_text")
    return text if text is not None else doc.text


def _long_enough(text: str, span: tuple[int, int]) -> bool:
    return len(text[span[0] : span[1]].split()) >= MIN_CONTENT_WORDS or span[1] - span[0] > 8


# --- verb cues ---------------------------------------------------------------------------


def _verb_cue(tok: Token, sent: Span, cue: Cue, quotes: list[Quote]) -> Attribution | None:
    if any(c.dep_ == "neg" for c in tok.children):
        return None  # "did not say whether …" reports no statement
    act = _act_of(tok, cue)
    text = _text(tok.doc)
    for frame in cue.frames:
        content, direct, objects = _content(tok, frame, cue, quotes)
        if content is None:
            continue
        self_subject = objects == ["SELF"]
        objects = [] if self_subject else objects
        start, end = trim(text, *content)
        if start >= end:
            continue
        quote = _enclosing_quote(quotes, start, end)
        if quote is not None and frame == "clause" and _standalone(text, quote):
            start, end = trim(text, quote.inner_start, quote.inner_end)
            direct = True
        speaker = _speaker(tok, frame, (start, end))
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
                    and t != child
                ):
                    return cue.complements[word]
    return cue.act


def _content(tok: Token, frame: str, cue: Cue, quotes: list[Quote]):
    """(span, direct, objects) of one frame, or (None, False, [])."""
    if frame == "clause":
        return _clause(tok)
    if frame == "quote":
        quote = _adjacent_quote(tok, quotes)
        if quote is None:
            return None, False, []
        return (quote.inner_start, quote.inner_end), True, []
    if frame == "object":
        for child in tok.rights:
            if child.dep_ == "dobj":
                if cue.requires_object and child.lemma_.lower() not in cue.requires_object:
                    return None, False, []
                own = child.lemma_.lower() == "responsibility"  # "claimed responsibility for"
                return subtree_span(child), False, ["SELF"] if own else []
        return None, False, []
    if frame == "rest":
        return _rest(tok)
    return None, False, []


def _clause(tok: Token):
    for child in tok.children:
        if (
            child.dep_ == "ccomp"
            or (child.dep_ in ("advcl", "xcomp") and _has_that(child))
            or (child.dep_ in ("xcomp", "pcomp") and child.tag_ == "VBG")  # "denied firing …"
            or (child.dep_ == "xcomp" and _infinitive(child) and tok.lemma_.lower() in INFINITIVE)
        ):
            tokens = _without_speaker_asides(child)
            while tokens and (tokens[0].dep_ == "mark" or tokens[0].lower_ == "that"):
                tokens.pop(0)
            while tokens and tokens[-1].dep_ in ("cc", "punct"):
                tokens.pop()  # "were killed and" when the parser hung the rest elsewhere
            tokens = _without_dateline(tokens)
            gerund = child.tag_ in ("VBG", "VB") and not any(
                c.dep_ in SUBJECTS for c in child.children
            )
            if tokens:
                return token_span(tokens), False, ["SELF"] if gerund else []
    return None, False, []


def _without_speaker_asides(head: Token) -> list[Token]:
    """The clause without a trailing ", referring to …" / ", citing …" the parser hung on it."""
    cut = None
    for child in head.rights:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_.lower() in ASIDES:
            before = head.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
            if before is not None and before.text == ",":
                cut = before.i if cut is None else min(cut, before.i)
    return [t for t in head.subtree if cut is None or t.i < cut]


def _without_dateline(tokens: list[Token]) -> list[Token]:
    """'BEIRUT — Israeli strikes hit …': a dateline opening the article is not content."""
    for k, tok in enumerate(tokens[:6]):
        if tok.text in ("—", "–", "-", "--") and k > 0:
            head = tokens[:k]
            if all(t.is_upper or not t.is_alpha for t in head):
                return tokens[k + 1 :]
            break
    return tokens


def _infinitive(tok: Token) -> bool:
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _has_that(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def _rest(tok: Token):
    """From the cue's object to the end of its phrase ("accused Armenia of …")."""
    rights = [c for c in tok.rights if c.dep_ in REST_DEPS]
    objects = [c for c in rights if c.dep_ in ("dobj", "dative")]
    if not objects:
        for c in rights:
            if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
                objects = [p for p in c.children if p.dep_ == "pobj"]
                break
    if not objects:
        passive = [c for c in tok.lefts if c.dep_ == "nsubjpass"]
        if passive and any(c.dep_ == "prep" for c in rights):  # "X was accused by Y of …"
            end = max(c.right_edge.idx + len(c.right_edge.text) for c in rights)
            return (passive[0].left_edge.idx, end), False, [passive[0]]
    if not objects:
        about = [c for c in rights if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS]
        pobj = [p for c in about[:1] for p in c.children if p.dep_ in ("pobj", "pcomp")]
        if pobj:  # "warned of a possible provocation", "warned against escalation"
            return subtree_span(pobj[0]), False, []
        return None, False, []
    head = objects[0]
    keep = [c for c in rights if c.i >= head.i or (c.dep_ == "prep" and c.i > tok.i)]
    start = head.left_edge.idx
    last = max(keep, key=lambda c: c.right_edge.i)
    end = last.right_edge.idx + len(last.right_edge.text)
    accused = [head, *(c for c in head.conjuncts)]
    return (start, end), False, accused


def _adjacent_quote(tok: Token, quotes: list[Quote]) -> Quote | None:
    """A quotation right before ("‘…’, said X") or right after ("X said: ‘…’") the cue."""
    text = _text(tok.doc)
    cue_start, cue_end = tok.idx, tok.idx + len(tok.text)
    for quote in quotes:
        if quote.start <= cue_start < quote.end:
            return None  # the cue is inside a quote: not a quoting cue
    before = [q for q in quotes if q.end <= cue_start and cue_start - q.end < 120]
    for quote in reversed(before):
        gap = text[quote.end : cue_start]
        if _short_gap(gap, tok, before=True) and _standalone(text, quote):
            return quote
    after = [q for q in quotes if q.start >= cue_end and q.start - cue_end < 80]
    for quote in after[:1]:
        gap = text[cue_end : quote.start]
        if _short_gap(gap, tok, before=False):
            return quote
    return None


def _short_gap(gap: str, tok: Token, before: bool) -> bool:
    if not before and gap.rstrip(" \t\n").endswith(":") and "\n\n" not in gap.strip():
        gap = gap.replace("\n", " ")  # "said on Telegram:\n“…”"
    if any(ch in gap for ch in ".!?\n‘“«„"):
        return False
    words = gap.split()
    if before:
        return len(words) <= 8 and (
            not words or gap.lstrip()[:1] in (",", "—", "–", ";") or len(words) <= 6
        )
    stripped = gap.rstrip()
    return len(words) <= 6 and (stripped.endswith((":", ",")) or not stripped)


def _standalone(text: str, quote: Quote) -> bool:
    """A quote that is a statement of its own, not a phrase quoted inside a sentence."""
    i = quote.start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return (
        i < 0
        or text[i] in "\n:.!?"
        or (text[i] in "—–,(" and len(text[quote.start : quote.end].split()) >= 5)
    )


def _enclosing_quote(quotes: list[Quote], start: int, end: int) -> Quote | None:
    for quote in quotes:
        if (
            quote.inner_start <= start + 1
            and end - 1 <= quote.inner_end
            and end - start > 0.3 * (quote.end - quote.start)
        ):
            return quote
    return None


def _speaker(tok: Token, frame: str, content: tuple[int, int]) -> tuple[int, int] | None:
    """The speaker's span: subject, passive agent, inverted subject, or the governing subject."""
    head = tok
    for _ in range(4):
        for child in head.children:
            if child.dep_ in SUBJECTS and not _inside(child, content):
                if child.lower_ in RELATIVE and head.dep_ == "relcl":
                    return _np_span(head.head)  # "Peskov, who said …": Peskov
                return _np_span(child)
        for child in head.children:
            if child.dep_ == "agent":
                pobj = [p for p in child.children if p.dep_ == "pobj"]
                if pobj:
                    return _np_span(pobj[0])
        if head == tok and (frame == "quote" or content[1] <= tok.idx):
            for child in tok.rights:
                if child.dep_ in ("dobj", "attr", "npadvmod", "dep") and not _inside(
                    child, content
                ):
                    return _np_span(child)
        if head.dep_ in PARTICIPIAL and head.head != head:
            head = head.head
            continue
        break
    return None


def _inside(tok: Token, span: tuple[int, int]) -> bool:
    return span[0] <= tok.idx < span[1]


def _np_span(tok: Token) -> tuple[int, int]:
    tokens = [t for t in tok.subtree if not (t.dep_ in ("relcl", "acl") and t.head == tok)]
    drop: set[int] = set()
    for t in tok.children:
        if t.dep_ in ("relcl", "acl"):
            drop.update(x.i for x in t.subtree)
    tokens = [t for t in tokens if t.i not in drop]
    for k, t in enumerate(tokens[1:], start=1):
        if t.lower_ in ("which", "who", "whose") and tokens[k - 1].text == ",":
            tokens = tokens[: k - 1]  # "Hezbollah, which did not comment on the strikes"
            break
    tokens = _contiguous(sorted(tokens, key=lambda t: t.i), tok)
    start, end = token_span(tokens)
    return trim(_text(tok.doc), start, end)


def _contiguous(tokens: list[Token], head: Token) -> list[Token]:
    """The unbroken run of tokens around `head` (a dropped clause leaves a gap)."""
    pos = next((k for k, t in enumerate(tokens) if t.i == head.i), 0)
    lo = hi = pos
    while lo > 0 and tokens[lo - 1].i == tokens[lo].i - 1:
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].i == tokens[hi].i + 1:
        hi += 1
    return tokens[lo : hi + 1]


def _evidence_ok(tok: Token) -> bool:
    """'show' is a cue only for footage, images, statements … ('footage showing …')."""
    subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
    nouns = subjects or ([tok.head] if tok.dep_ in ("acl", "relcl", "advcl") else [])
    return any(n.lemma_.lower() in EVIDENCE_SUBJECTS for n in nouns)


# --- "according to" and noun cues --------------------------------------------------------


def _according_to(tok: Token, sent: Span, cues: CueLexicon) -> Attribution | None:
    to = tok.nbor()
    pobj = [c for c in to.children if c.dep_ == "pobj"]
    if not pobj:
        return None
    phrase_start = tok.idx
    phrase_end = pobj[0].right_edge.idx + len(pobj[0].right_edge.text)
    text = _text(tok.doc)
    before = trim(text, sent.start_char, phrase_start)
    after = trim(text, phrase_end, sent.end_char)
    content = after if after[1] - after[0] >= before[1] - before[0] else before
    return Attribution(
        cue=(tok.idx, to.idx + len(to.text)),
        lemma="according to",
        act=cues.according_to,
        content=content,
        speaker=_np_span(pobj[0]),
        frame="according",
        sentence=sent,
        cue_token=tok,
    )


def _noun_cue(tok: Token, sent: Span, act: Act) -> Attribution | None:
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
            speaker = _np_span(child)
        elif child.dep_ == "prep" and child.lower_ in ("from", "by"):
            pobj = [p for p in child.children if p.dep_ == "pobj"]
            speaker = _np_span(pobj[0]) if pobj else speaker
    return Attribution(
        cue=(tok.idx, tok.idx + len(tok.text)),
        lemma=tok.lemma_.lower(),
        act=act,
        content=trim(_text(tok.doc), start, end),
        speaker=speaker,
        frame="noun",
        sentence=sent,
        cue_token=tok,
        confidence=0.6,
    )
