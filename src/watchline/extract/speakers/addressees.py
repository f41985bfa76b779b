"""Who an appeal asks to act, and whom an accusation names: the agents a cue's object gives.

An appeal's addressee is the agent of what it asks (GUIDE.md §4).

"The EU called on Armenia and Azerbaijan to refrain from escalation" asks ARM and AZE;
"the Security Council demanded that Serbia withdraw its troops" asks Serbia. The event of
an appeal is often general ("restraint", "dialogue"), so without this its doer would be
no one, where the annotated sets have the addressee. Only a named party: "both sides",
"all parties" stay without a doer (the project's blind set labels them so, and GUIDE.md
does not decide it).
"""

from __future__ import annotations

from spacy.tokens import Token

from watchline.domain import Act, Agent
from watchline.extract.attribution.reported import Attribution
from watchline.extract.events.acts import MISSION_ORGS
from watchline.extract.speakers.agents import MentionIndex


def addressee_tokens(objects: list, tokens: list[Token]) -> list[Token]:
    """The addressee's words: the cue's object ("called on X to …") or, for a content
    that asks by itself ("that Serbia withdraw", "both parties must respect …"), the
    subject of its main verb."""
    heads = [o for o in objects if isinstance(o, Token)]
    if not heads:
        inside = {t.i for t in tokens}
        roots = [t for t in tokens if t.head.i not in inside or t.head == t]
        heads = [c for r in roots[:1] for c in r.children if c.dep_ == "nsubj"]
    words: list[Token] = []
    for head in heads:
        for tok in (head, *head.conjuncts):
            words += [t for t in tok.subtree if t not in words]
    return words


def addressed_agents(
    objects: list,
    tokens: list[Token],
    index: MentionIndex,
    speaker_affiliation: str | None,
) -> list[Agent]:
    """The states an appeal asks to act, from its addressee (empty when it names none)."""
    words = addressee_tokens(objects, tokens)
    if not words:
        return []
    named = [
        Agent(m.text, m.actor.id, m.actor.affiliation)
        for m in index.in_tokens(words)
        if m.actor.affiliation is None
        or (m.actor.affiliation != speaker_affiliation and m.actor.affiliation not in MISSION_ORGS)
    ]  # a group of no state is asked too ("urged Israel and Hezbollah to stop …"); a
    # mission asked to act ("urged the UN to disarm …") is no party doing it
    return named


def accused_agents(attr: Attribution, index: MentionIndex, speaker_affiliation: str | None):
    """'The West and Ukraine have accused Moscow of propping up the rebels': whom an
    accusation names is its doer even when the act is no listed event type ("other");
    without an accused named, the general situation has no doer."""
    if attr.act is not Act.ACCUSE or attr.frame != "rest":
        return []
    words = [t for o in attr.objects if isinstance(o, Token) for t in (o, *o.conjuncts)]
    return [
        Agent(m.text, m.actor.id, m.actor.affiliation)
        for m in index.in_tokens(words)
        if m.actor.affiliation is None or m.actor.affiliation != speaker_affiliation
    ]
