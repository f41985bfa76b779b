"""Quotation marks of every style are paired; unbalanced ones are skipped with a warning."""

from __future__ import annotations

from datetime import date

import pytest

from watchline.extract.attribution.quotes import find_quotes


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("He said “we stay” today", "we stay"),
        ("He said ‘we stay’ today", "we stay"),
        ("„Wir bleiben“, sagte er", "Wir bleiben"),
        ("«Nous restons», a-t-il dit", "Nous restons"),
        ('He said "we stay" today', "we stay"),
        ("It’s ‘Armenia’s border’ now", "Armenia’s border"),
    ],
)
def test_quotes_pairs_each_style(text, inner):
    quotes, warnings = find_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in quotes] == [inner]
    assert warnings == []


@pytest.mark.parametrize("text", ["‘an unclosed quote", "a stray closer” here", "“open ‘mixed”"])
def test_quotes_unbalanced_marks_warn_without_crashing(text):
    quotes, warnings = find_quotes(text, where="doc1")
    assert all(text[q.start] in "“‘" for q in quotes)
    assert warnings and all(w.startswith("W100: doc1:") for w in warnings)


def test_quotes_apostrophes_are_not_quotes():
    assert find_quotes("Azerbaijan’s and Armenia’s ministries didn’t agree")[0] == []


@pytest.mark.parametrize(
    "text",
    [
        "‘We will respond, said the ministry.",
        "“Unclosed « mixed » marks, the army said that troops moved.",
        "„ ” ‘ ’ « » \" ' — said.",
        "",
        "\n\n\n",
    ],
)
def test_quotes_odd_typography_never_crashes_the_extractor(extractor, text):
    claims = extractor.extract(text, date(2024, 4, 1))
    for claim in claims:
        assert text[claim.content.start : claim.content.end] == claim.content.text
