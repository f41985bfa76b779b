"""Where a cue's content is: its clause, an adjacent quote, its object or its phrase.

Each frame of `data/cues.yaml` is one function here, returning `(span, direct, objects)`:
the content's characters, whether it is a direct quote, and the tokens it names as the
party concerned ("accused Armenia of …" names Armenia; a gerund or infinitive without
its own subject — "denied firing", "vowed to retaliate" — names the speaker, as "SELF").
"""

from __future__ import annotations

from spacy.tokens import Token

from watchline.extract.attribution.datelines import without_dateline
from watchline.extract.attribution.quotes import Quote
from watchline.extract.attribution.reported import text_of
from watchline.extract.attribution.spans import subtree_span, token_span
from watchline.extract.attribution.timewords import is_time_word, short_time_phrase
from watchline.extract.lexicon import Cue

SUBJECTS = ("nsubj", "csubj")
REST_DEPS = ("dobj", "dative", "prep", "pobj", "xcomp", "ccomp", "conj", "oprd", "prt", "cc")
TOPIC_PREPS = {"of", "against", "about", "over", "for"}
INFINITIVE = {"vow", "threaten", "promise", "pledge", "refuse", "deny", "warn", "claim"}
ASIDES = {"refer", "cite", "add", "note", "point", "stress", "say", "insist", "describe",
          "call", "urge", "warn", "accuse", "claim", "state", "quote", "explain"}  # fmt: skip


def content_of(tok: Token, frame: str, cue: Cue, quotes: list[Quote]):
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
                return _object_span(child), False, ["SELF"] if own else []
        passive = [c for c in tok.lefts if c.dep_ == "nsubjpass"]
        if passive and any(c.dep_ == "agent" for c in tok.rights):  # "… was rejected by X"
            if cue.requires_object and passive[0].lemma_.lower() not in cue.requires_object:
                return None, False, []  # "incursions, which were claimed by …"
            return subtree_span(passive[0]), False, []
        return None, False, []
    if frame == "rest":
        return _rest(tok)
    return None, False, []


MEDIUM = {"statement", "post", "message", "interview", "address", "speech", "briefing",
          "conference", "video", "broadcast", "communique", "communiqué", "letter"}  # fmt: skip


def _clause(tok: Token):
    medium = _medium_clauses(tok)
    for child in [*tok.children, *medium]:
        if (
            child in medium
            or child.dep_ == "ccomp"
            or (child.dep_ in ("advcl", "xcomp") and _has_that(child))
            or (child.dep_ in ("xcomp", "pcomp") and child.tag_ == "VBG")  # "denied firing …"
            or (child.dep_ == "xcomp" and _infinitive(child) and tok.lemma_.lower() in INFINITIVE)
        ):
            tokens = _without_speaker_asides(child)
            while tokens and (tokens[0].dep_ == "mark" or tokens[0].lower_ == "that"):
                tokens.pop(0)
            while tokens and tokens[-1].dep_ in ("cc", "punct"):
                tokens.pop()  # "were killed and" when the parser hung the rest elsewhere
            tokens = without_dateline(_without_cue_date(tokens, child))
            tokens += _second_complement(tok, tokens) or _split_predicate(tok, child, tokens)
            gerund = child.tag_ in ("VBG", "VB") and not any(
                c.dep_ in SUBJECTS for c in child.children
            )
            if tokens:
                return token_span(tokens), False, ["SELF"] if gerund else []
    return None, False, []


def _medium_clauses(tok: Token) -> list[Token]:
    """'said in a statement that …': the parser hangs the clause on "statement"."""
    found = []
    for prep in tok.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.lemma_.lower() in MEDIUM:
                found += [c for c in pobj.children if c.dep_ in ("acl", "ccomp") and _has_that(c)]
    return found


def _second_complement(cue: Token, tokens: list[Token]) -> list[Token]:
    """'said A, and that B': a second "that"-clause of the same cue is the same statement."""
    if not tokens:
        return []
    for conj in cue.children:
        if conj.dep_ != "conj" or conj.i < tokens[-1].i:
            continue
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children):
            return [t for t in cue.doc[tokens[-1].i + 1 : conj.right_edge.i + 1]]
    return []


def _split_predicate(cue: Token, clause: Token, tokens: list[Token]) -> list[Token]:
    """'said that talk of troops massing near the border was nonsense': the parser may
    split one clause in two complements of the cue, the second a verb with no subject of
    its own right after the first; it is the rest of the same clause."""
    if not tokens:
        return []
    for other in cue.children:
        if other.dep_ != "ccomp" or other is clause or other.i <= tokens[-1].i:
            continue
        if any(c.dep_ in SUBJECTS for c in other.children):
            return []
        if other.left_edge.i != tokens[-1].i + 1:
            return []
        return list(cue.doc[other.left_edge.i : other.right_edge.i + 1])
    return []


def _without_speaker_asides(head: Token) -> list[Token]:
    """The clause without a trailing ", referring to …" / ", citing …" the parser hung on it."""
    cut = None
    for child in head.rights:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_.lower() in ASIDES:
            before = head.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
            if before is not None and before.text == ",":
                cut = before.i if cut is None else min(cut, before.i)
    return [t for t in head.subtree if cut is None or t.i < cut]


def _without_cue_date(tokens: list[Token], clause: Token) -> list[Token]:
    """'said on Saturday it had struck …': a day phrase before the clause's subject dates
    the saying (the parser often hangs it inside the clause), so it is not content."""
    first = tokens[0] if tokens else None
    if first is None or first.dep_ not in ("prep", "npadvmod") or first.head != clause:
        return tokens
    phrase = list(first.subtree)
    subject = [c for c in clause.children if c.dep_ in SUBJECTS]
    dated = any(is_time_word(t) for t in phrase)
    if not dated or len(phrase) > 5 or not subject or subject[0].i < phrase[-1].i:
        return tokens
    rest = [t for t in tokens if t.i > phrase[-1].i]
    while rest and rest[0].dep_ in ("punct", "mark"):
        rest.pop(0)
    return rest or tokens


def _object_span(obj: Token) -> tuple[int, int]:
    """The object a cue acts on, without what the parser hung on it that belongs to the
    saying: "rejected [the accusations] on Wednesday", "dismissed [the reports] as fake",
    "dismissed [reports that …], saying …" (the participle is a statement of its own)."""
    cut = None
    for tok in obj.subtree:
        if tok.i <= obj.i:
            continue
        dated = tok.head == obj and tok.dep_ in ("prep", "npadvmod") and short_time_phrase(tok, 5)
        label = (
            tok.dep_ == "prep"
            and tok.lower_ == "as"
            and len(list(tok.subtree)) <= 5
            and not any(t.pos_ in ("VERB", "AUX") for t in tok.subtree)
        )
        aside = tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_.lower() in PARTICIPLES
        if dated or label or aside:
            first = tok.left_edge.i
            cut = first if cut is None else min(cut, first)
    if cut is None:
        return subtree_span(obj)
    tokens = [t for t in obj.subtree if t.i < cut]
    while len(tokens) > 1 and tokens[-1].dep_ in ("punct", "cc"):
        tokens.pop()
    return token_span(tokens)


PARTICIPLES = {"say", "add", "state", "claim", "insist", "stress", "note", "accuse", "warn",
               "argue", "explain", "call", "describe", "write"}  # fmt: skip


def _infinitive(tok: Token) -> bool:
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _has_that(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def _rest(tok: Token):
    """From the cue's object to the end of its phrase ("accused Armenia of …").

    A verb coordinated with the cue ("accused Israel of … and warned that …") is a second
    statement of the same speaker, so the phrase stops before "and <verb>".
    """
    rights = [  # "called on Bangladesh to keep …", the infinitive parsed as an adverbial
        c
        for c in tok.rights
        if c.dep_ in REST_DEPS
        or (c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
    ]
    second = [c for c in rights if _coordinated_verb(c)]
    if second:
        rights = [c for c in rights if c.i < second[0].i and not _trailing_cc(c, second[0])]
        while rights and rights[-1].dep_ in ("cc", "punct"):
            rights.pop()  # "urged both sides to stop the bloodshed, and the Kremlin said …"
    objects = [c for c in rights if c.dep_ in ("dobj", "dative")]
    if not objects:
        objects = _addressee(rights)
    if not objects:
        passive = [c for c in tok.lefts if c.dep_ == "nsubjpass"]
        if passive and any(c.dep_ == "prep" for c in rights):  # "X was accused by Y of …"
            end = max(c.right_edge.idx + len(c.right_edge.text) for c in rights)
            return (passive[0].left_edge.idx, end), False, [passive[0]]
    if not objects:
        about = [c for c in rights if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS]
        pobj = [p for c in about[:1] for p in c.children if p.dep_ in ("pobj", "pcomp")]
        if pobj:  # "warned of a possible provocation", "warned against escalation"
            last = max((c for c in rights if c.i >= about[0].i), key=lambda c: c.right_edge.i)
            end = last.right_edge.idx + len(last.right_edge.text)
            return (pobj[0].left_edge.idx, end), False, []
        return None, False, []
    head = objects[0]
    keep = [c for c in rights if c.i >= head.i or (c.dep_ == "prep" and c.i > tok.i)]
    start = head.left_edge.idx
    last = max(keep, key=lambda c: c.right_edge.i)
    end = last.right_edge.idx + len(last.right_edge.text)
    accused = [head, *(c for c in head.conjuncts)]
    return (start, end), False, accused


def _addressee(rights: list[Token]) -> list[Token]:
    """'called on X to …', and, with an infinitive after them, 'appealed to the parties to
    allow …', 'pleaded with the warring sides to lay down …', 'urged both sides to …'
    however parsed: who is asked (GUIDE.md §3)."""
    asked = any(c.dep_ in ("xcomp", "advcl") and _infinitive(c) for c in rights)
    for c in rights:  # "urged both sides to return …", the addressee parsed as a subject
        if c.dep_ in ("ccomp", "xcomp") and _infinitive(c):
            subjects = [s for s in c.children if s.dep_ == "nsubj"]
            if subjects:
                return subjects
    for c in rights:
        if c.dep_ in ("prep", "prt") and (
            c.lower_ in ("on", "upon") or (asked and c.lower_ in ("to", "with"))
        ):
            return [p for p in c.children if p.dep_ == "pobj"]
    return []


def _coordinated_verb(tok: Token) -> bool:
    """'… and warned that …', '… and called on …': a second predicate of the same subject."""
    return tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and tok.tag_ != "VBG"


def _trailing_cc(tok: Token, verb: Token) -> bool:
    return tok.dep_ in ("cc", "punct") and tok.i < verb.i and tok.i >= verb.i - 2


def _adjacent_quote(tok: Token, quotes: list[Quote]) -> Quote | None:
    """A quotation right before ("‘…’, said X") or right after ("X said: ‘…’") the cue."""
    text = text_of(tok.doc)
    cue_start, cue_end = tok.idx, tok.idx + len(tok.text)
    for quote in quotes:
        if quote.start <= cue_start < quote.end:
            return None  # the cue is inside a quote: not a quoting cue
    before = [q for q in quotes if q.end <= cue_start and cue_start - q.end < 120]
    for quote in reversed(before):
        gap = text[quote.end : cue_start]
        if _short_gap(gap, tok, before=True) and standalone(text, quote):
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


def standalone(text: str, quote: Quote) -> bool:
    """A quote that is a statement of its own, not a phrase quoted inside a sentence."""
    i = quote.start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return (
        i < 0
        or text[i] in "\n:.!?"
        or (text[i] in "—–,(" and len(text[quote.start : quote.end].split()) >= 5)
    )


def enclosing_quote(quotes: list[Quote], start: int, end: int) -> Quote | None:
    for quote in quotes:
        if (
            quote.inner_start <= start + 1
            and end - 1 <= quote.inner_end
            and end - start > 0.3 * (quote.end - quote.start)
        ):
            return quote
    return None
