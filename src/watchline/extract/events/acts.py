"""Speech acts: from the cue, refined by what the content does.

English news reports most statements with a neutral cue ("said", "told reporters",
"wrote", "read the statement"); the act is then the function of the content, the way
annotators of wire copy read it:

- an appeal when the speaker calls on someone ("We urge both sides …", "… must stop");
- a warning when it names consequences or future harm ("could lead to a disaster",
  "will bear responsibility", "will respond");
- a denial when it dismisses ("baseless", "fail to see"), or when a party says it did
  not do a hostile act itself ("we did not open fire");
- an accusation when it says another party did a hostile act ("Kyiv is staging
  provocations", said by Russia; "the concentration of the Armenian armed forces … is
  observed", read Azerbaijan's statement) — parties are compared by affiliation, or by
  actor id for a non-state group without one, so "the RSF said the army bombed …" is one;
- a warning, too, when a party announces attacks of its own to come ("we will strike
  back", "Israel would continue to strike the enemy everywhere");
- otherwise an assertion: an own-side account, or one without an agent.

A cue that carries its own act ("denied", "accused", "warned", "called on") keeps it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from watchline.domain import Act, EventType

FUTURE = re.compile(r"\b(?:will|would|shall|'ll|going to)\b")

HOSTILE = {
    EventType.MOBILIZE,
    EventType.FORTIFY,
    EventType.ATTACK,
    EventType.CASUALTY,
    EventType.PROVOCATION,
    EventType.DISINFORMATION,
}


def decide_act(
    cue_act: Act,
    content: str,
    markers: dict[Act, tuple[str, ...]],
    event_type: EventType,
    negated: bool,
    agent_affiliation: str | None,
    speaker_affiliation: str | None,
) -> Act:
    """The speech act of a statement (see the module docstring for the rules)."""
    if cue_act is not Act.ASSERT:
        return cue_act
    folded = fold(content)
    if _has_marker(folded, markers.get(Act.APPEAL, ())):
        return Act.APPEAL
    if _has_marker(folded, markers.get(Act.WARN, ())):
        return Act.WARN
    foreign = (
        agent_affiliation is not None
        and speaker_affiliation is not None
        and agent_affiliation != speaker_affiliation
    )
    if _has_marker(folded, markers.get(Act.DENY, ())) and not (foreign and not negated):
        return Act.DENY
    if (
        event_type in HOSTILE
        and foreign
        and not negated
        and not _peacekeeping(event_type, agent_affiliation)
    ):
        return Act.ACCUSE
    if event_type in HOSTILE and negated and agent_affiliation == speaker_affiliation is not None:
        return Act.DENY  # "we did not open fire"
    own = agent_affiliation is not None and agent_affiliation == speaker_affiliation
    if event_type is EventType.ATTACK and own and not negated and FUTURE.search(folded):
        return Act.WARN  # "Israel would continue to strike the enemy everywhere": a threat
    return Act.ASSERT


def concern_act(act: Act) -> Act:
    """The act of a statement of concern (`attribution/concern.py`) once the content was
    read as if said with a neutral cue: concern about a hostile act of another party is
    an accusation ("concern over the erection of barriers by the occupation forces"); any
    other concern, about a feared event, a warning (GUIDE.md §3)."""
    return Act.ACCUSE if act is Act.ACCUSE else Act.WARN


# Organisations that deploy missions rather than fight (GUIDE.md's org codes): their
# patrols, deployments and withdrawals are no party's hostile act ("KFOR has asked for
# more time to deploy", said by Kosovo, is not an accusation); fire, provocation or
# disinformation ascribed to them still is.
MISSION_ORGS = frozenset({"UN", "EU", "OSCE", "NATO", "CSTO", "ICRC", "AU"})


def _peacekeeping(event_type: EventType, agent_affiliation: str | None) -> bool:
    return agent_affiliation in MISSION_ORGS and event_type in (
        EventType.MOBILIZE,
        EventType.FORTIFY,
        EventType.EXERCISE,
    )


QUOTE_MARKS = re.compile(r"[“”„«»\"]|(?<!\w)['‘’]|['‘’](?!\w)")


def fold(content: str) -> str:
    """Lower case, straight apostrophes, no quotation marks, single spaces: the form markers
    are matched in ('had “nothing to do” with' has "nothing to do with")."""
    text = QUOTE_MARKS.sub(" ", content.lower())
    return " ".join(text.replace("’", "'").split())


def _has_marker(folded: str, phrases: tuple[str, ...]) -> bool:
    """Whether a phrase occurs as whole words ("was 'complete nonsense'" has "nonsense")."""
    return bool(phrases) and _markers(phrases).search(folded) is not None


@lru_cache(maxsize=32)
def _markers(phrases: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w'])(?:{words})(?![\w'])")
