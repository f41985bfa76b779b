"""Lemma sequences in a content that decide its act: markers, labels of false reports,
being hit, and the span trimming every claim shares."""

from __future__ import annotations

from itertools import pairwise

from watchline.domain import Act
from watchline.extract.russian.lexicon import RuCues
from watchline.extract.russian.parse import Sentence

SUBJECTED = frozenset(["подвергать", "подвергнуть", "подвергаться", "подвергнуться"])

FALSE_LABELS = frozenset(["дезинформация", "ложь", "фейк", "вымысел", "клевета", "провокация"])


def labels_at(sentence: Sentence, i: int) -> bool:
    """Whether the label of a false report starts at token i ("является ложью", "не
    соответствует действительности")."""
    token = sentence.tokens[i]
    following = sentence.tokens[i + 1].lemma if i + 1 < len(sentence.tokens) else ""
    return (
        token.lemma == "являться"
        or token.lemma in FALSE_LABELS
        or (token.lemma == "не" and following in ("соответствовать", "иметь"))
    )


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding punctuation ("представителя МИД РФ," → no comma)."""
    while start < end and not text[start].isalnum() and text[start] != "@":
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ')»"':
        end -= 1
    return start, end


HIT_VERBS = frozenset(["обстрелять", "обстреливать", "атаковать", "обстреляться"])


def lemmas_suffer(lemmas: list[str], passive: bool = False) -> bool:
    """Whether the content is of being hit ("подверглись обстрелу", "был обстрелян",
    "позиции обстреляны": `passive` when a hit verb stands as a passive participle)."""
    return (
        passive
        or bool(SUBJECTED & set(lemmas))
        or any(a == "быть" and b in HIT_VERBS for a, b in pairwise(lemmas))
    )


def passive_hit(sentence: Sentence, content: list[int]) -> bool:
    """Whether a hit verb stands in the content as a passive participle ("обстреляны")."""
    return any(
        sentence.tokens[i].lemma in HIT_VERBS and sentence.tokens[i].feats.get("Voice") == "Pass"
        for i in content
    )


MARKER_GAP = 2  # words a marker's parts may stand apart ("должно быть немедленно прекращено")


def contains(lemmas: list[str], marker: tuple[str, ...]) -> bool:
    """Whether the marker's lemmas occur in order, each within MARKER_GAP words of the last."""
    for i, lemma in enumerate(lemmas):
        if lemma != marker[0]:
            continue
        at, ok = i, True
        for part in marker[1:]:
            window = lemmas[at + 1 : at + 2 + MARKER_GAP]
            if part not in window:
                ok = False
                break
            at = at + 1 + window.index(part)
        if ok:
            return True
    return False


def marker_negates(lemmas: list[str], cues: RuCues) -> bool:
    """A denial by "не зафиксировано"-style markers says the event was not seen."""
    return any(
        marker[0] in cues.negators and contains(lemmas, marker)
        for marker in cues.markers.get(Act.DENY, ())
    )
