"""Agents: who is said to have done the event, found through the parse.

The agent is the actor the syntax links to the event's trigger: its subject or "by"
agent, the noun a participle describes ("Armenian forces transporting …"), a possessor,
demonym or "of" phrase ("the concentration … of the Armenian armed forces"), or the
object of an accusation ("accused Armenia of …"). Pronouns point to the nearest actor
named before in the sentence; "we"/"our" is the speaker.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from watchline.domain import Actor, ActorKind, EventType
from watchline.extract.attribution.datelines import dateline_end
from watchline.extract.events.reader import Trigger

PRONOUNS = {"it", "they", "its", "their", "them", "we", "our", "us", "he", "she", "his", "her"}
FIRST_PERSON = {"we", "our", "us", "i", "my", "me"}
NOT_AGENT_PREPS = {
    "against", "with", "towards", "toward", "to", "on", "at", "near", "in", "into",
    "from", "over", "for", "about", "across", "along", "inside", "within",
}  # fmt: skip


PERCEPTION = {"detect", "observe", "see", "record", "spot", "monitor", "notice", "register",
              "document", "witness", "report", "find", "identify", "hear"}  # fmt: skip
# "UNISFA condemns this attack": who condemns, investigates or protests it did not do it
STANCE = {"condemn", "denounce", "deplore", "criticise", "criticize", "investigate",
          "protest", "regret", "mourn", "decry"}  # fmt: skip
SELF = object()  # an agent that is the speaker ("we", "our forces")
# Words for armed groups that no dictionary names: they did it, and they are no state.
ARMED_GROUPS = {
    "rebel", "rebels", "militant", "militants", "insurgent", "insurgents", "separatist",
    "separatists", "gunman", "gunmen", "terrorist", "terrorists", "militia", "militias",
    "militiamen", "jihadist", "jihadists", "saboteur", "saboteurs", "guerrilla", "guerrillas",
    "paramilitaries",
}  # fmt: skip
ARMED_GROUP = Actor("armed-group", "an armed group", ActorKind.MILITARY, None)
# Words for the other side of the speaker, unnamed: "the enemy targeted the air base",
# "the occupiers shelled the town", "occupation forces installed fences". Said by a party,
# a hostile act of theirs is an accusation; who they are is read from the story
# (`ClaimBuilder._opponent`).
OPPONENT_WORDS = {
    "enemy", "enemies", "adversary", "adversaries", "aggressor", "aggressors", "occupier",
    "occupiers", "invader", "invaders",
}  # fmt: skip
OPPONENT = Actor("opponent", "the other side", ActorKind.MILITARY, None)


@dataclass(frozen=True)
class DemonymMention:
    """'Israeli strikes': a demonym naming the state as the actor."""

    start: int
    end: int
    text: str
    actor: Actor


@dataclass(frozen=True)
class ArmedGroupMention(DemonymMention):
    """'the rebels', 'militants': an armed group no dictionary names, of no state."""


def _occupation_forces(tok: Token) -> bool:
    """'the occupation forces', 'the occupying army': the other side, unnamed."""
    return tok.lemma_.lower() in ("force", "army", "troop", "soldier") and any(
        c.dep_ in ("amod", "compound") and c.lower_ in ("occupation", "occupying")
        for c in tok.children
    )


def _named(tok: Token) -> bool:
    """'the Russian occupation forces': a side named by its own words (a demonym)."""
    return any(
        c.dep_ in ("amod", "compound", "poss") and c.text[:1].isupper() for c in tok.children
    )


class MentionIndex:
    """Actor mentions of a document, looked up by token."""

    def __init__(self, doc: Doc, mentions: Iterable, actors=None) -> None:
        self.actors = actors
        self.by_token: dict[int, object] = {}
        self.mentions = list(mentions)
        self._datelines: dict[int, int | None] = {}  # sentence start -> dateline end
        for mention in self.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and not self.in_dateline(span[0]):
                for tok in span:
                    self.by_token.setdefault(tok.i, mention)
        for tok in doc:  # "the rebels shelled army positions": a doer, if of no state
            armed = tok.lower_ in ("men", "man", "group", "groups", "gang", "gangs") and any(
                c.dep_ == "amod" and c.lower_ == "armed" for c in tok.children
            )  # "armed men attacked a village"
            if tok.i in self.by_token or tok.pos_ != "NOUN":
                continue
            if tok.lower_ in ARMED_GROUPS or armed:
                self.by_token[tok.i] = ArmedGroupMention(
                    tok.idx, tok.idx + len(tok.text), tok.text, ARMED_GROUP
                )
            elif (tok.lower_ in OPPONENT_WORDS or _occupation_forces(tok)) and not _named(tok):
                self.by_token[tok.i] = ArmedGroupMention(
                    tok.idx, tok.idx + len(tok.text), tok.text, OPPONENT
                )

    def in_tokens(self, tokens: Iterable[Token]) -> list:
        seen: list = []
        for tok in tokens:
            mention = self.by_token.get(tok.i)
            if mention is not None and mention not in seen:
                seen.append(mention)
        return seen

    def in_dateline(self, tok: Token) -> bool:
        """'NEW DELHI, India (AP) — Pakistani troops …': the filing place and agency of a
        wire story, which the parser may hang on the clause, never did the event."""
        sentence = tok.sent
        if sentence.start_char not in self._datelines:
            self._datelines[sentence.start_char] = dateline_end(
                sentence.doc.text, sentence.start_char
            )
        end = self._datelines[sentence.start_char]
        return end is not None and tok.idx < end

    def demonym(self, tok: Token) -> list:
        """The state a capitalised adjective names ('Israeli', 'Russian'), if known."""
        if self.actors is None or tok.pos_ not in ("ADJ", "PROPN") or not tok.text[:1].isupper():
            return []
        if self.in_dateline(tok):
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
    return _not_the_trigger(_find_agents(trigger, tokens, objects, index), trigger)


def _find_agents(
    trigger: Trigger,
    tokens: list[Token],
    objects: list[Token],
    index: MentionIndex,
) -> list:
    if objects:
        accused = index.in_tokens(t for o in objects for t in o.subtree)
        if accused:
            return accused
        pronoun = _pronoun(objects, index)
        if pronoun:
            return pronoun
        named = [  # "accused Chinese vessels of firing water cannon"
            m
            for o in objects
            for c in o.children
            if c.dep_ in ("amod", "compound") and c.i < o.i
            for m in index.demonym(c)
        ]
        if named:
            return named
    if trigger.token is None:
        return []
    inside = {t.i for t in tokens}
    linked = _linked(trigger.token, inside, index)
    if not linked and trigger.type is EventType.CASUALTY:
        linked = _cause(trigger.token, index)
    if linked or trigger.type is EventType.DIPLOMACY:
        return linked
    if trigger.token.head.lemma_.lower() in PERCEPTION | STANCE:
        return []  # "monitors recorded 45 violations": who recorded them did not commit them
    return _free_mentions(tokens, index)[:1]


def _not_the_trigger(found: list, trigger: Trigger) -> list:
    """'the gunmen were local Serbs': the trigger word itself names no doer."""
    at = trigger.token.idx if trigger.token is not None else -1
    return [m for m in found if not (isinstance(m, ArmedGroupMention) and m.start == at)]


def _linked(tok: Token, inside: set[int], index: MentionIndex) -> list:
    own = _own_agent(tok, index)
    if own:
        return own
    of_chain = _of_chain(tok, index)
    if of_chain:
        return of_chain
    if tok.dep_ == "compound" and tok.head.i in inside:  # "a build-up of Serbian troops"
        of_chain = _own_agent(tok.head, index) or _of_chain(tok.head, index)
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
        if node.head.lemma_.lower() in PERCEPTION | STANCE:
            break  # "it had not detected any activity": the observer is not the agent
        node = node.head
        if suffers(node):
            break  # "our positions came under fire": the subject is the target
        found = _subjects(node, index) or _nominal_by(node, index)
        if found:
            return found
    return []


def _nominal_by(noun: Token, index: MentionIndex) -> list:
    """'the erection of fences by the occupation forces': the doer of a noun's action."""
    if noun.pos_ != "NOUN":
        return []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            found = index.in_tokens(objects[0].subtree) if objects else []
            if found:
                return found
    return []


# Verbs whose subject undergoes the event rather than doing it: "positions came under
# fire", "the village suffered shelling", "the unit sustained losses". Their subject is the
# target, and the target of fire is never its agent (GUIDE.md §4).
SUFFERING = {"suffer", "sustain", "endure", "undergo", "face", "receive"}
# Verbs of harm: their passive subject is the one harmed ("the soldier was wounded").
HARM = {"wound", "injure", "kill", "hit", "attack", "target", "shell", "strike", "fire",
        "bomb", "shoot", "damage", "destroy", "ambush", "bombard"}  # fmt: skip


def suffers(verb: Token, passive: bool = False) -> bool:
    """Whether the subject of `verb` undergoes the event (`passive`: it is the passive
    subject, as in "was wounded")."""
    lemma = verb.lemma_.lower()
    if passive and lemma in HARM:
        return True
    if lemma in SUFFERING:
        return True
    return lemma in ("come", "fall") and any(
        c.dep_ == "prep" and c.lower_ == "under" for c in verb.children
    )


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
            if child.dep_ == "compound":  # "the Ankara attack": where, not who
                found = [m for m in found if not _capital(m)]
            if found:
                return found
    return index.in_tokens([tok])


def _subjects(tok: Token, index: MentionIndex) -> list:
    for child in tok.children:
        if child.dep_ == "agent":
            found = index.in_tokens(child.subtree)
            if found:
                return found
    if tok.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "csubj") for c in tok.children):
        controller = _controller(tok.head, index)
        if controller:  # "called on Thailand to stop shelling": Thailand would stop
            return controller
    if suffers(tok):
        return []  # "its positions came under fire": the subject is the target
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    # "Sudan's paramilitary Rapid Support Forces carried out …" parsed with two subjects:
    # the one that is itself an actor's name comes first
    subjects.sort(key=lambda c: c.i not in index.by_token)
    for child in subjects:
        if not index.in_dateline(child):
            return (
                _head_first(child, index.in_tokens(_not_targets(child)), index)
                or _pronoun([child], index)
                or index.demonym(child)  # a misparsed "Ukrainian [shelling]" as the subject
                or [  # "Cambodian BM-21 rockets", "Chinese coast guard personnel"
                    m
                    for t in child.subtree
                    if t.i < child.i and t.dep_ in ("amod", "compound", "poss")
                    for m in index.demonym(t)
                ][:1]
            )
    return []


def _head_first(subject: Token, found: list, index: MentionIndex) -> list:
    """'Sudan's paramilitary Rapid Support Forces carried out …': the actor the subject's
    head names did it, not the state a possessive or adjective places it in."""
    head = index.by_token.get(subject.i)
    if head is None or head not in found or found[0] is head:
        return found
    return [head, *(m for m in found if m is not head)]


CAUSES = {"strike", "strikes", "attack", "shelling", "bombing", "raid", "airstrike", "fire",
          "bombardment", "shell", "drone", "missile", "rocket", "explosion", "assault"}  # fmt: skip


def _cause(tok: Token, index: MentionIndex) -> list:
    """'were killed in Israeli strikes': the doer of the attack that caused the casualties.

    Not for a report of no casualties ("no soldiers were wounded in the strikes"): that is
    an account of one's own losses, not an allegation against the attacker.
    """
    near = [*tok.children, *(g for c in tok.children for g in c.children)]
    if any(t.lower_ in ("no", "not", "n't", "never", "none") for t in near):
        return []
    for prep in tok.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("in", "by", "during", "after"):
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.lemma_.lower() in CAUSES:
                found = _own_agent(pobj, index) or _of_chain(pobj, index)
                if found:
                    return found
    return []


CONTROL_VERBS = {"call", "urge", "press", "pressure", "ask", "force", "demand", "implore",
                 "push", "tell", "order", "compel", "allow", "appeal"}  # fmt: skip


def _controller(verb: Token, index: MentionIndex) -> list:
    """The object that is the understood subject of an infinitive ('urged X to …')."""
    if verb.lemma_.lower() not in CONTROL_VERBS:
        return []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            return index.in_tokens(child.subtree)
        if child.dep_ == "prep" and child.lower_ in ("on", "upon", "to"):
            pobj = [p for p in child.children if p.dep_ == "pobj"]
            return index.in_tokens(pobj[0].subtree) if pobj else []
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
            if node.dep_ == "nsubj" and suffers(node.head):
                blocked = True  # "positions of its forces came under fire": the target
                break
            if node.dep_ == "poss" and node.head.dep_ == "nsubjpass":
                blocked = True  # "the Azerbaijani army's positions were fired on"
                break
            if node.dep_ in ("nsubj", "poss") or node.head == node:
                break
            node = node.head
        if not blocked:
            found.append(mention)
    return found


def _capital(mention) -> bool:
    """A one-word name of a government's seat ("Ankara", "Moscow") rather than its people."""
    actor = getattr(mention, "actor", None)
    return (
        actor is not None
        and actor.kind is ActorKind.GOVERNMENT
        and " " not in mention.text
        and mention.text not in actor.name
    )


def _not_targets(head: Token) -> list[Token]:
    """A subject's words without those naming a target ("attacks against UN peacekeepers")."""
    blocked: set[int] = set()
    for tok in head.subtree:
        if tok.dep_ == "prep" and tok.lower_ in NOT_AGENT_PREPS and tok.i != head.i:
            blocked.update(t.i for t in tok.subtree)
    return [t for t in head.subtree if t.i not in blocked]
