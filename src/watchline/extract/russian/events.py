"""What a Russian statement is about: the event type, its negation and its agents.

Triggers are lemmas of `data/ru/events.yaml` inside the content; where several are
named the most concrete type wins (the order of ontology.yaml). The agent is the actor
named as the trigger's subject, in "со стороны X" or as the phrase the trigger
modifies ("армянские подразделения обстреляли …": the subject's actor); the target of
fire is never its agent.
"""

from __future__ import annotations

from dataclasses import dataclass

from watchline.domain import EventType
from watchline.extract.russian.lexicon import PRIORITY, RuCues, RuEvents
from watchline.extract.russian.parse import Sentence

AGENT_RELS = ("nsubj", "nsubj:pass", "amod", "nmod", "obl:agent")
TARGET_RELS = ("obj", "iobj")
# action nouns whose bare genitive is what was hit ("обстрел позиций", "штурм высоты")
HIT_NOUNS = frozenset(["обстрел", "артобстрел", "бомбардировка", "штурм", "обстреливание"])


@dataclass(frozen=True)
class Trigger:
    token: int
    type: EventType


def trigger(sentence: Sentence, indices: list[int], events: RuEvents) -> Trigger | None:
    """The most concrete event named among the content's tokens."""
    best: Trigger | None = None
    inside = set(indices)
    for i in indices:
        token = sentence.tokens[i]
        kind = next(
            (events.lemmas[k] for k in (token.lemma, *token.keys) if k in events.lemmas), None
        )
        if kind is None:
            pair = next(
                (events.pairs[k] for k in (token.lemma, *token.keys) if k in events.pairs), None
            )
            if pair is not None:
                near = {*token.children, *(c for c in (token.head,) if c is not None), i - 1, i + 1}
                if any(
                    sentence.tokens[j].keys & pair[1]
                    for j in near
                    if j in inside and 0 <= j < len(sentence.tokens)
                ):
                    kind = pair[0]
        if kind is not None and (best is None or PRIORITY[kind] < PRIORITY[best.type]):
            best = Trigger(i, kind)
    return best


def negated(sentence: Sentence, indices: list[int], found: Trigger, cues: RuCues) -> bool:
    """Whether the content says the event did not happen or was not seen."""
    inside = set(indices)
    chain = [found.token]
    head = sentence.tokens[found.token].head
    while head is not None and head in inside and head not in chain:
        chain.append(head)
        head = sentence.tokens[head].head
    for i in chain:
        token = sentence.tokens[i]
        if i != found.token and token.keys & cues.negators:
            return True  # "потерь нет"
        for child in token.children:
            if child not in inside:
                continue  # "обстреляли село, но признаков наступления нет": not this clause
            words = sentence.tokens[child].keys
            if words & cues.negators or words & cues.negating_determiners:
                return True
        if i != found.token and token.keys & cues.negating_nouns:
            return True
    return False


def agent_tokens(sentence: Sentence, indices: list[int], found: Trigger) -> list[list[int]]:
    """Phrases that may name the agent, most likely first; targets left out."""
    tokens = sentence.tokens
    inside = set(indices)
    phrases: list[list[int]] = []
    t = tokens[found.token]
    # "открыли огонь", "подверглись обстрелу": the verb the trigger completes has the subject
    heads = [found.token]
    if t.head is not None and t.head in inside and t.rel in ("obj", "obl", "nsubj:pass", "xcomp"):
        heads.append(t.head)
    for child in (c for h in heads for c in tokens[h].children):
        rel = tokens[child].rel
        if rel in AGENT_RELS and child in inside:
            if (
                rel == "nmod"
                and not _by_side(sentence, child)
                and tokens[child].feats.get("Case") != "Gen"
            ):
                continue
            phrases.append(sentence.subtree(child))
    # the trigger modifies a noun or is a noun's clause: "обстрел …, открытый армией"
    for i in indices:
        if _by_side(sentence, i):
            phrases.append(sentence.subtree(i))
    if t.head is not None and t.head in inside and tokens[found.token].rel in ("acl", "amod"):
        phrases.append([t.head])
    return phrases


def _by_side(sentence: Sentence, i: int) -> bool:
    """ "со стороны X": X (the nmod of "стороны" after "со")."""
    token = sentence.tokens[i]
    head = token.head
    if head is None:
        return False
    side = sentence.tokens[head]
    return (
        side.lemma == "сторона"
        and any(sentence.tokens[c].text.lower() == "со" for c in side.children)
        and token.rel == "nmod"
    )


def target_tokens(sentence: Sentence, found: Trigger) -> set[int]:
    """The trigger's objects: who was fired on is never the agent."""
    out: set[int] = set()
    head = sentence.tokens[found.token]
    # the genitive of "обстрел" is who was hit; of "прорыв" or "переброска", who acts
    attack = bool(head.keys & HIT_NOUNS)
    for child in head.children:
        if sentence.tokens[child].rel in TARGET_RELS:
            out.update(sentence.subtree(child))
        elif attack and head.pos == "NOUN" and _bare_genitive(sentence, child):
            out.update(sentence.subtree(child))  # "обстрел российского погранпункта"
    return out


def _bare_genitive(sentence: Sentence, i: int) -> bool:
    """A noun's genitive dependent with no preposition: the object of an action noun
    ("обстрел позиций"), where "со стороны X" or "от X" would name who acts."""
    token = sentence.tokens[i]
    if token.rel != "nmod":
        return False
    return not any(sentence.tokens[c].rel == "case" for c in token.children)
