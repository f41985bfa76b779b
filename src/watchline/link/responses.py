"""Responses: which earlier claim a denial, a confirmation or a repetition answers.

The extractor sets `responds_to` when the answer is in the same sentence; across
documents we infer it: "Armenia's defence ministry denied the accusations" answers the
latest claim, made that day or the day before by another party, that accused Armenia of
an event of the same kind at an overlapping place. A repetition is a claim by the same
party alleging the same kind of event against the same agent on a later day.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from watchline.domain import Act, Claim, EventType
from watchline.link.model import Response, ResponseKind, affiliations, is_against, party

Overlap = Callable[[Claim, Claim], bool]
REPEAT_DAYS = 3


def _days_before(claim: Claim, other: Claim) -> int:
    """Days from `other` to `claim`; 0 when either date is unknown."""
    if claim.stated_on is None or other.stated_on is None:
        return 0
    return (claim.stated_on - other.stated_on).days


def _same_kind(claim: Claim, other: Claim) -> bool:
    return claim.event.type is EventType.OTHER or claim.event.type == other.event.type


def _agents_match(claim: Claim, other: Claim) -> bool:
    mine, theirs = affiliations(claim), affiliations(other)
    return not mine or not theirs or bool(mine & theirs)


def _kind(claim: Claim) -> ResponseKind:
    if claim.act is Act.CONFIRM:
        return ResponseKind.CONFIRMS
    return ResponseKind.DENIES if is_against(claim) else ResponseKind.REPEATS


def _denial_target(
    claim: Claim, earlier: Sequence[Claim], days: int, near: Overlap
) -> Claim | None:
    speaker = party(claim)
    latest = {other.document_id: index for index, other in enumerate(earlier)}
    best: tuple[tuple[int, int, int, int], Claim] | None = None
    for index, other in enumerate(earlier):
        gap = _days_before(claim, other)
        if not 0 <= gap <= days or is_against(other) or party(other) == speaker:
            continue
        if not (_same_kind(claim, other) and _agents_match(claim, other) and near(claim, other)):
            continue
        accused_speaks = 0 if speaker in affiliations(other) else 1  # the accused answering
        rank = (accused_speaks, gap, -latest[other.document_id], index)  # latest statement
        if best is None or rank < best[0]:
            best = (rank, other)
    return best[1] if best else None


def _confirm_target(
    claim: Claim, earlier: Sequence[Claim], days: int, near: Overlap
) -> Claim | None:
    """The latest claim of the same kind and polarity by another speaker (an envoy
    confirming his mission's statement counts: a confirmation, though not independent)."""
    for other in reversed(earlier):
        gap = _days_before(claim, other)
        if not 0 <= gap <= days or _speaker_key(other) == _speaker_key(claim):
            continue
        if is_against(other) != is_against(claim) or other.event.type != claim.event.type:
            continue
        if _agents_match(claim, other) and near(claim, other):
            return other
    return None


def _speaker_key(claim: Claim) -> str:
    return claim.speaker.actor_id or claim.speaker.text.casefold()


def _repeat_target(claim: Claim, earlier: Sequence[Claim], near: Overlap) -> Claim | None:
    for other in reversed(earlier):
        gap = _days_before(claim, other)
        if not 0 < gap <= REPEAT_DAYS or party(other) != party(claim):
            continue
        if is_against(other) or other.event.type != claim.event.type:
            continue
        if affiliations(claim) == affiliations(other) and near(claim, other):
            return other
    return None


def answered(
    claim: Claim, earlier: Sequence[Claim], known: dict[str, Claim], days: int, near: Overlap
) -> Response | None:
    """The response `claim` makes to one of the `earlier` claims, if any."""
    if claim.responds_to and claim.responds_to in known:
        return Response(claim.id, claim.responds_to, _kind(claim))
    kind = _kind(claim)
    if kind is ResponseKind.CONFIRMS:
        target = _confirm_target(claim, earlier, days, near)
        if target is None and is_against(claim):
            kind, target = ResponseKind.DENIES, _denial_target(claim, earlier, days, near)
    elif kind is ResponseKind.DENIES:
        target = _denial_target(claim, earlier, days, near)
    elif claim.act in (Act.ACCUSE, Act.ASSERT):
        target = _repeat_target(claim, earlier, near)
    else:
        target = None
    return Response(claim.id, target.id, kind) if target else None
