"""Corrections, merges and splits over a real database: kept, audited, and still in
force after re-linking and after a re-extraction that renumbers the claims."""

from __future__ import annotations

from dataclasses import replace

import pytest
from casework_scenario import THEATRE, claims_of

from watchline.domain import EventType
from watchline.errors import InputError, NotFound
from watchline.link.decisions import split_case_id
from watchline.services import audit
from watchline.services.casework import link_all
from watchline.services.review import (
    Relink,
    claim_review,
    correct_claim,
    merge_cases,
    split_claim,
)
from watchline.services.views import case_views
from watchline.store import Database
from watchline.store.claims import ClaimRepository
from watchline.store.review import claim_key

RELINK = Relink(THEATRE, [THEATRE])


def _cases(db: Database) -> dict[str, list[str]]:
    """event type -> sorted claim ids, for every active case."""
    return {
        v.case.event_type.value: sorted(v.case.claim_ids) for v in case_views(db)
    }  # one case per type in this scenario


def _case_of(db: Database, claim_id: str) -> str:
    return next(v.case.id for v in case_views(db) if claim_id in v.case.claim_ids)


def test_review_correct_event_type_moves_the_claim_and_keeps_the_engines(
    scenario: Database,
) -> None:
    link_all(scenario, THEATRE, theatres=[THEATRE])
    assert _cases(scenario)["fortify"] == ["aze2:c1"]
    done = correct_claim(scenario, "aze2:c1", "event type", "mobilize",
                         "the text speaks of troops, not works", "ana", relink=RELINK)  # fmt: skip
    assert (done.engine, done.old, done.new) == ("fortify", "fortify", "mobilize")
    assert done.author == "ana"
    assert "fortify" not in _cases(scenario)  # re-linked: the claim joined the build-up
    assert "aze2:c1" in _cases(scenario)["mobilize"]
    review = claim_review(scenario, "aze2:c1")
    assert review.engine.event.type is EventType.FORTIFY
    assert review.claim.event.type is EventType.MOBILIZE
    [entry] = audit.entries(scenario, action="correction")
    assert (entry.actor, entry.subject_id, entry.why) == (
        "ana",
        "aze2:c1",
        "the text speaks of troops, not works",
    )
    assert entry.details == {"field": "event_type", "engine": "fortify", "old": "fortify",
                             "new": "mobilize"}  # fmt: skip


def test_review_each_field_and_its_errors(scenario: Database) -> None:
    correct_claim(scenario, "aze:c1", "act", "warn", "a warning, not an accusation", "ana")
    correct_claim(scenario, "aze:c1", "agent", "aze", "the speaker means its own army", "ana")
    correct_claim(scenario, "aze:c1", "places", "Tegh @ 40.02, 45.5\nthe border", "both", "ana")
    correct_claim(scenario, "aze:c1", "dates", {"start": "2024-03-30", "end": "2024-03-31"},
                  "two days", "ana")  # fmt: skip
    claim = claim_review(scenario, "aze:c1").claim
    assert claim.act.value == "warn" and claim.event.agent.actor_id == "aze"
    assert [(p.name, p.lat) for p in claim.event.places] == [("Tegh", 40.02), ("the border", None)]
    assert str(claim.event.time.start) == "2024-03-30"
    bad = [
        ("speaker", "x", "E700"),
        ("act", "shout", "E701"),
        ("agent", "Martians", "E701"),
        ("places", "Atlantis", "E701"),
        ("places", "Far @ 95, 10", "E701"),
        ("dates", {"start": "2024-04-02", "end": "2024-04-01"}, "E701"),
        ("dates", {"start": "31/03/2024"}, "E701"),
        ("act", "warn", "E701"),  # it already is
    ]
    for field, value, code in bad:
        with pytest.raises(InputError) as caught:
            correct_claim(scenario, "aze:c1", field, value, "why not", "ana")
        assert caught.value.code == code, (field, value)
    with pytest.raises(InputError, match="E702"):
        correct_claim(scenario, "aze:c1", "act", "deny", "  ", "ana")
    with pytest.raises(NotFound, match="E400"):
        correct_claim(scenario, "nope:c9", "act", "deny", "why", "ana")
    assert len(claim_review(scenario, "aze:c1").corrections) == 4  # the refused left nothing


def test_review_merge_survives_relinking_and_re_extraction(scenario: Database) -> None:
    link_all(scenario, THEATRE, theatres=[THEATRE])
    build_up, fortify = _case_of(scenario, "aze:c1"), _case_of(scenario, "aze2:c1")
    correct_claim(scenario, "eu:c2", "act", "warn", "a warning", "ana")
    with pytest.raises(InputError, match="E705"):
        merge_cases(scenario, build_up, build_up, "same", "ana")
    kept = merge_cases(scenario, build_up, fortify, "one operation", "ana", relink=RELINK)
    assert kept == build_up and _case_of(scenario, "aze2:c1") == build_up
    assert fortify not in {v.case.id for v in case_views(scenario)}
    link_all(scenario, THEATRE, theatres=[THEATRE])  # a later run applies it again
    assert _case_of(scenario, "aze2:c1") == build_up
    # re-extraction numbers the fortification claim differently: the merge finds it by key
    with scenario.transaction() as session:
        ClaimRepository(session).replace_for_document(
            "aze2", [replace(c, id="c7") for c in claims_of("aze2")]
        )
        deny, calm = claims_of("eu")
        ClaimRepository(session).replace_for_document(
            "eu", [replace(calm, id="c1"), replace(deny, id="c2")]
        )
    link_all(scenario, THEATRE, theatres=[THEATRE])
    assert _case_of(scenario, "aze2:c7") == _case_of(scenario, "aze:c1")
    assert claim_review(scenario, "eu:c2").claim.act.value == "deny"  # the engine's
    assert claim_review(scenario, "eu:c1").claim.act.value == "warn"  # found by its spans
    with pytest.raises(NotFound, match="E010"):
        merge_cases(scenario, build_up, fortify, "again", "ana")  # merged away


def test_review_split_gives_the_claim_its_own_case(scenario: Database) -> None:
    link_all(scenario, THEATRE, theatres=[THEATRE])
    build_up = _case_of(scenario, "aze:c1")
    with pytest.raises(InputError, match="E706"):
        split_claim(scenario, build_up, "aze2:c1", "not here", "ana")
    with pytest.raises(InputError, match="E706"):
        split_claim(scenario, _case_of(scenario, "aze2:c1"), "aze2:c1", "alone", "ana")
    new_id = split_claim(scenario, build_up, "arm:c1", "answers another report", "ana",
                         relink=RELINK)  # fmt: skip
    with scenario.transaction() as session:
        key = claim_key(ClaimRepository(session).get("arm:c1"))
    assert new_id == split_case_id(key)
    views = {v.case.id: v for v in case_views(scenario)}
    assert views[new_id].case.claim_ids == ("arm:c1",)
    assert "arm:c1" not in views[build_up].case.claim_ids
    link_all(scenario, THEATRE, theatres=[THEATRE])
    assert new_id in {v.case.id for v in case_views(scenario)}
    actions = [e.action for e in audit.entries(scenario, action="case")]
    assert actions == ["case.split"]
