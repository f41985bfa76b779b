"""The opponent an accusation names only as the enemy, by its weapons, or not at all.

"Противник обстрелял", "позиции подверглись обстрелу", a provocation with no one named:
the agent is the state the text sets against the speaker's (GUIDE.md §4, "the agent in
its context"). "Уничтожили 20 украинских беспилотников": the downed weapons' state
attacked.
"""

from __future__ import annotations

from watchline.domain import Actor, ActorKind, Agent, EventType
from watchline.extract.russian.actors import RuMention
from watchline.extract.russian.markers import lemmas_suffer
from watchline.extract.russian.parse import Sentence

# weapons whose downing names the attacker by their adjective ("украинских беспилотников")
WEAPONS = frozenset(["беспилотник", "дрон", "бпла", "ракета", "снаряд", "самолёт", "самолет",
                     "вертолёт", "вертолет"])  # fmt: skip
# the other side named only as the enemy ("противник", "враг", "с сопредельной стороны")
ENEMY = frozenset(["противник", "враг", "вражеский", "агрессор", "оккупант", "сопредельный"])


def weapon_agents(
    sentence: Sentence,
    content: list[int],
    state: str | None,
    adjectives: dict[str, Actor],
    text: str,
) -> list[Agent]:
    """ "ПВО уничтожили 20 украинских беспилотников": the state whose drones, missiles
    or aircraft were downed attacked (their weapons are no target of the attack)."""
    for i in content:
        token = sentence.tokens[i]
        if token.lemma not in WEAPONS:
            continue
        for child in token.children:
            word = sentence.tokens[child]
            side = next((adjectives[k] for k in word.keys if k in adjectives), None)
            if side is not None and word.rel == "amod" and side.affiliation != state:
                a, b = sentence.span(sorted({i, child}))
                return [Agent(text[a:b], side.id, side.affiliation)]
    return []


def unnamed_enemy(lemmas: list[str], event_type: EventType) -> bool:
    """Whether an accusation names its opponent only as the enemy or not at all."""
    return (
        bool(set(lemmas) & ENEMY)
        or event_type is EventType.PROVOCATION
        or (event_type is EventType.ATTACK and lemmas_suffer(lemmas))
    )


def other_side(
    state: str | None,
    mentions: list[RuMention],
    actors: dict[str, Actor],
    actors_by_code: dict[str, str],
) -> list[Agent]:
    """The state the text sets against the speaker's: the one it names most, other than
    the speaker's own (GUIDE.md §4, "the agent in its context"); none for a speaker
    that is no state's, or where two others tie."""
    states = {a.affiliation for a in actors.values() if a.kind is ActorKind.STATE}
    if state not in states:
        return []
    counts: dict[str, int] = {}
    for mention in mentions:
        side = mention.actor.affiliation
        if side is not None and side in states and side != state:
            counts[side] = counts.get(side, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return []
    code = ranked[0][0]
    return [Agent(actors_by_code.get(code, code), None, code)]
