"""Lemmas of Russian words with pymorphy3, cached per word form.

A word form can have several readings ("Тех" is a pronoun and a village, "стали" a verb
and a noun); matching against a lexicon accepts any of them, while `lemma` gives the one
the syntax tagger's part of speech agrees with, or pymorphy's most likely one.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pymorphy3

# Case and number endings of Russian nouns and adjectives, longest first: what remains
# when one is cut is compared with the stem of a dictionary name ("Сотка" → "сотк").
ENDINGS = tuple(
    sorted(
        [
            "а",
            "я",
            "у",
            "ю",
            "е",
            "и",
            "ы",
            "о",
            "ой",
            "ей",
            "ом",
            "ем",
            "ам",
            "ям",
            "ами",
            "ями",
            "ах",
            "ях",
            "ов",
            "ев",
            "ью",
            "ия",
            "ии",
            "ию",
            "ие",
            "ого",
            "его",
            "ому",
            "ему",
            "ым",
            "им",
            "ую",
            "юю",
            "ая",
            "яя",
            "ое",
            "ее",
            "ые",
            "ие",
            "ых",
            "их",
        ],
        key=len,
        reverse=True,
    )
)
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
UD_TO_OPENCORPORA = {
    "NOUN": {"NOUN"},
    "PROPN": {"NOUN"},
    "VERB": {"VERB", "INFN", "PRTF", "PRTS", "GRND"},
    "AUX": {"VERB", "INFN"},
    "ADJ": {"ADJF", "ADJS", "PRTF", "PRTS", "COMP"},
    "ADV": {"ADVB", "PRED", "COMP"},
    "PRON": {"NPRO"},
    "DET": {"ADJF", "NPRO"},
    "NUM": {"NUMR", "ADJF"},
}


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    """pymorphy3's analyzer; its dictionaries come with the installed package."""
    return pymorphy3.MorphAnalyzer()


def _normal(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Every lemma pymorphy3 allows for this form, lower case, ё written е."""
    if not CYRILLIC.search(word):
        return frozenset({_normal(word)})
    found = {_normal(p.normal_form) for p in analyzer().parse(word)}
    found.add(_normal(word))
    return frozenset(found)


@lru_cache(maxsize=200_000)
def lemma(word: str, pos: str | None = None) -> str:
    """The lemma of the reading that fits the tagger's part of speech (or the likeliest)."""
    if not CYRILLIC.search(word):
        return _normal(word)
    parses = analyzer().parse(word)
    wanted = UD_TO_OPENCORPORA.get(pos or "", set())
    for parse in parses:
        if parse.tag.POS in wanted:
            return _normal(parse.normal_form)
    return _normal(parses[0].normal_form) if parses else _normal(word)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The word without one case ending, for names pymorphy3 does not know ("Сотка")."""
    low = _normal(word)
    for ending in ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            return low[: -len(ending)]
    return low


def keys(word: str) -> frozenset[str]:
    """What a word may match in a lexicon: its lemmas and its bare stem."""
    return lemmas(word) | {stem(word)}
