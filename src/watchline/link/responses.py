"""Responses: which earlier claim a denial, a confirmation or a repetition answers.

The extractor sets `responds_to` when the answer is in the same sentence; across
documents we infer it: "Armenia's defence ministry denied the accusations" answers the
latest claim, made that day or the day before by another party, that accused Armenia of
an event of the same kind at an overlapping place. A repetition is a claim by the same
party alleging the same kind of event against the same agent on a later day.

Two rules keep an answer on the claim it answers. A response answers an original, never
a copy: when the best target is a repost, the answer goes to the statement reposted. And
a response whose own event type is `other` ("calling the report untrue") says nothing
about which event it means, so it answers only an allegation it is tied to: one that
another sentence of its document answers, one made in its own document, or the only
allegation against the speaker's side that day at a compatible place. Otherwise it
stays unattached rather than land on an unrelated case.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from watchline.domain import Act, Claim, EventType
from watchline.link.model import Response, ResponseKind, affiliations, is_against, party

Overlap = Callable[[Claim, Claim], bool]
EventOf = Callable[[str], object]  # claim id -> the case (alleged event) it is part of
# Positions in processing order: claim id -> position, document id -> its latest claim's.
Order = tuple[Mapping[str, int], Mapping[str | None, int]]
REPEAT_DAYS = 3


def _days_before(claim: Claim, other: Claim) -> int:
    """Days from `other` to `claim`; 0 when either date is unknown."""
    if claim.stated_on is None or other.stated_on is None:
        return 0
    return (claim.stated_on - other.stated_on).days


def _same_kind(claim: Claim, other: Claim) -> bool:
    return claim.event.type == other.event.type


def _agents_match(claim: Claim, other: Claim) -> bool:
    mine, theirs = affiliations(claim), affiliations(other)
    return not mine or not theirs or bool(mine & theirs)


def _kind(claim: Claim) -> ResponseKind:
    if claim.act is Act.CONFIRM:
        return ResponseKind.CONFIRMS
    return ResponseKind.DENIES if is_against(claim) else ResponseKind.REPEATS


def _denial_target(
    claim: Claim, earlier: Sequence[Claim], days: int, near: Overlap, order: Order | None
) -> Claim | None:
    """The allegation a denial answers: the accused's own side first, then the nearest
    day, then the document that spoke last, then the latest claim. `order` gives the
    positions in the whole run when `earlier` is only a blocked part of it."""
    speaker = party(claim)
    position: Mapping[str, int]
    latest: Mapping[str | None, int]
    if order is None:
        position = {other.id: index for index, other in enumerate(earlier)}
        latest = {other.document_id: index for index, other in enumerate(earlier)}
    else:
        position, latest = order
    best: tuple[tuple[int, int, int, int], Claim] | None = None
    for other in earlier:
        index = position[other.id]
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


def _other_target(
    claim: Claim,
    earlier: Sequence[Claim],
    near: Overlap,
    siblings: Sequence[str],
    copies: Mapping[str, str],
    event_of: EventOf,
) -> Claim | None:
    """The allegation an `other`-typed answer is tied to, or None when nothing ties it.

    "The only allegation that day" counts alleged events, not sentences: two sentences
    of one accusation, and their reposts, are one event (one case)."""
    speaker = party(claim)
    by_id = {other.id: other for other in earlier}
    tied = [by_id[s] for s in reversed(siblings) if s in by_id]  # what its document answered
    own = [
        other
        for other in earlier
        if other.document_id is not None
        and other.document_id == claim.document_id
        and not is_against(other)
        and other.event.type is not EventType.OTHER
        and party(other) != speaker
    ]
    before = [o for o in own if o.content.start <= claim.content.start]
    tied += list(reversed(before)) + [o for o in own if o not in before]
    for other in tied:
        if _agents_match(claim, other) and near(claim, other):
            return other
    same_day: dict[object, Claim] = {}
    for other in earlier:
        if (
            _days_before(claim, other) == 0
            and not is_against(other)
            and other.event.type is not EventType.OTHER
            and party(other) != speaker
            and speaker in affiliations(other)
            and _agents_match(claim, other)
            and near(claim, other)
        ):
            same_day.setdefault(event_of(copies.get(other.id, other.id)), other)
    if len(same_day) == 1:
        return next(iter(same_day.values()))
    return None


def original(target: Claim, known: Mapping[str, Claim], copies: Mapping[str, str]) -> Claim:
    """The statement `target` copies (following reposts of reposts), else `target`."""
    seen = {target.id}
    while target.id in copies and copies[target.id] in known:
        target = known[copies[target.id]]
        if target.id in seen:
            break
        seen.add(target.id)
    return target


def answered(
    claim: Claim,
    earlier: Sequence[Claim],
    known: Mapping[str, Claim],
    days: int,
    near: Overlap,
    copies: Mapping[str, str] | None = None,
    siblings: Sequence[str] = (),
    event_of: EventOf | None = None,
    order: Order | None = None,
) -> Response | None:
    """The response `claim` makes to one of the `earlier` claims, if any.

    `copies` maps copy → original claim id; `siblings` are the claims that other claims
    of this claim's document answered, in order; `event_of` tells which case a claim is in;
    `order` gives positions in the whole run when `earlier` is a blocked part of it.
    """
    copies = copies or {}
    event_of = event_of or (lambda claim_id: claim_id)
    kind = _kind(claim)
    target: Claim | None
    if claim.responds_to and claim.responds_to in known:
        target = known[claim.responds_to]
    elif claim.event.type is EventType.OTHER and kind is not ResponseKind.REPEATS:
        target = _other_target(claim, earlier, near, siblings, copies, event_of)
        if target is not None and kind is ResponseKind.CONFIRMS and is_against(claim):
            kind = ResponseKind.DENIES
    elif kind is ResponseKind.CONFIRMS:
        target = _confirm_target(claim, earlier, days, near)
        if target is None and is_against(claim):
            kind, target = ResponseKind.DENIES, _denial_target(claim, earlier, days, near, order)
    elif kind is ResponseKind.DENIES:
        target = _denial_target(claim, earlier, days, near, order)
    elif claim.act in (Act.ACCUSE, Act.ASSERT):
        target = _repeat_target(claim, earlier, near)
    else:
        target = None
    if target is None:
        return None
    target = original(target, known, copies)
    return Response(claim.id, target.id, kind) if target.id != claim.id else None
