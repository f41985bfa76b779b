"""Statements introduced by a colon, as Telegram channels and live blogs write them."""

from __future__ import annotations

from datetime import date

import pytest

THURSDAY = date(2024, 8, 8)


def test_colons_lead_naming_an_official_is_the_speaker(extractor):
    text = (
        "🔻 Kyiv is still silent officially. Podolyak on Wednesday: Russia is the only cause "
        "of any escalation.\n"
        "⚡️ Zakharova: Kyiv is preparing new provocations on the border to derail any talks."
    )
    claims = extractor.extract(text, THURSDAY)
    assert [(c.speaker.text, c.speaker.affiliation) for c in claims] == [
        ("Podolyak", "UKR"),
        ("Zakharova", "RUS"),
    ]
    assert claims[0].content.text == "Russia is the only cause of any escalation"
    assert claims[0].stated_on == date(2024, 8, 7)
    assert (claims[1].act.value, claims[1].event.type.value) == ("accuse", "provocation")


def test_colons_body_described_without_a_country_refers_back(extractor):
    text = (
        "The Russian Defence Ministry says its units repelled attacks near Sudzha.\n"
        "Foreign ministry this morning: Kyiv is preparing new provocations on the border."
    )
    claims = extractor.extract(text, THURSDAY)
    assert [c.speaker.affiliation for c in claims] == ["RUS", "RUS"]
    assert claims[1].speaker.text == "Foreign ministry"


@pytest.mark.parametrize(
    "text",
    [
        "KURSK REGION: MORNING SUMMARY, 08.08",
        "Update: the road between Sudzha and Korenevo is closed to traffic.",
        "Casualties: 12 wounded, 3 killed in the shelling of the town.",
        "The ministry said three things: the border is closed, the talks are off, and the "
        "army is on alert.",
    ],
)
def test_colons_headings_labels_and_lists_are_no_statements(extractor, text):
    claims = extractor.extract(text, THURSDAY)
    assert all(c.cue.text != ":" for c in claims)
