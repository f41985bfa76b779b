"""Appeals and their addressees, a class the real-article yardstick showed weak.

Appeals on real journalism come in more shapes than "called on X to …": an addressee
after "appealed to" or "pleaded with", verbs that ask only with an addressee and an
infinitive ("pressed Caracas to …", "told Venezuela to stop …"), diplomatic prose that
asks without a verb of asking ("stressed the need for restraint", "both sides should
exercise restraint"), and the addressee is
who is asked to act, so it is the agent even of a general event ("to show restraint").
Sentences written for this file, from several theatres.
"""

from __future__ import annotations

from datetime import date

import pytest

FRIDAY = date(2024, 5, 10)


def _rows(extractor, text: str) -> list[tuple]:
    rows = []
    for claim in extractor.extract(text, FRIDAY):
        agents = [a.affiliation or a.actor_id for a in claim.event.agents]
        rows.append((claim.speaker.affiliation, claim.act.value, agents, claim.content.text))
    return rows


# --- 1. addressees after a preposition, verbs that ask only with an addressee -----------

SHAPES = [
    ("The African Union appealed to Rwanda and the DR Congo to withdraw their forces "
     "from the border area.",
     ("AU", "appeal", "Rwanda and the DR Congo to withdraw their forces from the border area")),
    ("The AU Commission chairperson pleaded with the warring parties to lay down their "
     "arms.", ("AU", "appeal", "the warring parties to lay down their arms")),
    ("Washington pressed Caracas to respect the border with Guyana.",
     ("USA", "appeal", "Caracas to respect the border with Guyana")),
    ("The OSCE encouraged the sides to resume the talks in Vienna.",
     ("OSCE", "appeal", "the sides to resume the talks in Vienna")),
    ("Colombia's president invited the rebels to return to the negotiating table.",
     ("COL", "appeal", "the rebels to return to the negotiating table")),
    ("Britain told Venezuela to stop its military build-up near the border.",
     ("GBR", "appeal", "Venezuela to stop its military build-up near the border")),
    ("The Kremlin requested that Ukraine return the bodies of the soldiers.",
     ("RUS", "appeal", "Ukraine return the bodies of the soldiers")),
    ("The UN said both sides should exercise restraint.",
     ("UN", "appeal", "both sides should exercise restraint")),
    ("The Secretary-General stressed the need for restraint between Kinshasa and Kigali.",
     ("UN", "appeal", "restraint between Kinshasa and Kigali")),
    ("The OSCE emphasised the importance of respecting the ceasefire in Transnistria.",
     ("OSCE", "appeal", "respecting the ceasefire in Transnistria")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SHAPES)
def test_pipeline_appeal_shapes_are_statements(extractor, text, expected):
    ((affiliation, act, _, content),) = _rows(extractor, text)
    assert (affiliation, act, content) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The minister pressed ahead with the reform of the border police.",
        "Analysts expect the talks to resume next month.",
        "The delegation was invited to Geneva for the next round.",
        "The OSCE encouraged by the calm, resumed its patrols on Monday.",
        "She asked that her surname not be used.",
        "The minister told reporters on Monday.",
        "Residents told the volunteers to leave the village.",
        "There is no need for alarm, the ministry said.",
        "The OSCE did not stress the need for talks.",
    ],
)
def test_pipeline_asking_verbs_without_an_addressee_and_infinitive_are_no_appeal(extractor, text):
    assert [row for row in _rows(extractor, text) if row[1] == "appeal"] == []


# --- 2. the addressee named is the agent, whatever the event ---------------------------

ADDRESSEES = [
    ("The European Union called on Armenia and Azerbaijan to refrain from any further "
     "escalation.", ["ARM", "AZE"]),
    ("Tajikistan's foreign ministry urged Kyrgyzstan to investigate the incident.", ["KGZ"]),
    ("The mission called on the governments of Sudan and South Sudan to support the "
     "implementation of its mandate.", ["SDN", "SSD"]),
    ("Kosovo's government demanded that Serbia withdraw its troops from the border.", ["SRB"]),
    ("Georgia's foreign ministry called on Moscow to release the detained farmers.", ["RUS"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "agents"), ADDRESSEES)
def test_pipeline_appeal_agent_is_its_named_addressee(extractor, text, agents):
    ((_, act, found, _),) = _rows(extractor, text)
    assert (act, found) == ("appeal", agents)


def test_pipeline_appeal_to_both_sides_names_no_doer(extractor):
    text = (
        "Thai troops shelled Cambodian positions, Cambodia said. Thailand denied it. "
        "The UN urged both sides to show restraint."
    )
    appeals = [row for row in _rows(extractor, text) if row[1] == "appeal"]
    assert [row[2] for row in appeals] == [[]]


def test_pipeline_appeal_addressee_is_not_the_speaker_itself(extractor):
    text = "India's foreign ministry urged Indian citizens in the region to avoid travel."
    ((_, act, agents, _),) = _rows(extractor, text)
    assert act == "appeal" and "IND" not in agents
