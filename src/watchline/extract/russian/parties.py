"""Who counts as a party to a conflict when an act is read from content (GUIDE.md §3).

An accusation is a hostile act attributed to an identifiable opponent by a party — a
state body, but also a de facto authority ("КГБ Южной Осетии", affiliation null) or the
victims themselves ("жители приграничных сёл рассказали об обстрелах"). A news outlet,
an analyst or an unnamed voice reporting the same act only asserts it.

Civilians are never a state's voice or a state's forces: "Жители приграничных с
Киргизией сёл Таджикистана" speak for no state, and "граждане Грузии пересекли границу"
is an act by civilians (agent null) that a party still blames.
"""

from __future__ import annotations

from watchline.domain import Actor, ActorKind
from watchline.extract.russian.parse import Sentence

# people who speak or act as civilians, not for a state (lemmas)
CIVILIANS = frozenset(
    ["житель", "очевидец", "гражданин", "пострадавший", "чабан", "пастух", "фермер",
     "селянин", "сельчанин", "таджикистанец", "кыргызстанец", "местный"]
)  # fmt: skip
# nouns of an institution: a speaker named by one is a side even when the dictionary does
# not know it ("КГБ республики", "в комитете", "пресс-служба ведомства")
INSTITUTIONS = frozenset(
    ["министерство", "минобороны", "мид", "ведомство", "служба", "погранслужба", "комитет",
     "кгб", "мгб", "сгб", "гкнб", "фсб", "сбу", "мвд", "армия", "командование", "штаб",
     "генштаб", "власть", "правительство", "администрация", "бюро", "управление",
     "пресс-служба", "войско", "погранвойска", "пограничник", "военный", "минобороны",
     "президент", "министр", "хокимият", "аким", "акимат", "госпогранслужба"]
)  # fmt: skip
# nouns of a news outlet or commentator: they report, they are no side (GUIDE.md §3)
OUTLETS = frozenset(
    ["канал", "telegram-канал", "телеграм-канал", "издание", "газета", "агентство", "сайт",
     "портал", "блогер", "эксперт", "аналитик", "журналист", "корреспондент", "сми"]
)  # fmt: skip
# "ответственность за … несёт / лежит на / возлагается на X": X is blamed
BLAME = frozenset(["ответственность", "вина"])


def root_of(sentence: Sentence, phrase: list[int]) -> int | None:
    """The token of `phrase` whose head lies outside it (the phrase's head word)."""
    inside = set(phrase)
    roots = [i for i in phrase if sentence.tokens[i].head not in inside]
    return roots[0] if roots else None


def civilian_phrase(sentence: Sentence, phrase: list[int]) -> bool:
    """Whether the phrase names civilians ("местные жители", "трое граждан Грузии")."""
    root = root_of(sentence, phrase)
    if root is None:
        return False
    token = sentence.tokens[root]
    if token.lemma in CIVILIANS:
        return True
    # "трое граждан": the numeral heads the phrase, the people hang on it
    return token.pos == "NUM" and any(sentence.tokens[c].lemma in CIVILIANS for c in token.children)


def speaks_as_party(actor: Actor | None, civilian: bool, words: set[str]) -> bool:
    """Whether the speaker is a side whose report of a hostile act accuses: any actor
    but a news outlet, an institution the dictionary lacks, or civilians as victims."""
    if actor is not None:
        return actor.kind is not ActorKind.MEDIA
    if words & OUTLETS:  # "Telegram-канал «Военный осведомитель»" reports, it is no side
        return False
    return civilian or bool(words & INSTITUTIONS)


def blamed_tokens(sentence: Sentence, content: list[int]) -> list[int]:
    """The words after "ответственность" / "вина" in the content: where the blamed side
    is named ("… возлагается на руководство Таджикистана", "… несёт армянская сторона")."""
    for k, i in enumerate(content):
        if sentence.tokens[i].lemma in BLAME:
            return content[k + 1 :]
    return []


def is_outlet(actor: Actor | None, words: set[str], text: str) -> bool:
    """Whether the speaker is a news outlet or channel: a media actor, an outlet noun, or
    an unknown name in quotes ("«Европейская правда»")."""
    if actor is not None:
        return actor.kind in (ActorKind.MEDIA, ActorKind.CHANNEL)
    return bool(words & OUTLETS) or any(q in text for q in '«»"')


def outlet_phrase(sentence: Sentence, phrase: list[int]) -> bool:
    """Whether the phrase is headed by an outlet noun and names no institution ("газета
    «Украинская правда»", not "сайт ведомства" or "Telegram-канал Минобороны")."""
    root = root_of(sentence, phrase)
    if root is None or not sentence.tokens[root].keys & OUTLETS:
        return False
    words = {k for i in phrase for k in sentence.tokens[i].keys}
    return not words & (INSTITUTIONS | {"ведомство", "пресс-служба", "представитель"})
