"""Sentences of our own from many theatres: speaker, act, event, agent, negation, span.

None of these comes from the dev document; they check that the rules generalise.
"""

from __future__ import annotations

from datetime import date

import pytest

from watchline.domain import Act, EventType

PUBLISHED = date(2024, 4, 2)  # a Tuesday

# text, speaker affiliation, act, event type, agent affiliation(s), negated, content
CASES = [
    ("Ukraine’s General Staff said Russian troops shelled Kharkiv overnight.",
     "UKR", Act.ACCUSE, EventType.ATTACK, ["RUS"], False,
     "Russian troops shelled Kharkiv overnight"),
    ("“We did not open fire on any Ukrainian positions,” the Russian Defence Ministry told "
     "reporters on Monday.",
     "RUS", Act.DENY, EventType.ATTACK, ["RUS"], True,
     "We did not open fire on any Ukrainian positions"),
    ("Kyiv dismissed the claims as Russian propaganda.",
     "UKR", Act.DENY, EventType.DISINFORMATION, [], True, "the claims as Russian propaganda"),
    ("The Israeli military said Hezbollah fired rockets at northern Israel on Sunday.",
     "ISR", Act.ASSERT, EventType.ATTACK, [None], False,
     "Hezbollah fired rockets at northern Israel on Sunday"),
    ("Hezbollah denied firing rockets at Israel.",
     None, Act.DENY, EventType.ATTACK, [None], True, "firing rockets at Israel"),
    ("UNIFIL called on both sides to exercise restraint along the Blue Line.",
     "UN", Act.APPEAL, EventType.OTHER, [], False,
     "both sides to exercise restraint along the Blue Line"),
    ("According to the Indian Army, Pakistani troops opened fire along the Line of Control "
     "in Poonch.",
     "IND", Act.ACCUSE, EventType.ATTACK, ["PAK"], False,
     "Pakistani troops opened fire along the Line of Control in Poonch"),
    ("Pakistan’s military accused India of violating the ceasefire agreement along the Line "
     "of Control.",
     "PAK", Act.ACCUSE, EventType.ATTACK, ["IND"], False,
     "India of violating the ceasefire agreement along the Line of Control"),
    ("Pristina accused Serbia of massing troops near the border with Kosovo.",
     "XKX", Act.ACCUSE, EventType.MOBILIZE, ["SRB"], False,
     "Serbia of massing troops near the border with Kosovo"),
    ("KFOR confirmed that no unusual military activity had been observed in northern Kosovo.",
     "NATO", Act.CONFIRM, EventType.MOBILIZE, [], True,
     "no unusual military activity had been observed in northern Kosovo"),
    ("South Korea’s Joint Chiefs of Staff said North Korean soldiers crossed the Military "
     "Demarcation Line on Tuesday.",
     "KOR", Act.ACCUSE, EventType.MOBILIZE, ["PRK"], False,
     "North Korean soldiers crossed the Military Demarcation Line on Tuesday"),
    ("The Sudanese army accused the RSF of killing dozens of civilians in El Fasher.",
     "SDN", Act.ACCUSE, EventType.CASUALTY, [None], False,
     "the RSF of killing dozens of civilians in El Fasher"),
    ("Russia and Ukraine agreed to hold talks in Istanbul, the Turkish foreign ministry said.",
     "TUR", Act.ASSERT, EventType.DIPLOMACY, ["RUS", "UKR"], False,
     "Russia and Ukraine agreed to hold talks in Istanbul"),
    ("Azerbaijan’s State Border Service said Armenian units were digging trenches near Tegh.",
     "AZE", Act.ACCUSE, EventType.FORTIFY, ["ARM"], False,
     "Armenian units were digging trenches near Tegh"),
    ("The Armenian Defence Ministry said the troops were taking part in a planned exercise.",
     "ARM", Act.ASSERT, EventType.EXERCISE, [], False,
     "the troops were taking part in a planned exercise"),
    ("Ukraine said Russia was preparing provocations at the plant.",
     "UKR", Act.ACCUSE, EventType.PROVOCATION, ["RUS"], False,
     "Russia was preparing provocations at the plant"),
    ("North Korea warned that it would respond to any incursion with overwhelming force.",
     "PRK", Act.WARN, EventType.ATTACK, [], False,
     "it would respond to any incursion with overwhelming force"),
    ("Israel’s foreign minister urged the UN to disarm Hezbollah in southern Lebanon.",
     "ISR", Act.APPEAL, EventType.OTHER, ["UN"], False,
     "the UN to disarm Hezbollah in southern Lebanon"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "affiliation", "act", "event_type", "agents", "negated", "content"), CASES
)
def test_pipeline_reads_statements_from_many_theatres(
    extractor, text, affiliation, act, event_type, agents, negated, content
):
    claims = extractor.extract(text, PUBLISHED)
    assert len(claims) == 1, [c.content.text for c in claims]
    claim = claims[0]
    assert claim.speaker.affiliation == affiliation
    assert claim.act is act
    assert claim.event.type is event_type
    assert [a.affiliation for a in claim.event.agents][: len(agents) or None] == agents
    assert claim.event.negated is negated
    assert claim.content.text == content
    assert text[claim.content.start : claim.content.end] == content
    assert text[claim.speaker.start : claim.speaker.end] == claim.speaker.text


def test_pipeline_resolves_pronoun_and_definite_speakers(extractor):
    text = (
        "On Monday, Azerbaijan’s Ministry of Defence accused Armenia of shelling its positions "
        "near Kalbajar.\n"
        "It also said Armenian units were building new fortifications.\n"
        "The ministry added that two soldiers were wounded."
    )
    claims = extractor.extract(text, PUBLISHED)
    assert [c.speaker.affiliation for c in claims] == ["AZE", "AZE", "AZE"]
    assert [c.event.type for c in claims] == [
        EventType.ATTACK,
        EventType.FORTIFY,
        EventType.CASUALTY,
    ]
    assert {c.stated_on for c in claims} == {date(2024, 4, 1)}
    assert [c.id for c in claims] == ["c1", "c2", "c3"]


def test_pipeline_denial_answers_the_accusation(extractor):
    text = (
        "Serbia’s defence ministry accused Kosovo of deploying special police units to the "
        "north.\n"
        "Pristina rejected the accusations on Wednesday."
    )
    claims = extractor.extract(text, date(2024, 4, 4))
    deny = claims[-1]
    assert deny.act is Act.DENY
    assert deny.responds_to == claims[0].id
    assert deny.event.type is EventType.MOBILIZE
    assert deny.event.negated is True
    assert deny.stated_on == date(2024, 4, 3)


def test_pipeline_quote_over_several_sentences(extractor):
    text = (
        "“The enemy shelled Zaporizhzhia twice. Three civilians were wounded,” the regional "
        "governor wrote on Telegram."
    )
    (claim,) = extractor.extract(text, PUBLISHED)
    assert claim.direct_quote is True
    assert claim.content.text.startswith("The enemy shelled Zaporizhzhia twice.")
    assert claim.content.text.endswith("Three civilians were wounded")
    assert claim.event.type is EventType.ATTACK


def test_pipeline_embedded_post_is_a_statement_of_its_author(extractor):
    text = (
        "The mission later posted on X.\n"
        "Our patrols saw no military movements along the Blue Line today.\n"
        "— UNIFIL (@UNIFIL_) April 1, 2024\n"
    )
    claims = extractor.extract(text, PUBLISHED)
    post = [c for c in claims if "patrols" in c.content.text]
    assert len(post) == 1
    assert post[0].speaker.text == "UNIFIL (@UNIFIL_)"
    assert post[0].speaker.affiliation == "UN"
    assert post[0].stated_on == date(2024, 4, 1)
    assert post[0].event.negated is True


def test_pipeline_narration_is_not_a_claim(extractor):
    text = "Tensions rose along the border last week. Shops in Goris stayed open on Sunday."
    assert extractor.extract(text, PUBLISHED) == []
