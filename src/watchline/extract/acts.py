"""Speech acts: from the cue, refined by what the content says.

The cue gives the act ("denied" → deny, "called on" → appeal). A neutral cue ("said",
"read the statement") becomes a warning when the content threatens consequences ("will
bear responsibility"), a denial when it dismisses ("baseless", "fail to see"), and an
accusation when it reports a hostile act by another party ("the concentration of the
Armenian armed forces … is observed", said by Azerbaijan), and a denial when a party says
it did not do one ("we did not open fire").
"""

from __future__ import annotations

from watchline.domain import Act, EventType

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
    """The speech act of a statement.

    The two parties are compared by affiliation, or, for a non-state group without one,
    by its actor id ("hezbollah"), so "the RSF said the army bombed …" is an accusation.
    """
    if cue_act is not Act.ASSERT:
        return cue_act
    folded = " ".join(content.lower().replace("’", "'").split())
    if _has_marker(folded, markers.get(Act.WARN, ())):
        return Act.WARN
    foreign = (
        agent_affiliation is not None
        and speaker_affiliation is not None
        and agent_affiliation != speaker_affiliation
    )
    if _has_marker(folded, markers.get(Act.DENY, ())) and not (foreign and not negated):
        return Act.DENY
    if event_type in HOSTILE and foreign and not negated:
        return Act.ACCUSE
    if event_type in HOSTILE and negated and agent_affiliation == speaker_affiliation is not None:
        return Act.DENY  # "we did not open fire"
    return Act.ASSERT


def _has_marker(folded: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {folded} "
    return any(f" {p} " in padded or f" {p}," in padded or f" {p}." in padded for p in phrases)
