"""Response shapes: denials phrased as labels, a denial's second clause, undated texts."""

from __future__ import annotations

import json
from datetime import date, time

from watchline.extract.contract import to_contract

WEDNESDAY = date(2024, 4, 3)


def test_claim_shapes_dismissed_as_false_the_statement_about_is_a_denial(extractor):
    for text, place in (
        ("Armenia's defence ministry dismissed as false the statement about troop "
         "movements near Sotk.", "Sotk"),
        ("Serbia's defence ministry rejected as baseless the reports that Serbian troops "
         "were massing near Jarinje.", "Jarinje"),
        ("Georgia's foreign ministry dismissed as untrue the claims that Georgian police "
         "had crossed into Akhalgori.", "Akhalgori"),
    ):  # fmt: skip
        (claim,) = extractor.extract(text, WEDNESDAY)
        assert (claim.act.value, claim.event.type.value, claim.event.negated) == (
            "deny",
            "mobilize",
            True,
        ), text
        assert place in [p.text for p in claim.event.places]


def test_claim_shapes_second_denial_takes_the_event_of_the_denial_it_follows(extractor):
    text = (
        "Azerbaijan's defence ministry accused Armenian forces of shelling Kalbajar on Sunday. "
        "In a separate statement, Armenia's defence ministry denied that its troops had moved "
        "near Sotk. It called the report untrue."
    )
    claims = extractor.extract(text, WEDNESDAY)
    last = claims[-1]
    assert last.act.value == "deny"
    assert last.event.type.value == "mobilize"  # the troop movement, not the shelling
    assert last.responds_to == claims[-2].responds_to  # answers what that denial answers


def test_claim_shapes_label_after_a_denial_of_the_same_sentence(extractor):
    text = (
        "Azerbaijan's defence ministry accused Armenian forces of shelling Kalbajar. "
        "Armenia's defence ministry denied the accusation, calling the report untrue."
    )
    claims = extractor.extract(text, WEDNESDAY)
    assert [(c.act.value, c.event.type.value) for c in claims] == [
        ("accuse", "attack"),
        ("deny", "attack"),
        ("deny", "attack"),
    ]
    assert claims[2].responds_to == claims[0].id


def test_claim_shapes_hours_reach_the_contract_json(extractor):
    text = "Indian troops fired near Kotli between 10 and 11 pm on Monday, Pakistan's army said."
    claims = extractor.extract(text, WEDNESDAY)
    (claim,) = claims
    assert (claim.event.time.start_time, claim.event.time.end_time) == (time(22), time(23))
    contract = json.loads(json.dumps(to_contract(claims, document_id="d", published_at=None)))
    when = contract["claims"][0]["event"]["time"]
    assert (when["start"], when["start_time"], when["end_time"]) == ("2024-04-01", "22:00", "23:00")


def test_claim_shapes_undated_document_does_not_crash_and_warns(extractor):
    text = (
        "The Armenian defence ministry said on Saturday that Azerbaijani forces had fired "
        "at Sotk overnight. Kosovo police said a checkpoint near Jarinje was attacked "
        "on 30 March 2024 at 23:40."
    )
    claims = extractor.extract(text, None, document_id="undated")
    assert claims and claims[0].stated_on is None and claims[0].event.time is None
    dated = claims[-1].event.time
    assert dated is not None and (dated.start, dated.start_time) == (
        date(2024, 3, 30),
        time(23, 40),
    )
    assert any(w.startswith("W101: undated:") and "--published-on" in w for w in extractor.warnings)
