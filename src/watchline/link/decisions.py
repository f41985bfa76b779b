"""Analysts' merges and splits, applied to a linking run's result.

Linking is recomputed from the claims every time, so a merge or split made by hand is
kept as a decision and applied to each new `Linkage`, oldest first. A decision whose
cases or claim are gone (an edit removed them) is skipped, not an error.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from shapely import wkt
from shapely.ops import unary_union

from watchline.domain import Case, Claim
from watchline.link.model import Linkage, Membership


@dataclass(frozen=True)
class Decision:
    kind: str  # merge | split
    case_id: str  # merge: the case that stays; split: the case the claim leaves
    other: str  # merge: the case merged into it; split: the claim's key


def split_case_id(key: str) -> str:
    """The stable id of the case a split claim gets, from the claim's key."""
    return "case-" + hashlib.sha1(f"split:{key}".encode()).hexdigest()[:12]


def _area(*areas: str | None) -> str | None:
    shapes = [wkt.loads(a) for a in areas if a]
    return unary_union(shapes).wkt if shapes else None


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
    return replace(
        linkage,
        cases=tuple(merged if c.id == keep else c for c in linkage.cases if c.id != gone),
        members=tuple(
            Membership(keep, m.claim_id, m.role) if m.case_id == gone else m
            for m in linkage.members
        ),
    )


def _split(linkage: Linkage, case_id: str, claim: Claim, key: str) -> Linkage:
    cases = {c.id: c for c in linkage.cases}
    source = cases.get(case_id)
    if source is None or claim.id not in source.claim_ids or len(source.claim_ids) < 2:
        return linkage
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
        place_ids=tuple(sorted({p.place_id for p in claim.event.places if p.place_id})),
        title=f"{source.title} (split: {claim.speaker.text})",
        theatre_id=source.theatre_id,
    )
    rest = replace(source, claim_ids=tuple(c for c in source.claim_ids if c != claim.id))
    scopes = dict(linkage.scopes)
    scopes[new_id] = scopes.get(case_id, "place")
    return replace(
        linkage,
        cases=(*(rest if c.id == case_id else c for c in linkage.cases), alone),
        members=tuple(
            Membership(new_id, m.claim_id, m.role)
            if m.case_id == case_id and m.claim_id == claim.id
            else m
            for m in linkage.members
        ),
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
            linkage = _merge(linkage, decision.case_id, decision.other)
        elif decision.kind == "split" and decision.other in by_key:
            linkage = _split(linkage, decision.case_id, by_key[decision.other], decision.other)
    return linkage
