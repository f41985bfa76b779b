"""Places named in Russian text, through the gazetteer's Russian and local names.

A name is looked up as written, then as its lemmas, then with its case ending cut:
"у села Тех" is Тех as written, "в Лачинском коридоре" the lemmas "лачинский коридор",
"в районе Сотка" the stem "Сотк", the theatre profile's Russian name of Sotk. Only
proper names (capitalised words, or any word after a place noun such as "село") are
looked up, and never inside an actor's name ("Министерство обороны Армении").
"""

from __future__ import annotations

from itertools import product

from watchline.domain import PlaceMention
from watchline.extract.russian.lemmas import lemmas, stem
from watchline.extract.russian.parse import Sentence, Token

PLACE_NOUNS = frozenset(
    [
        "село",
        "деревня",
        "посёлок",
        "поселок",
        "город",
        "район",
        "область",
        "край",
        "населённый",
        "населенный",
        "пункт",
        "высота",
        "направление",
        "окрестность",
        "регион",
    ]
)
MAX_WORDS = 3


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def _candidate(sentence: Sentence, i: int) -> bool:
    token = sentence.tokens[i]
    if not _capitalised(token):
        return False
    if token.pos == "PROPN" or (i > 0 and token.pos in ("ADJ", "NOUN")):
        return True  # capitalised inside a sentence: a name ("в Лачинском коридоре")
    return i > 0 and bool(sentence.tokens[i - 1].keys & PLACE_NOUNS)


def _variants(words: list[Token]) -> list[str]:
    """Spellings to look up, most literal first."""
    forms = [[w.text, *sorted(lemmas(w.text) - {w.text.lower()}), stem(w.text)] for w in words]
    out = [" ".join(w.text for w in words)]
    for combo in product(*forms):
        name = " ".join(combo)
        if name not in out:
            out.append(name)
        if len(out) > 12:
            break
    return out


def find_places(
    text: str, sentences: list[Sentence], gazetteer, taken: set[tuple[int, int]]
) -> list[PlaceMention]:
    """Every place the gazetteer knows, longest name first, none inside `taken` tokens."""
    found: list[PlaceMention] = []
    for s, sentence in enumerate(sentences):
        i = 0
        while i < len(sentence.tokens):
            if (s, i) in taken or not _candidate(sentence, i):
                i += 1
                continue
            hit = None
            for n in range(min(MAX_WORDS, len(sentence.tokens) - i), 0, -1):
                words = sentence.tokens[i : i + n]
                if any((s, i + k) in taken for k in range(n)):
                    continue
                if n > 1 and not all(w.text[:1].isalpha() for w in words):
                    continue
                for name in _variants(words):
                    place = gazetteer.lookup(name)
                    if place is not None:
                        hit = (n, place)
                        break
                if hit:
                    break
            if hit is None:
                i += 1
                continue
            n, place = hit
            start, end = sentence.tokens[i].start, sentence.tokens[i + n - 1].end
            found.append(
                PlaceMention(
                    text=text[start:end],
                    start=start,
                    end=end,
                    place_id=place.id,
                    lat=place.lat,
                    lon=place.lon,
                    precision=place.precision,
                    country=place.country,
                    name=place.name,
                )
            )
            i += n
    return found


# "Баткенский" → Баткен, "Курский" → Курск, "Сумской" → Сумы: the relational adjective of
# a town, lemmatised, less its suffix
ADJECTIVE_ENDINGS = (("ский", ""), ("ий", ""), ("ский", "ы"), ("ский", "ь"))


def country_of_region(words: list[Token], gazetteer) -> str | None:
    """The country of a region or town a speaker phrase names by its adjective ("глава
    Баткенской области", "губернатор Курской области"), as a state code; else None."""
    if gazetteer is None:
        return None
    for word in words:
        if word.pos != "ADJ" or not _capitalised(word):
            continue
        for lemma in sorted(lemmas(word.text)):
            for ending, added in ADJECTIVE_ENDINGS:
                if not lemma.endswith(ending) or len(lemma) - len(ending) < 3:
                    continue
                place = gazetteer.lookup(lemma[: -len(ending)] + added)
                if place is not None and place.country:
                    return str(place.country)
    return None
