"""Analysts' merges and splits applied to a linkage: found by claim keys, never a
duplicate membership, skipped when what they name is gone."""

from __future__ import annotations

from datetime import date

from watchline.domain import Act, Case, EventType
from watchline.link.decisions import Decision, apply_decisions, split_case_id
from watchline.link.model import Linkage, Membership, Role
from watchline.verify.simulation import make_claim

D1, D2 = date(2024, 3, 31), date(2024, 4, 1)
CLAIMS = {
    "a": make_claim("a", "AZE", Act.ACCUSE, EventType.MOBILIZE, "ARM", D1, content="troops"),
    "b": make_claim("b", "ARM", Act.DENY, EventType.MOBILIZE, "ARM", D1, content="no troops"),
    "c": make_claim("c", "AZE", Act.ACCUSE, EventType.FORTIFY, "ARM", D2, content="trenches"),
    "q": make_claim("q", "EU", Act.ASSERT, EventType.OTHER, None, D1, content="calm"),
}


def key(claim) -> str:
    return f"doc|{claim.content.text}"  # stands for the evidence spans


def linkage() -> Linkage:
    cases = (
        Case("case-1", EventType.MOBILIZE, "ARM", D1, D1, ("a", "b", "q"),
             area="POINT (45 40)", title="build-up"),
        Case("case-2", EventType.FORTIFY, "ARM", D2, D2, ("c", "q"),
             area="POINT (45.5 40)", title="works"),
    )  # fmt: skip
    members = (
        Membership("case-1", "a", Role.FOR),
        Membership("case-1", "b", Role.AGAINST),
        Membership("case-1", "q", Role.CONTEXT),
        Membership("case-2", "c", Role.FOR),
        Membership("case-2", "q", Role.CONTEXT),
    )
    return Linkage(cases, members, (), {}, scopes={"case-1": "place", "case-2": "place"})


def test_decisions_merge_keeps_one_membership_per_claim() -> None:
    merged = apply_decisions(linkage(), [Decision("merge", "case-1", "case-2")], CLAIMS, key)
    [case] = merged.cases
    assert case.id == "case-1" and case.claim_ids == ("a", "b", "q", "c")
    assert (case.start, case.end) == (D1, D2)
    pairs = [(m.case_id, m.claim_id) for m in merged.members]
    assert sorted(pairs) == sorted(set(pairs)) and len(pairs) == 4
    assert merged.scopes == {"case-1": "place"}
    assert case.area is not None and case.area.startswith("MULTIPOINT")


def test_decisions_merge_finds_renumbered_cases_by_claim_key() -> None:
    decision = Decision("merge", "case-old-1", "case-old-2", key(CLAIMS["a"]), key(CLAIMS["c"]))
    merged = apply_decisions(linkage(), [decision], CLAIMS, key)
    assert [c.id for c in merged.cases] == ["case-1"]


def test_decisions_split_keeps_the_claims_role_and_the_area() -> None:
    split = apply_decisions(linkage(), [Decision("split", "case-1", key(CLAIMS["b"]))], CLAIMS, key)
    new_id = split_case_id(key(CLAIMS["b"]))
    cases = {c.id: c for c in split.cases}
    assert cases["case-1"].claim_ids == ("a", "q") and cases[new_id].claim_ids == ("b",)
    assert cases[new_id].area == "POINT (45 40)" and split.scopes[new_id] == "place"
    assert Membership(new_id, "b", Role.AGAINST) in split.members
    assert not any(m.case_id == "case-1" and m.claim_id == "b" for m in split.members)


def test_decisions_naming_what_is_gone_are_skipped() -> None:
    before = linkage()
    decisions = [
        Decision("merge", "case-1", "case-9"),  # no such case
        Decision("merge", "case-1", "case-1"),  # itself
        Decision("split", "case-1", "doc|a sentence no longer there"),
        Decision("split", "case-2", key(CLAIMS["c"])),  # case-2 would keep only context
    ]
    after = apply_decisions(before, decisions, CLAIMS, key)
    assert after == before
