"""Sides in a claim: unnamed officials accuse, coordinated speakers each speak, the
target of fire is not its doer, and paraphrases of fire and build-ups are read as such.

Sentences written for these tests, in several theatres; the mechanisms were found on the
real-article yardstick (benchmarks/real_articles), where these classes of error recur.
"""

from __future__ import annotations

from datetime import date

import pytest

from watchline.domain import Act, EventType
from watchline.extract import Extractor

DAY = date(2024, 5, 6)


def claims(extractor: Extractor, text: str):
    return extractor.extract(text, DAY)


@pytest.mark.parametrize(
    "text",
    [
        "A defence official said Pakistani troops had violated the ceasefire in the Uri sector.",
        "The commander said Eritrean troops had crossed into the Irob district.",
        "A government spokesperson said Rwandan soldiers had crossed into Rutshuru territory.",
    ],
)
def test_an_official_of_an_unnamed_side_accuses_the_other_side(extractor, text):
    (claim,) = claims(extractor, text)
    assert claim.act is Act.ACCUSE, claim


@pytest.mark.parametrize(
    "text",
    [
        "Turkish drones struck the orchards near the village twice in June, a farmer said.",
        "Russian artillery hit the market on Monday, residents said.",
        "Venezuelan soldiers crossed the river last week, a shopkeeper in the town said.",
    ],
)
def test_a_bystander_reporting_an_attack_asserts(extractor, text):
    (claim,) = claims(extractor, text)
    assert claim.act is Act.ASSERT, claim


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "The European Union and the United States called for an end to the shelling.",
            ["EU", "USA"],
        ),
        (
            "Brussels, the UN and the OSCE urged both sides to pull back their troops.",
            ["EU", "UN", "OSCE"],
        ),
    ],
)
def test_coordinated_speakers_are_one_claim_each(extractor, text, speakers):
    found = claims(extractor, text)
    assert [c.speaker.affiliation for c in found] == speakers
    assert len({(c.content.start, c.content.end) for c in found}) == 1
    assert len({c.id for c in found}) == len(found)


@pytest.mark.parametrize(
    "text",
    [
        "The Thai army said the soldier was wounded by a grenade near the temple.",
        "India's army said two of its soldiers were killed near the Line of Control.",
    ],
)
def test_the_harmed_side_is_not_the_doer(extractor, text):
    (claim,) = claims(extractor, text)
    speaker = claim.speaker.affiliation
    assert speaker not in {a.affiliation for a in claim.event.agents}, claim


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Baku said its forces had taken retaliatory measures near the border.", EventType.ATTACK),
        ("An Indian officer said the army responded in kind.", EventType.ATTACK),
        ("Seoul said the North was beefing up troops along the line.", EventType.MOBILIZE),
        (
            "Kyiv said Belarus had stepped up military preparations near the border.",
            EventType.MOBILIZE,
        ),
        (
            "An officer said the enemy may have been testing the alertness of our soldiers.",
            EventType.PROVOCATION,
        ),
    ],
)
def test_paraphrases_of_fire_and_build_ups(extractor, text, kind):
    (claim,) = claims(extractor, text)
    assert claim.event.type is kind, claim


def test_according_to_is_not_diplomacy(extractor):
    (claim,) = claims(extractor, "According to the ministry, the situation on the line was calm.")
    assert claim.event.type is EventType.OTHER


@pytest.mark.parametrize(
    ("text", "side"),
    [
        (
            "NEW DELHI, May 6 (Reuters) - Pakistani troops violated the ceasefire along the "
            "Line of Control overnight, a defence official said.",
            "IND",
        ),
        (
            "SEOUL, June 2 (Yonhap) - North Korean soldiers briefly crossed the demarcation "
            "line on Sunday, a military official said.",
            "KOR",
        ),
        (
            "ISLAMABAD, May 6 (Reuters) - Indian troops opened fire on villages near Kotli "
            "on Sunday, military sources said.",
            "PAK",
        ),
    ],
)
def test_an_unnamed_official_in_a_datelined_story_speaks_for_its_state(extractor, text, side):
    (claim,) = claims(extractor, text)
    assert claim.speaker.affiliation == side
    assert claim.act is Act.ACCUSE


def test_an_official_telling_of_his_own_army_keeps_its_side(extractor):
    text = (
        "NEW DELHI, May 6 (Reuters) - Indian troops retaliated strongly, a defence official said."
    )
    (claim,) = claims(extractor, text)
    assert claim.speaker.affiliation == "IND"
    assert claim.act is Act.ASSERT


@pytest.mark.parametrize(
    "text",
    [
        "KFOR has asked for more time to deploy along the boundary, Kurti said.",
        "UNIFIL troops were redeployed to new positions near Naqoura, the Lebanese army said.",
    ],
)
def test_a_mission_deploying_is_not_accused(extractor, text):
    claim = next(c for c in claims(extractor, text) if c.cue.text == "said")
    assert claim.act is Act.ASSERT, claim


def test_fire_ascribed_to_a_mission_is_still_an_accusation(extractor):
    text = (
        "UNIFIL peacekeepers fired on our positions near Naqoura, an Israeli army spokesman said."
    )
    (claim,) = claims(extractor, text)
    assert claim.act is Act.ACCUSE, claim
