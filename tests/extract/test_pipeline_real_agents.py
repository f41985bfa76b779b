"""Agents the real-article yardstick showed lost: the accused of a general accusation and
a party's own forces answering an attack (GUIDE.md §4). Sentences written for this file.
"""

from __future__ import annotations

from datetime import date

import pytest

SUNDAY = date(2024, 9, 1)


def _rows(extractor, text: str) -> list[tuple]:
    rows = []
    for claim in extractor.extract(text, SUNDAY):
        agents = [a.affiliation for a in claim.event.agents]
        rows.append((claim.speaker.affiliation, claim.act.value, claim.event.type.value, agents))
    return rows


ACCUSED = [
    ("Ukraine accused Moscow of propping up the separatists in Donetsk.", "RUS"),
    ("Islamabad accused Kabul of giving militants a safe haven.", "AFG"),
    ("Caracas accused Bogota of exporting its internal conflict.", "COL"),
    ("Addis Ababa accused Eritrea of meddling in Tigray.", "ERI"),
]


@pytest.mark.parametrize(("text", "agent"), ACCUSED)
def test_pipeline_the_accused_is_the_agent_of_a_general_accusation(extractor, text, agent):
    ((_, act, event_type, agents),) = _rows(extractor, text)
    assert (act, event_type, agents) == ("accuse", "other", [agent])


def test_pipeline_a_general_statement_still_has_no_doer(extractor):
    text = "Armenia's foreign ministry said the situation on the border remained tense."
    ((_, _, event_type, agents),) = _rows(extractor, text)
    assert (event_type, agents) == ("other", [])


ANSWERING = [
    ("Pakistani troops opened fire overnight, an Indian army spokesman said. The "
     "spokesman said army troops responded appropriately with small arms.", "IND"),
    ("Drones attacked the port, Sudan's army said. It added that air defences managed "
     "to shoot down most of them.", "SDN"),
    ("Azerbaijani forces shelled Sotk, Armenia's defence ministry said. The ministry "
     "said units retaliated with artillery.", "ARM"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "agent"), ANSWERING)
def test_pipeline_forces_answering_an_attack_are_the_speakers_own(extractor, text, agent):
    rows = _rows(extractor, text)
    assert rows[-1][2:] == ("attack", [agent])


def test_pipeline_unnamed_troops_that_attack_stay_without_a_doer(extractor):
    text = "Troops shelled the outskirts of Kharkiv overnight, the regional governor said."
    ((_, _, event_type, agents),) = _rows(extractor, text)
    assert (event_type, agents) == ("attack", [])


OWN_THREATS = [
    ("\u201cWe are not afraid of Indian aggression. We have the capability to respond in a "
     "befitting manner,\u201d Pakistan's foreign ministry said.", "PAK"),
    ("\u201cAny incursion will be met with force and our army will crush the aggressor,\u201d "
     "Armenia's defence ministry warned.", "ARM"),
    ("“We will retaliate against any provocation on the Line of Control,” the Indian "
     "army said.", "IND"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "agent"), OWN_THREATS)
def test_pipeline_a_first_person_threat_is_the_speakers_own_act(extractor, text, agent):
    ((_, act, _, agents),) = _rows(extractor, text)
    assert (act, agents[:1]) == ("warn", [agent])


def test_pipeline_a_warning_about_the_other_side_keeps_its_doer(extractor):
    text = "Armenia's defence ministry warned that Azerbaijan could attack Syunik."
    ((_, act, _, agents),) = _rows(extractor, text)
    assert (act, agents) == ("warn", ["AZE"])
