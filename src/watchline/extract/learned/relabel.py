"""Where the classifiers meet the rules: the act and event type they may override.

The rules keep everything structural (statement, spans, speaker, agent, date). For the
act and the event type, the classifier's label replaces the rules' only when

- it differs from the rules' and its probability is at least the threshold
  (`ACT_THRESHOLD`, `EVENT_THRESHOLD`, chosen by cross-validation, docs/extraction.md), and
- for the act, the cue itself does not name the act: a deny, appeal or warn verb ("denied",
  "called for", "warned") is certain and stays.

An event relabelled `other` (the general situation) loses its doer, as the rules' own
`other` events do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc

from watchline.domain import Act, Claim, EventType
from watchline.extract.learned.features import claim_features
from watchline.extract.lexicon import CueLexicon
from watchline.extract.speakers.actors import ActorMention

ACT_THRESHOLD = 0.7
EVENT_THRESHOLD = 0.7
# acts a cue verb names outright; the rules' act stays when the cue gives one of these
CERTAIN_CUE_ACTS = frozenset({Act.DENY, Act.APPEAL, Act.WARN})


def choose(rule: str, scores: Mapping[str, float], threshold: float, locked: bool) -> str:
    """The label to keep: the classifier's best if confident and not locked, else the rule's."""
    if locked or not scores:
        return rule
    best = max(sorted(scores), key=lambda label: scores[label])
    return best if scores[best] >= threshold else rule


def cue_reading(doc: Doc, claim: Claim, cues: CueLexicon) -> tuple[str, Act | None]:
    """The cue's head lemma and the act the lexicon gives it ("called for" → appeal)."""
    span = doc.char_span(claim.cue.start, claim.cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return claim.cue.text.lower(), None
    head = span.root
    lemma = head.lemma_.lower()
    cue = cues.verbs.get(lemma)
    if cue is None:
        return lemma, cues.nouns.get(lemma)
    following = {t.lower_ for t in doc[head.i + 1 : head.i + 3]} | {t.lower_ for t in span}
    for particle, act in cue.particles.items():
        if particle in following:
            return lemma, act
    return lemma, cue.act


def named_in(claim: Claim, mentions: Sequence[ActorMention]) -> list[str | None]:
    """The affiliations of the actors named inside the claim's content."""
    start, end = claim.content.start, claim.content.end
    return [m.actor.affiliation for m in mentions if start <= m.start and m.end <= end]


def relabel(
    claims: Sequence[Claim],
    doc: Doc,
    cues: CueLexicon,
    models: Mapping[str, tuple[Any, Any]],
    act_threshold: float = ACT_THRESHOLD,
    event_threshold: float = EVENT_THRESHOLD,
    mentions: Sequence[ActorMention] = (),
) -> list[Claim]:
    """The claims with act and event type decided by rules and classifiers together.

    `mentions` are the actors the document names (the extractor has found them already).
    """
    if not claims:
        return list(claims)
    readings = [cue_reading(doc, claim, cues) for claim in claims]
    texts = [
        claim_features(c, lemma, act.value if act else None, named_in(c, mentions))
        for c, (lemma, act) in zip(claims, readings, strict=True)
    ]
    act_nlp, event_nlp = models["act"][0], models["event"][0]
    out = []
    for claim, (_, cue_act), act_doc, event_doc in zip(
        claims, readings, act_nlp.pipe(texts), event_nlp.pipe(texts), strict=True
    ):
        act = choose(claim.act.value, act_doc.cats, act_threshold, cue_act in CERTAIN_CUE_ACTS)
        kind = choose(claim.event.type.value, event_doc.cats, event_threshold, False)
        out.append(relabelled(claim, Act(act), EventType(kind)))
    return out


def relabelled(claim: Claim, act: Act, kind: EventType) -> Claim:
    """`claim` with another act and event type (and no doer for an `other` event)."""
    if act is claim.act and kind is claim.event.type:
        return claim
    event = claim.event
    if kind is not event.type:
        event = replace(event, type=kind)
        if kind is EventType.OTHER:
            event = replace(event, agent=None, agents=())
    return replace(claim, act=act, event=event, meta={**claim.meta, "learned": True})
