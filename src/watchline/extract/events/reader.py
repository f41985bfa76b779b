"""Events: what a statement's content is about, whether it is negated, and who did it.

The type comes from trigger words of the ontology (`data/ontology.yaml`) found in the
content; when several are present the one highest in the parse of the content wins (the
main predication), and among equals the most concrete type. Negation is read on the
trigger and the clauses above it ("did not open fire", "no unusual movements observed").
Agents are found in `speakers/agents.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from watchline.domain import EventType
from watchline.extract.lexicon import Ontology

# Verbs whose negation says the event goes on: "the shelling had not stopped".
ENDINGS = {"stop", "cease", "end", "halt", "subside", "abate", "ease", "quiet", "calm"}


@dataclass(frozen=True)
class Trigger:
    type: EventType
    token: Token | None
    depth: int = 0


class EventReader:
    """Classifies contents with one ontology; built once per extractor."""

    def __init__(self, ontology: Ontology) -> None:
        self.ontology = ontology
        self._single: dict[str, EventType] = {}
        self._pairs: dict[str, list[tuple[EventType, frozenset[str]]]] = {}
        for sense in sorted(ontology.senses.values(), key=lambda s: -s.priority):
            for lemma in sense.lemmas:
                self._single[lemma] = sense.type  # the most concrete type is set last
            for head, deps in sense.pairs.items():
                self._pairs.setdefault(head, []).append((sense.type, deps))
        self._priority = {t: s.priority for t, s in ontology.senses.items()}

    def trigger(self, tokens: list[Token]) -> Trigger:
        """The event trigger of a content (its tokens), or type `other`."""
        inside = {t.i for t in tokens}
        best: tuple[int, int, Trigger] | None = None
        for tok in tokens:
            event_type = self._type_of(tok)
            if event_type is None:
                continue
            depth = _depth(tok, inside)
            key = (depth, self._priority[event_type])
            if best is None or key < best[:2]:
                best = (*key, Trigger(event_type, tok, depth))
        if best is None:
            return Trigger(EventType.OTHER, None)
        if best[2].type is EventType.CASUALTY and not self.negated(best[2], tokens):
            return self._cause_of_casualties(tokens, inside) or best[2]
        return best[2]

    def _cause_of_casualties(self, tokens: list[Token], inside: set[int]) -> Trigger | None:
        """'Four soldiers were killed when Azerbaijani forces opened fire': the casualties'
        cause is the more concrete event, wherever it sits in the sentence (gold rule:
        mobilize, fortify, attack, exercise before casualty). "No soldiers were wounded in
        the strikes" stays a statement about casualties."""
        causes = []
        for tok in tokens:
            event_type = self._type_of(tok)
            if (
                event_type is not None
                and self._priority[event_type] < self._priority[EventType.CASUALTY]
            ):
                causes.append((self._priority[event_type], _depth(tok, inside), tok, event_type))
        if not causes:
            return None
        _, depth, tok, event_type = min(causes, key=lambda c: (c[0], c[1], c[2].i))
        return Trigger(event_type, tok, depth)

    def _type_of(self, tok: Token) -> EventType | None:
        lemma, lower = tok.lemma_.lower(), tok.lower_
        if tok.pos_ in ("PROPN", "PUNCT", "SPACE", "DET", "PRON"):
            return None
        found = (
            self._single.get(lemma)
            or self._single.get(lower)
            or self._single.get(f"{lemma}/{tok.pos_.lower()}")
        )
        pairs = self._pairs.get(lemma) or self._pairs.get(lower)
        if pairs:
            near = _neighbour_words(tok)
            for event_type, deps in pairs:
                if near & deps and (
                    found is None or self._priority[event_type] < self._priority[found]
                ):
                    found = event_type
        return found

    def negated(self, trigger: Trigger, tokens: list[Token]) -> bool:
        """Whether the content says the event did not happen or was not seen."""
        if trigger.token is None:
            return False
        inside = {t.i for t in tokens}
        tok: Token = trigger.token
        for _ in range(8):
            if tok.lemma_.lower() in ENDINGS and tok is not trigger.token:
                return False  # "the shelling had not stopped": it goes on
            if self._negates(tok, existential=tok is trigger.token):
                return True
            if tok.head == tok or tok.head.i not in inside:
                return False
            if tok.dep_ in ("conj",) and tok.head.pos_ == "NOUN":
                return False
            tok = tok.head
        return False

    def _negates(self, tok: Token, existential: bool = False) -> bool:
        """Negation on one node; "has no troops" counts only when "has" is the trigger
        itself ("had no choice but to respond" does not negate the response)."""
        for child in tok.children:
            if child.dep_ == "neg" or (child.lower_ in self.ontology.negators and child.dep_ in (
                "advmod", "neg", "prep"
            )):  # fmt: skip
                return True
            if child.dep_ == "det" and child.lower_ in self.ontology.negating_determiners:
                return True
            have = tok.lemma_.lower() in ("have", "be") and child.dep_ in ("dobj", "attr")
            if (
                existential
                and have
                and any(  # "Armenia has no troops in …", "there were no attacks"
                    d.dep_ == "det" and d.lower_ in self.ontology.negating_determiners
                    for d in child.children
                )
            ):
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and any(
                d.dep_ == "det" and d.lower_ in self.ontology.negating_determiners
                for d in child.children
            ):
                return True
        return False


def _neighbour_words(tok: Token) -> set[str]:
    words = {tok.head.lemma_.lower(), tok.head.lower_}
    if tok.dep_ == "nsubj":  # "the Chinese actions were aggressive": what is said of it
        for said in tok.head.children:
            if said.dep_ in ("acomp", "attr"):
                words.update(t.lower_ for t in said.subtree)
    for child in tok.children:
        words.update((child.lemma_.lower(), child.lower_))
        for grandchild in child.children:
            if child.dep_ in ("prep", "ccomp", "xcomp", "dobj", "pobj", "compound"):
                words.update((grandchild.lemma_.lower(), grandchild.lower_))
    return words


def _depth(tok: Token, inside: set[int]) -> int:
    depth = 0
    while tok.head != tok and tok.head.i in inside and depth < 30:
        tok = tok.head
        depth += 1
    return depth
