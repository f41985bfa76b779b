"""Find Russian reported statements in the dependency parse: cue, speaker, content.

Three mechanisms, none tied to a sentence:
- a reporting verb found by lemma ("заявило", "опровергли", "призвал"): its subject is
  the speaker, its content the complement clause ("…, что …"), the object ("опроверг
  сообщения о …") or the object with what follows ("обвинил Баку в обстреле …"), as the
  cue's frames in `data/ru/cues.yaml` allow; a cue in a parenthetical ("…, — заявил X",
  "как сообщили в Минобороны, …") reports the clause it hangs from;
- a prepositional attribution ("по словам X, …", "по данным X, …", "согласно X, …"):
  the speaker is what the phrase governs, the content the rest of its clause;
- a participle or a second verb ("…, добавив, что …", "заявил … и подчеркнул, что …")
  keeps the speaker of the verb it depends on.
A quotation in «ёлочках» or "лапках" next to a cue is its content as a direct quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from watchline.domain import Act
from watchline.extract.russian.continued import paragraph_lead, quote_openings
from watchline.extract.russian.lemmas import lemmas
from watchline.extract.russian.lexicon import RuCue, RuCues
from watchline.extract.russian.parse import Sentence

SUBJECT = ("nsubj", "nsubj:pass")
CLAUSE = ("ccomp", "parataxis", "csubj")
REST = ("obj", "iobj", "obl", "xcomp", "ccomp", "advcl", "nmod")
INHERITS = ("advcl", "conj", "xcomp")
LEADING_WORDS = re.compile(r"(?:что|чтобы|будто|якобы|о том,? что|о том)\s+", re.I)
QUOTE = re.compile(r"«([^«»]+)»|“([^“”]+)”|„([^„“”]+)[“”]|\"([^\"]+)\"")
VERB_POS = ("VERB", "AUX")
ABOUT = ("о", "об", "обо")
# Speaker-like obliques: "сообщили в Минобороны", "заявили в пресс-службе ведомства".
OBLIQUE_SPEAKERS = frozenset(
    [
        "министерство",
        "минобороны",
        "мид",
        "ведомство",
        "пресс-служба",
        "служба",
        "штаб",
        "генштаб",
        "аппарат",
        "администрация",
        "правительство",
        "кремль",
        "посольство",
        "миссия",
        "командование",
        "заявление",
        "сообщение",
        "пресс-релиз",
        "коммюнике",
        "документ",
        "канал",
        "telegram-канал",
        "погранслужба",
        "госпогранслужба",
        "погранвойска",
        "войско",
        "комитет",
        "бюро",
        "управление",
        "совет",
        "пресс-центр",
        "секретариат",
        "сайт",
        "страница",
        "аккаунт",
        "telegram",
        "телеграм-канал",
        "телеграм",
        "соцсеть",
    ]
)
# "сообщается на официальном сайте ведомства", "написал на своей странице в Facebook":
# the page or channel speaks for its owner (a Telegram post's channel is its speaker)
PAGES = frozenset(["сайт", "страница", "аккаунт", "канал", "telegram-канал", "телеграм-канал"])


@dataclass
class Statement:
    """One cue and its parts; spans are character offsets into the document."""

    sentence: int
    cue: tuple[int, int]
    act: Act
    neutral: bool
    content: tuple[int, int]
    content_tokens: list[int]
    speaker_tokens: list[int] = field(default_factory=list)
    direct_quote: bool = False
    cue_token: int | None = None
    parent: int | None = None  # cue token whose speaker this statement shares
    labelled_false: bool = False
    accused: list[int] = field(default_factory=list)  # "обвинил X в …": X
    content_sentence: int | None = None  # where the content lies, when not in `sentence`

    @property
    def where(self) -> int:
        """The sentence holding the content."""
        return self.sentence if self.content_sentence is None else self.content_sentence


def clause_span(sentence: Sentence, indices: list[int], text: str) -> tuple[int, int] | None:
    if not indices:
        return None
    start, end = sentence.span(indices)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    lead = LEADING_WORDS.match(text, start, end)
    while lead:
        start = lead.end()
        lead = LEADING_WORDS.match(text, start, end)
    while start < end and not text[start].isalnum():
        start += 1
    return (start, end) if end - start >= 3 else None


def _quotes(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    found = []
    for m in QUOTE.finditer(text, sentence.start, sentence.end):
        group = next(g for g in range(1, 5) if m.group(g) is not None)
        found.append((m.start(group), m.end(group)))
    return found


def _tokens_in(sentence: Sentence, span: tuple[int, int]) -> list[int]:
    return [t.i for t in sentence.tokens if t.start >= span[0] and t.end <= span[1]]


def _cue_of(token_text: str, lemma: str, cues: RuCues) -> RuCue | None:
    if lemma in cues.verbs:
        return cues.verbs[lemma]
    for candidate in lemmas(token_text):
        if candidate in cues.verbs:
            return cues.verbs[candidate]
    return None


def _without(sentence: Sentence, keep: list[int], drop: set[int]) -> list[int]:
    """`keep` less `drop`, cut to the longest unbroken run of tokens."""
    rest = [i for i in keep if i not in drop]
    runs: list[list[int]] = []
    for i in rest:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return max(runs, key=len) if runs else []


def _speaker(sentence: Sentence, i: int) -> list[int]:
    tokens = sentence.tokens
    for child in tokens[i].children:
        if tokens[child].rel in SUBJECT:
            return sentence.subtree(child)
    for child in tokens[i].children:
        token = tokens[child]
        if token.rel == "obl" and (token.keys & OBLIQUE_SPEAKERS or token.pos == "PROPN"):
            prep = [c for c in token.children if tokens[c].rel == "case"]
            if prep and tokens[prep[0]].text.lower() in ("в", "во"):
                return [j for j in sentence.subtree(child) if j not in prep]
            if prep and tokens[prep[0]].text.lower() == "на" and token.keys & PAGES:
                return [j for j in sentence.subtree(child) if j not in prep]
    found = _oblique_after(sentence, i) or _after_dash(sentence, i)
    if found:
        return found
    # "Служба сообщила, что военные открыли огонь": the parser may hang the speaker on
    # the reported verb; a subject before the cue, outside a quote, is the cue's.
    for child in tokens[i].children:
        if tokens[child].rel in CLAUSE:
            for j in tokens[child].children:
                if tokens[j].rel in SUBJECT and j < i and not _between_commas(sentence, j, i):
                    return sentence.subtree(j)
    return []


def _oblique_after(sentence: Sentence, i: int) -> list[int]:
    """ "Как сообщили в Госпогранслужбе Украины, …" where the parser hung the oblique on
    the reported clause: the words from "в" to the next punctuation, when they name a
    body (a speaker-like noun or a proper name)."""
    tokens = sentence.tokens
    if i + 2 >= len(tokens) or tokens[i + 1].text.lower() not in ("в", "во"):
        return []
    words: list[int] = []
    for j in range(i + 2, len(tokens)):
        if tokens[j].pos == "PUNCT":
            break
        words.append(j)
    head = [j for j in words if tokens[j].keys & OBLIQUE_SPEAKERS or tokens[j].pos == "PROPN"]
    if (
        not words
        or not head
        or not (
            tokens[words[0]].keys & OBLIQUE_SPEAKERS or tokens[words[0]].pos in ("ADJ", "PROPN")
        )
    ):
        return []
    return words


def _after_dash(sentence: Sentence, i: int) -> list[int]:
    """ "«…», — сказал им Зась." where the parser took the name for an object: after a
    dash, the first name or nominative noun that follows the cue is its speaker."""
    tokens = sentence.tokens
    if not any(tokens[k].text in ("—", "–", "-") for k in range(max(0, i - 3), i)):
        return []
    for j in range(i + 1, len(tokens)):
        token = tokens[j]
        if token.pos == "PUNCT":
            return []
        if token.pos == "PROPN" or (token.pos == "NOUN" and token.feats.get("Case") == "Nom"):
            words = [j]
            while words[-1] + 1 < len(tokens) and tokens[words[-1] + 1].pos in ("PROPN", "NOUN"):
                words.append(words[-1] + 1)
            return words
    return []


def _between_commas(sentence: Sentence, j: int, i: int) -> bool:
    return any(sentence.tokens[k].text in (",", "—", "–", ":") for k in range(j, i))


def _label(sentence: Sentence, i: int, cue: RuCue) -> Act | None:
    """The act a label verb's instrumental complement gives ("назвал … дезинформацией")."""
    for j in sentence.subtree(i):
        token = sentence.tokens[j]
        if j != i and token.feats.get("Case") == "Ins" and token.keys & set(cue.complements):
            act = next(cue.complements[k] for k in token.keys if k in cue.complements)
            objects = [c for c in sentence.tokens[i].children if sentence.tokens[c].rel == "obj"]
            if act is Act.ACCUSE and any(
                sentence.tokens[c].keys & LABELLED_REPORTS for c in objects
            ):
                return Act.DENY  # "назвал провокацией заявления X": the report is rejected
            return act
    return None


# reports a label can reject: "назвал провокацией заявления" denies them (GUIDE.md §3)
LABELLED_REPORTS = frozenset(["заявление", "сообщение", "информация", "обвинение", "утверждение"])


def _content(sentence: Sentence, i: int, cue: RuCue, text: str, speaker: list[int]) -> list[int]:
    tokens = sentence.tokens
    own = set(speaker) | {i}
    children = tokens[i].children
    if "clause" in cue.frames:
        for child in children:
            token = tokens[child]
            if token.rel in CLAUSE and child not in own and token.pos in (*VERB_POS, "ADJ", "NOUN"):
                if token.rel == "parataxis" and child < i and token.pos not in VERB_POS:
                    continue
                return _without(sentence, sentence.subtree(child), own)
        for child in children:  # "сообщил об обстреле …", "заявило о переброске …"
            about = [c for c in tokens[child].children if tokens[c].text.lower() in ABOUT]
            if tokens[child].rel == "obl" and about and child not in own:
                return _without(sentence, sentence.subtree(child), own | set(about))
        if tokens[i].head is None:  # "Стороны провели учения, сообщил источник": two roots
            others = [t.i for t in tokens if t.head is None and t.i != i and t.pos in VERB_POS]
            if others:
                return _without(sentence, sentence.subtree(others[0]), own)
    head = tokens[i].head
    if (
        head is not None
        and tokens[i].rel in ("parataxis", "advcl", "conj")
        and (tokens[i].rel == "parataxis" or _has_mark(sentence, i, ("как",)))
    ):
        drop = set(sentence.subtree(i))
        return _without(sentence, sentence.subtree(head), drop)
    if "object" in cue.frames:
        for child in children:
            if tokens[child].rel in ("obj", "iobj") and tokens[child].pos != "PRON":
                return sentence.subtree(child)
    if "rest" in cue.frames:
        parts = [c for c in children if tokens[c].rel in REST and c > i and c not in own]
        if parts and not (len(parts) == 1 and tokens[parts[0]].pos == "PRON"):
            indices = sorted(j for c in parts for j in sentence.subtree(c))
            return list(range(indices[0], indices[-1] + 1))
    return []


def _has_mark(sentence: Sentence, i: int, words: tuple[str, ...]) -> bool:
    return any(
        sentence.tokens[c].rel in ("mark", "advmod") and sentence.tokens[c].text.lower() in words
        for c in sentence.tokens[i].children
    )


def _about_this(sentence: Sentence, i: int) -> bool:
    """ "Об этом сообщает Минобороны": the cue reports the sentence before."""
    tokens = sentence.tokens
    return any(
        tokens[c].keys & {"это"}
        and any(tokens[p].text.lower() in ("об", "о") for p in tokens[c].children)
        for c in tokens[i].children
    )


def _lead_before_about_this(sentence: Sentence, i: int) -> list[int] | None:
    """ "Армянские подразделения обстреляли позиции, об этом сообщает Минобороны": the
    clause before "об этом" in the cue's own sentence is what the cue reports."""
    tokens = sentence.tokens
    for c in tokens[i].children:
        if not tokens[c].keys & {"это"}:
            continue
        preps = [p for p in tokens[c].children if tokens[p].text.lower() in ("об", "о")]
        if not preps:
            continue
        first = min(preps[0], c)
        lead = [j for j in range(first) if tokens[j].pos != "PUNCT"]
        if len(lead) >= 3 and first < i:
            return list(range(lead[0], lead[-1] + 1))
    return None


def verb_statements(
    text: str, s: int, sentence: Sentence, cues: RuCues, previous: Sentence | None = None
) -> list[Statement]:
    """Statements introduced by a reporting verb or a label verb."""
    found: list[Statement] = []
    quotes = _quotes(text, sentence)
    for token in sentence.tokens:
        if token.pos not in (*VERB_POS, "ADJ"):
            continue
        cue = _cue_of(token.text, token.lemma, cues)
        if cue is None or any(q[0] <= token.start < q[1] for q in quotes):
            continue
        act, neutral, labelled = cue.act, cue.act is Act.ASSERT, False
        if cue.objects:
            found.extend(_expression(text, s, sentence, token.i, cue))
            continue
        if cue.complements:
            label = _label(sentence, token.i, cue)
            if label is None:
                continue
            act, neutral, labelled = label, False, True
        speaker = _speaker(sentence, token.i)
        parent = None
        if not speaker and token.rel in INHERITS and token.head is not None:
            parent = token.head
        if labelled and parent is not None and _pronoun_object(sentence, token.i):
            continue  # "опроверг сообщения, назвав их ложью": one claim, the head's
        content_span, direct = None, False
        near = [q for q in quotes if _adjacent(text, q, token.start, token.end)]
        if near:
            content_span, direct = near[0], True
        elif (lead := _lead_before_about_this(sentence, token.i)) is not None:
            content_span = clause_span(
                sentence, lead, text
            )  # "X подвергли обстрелу …, об этом сообщает Y"
        elif _about_this(sentence, token.i):  # "Об этом сообщает X" opening a text: nothing
            if previous is None:
                continue
            content_span = clause_span(previous, list(range(len(previous.tokens))), text)
        else:
            indices = _content(sentence, token.i, cue, text, speaker)
            content_span = clause_span(sentence, indices, text)
        if content_span is None:
            continue
        where = previous if previous is not None and content_span[1] <= sentence.start else sentence
        accused = []
        if act in (Act.ACCUSE, Act.APPEAL) and "rest" in cue.frames:
            accused = next(
                (sentence.subtree(c) for c in token.children if sentence.tokens[c].rel == "obj"),
                [],
            )
        found.append(
            Statement(
                sentence=s,
                cue=(token.start, token.end),
                act=act,
                neutral=neutral,
                content=content_span,
                content_tokens=_tokens_in(where, content_span),
                speaker_tokens=speaker,
                direct_quote=direct,
                content_sentence=s - 1 if where is previous else s,
                cue_token=token.i,
                parent=parent,
                labelled_false=labelled and act is Act.DENY,
                accused=accused,
            )
        )
    return found


def _expression(text: str, s: int, sentence: Sentence, i: int, cue: RuCue) -> list[Statement]:
    """ "выразили обеспокоенность эскалацией": the object names the act, its dependents
    (and the verb's later obliques) are the content."""
    tokens = sentence.tokens
    for child in tokens[i].children:
        if tokens[child].rel != "obj" or not tokens[child].keys & set(cue.objects):
            continue
        act = next(cue.objects[k] for k in tokens[child].keys if k in cue.objects)
        speaker = _speaker(sentence, i)
        later = [c for c in tokens[i].children if c > child and tokens[c].rel in ("obl", "advcl")]
        keep = sorted({*sentence.subtree(child), *(j for c in later for j in sentence.subtree(c))})
        content = clause_span(sentence, _without(sentence, keep, {child, i, *speaker}), text)
        if content is None:
            return []
        parent = tokens[i].head if not speaker and tokens[i].rel in INHERITS else None
        end = max(tokens[i].end, tokens[child].end)
        return [
            Statement(
                sentence=s,
                cue=(min(tokens[i].start, tokens[child].start), end),
                act=act,
                neutral=act is Act.ASSERT,
                content=content,
                content_tokens=_tokens_in(sentence, content),
                speaker_tokens=speaker,
                cue_token=i,
                parent=parent,
            )
        ]
    return []


def noun_statements(text: str, s: int, sentence: Sentence, cues: RuCues) -> list[Statement]:
    """ "заявление МИД о том, что …", "обвинения Баку в том, что …": a noun and its clause."""
    found: list[Statement] = []
    tokens = sentence.tokens
    for token in tokens:
        act = next((cues.nouns[k] for k in (token.lemma, *token.keys) if k in cues.nouns), None)
        if act is None or token.pos != "NOUN":
            continue
        that = [j for j in token.children if tokens[j].keys & {"то", "тот"}]
        clause = [
            c
            for j in that
            for c in tokens[j].children
            if tokens[c].rel.startswith(("acl", "ccomp"))
        ]
        if not clause:
            continue
        genitive = [c for c in token.children if tokens[c].rel == "nmod" and c not in that]
        speaker = sentence.subtree(genitive[0]) if genitive else []
        if not speaker and token.head is not None:
            speaker = _speaker(sentence, token.head)
        content = clause_span(sentence, sentence.subtree(clause[0]), text)
        if content is None or not speaker:
            continue
        found.append(
            Statement(
                sentence=s,
                cue=(token.start, token.end),
                act=act,
                neutral=act is Act.ASSERT,
                content=content,
                content_tokens=_tokens_in(sentence, content),
                speaker_tokens=speaker,
            )
        )
    return found


def _pronoun_object(sentence: Sentence, i: int) -> bool:
    return any(
        sentence.tokens[c].rel == "obj" and sentence.tokens[c].pos == "PRON"
        for c in sentence.tokens[i].children
    )


def _adjacent(text: str, quote: tuple[int, int], start: int, end: int) -> bool:
    """Whether only punctuation, a dash or a few words separate the quote from the cue."""
    if quote[1] <= start:  # «…», — заявил X: at most one word between ("«…», — же …")
        gap = text[quote[1] : start]
        words = 1
    elif quote[0] >= end:  # заявил журналистам: «…»
        gap = text[end : quote[0]]
        words = 3
    else:
        return False
    if len(re.findall(r"\w+", gap)) > words:
        return False  # «Украинская правда» пишет, что в Генштабе заявили: not its quote
    return len(gap) <= 40 and ("—" in gap or "-" in gap or ":" in gap or "," in gap)


def prepositional_statements(
    text: str, s: int, sentence: Sentence, cues: RuCues
) -> list[Statement]:
    """ "По словам X, …", "по данным X, …", "согласно X, …"."""
    found: list[Statement] = []
    tokens = sentence.tokens
    for phrase, act in cues.prepositions.items():
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if not all(phrase[k] in tokens[i + k].keys for k in range(n)):
                continue
            if n > 1 and phrase[0] == "как":
                continue  # "как сообщили …" is the verb's own parenthetical
            last = i + n - 1
            noun = last if n > 1 else tokens[i].head
            if noun is None:
                continue
            cue_tokens = set(range(i, last + 1))
            speaker = [j for j in sentence.subtree(noun) if j not in cue_tokens]
            if n == 1:  # "согласно заявлению Минобороны": the speaker is the genitive
                speaker = _governed(sentence, noun, speaker)
            head = tokens[noun].head
            if head is None or not speaker:
                continue
            drop = set(sentence.subtree(noun)) | cue_tokens
            for clause in _contrasted(sentence, head, drop, last):
                content = clause_span(sentence, clause, text)
                if content is None:
                    continue
                found.append(
                    Statement(
                        sentence=s,
                        cue=(tokens[i].start, tokens[last].end),
                        act=act,
                        neutral=act is Act.ASSERT,
                        content=content,
                        content_tokens=_tokens_in(sentence, content),
                        speaker_tokens=speaker,
                    )
                )
    return found


CONTRAST = frozenset(["но", "однако", "а"])


def _contrasted(sentence: Sentence, head: int, drop: set[int], cue_end: int) -> list[list[int]]:
    """ "по словам X, россияне обстреливают сёла, но признаков наступления нет": clauses
    joined by "но" / "а" / "однако" are separate claims (GUIDE.md §1: their acts or events
    differ); the cue may hang on either, so both are its content."""
    tokens = sentence.tokens

    def contrast(i: int) -> bool:
        return any(
            tokens[c].rel == "cc" and tokens[c].text.lower() in CONTRAST for c in tokens[i].children
        )

    whole = _without(sentence, sentence.subtree(head), drop)
    parent = tokens[head].head
    if tokens[head].rel == "conj" and parent is not None and contrast(head) and parent > cue_end:
        inner = set(sentence.subtree(head))
        first = [j for j in _without(sentence, sentence.subtree(parent), drop) if j not in inner]
        return [first, whole] if first else [whole]
    if parent is None and contrast(head):  # two roots: "…, но признаков … нет"
        before = [t.i for t in tokens if t.head is None and cue_end < t.i < head]
        if before:
            inner = set(sentence.subtree(head))
            start = min((j for j in inner if j > cue_end and j not in drop), default=head)
            first = [
                j
                for j in sentence.subtree(before[-1])
                if cue_end < j < start and j not in drop and tokens[j].pos != "PUNCT"
            ]
            second = [
                j
                for j in whole
                if j >= start and not (tokens[j].rel == "cc" and tokens[j].head == head)
            ]
            while second and tokens[second[0]].pos in ("PUNCT", "CCONJ"):
                second = second[1:]
            if first:
                return [first, second]
    split = [c for c in tokens[head].children if tokens[c].rel == "conj" and contrast(c)]
    if split:
        later = set(sentence.subtree(split[0]))
        first = [j for j in whole if j < min(later)]
        second = [j for j in sentence.subtree(split[0]) if j not in drop]
        while second and tokens[second[0]].pos in ("PUNCT", "CCONJ"):
            second = second[1:]
        return [part for part in (first, second) if part]
    return [whole]


def _governed(sentence: Sentence, noun: int, speaker: list[int]) -> list[int]:
    token = sentence.tokens[noun]
    if token.keys & {"заявление", "данные", "информация", "сообщение", "оценка", "слово"}:
        for child in token.children:
            if sentence.tokens[child].rel == "nmod":
                return sentence.subtree(child)
    return speaker


def find_statements(text: str, sentences: list[Sentence], cues: RuCues) -> list[Statement]:
    """Every statement in text order; one per cue."""
    found: list[Statement] = []
    for s, sentence in enumerate(sentences):
        previous = sentences[s - 1] if s else None
        found += verb_statements(text, s, sentence, cues, previous)
        found += prepositional_statements(text, s, sentence, cues)
        found += noun_statements(text, s, sentence, cues)
    # "Об этом говорится в сообщении" after a sentence with its own cue only restates it
    cued = {st.sentence for st in found if st.where == st.sentence}
    found = [st for st in found if st.where == st.sentence or st.where not in cued]
    found += paragraph_lead(text, sentences, found, cued)
    found += quote_openings(text, sentences, found, cued)
    return sorted(found, key=lambda st: min(st.cue[0], st.content[0]))
