"""Events: what a statement's content is about, whether it is negated, and who did it.

The type comes from trigger words of the ontology (`data/ontology.yaml`) found in the
content; when several are present the one highest in the parse of the content wins (the
main predication), and among equals the most concrete type. Negation is read on the
trigger and the clauses above it ("did not open fire", "no unusual movements observed").
The agent is the actor linked to the trigger by the syntax: its subject, its "by" agent,
the noun it describes ("Armenian forces transporting …"), its possessor or "of" phrase.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from watchline.domain import Actor, ActorKind, EventType
from watchline.extract.lexicon import Ontology

PRONOUNS = {"it", "they", "its", "their", "them", "we", "our", "us", "he", "she", "his", "her"}
FIRST_PERSON = {"we", "our", "us", "i", "my", "me"}
NOT_AGENT_PREPS = {
    "against", "with", "towards", "toward", "to", "on", "at", "near", "in", "into",
    "from", "over", "for", "about", "across", "along", "inside", "within",
}  # fmt: skip


PERCEPTION = {"detect", "observe", "see", "record", "spot", "monitor", "notice", "register",
              "document", "witness", "report", "find", "identify", "hear"}  # fmt: skip
SELF = object()  # an agent that is the speaker ("we", "our forces")


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
        return best[2] if best else Trigger(EventType.OTHER, None)

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
            if self._negates(tok):
                return True
            if tok.head == tok or tok.head.i not in inside:
                return False
            if tok.dep_ in ("conj",) and tok.head.pos_ == "NOUN":
                return False
            tok = tok.head
        return False

    def _negates(self, tok: Token) -> bool:
        for child in tok.children:
            if child.dep_ == "neg" or (child.lower_ in self.ontology.negators and child.dep_ in (
                "advmod", "neg", "prep"
            )):  # fmt: skip
                return True
            if child.dep_ == "det" and child.lower_ in self.ontology.negating_determiners:
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and any(
                d.dep_ == "det" and d.lower_ in self.ontology.negating_determiners
                for d in child.children
            ):
                return True
        return False


def _neighbour_words(tok: Token) -> set[str]:
    words = {tok.head.lemma_.lower(), tok.head.lower_}
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


@dataclass(frozen=True)
class DemonymMention:
    """'Israeli strikes': a demonym naming the state as the actor."""

    start: int
    end: int
    text: str
    actor: Actor


class MentionIndex:
    """Actor mentions of a document, looked up by token."""

    def __init__(self, doc: Doc, mentions: Iterable, actors=None) -> None:
        self.actors = actors
        self.by_token: dict[int, object] = {}
        self.mentions = list(mentions)
        for mention in self.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    self.by_token.setdefault(tok.i, mention)

    def in_tokens(self, tokens: Iterable[Token]) -> list:
        seen: list = []
        for tok in tokens:
            mention = self.by_token.get(tok.i)
            if mention is not None and mention not in seen:
                seen.append(mention)
        return seen

    def demonym(self, tok: Token) -> list:
        """The state a capitalised adjective names ('Israeli', 'Russian'), if known."""
        if self.actors is None or tok.pos_ not in ("ADJ", "PROPN") or not tok.text[:1].isupper():
            return []
        code = self.actors.affiliation_of(tok.text)
        if not code:
            return []
        actor = self.actors.get(code.lower()) or Actor(
            code.lower(), tok.text, ActorKind.STATE, code
        )
        return [DemonymMention(tok.idx, tok.idx + len(tok.text), tok.text, actor)]

    def before(self, tok: Token, limit: int) -> object | None:
        for i in range(tok.i - 1, max(limit, 0) - 1, -1):
            if i in self.by_token:
                return self.by_token[i]
        return None


def find_agents(
    trigger: Trigger,
    tokens: list[Token],
    objects: list[Token],
    index: MentionIndex,
) -> list:
    """Mentions of who is said to have done the event, most direct first."""
    if objects:
        accused = index.in_tokens(t for o in objects for t in o.subtree)
        if accused:
            return accused
        pronoun = _pronoun(objects, index)
        if pronoun:
            return pronoun
    if trigger.token is None:
        return []
    inside = {t.i for t in tokens}
    linked = _linked(trigger.token, inside, index)
    if linked or trigger.type is EventType.DIPLOMACY:
        return linked
    if trigger.token.head.lemma_.lower() in PERCEPTION:
        return []  # "monitors recorded 45 violations": who recorded them did not commit them
    return _free_mentions(tokens, index)[:1]


def _linked(tok: Token, inside: set[int], index: MentionIndex) -> list:
    own = _own_agent(tok, index)
    if own:
        return own
    of_chain = _of_chain(tok, index)
    if of_chain:
        return of_chain
    node = tok
    for _ in range(10):
        if node.dep_ in ("acl", "relcl") and node.head.i in inside:
            found = index.in_tokens([node.head]) or _of_chain(node.head, index)
            if found:
                return found
        if node.head == node or node.head.i not in inside:
            break
        if node.dep_ == "pobj" and node.head.lower_ in NOT_AGENT_PREPS:
            break  # "respond to any incursion": the incursion is not the responder's
        if node.head.lemma_.lower() in PERCEPTION:
            break  # "it had not detected any activity": the observer is not the agent
        node = node.head
        found = _subjects(node, index)
        if found:
            return found
    return []


def _own_agent(tok: Token, index: MentionIndex) -> list:
    found = _subjects(tok, index)
    if found:
        return found
    for child in tok.children:
        if child.dep_ in ("acl", "relcl") and child.tag_ == "VBN":  # "drills carried out by X"
            found = _subjects(child, index)
            if found:
                return found
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < tok.i:
            found = (
                index.in_tokens(child.subtree) or _pronoun([child], index) or index.demonym(child)
            )
            if found:
                return found
    return index.in_tokens([tok])


def _subjects(tok: Token, index: MentionIndex) -> list:
    for child in tok.children:
        if child.dep_ == "agent":
            found = index.in_tokens(child.subtree)
            if found:
                return found
    for child in tok.children:
        if child.dep_ in ("nsubj", "csubj"):
            return (
                index.in_tokens(child.subtree)
                or _pronoun([child], index)
                or [
                    m
                    for t in child.lefts
                    if t.dep_ in ("amod", "compound")
                    for m in index.demonym(t)
                ]
            )
    return []


def _of_chain(tok: Token, index: MentionIndex) -> list:
    """Actors reached through 'of' phrases and lists: 'concentration of … of the X forces'."""
    queue = [tok]
    seen = 0
    while queue and seen < 40:
        node = queue.pop(0)
        seen += 1
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "by"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = _own_agent(pobj, index)
                        if found:
                            return found
                        queue.append(pobj)
            elif child.dep_ == "conj" and node != tok:
                queue.append(child)
    return []


def _pronoun(tokens: list[Token], index: MentionIndex) -> list:
    """'its troops', 'it fired': the nearest actor named before, in the same sentence."""
    for tok in (
        t for head in tokens for t in head.subtree if t.dep_ in ("poss", "nsubj") or t == head
    ):
        if tok.lower_ in FIRST_PERSON:
            return [SELF]
        if tok.lower_ in PRONOUNS:
            mention = index.before(tok, tok.sent.start)
            if mention is not None:
                return [mention]
    return []


def _free_mentions(tokens: list[Token], index: MentionIndex) -> list:
    """Mentions not inside a phrase naming a target or a place ('against X', 'towards X')."""
    found = []
    for tok in tokens:
        mention = index.by_token.get(tok.i)
        if mention is None or mention in found:
            continue
        node, blocked = tok, False
        for _ in range(6):
            if node.dep_ in ("dobj", "dative", "nsubjpass") or (
                node.dep_ == "pobj" and node.head.lower_ in NOT_AGENT_PREPS
            ):
                blocked = True
                break
            if node.dep_ in ("nsubj", "poss") or node.head == node:
                break
            node = node.head
        if not blocked:
            found.append(mention)
    return found
