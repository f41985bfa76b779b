"""Turn raw attributions into one statement each: nesting, overlaps and embedded posts.

A cue inside a direct quote belongs to the quote ("‘We once again declare that …’,
concluded the statement"); a statement that a later clause reports separately after a
comma is cut there ("accused Armenia of …, with the ministry publishing footage showing
…"); an embedded post with no cue of its own is one statement of its author.
"""

from __future__ import annotations

from spacy.tokens import Doc

from watchline.domain import Act
from watchline.extract.attribution.cues import Attribution
from watchline.extract.attribution.posts import Post
from watchline.extract.attribution.quotes import Quote
from watchline.extract.attribution.spans import trim

FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
REFERRING = {"them", "it", "this", "that", "these", "those", "him", "her"}


def settle(attrs: list[Attribution], text: str) -> list[Attribution]:
    """Drop nested and duplicate statements; cut contents that swallow another statement."""
    _split_coordinated(attrs, text)
    kept: list[Attribution] = []
    for attr in sorted(attrs, key=lambda a: (not a.direct, a.cue[0])):
        if any(_nested(attr, outer, text) for outer in kept):
            continue
        kept = [k for k in kept if not _duplicate(k, attr)] + [attr]
    kept = [a for a in kept if not _echo(a, kept, text)]
    for outer in kept:
        for inner in kept:
            if inner is not outer and not outer.direct and _within(inner.cue, outer.content):
                _cut_before(outer, inner, text)
    return sorted(kept, key=lambda a: min(a.cue[0], a.content[0]))


def _split_coordinated(attrs: list[Attribution], text: str) -> None:
    """'said it was investigating the incidents and urged both sides to …': the parser puts
    the second cue inside the first one's clause; it is a second statement of the speaker.

    Only cues with an act of their own (urge, deny, warn, accuse, confirm) at the end of a
    reported clause are split off; "said the army had fired" keeps its clause whole.
    """
    for outer in attrs:
        if outer.direct or outer.frame != "clause":
            continue
        for inner in attrs:
            tok = inner.cue_token
            if inner is outer or tok is None or tok.dep_ != "conj" or inner.act is Act.ASSERT:
                continue
            if not (_within(inner.cue, outer.content) and inner.content[1] <= outer.content[1]):
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                continue
            cc = [c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i]
            cut = cc[-1].idx if cc else tok.idx
            outer.content = trim(text, outer.content[0], cut)
            inner.speaker = outer.speaker


def _nested(attr: Attribution, outer: Attribution, text: str) -> bool:
    """True when `attr` is reported inside `outer` and should not stand alone."""
    if not _within(attr.cue, outer.content):
        return False
    if _coordinated(attr, outer):
        return False  # "condemned the strikes and called on …": two statements
    if outer.direct:
        return True
    tok = attr.cue_token
    if tok is not None and tok.tag_ == "VBG" and text[: attr.cue[0]].rstrip().endswith(","):
        return False  # "said that …, adding that …": a second statement of the same speaker
    start = _clause_start(attr)
    gap = text[outer.content[0] : start]
    return "," not in gap  # "said that X claimed …": one statement, the outer one


def _coordinated(attr: Attribution, outer: Attribution) -> bool:
    """A cue verb coordinated with the outer cue shares its subject but not its content."""
    tok, head = attr.cue_token, outer.cue_token
    return tok is not None and head is not None and tok.dep_ == "conj" and tok.head == head


def _echo(attr: Attribution, kept: list[Attribution], text: str) -> bool:
    """'rejected the accusations, calling them baseless': the participle repeats the act."""
    tok = attr.cue_token
    if tok is None or tok.dep_ not in ("advcl", "conj"):
        return False
    words = text[attr.content[0] : attr.content[1]].split()
    if not words or len(words) > 4 or words[0].lower() not in REFERRING:
        return False
    return any(other.cue_token == tok.head for other in kept)


def _duplicate(a: Attribution, b: Attribution) -> bool:
    overlap = min(a.content[1], b.content[1]) - max(a.content[0], b.content[0])
    union = max(a.content[1], b.content[1]) - min(a.content[0], b.content[0])
    return union > 0 and overlap / union > 0.6 and a.frame == "noun"


def _clause_start(attr: Attribution) -> int:
    if attr.speaker is None:
        return attr.cue[0]
    return min(attr.cue[0], attr.speaker[0])


def _within(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= span[0] < outer[1]


def _cut_before(outer: Attribution, inner: Attribution, text: str) -> None:
    start = _clause_start(inner)
    comma = text.rfind(",", outer.content[0], start)
    if comma > outer.content[0]:
        outer.content = trim(text, outer.content[0], comma)


def continued_quotes(attrs: list[Attribution], quotes: list[Quote], text: str) -> list[Attribution]:
    """'“A,” said X. “B.”': a quote right after a quoted statement goes on with its speaker."""
    extra: list[Attribution] = []
    for quote in quotes:
        if len(text[quote.inner_start : quote.inner_end].split()) < 4:
            continue
        if any(_overlap(quote, a) for a in attrs):
            continue
        before = [a for a in attrs + extra if min(a.sentence.end_char, a.content[1]) <= quote.start]
        if not before:
            continue
        prev = max(before, key=lambda a: (a.sentence.end_char, a.content[1]))
        gaps = (text[prev.sentence.end_char : quote.start], text[prev.content[1] : quote.start])
        if not prev.direct or all(g.strip(" \n\t.,”’\"'") for g in gaps):
            continue
        extra.append(
            Attribution(
                cue=prev.cue,
                lemma=prev.lemma,
                act=prev.act,
                content=trim(text, quote.inner_start, quote.inner_end),
                speaker=prev.speaker,
                frame="continued",
                sentence=prev.sentence,
                direct=True,
                cue_token=None,
                confidence=0.6,
            )
        )
    return extra


def _overlap(quote: Quote, attr: Attribution) -> bool:
    start, end = attr.content
    return (start < quote.end and quote.start < end) or quote.start <= attr.cue[0] < quote.end


def post_statements(
    doc: Doc, posts: list[Post], attrs: list[Attribution], act: Act = Act.ASSERT
) -> list[Attribution]:
    """Give statements inside a post to its author; a post without a cue is one statement."""
    extra: list[Attribution] = []
    text = doc.user_data.get("watchline_text") or doc.text
    for post in posts:
        inside = [a for a in attrs if post.holds(a.cue[0])]
        for attr in inside:
            if attr.speaker is None or attr.frame == "noun" or _first_person(text, attr):
                attr.speaker = post.author
        if inside:
            continue
        span = doc.char_span(post.start, post.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span[0].sent
        extra.append(
            Attribution(
                cue=post.author,
                lemma="post",
                act=act,
                content=trim(text, post.start, post.end),
                speaker=post.author,
                frame="post",
                sentence=sent,
                direct=True,
                confidence=0.7,
            )
        )
    return extra


def _first_person(text: str, attr: Attribution) -> bool:
    if attr.speaker is None:
        return True
    return text[attr.speaker[0] : attr.speaker[1]].strip().lower() in FIRST_PERSON
