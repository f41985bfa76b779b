"""What the classifiers read about one claim: one line of text with the rules' decisions.

A bag-of-words classifier sees words, so the rules' context is written as marker words
("xact_accuse", "xagent_other", "xneg") in front of the cue and the content. Markers let
the model learn *corrections* of the rules ("a neutral cue, an agent of the other side,
rules said assert: accuse") instead of relearning what the rules already get right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from watchline.domain import Claim

# missions and international organisations: observers, not parties (acts.MISSION_ORGS too)
_ORGS = {"EU", "UN", "OSCE", "NATO", "CSTO", "ICRC", "AU"}
# contents longer than this many words add little and cost time
MAX_CONTENT_WORDS = 60


def side_of(affiliation: str | None) -> str:
    """The kind of party an affiliation names: none, an organisation, or a state."""
    if not affiliation:
        return "none"
    return "org" if affiliation in _ORGS else "state"


def agent_relation(claim: Claim) -> str:
    """The event's doer as the speaker sees it: none, self, other, or unknown-side."""
    agent = claim.event.agent
    if agent is None:
        return "none"
    if not agent.affiliation or not claim.speaker.affiliation:
        return "unknown"
    return "self" if agent.affiliation == claim.speaker.affiliation else "other"


def named_sides(claim: Claim, affiliations: Iterable[str | None]) -> list[str]:
    """Markers for the parties the content names, seen from the speaker's side.

    `affiliations` are those of the actors named inside the content. A content that names
    another party than the speaker's is the commonest sign of an accusation the rules
    miss when they find no doer ("the firing by Thai invading forces ..."): the event's
    agent alone does not say it.
    """
    own = claim.speaker.affiliation
    named = {a for a in affiliations if a}
    out = []
    if own and named - {own}:
        out.append("xnames_other")
    if own and own in named:
        out.append("xnames_self")
    if not own and named:
        out.append("xnames_party")
    return out


def claim_features(
    claim: Claim, cue_lemma: str, cue_act: str | None, named: Iterable[str | None] = ()
) -> str:
    """The classifier input for one claim.

    `cue_lemma` is the lemma of the cue's head word, `cue_act` the act the cue lexicon
    gives it (None for cues that are not in the lexicon: colons, posts, "according to")
    and `named` the affiliations of the actors named inside the content.
    """
    lemma = re.sub(r"\W+", "_", cue_lemma.lower()).strip("_") or "none"
    markers = [
        f"xcue_{lemma}",
        f"xcueact_{cue_act or 'none'}",
        f"xact_{claim.act.value}",
        f"xev_{claim.event.type.value}",
        f"xagent_{agent_relation(claim)}",
        f"xspk_{side_of(claim.speaker.affiliation)}",
    ]
    markers += named_sides(claim, named)
    if claim.event.negated:
        markers.append("xneg")
    if claim.direct_quote:
        markers.append("xquote")
    words = claim.content.text.split()[:MAX_CONTENT_WORDS]
    return " ".join(markers) + " | " + claim.cue.text + " | " + " ".join(words)
