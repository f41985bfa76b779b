"""Statements told through someone else, and trailing cues, that real journalism uses.

"Xinhua quoted the rebels as saying …" is the rebels' statement, not the agency's
(GUIDE.md §1–2); "…, the United Nations estimates" is a statement even where the tagger
reads the cue as a plural noun; a relative clause after coordinated bodies ("calls from
the EU, the US and Britain, which have called for …") is one claim per body. Sentences
written for this file, from several theatres.
"""

from __future__ import annotations

from datetime import date

import pytest

MONDAY = date(2024, 6, 3)


def _rows(extractor, text: str) -> list[tuple]:
    return [
        (claim.speaker.text, claim.speaker.affiliation, claim.act.value, claim.content.text)
        for claim in extractor.extract(text, MONDAY)
    ]


RELAYED = [
    ("TASS quoted the ministry as saying Ukrainian drones had attacked the refinery "
     "overnight.", ("the ministry", "accuse",
                    "Ukrainian drones had attacked the refinery overnight")),
    ("Interfax cited a source in the Armenian defence ministry as saying Azerbaijani "
     "troops had opened fire.", ("a source in the Armenian defence ministry", "accuse",
                                 "Azerbaijani troops had opened fire")),
    ("The agency cited a military official as telling reporters that the crossing "
     "appeared to be accidental.", ("a military official", "assert",
                                    "the crossing appeared to be accidental")),
    ("Saba quoted the Houthis as saying that Saudi jets had struck Hodeidah.",
     ("the Houthis", "accuse", "Saudi jets had struck Hodeidah")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), RELAYED)
def test_pipeline_quoted_as_saying_is_the_statement_of_the_one_quoted(extractor, text, expected):
    rows = _rows(extractor, text)
    assert [(r[0], r[2], r[3]) for r in rows] == [expected]


def test_pipeline_relaying_outlet_is_no_speaker(extractor):
    text = "RIA Novosti quoted the separatists as saying two people died in the shelling."
    assert [r[0] for r in _rows(extractor, text)] == ["the separatists"]


def test_pipeline_trailing_estimate_is_a_statement(extractor):
    text = "More than 3,500 people have been killed since April, the United Nations estimates."
    assert _rows(extractor, text) == [
        (
            "the United Nations",
            "UN",
            "assert",
            "More than 3,500 people have been killed since April",
        )
    ]


def test_pipeline_estimate_as_a_noun_is_no_statement(extractor):
    text = "The estimates of the damage in Stepanakert vary widely."
    assert _rows(extractor, text) == []


def test_pipeline_relative_clause_after_coordinated_bodies_is_one_claim_each(extractor):
    text = (
        "The barricades stayed despite calls from the European Union, the United States "
        "and Britain, which have called for a de-escalation near Jarinje."
    )
    rows = _rows(extractor, text)
    assert sorted(r[1] for r in rows) == ["EU", "GBR", "USA"]
    assert {r[3] for r in rows} == {"a de-escalation near Jarinje"}


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers reportedly demanded that the gate of the post be opened.",
        "Nobody at the scene could confirm any casualties in Donetsk.",
    ],
)
def test_pipeline_hearsay_and_no_one_make_no_statement(extractor, text):
    assert _rows(extractor, text) == []


def test_pipeline_footage_purportedly_showing_is_still_the_publishers_statement(extractor):
    text = (
        "Baku accused Yerevan of moving troops, with the ministry publishing footage "
        "purportedly showing Armenian units transporting artillery."
    )
    assert len(_rows(extractor, text)) == 2
