"""Analysts' merges and splits, applied to a linking run's result.

Linking is recomputed from the claims every time, so a merge or split made by hand is
kept as a decision and applied to each new `Linkage`, oldest first. Decisions name the
cases by one of their claims' keys (document and evidence spans), not only by case id:
case ids come from claim numbers, which a re-extraction may change, while the evidence
of a claim stays where it is. A decision whose cases or claim are gone (an edit removed
them, or an earlier decision already joined them) is skipped, not an error.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from shapely import wkt
from shapely.ops import unary_union

from watchline.domain import Case, Claim
from watchline.link.model import Linkage, Membership, Role


@dataclass(frozen=True)
class Decision:
    """`merge`: the case holding claim `other_key` (else case `other`) joins the case
    holding claim `case_key` (else case `case_id`). `split`: the claim whose key is
    `other` leaves its case for a case of its own."""

    kind: str  # merge | split
    case_id: str  # merge: the case that stays; split: the case the claim left
    other: str  # merge: the case merged into it; split: the claim's key
    case_key: str | None = None  # merge: a claim key of the case that stays
    other_key: str | None = None  # merge: a claim key of the case merged into it


def split_case_id(key: str) -> str:
    """The stable id of the case a split claim gets, from the claim's key."""
    return "case-" + hashlib.sha1(f"split:{key}".encode()).hexdigest()[:12]


def _area(*areas: str | None) -> str | None:
    shapes = [wkt.loads(a) for a in areas if a]
    return unary_union(shapes).wkt if shapes else None


def holding_case(linkage: Linkage, claim_id: str) -> str | None:
    """The case a claim is core to (for or against), else one it is context of."""
    found = [m for m in linkage.members if m.claim_id == claim_id]
    core = [m for m in found if m.role is not Role.CONTEXT]
    return (core or found)[0].case_id if found else None


def _find(
    linkage: Linkage, case_id: str, key: str | None, by_key: Mapping[str, Claim]
) -> str | None:
    if key is not None and key in by_key:
        return holding_case(linkage, by_key[key].id)
    return case_id if any(c.id == case_id for c in linkage.cases) else None


def _merge(linkage: Linkage, keep: str, gone: str) -> Linkage:
    cases = {c.id: c for c in linkage.cases}
    if keep not in cases or gone not in cases or keep == gone:
        return linkage
    a, b = cases[keep], cases[gone]
    starts = [d for d in (a.start, b.start) if d]
    ends = [d for d in (a.end, b.end) if d]
    merged = replace(
        a,
        claim_ids=a.claim_ids + tuple(c for c in b.claim_ids if c not in a.claim_ids),
        start=min(starts) if starts else None,
        end=max(ends) if ends else None,
        area=_area(a.area, b.area),
        place_ids=tuple(sorted(set(a.place_ids) | set(b.place_ids))),
    )
    members: dict[tuple[str, str], Membership] = {}
    for m in linkage.members:  # a context claim of both cases is a member once
        moved = Membership(keep, m.claim_id, m.role) if m.case_id == gone else m
        members.setdefault((moved.case_id, moved.claim_id), moved)
    scopes = {k: v for k, v in linkage.scopes.items() if k != gone}
    return replace(
        linkage,
        cases=tuple(merged if c.id == keep else c for c in linkage.cases if c.id != gone),
        members=tuple(members.values()),
        scopes=scopes,
    )


def _split(linkage: Linkage, claim: Claim, key: str) -> Linkage:
    """The claim leaves the case it is core to. The new case keeps the old case's area
    (the claim's place was part of it) and scope; its dates are the claim's own."""
    case_id = holding_case(linkage, claim.id)
    source = next((c for c in linkage.cases if c.id == case_id), None)
    others = [m for m in linkage.members if m.case_id == case_id and m.claim_id != claim.id]
    if source is None or not any(m.role is not Role.CONTEXT for m in others):
        return linkage  # the case would keep no claim of its own
    new_id = split_case_id(key)
    time = claim.event.time
    agent = claim.event.agent
    alone = Case(
        id=new_id,
        event_type=claim.event.type,
        agent=(agent.affiliation or agent.actor_id) if agent else None,
        start=(time.start if time else None) or claim.stated_on,
        end=(time.end if time else None) or claim.stated_on,
        claim_ids=(claim.id,),
        area=source.area,
        place_ids=tuple(sorted({p.place_id for p in claim.event.places if p.place_id})),
        title=f"{source.title} (split: {claim.speaker.text})",
        theatre_id=source.theatre_id,
    )
    rest = replace(source, claim_ids=tuple(c for c in source.claim_ids if c != claim.id))
    scopes = dict(linkage.scopes)
    scopes[new_id] = scopes.get(source.id, "place")
    role = Role.AGAINST if any(
        m.role is Role.AGAINST for m in linkage.members
        if m.case_id == source.id and m.claim_id == claim.id
    ) else Role.FOR  # fmt: skip
    members = [
        m for m in linkage.members if not (m.case_id == source.id and m.claim_id == claim.id)
    ]
    return replace(
        linkage,
        cases=(*(rest if c.id == source.id else c for c in linkage.cases), alone),
        members=(*members, Membership(new_id, claim.id, role)),
        scopes=scopes,
    )


def apply_decisions(
    linkage: Linkage,
    decisions: Iterable[Decision],
    claims: Mapping[str, Claim],
    key_of: Callable[[Claim], str],
) -> Linkage:
    """The linkage after every merge and split, in the order they were decided."""
    by_key = {key_of(c): c for c in claims.values()}
    for decision in decisions:
        if decision.kind == "merge":
            keep = _find(linkage, decision.case_id, decision.case_key, by_key)
            gone = _find(linkage, decision.other, decision.other_key, by_key)
            if keep and gone:
                linkage = _merge(linkage, keep, gone)
        elif decision.kind == "split" and decision.other in by_key:
            linkage = _split(linkage, by_key[decision.other], decision.other)
    return linkage
