"""Whole articles written for these tests (six theatres): every statement, nothing else.

Each expectation lists, in text order, the speaker's affiliation, the act and the event
type of every claim; narration, headlines and "did not comment" produce none.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"

ARTICLES = {
    "israel-lebanon": (
        date(2024, 4, 2),
        [
            ("LBN", "accuse", "attack"),  # state news agency: Israeli strikes hit villages
            (None, "assert", "attack"),  # Hezbollah: launched drones (non-state: no code)
            ("ISR", "assert", "attack"),
            ("ISR", "assert", "other"),  # “We will continue to act …”
            (None, "assert", "attack"),
            ("LBN", "assert", "casualty"),
            ("LBN", "accuse", "attack"),  # It accused Israel of deliberately targeting …
            ("UN", "assert", "other"),
            ("UN", "appeal", "attack"),  # urged both sides to stop firing
            ("UN", "warn", "other"),  # “Any miscalculation could trigger a wider conflict”
            ("ISR", "warn", "other"),
            ("ISR", "assert", "other"),
        ],
    ),
    "ukraine-russia": (
        date(2024, 4, 3),
        [
            ("RUS", "accuse", "attack"),
            ("UKR", "accuse", "attack"),  # "it" = Ukraine's General Staff (main subject)
            ("UKR", "assert", "other"),  # Kharkiv governor: placed by Kharkiv
            ("UKR", "assert", "attack"),  # the quote runs on into the next paragraph
            ("UKR", "assert", "other"),
            ("RUS", "assert", "diplomacy"),
            ("RUS", "accuse", "attack"),
            ("UKR", "deny", "attack"),
            ("UKR", "accuse", "mobilize"),  # "he" = Zelensky, not Peskov
            ("UKR", "appeal", "other"),  # … and called on allies: a second statement
        ],
    ),
    "india-pakistan": (
        date(2024, 4, 5),
        [
            ("IND", "accuse", "attack"),
            ("IND", "assert", "other"),
            ("IND", "assert", "casualty"),  # "No casualties were reported …, he added."
            ("PAK", "deny", "attack"),
            ("PAK", "accuse", "attack"),
            ("PAK", "warn", "other"),
            ("UN", "assert", "other"),  # said it was aware of the reports
            ("UN", "appeal", "diplomacy"),  # … and urged both sides: a second statement
        ],
    ),
    "sudan": (
        date(2024, 5, 13),
        [
            (None, "accuse", "attack"),  # the RSF (no state code) accuses the army
            ("SDN", "deny", "attack"),  # "The army" = the Sudanese army named before
            ("SDN", "accuse", "attack"),  # "Army spokesman …" speaks for that army
            ("SDN", "assert", "other"),
            (None, "warn", "attack"),  # vowed to retaliate
            (None, "warn", "attack"),  # … and threatened to storm: a second statement
            (None, "assert", "casualty"),
            ("UN", "appeal", "other"),
        ],
    ),
    "kosovo-serbia": (
        date(2023, 10, 3),
        [
            ("XKX", "accuse", "mobilize"),
            ("XKX", "assert", "mobilize"),  # “This is a threat …”: the deployment just named
            ("SRB", "deny", "mobilize"),
            ("SRB", "assert", "other"),
            ("NATO", "assert", "other"),
            ("USA", "appeal", "mobilize"),  # called on Serbia to withdraw its forces
        ],
    ),
    "korea": (
        date(2024, 6, 11),
        [
            ("KOR", "assert", "attack"),
            ("KOR", "assert", "other"),
            ("KOR", "assert", "attack"),
            ("PRK", "accuse", "attack"),
            ("PRK", "assert", "attack"),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_pipeline_articles_every_statement_and_nothing_else(extractor, name):
    published, expected = ARTICLES[name]
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    claims = extractor.extract(text, published, document_id=name)
    got = [(c.speaker.affiliation, c.act.value, c.event.type.value) for c in claims]
    assert got == expected
    headline_end = text.index("\n")
    for claim in claims:
        assert claim.cue.start > headline_end
        for span in (claim.speaker, claim.cue, claim.content):
            assert text[span.start : span.end] == span.text
        assert 0.0 <= claim.confidence <= 1.0
        assert claim.extractor_version and claim.document_id == name


def test_pipeline_articles_denial_takes_the_accused_party(extractor):
    text = (FIXTURES / "india-pakistan.txt").read_text(encoding="utf-8")
    claims = extractor.extract(text, date(2024, 4, 5))
    denial = next(c for c in claims if c.act.value == "deny")
    assert denial.responds_to == claims[0].id
    assert [a.affiliation for a in denial.event.agents] == ["PAK"]
    assert denial.event.negated is True
