"""Cue and ontology lexicons: packaged, extended by a user's file, bad files refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from watchline.domain import Act, EventType
from watchline.errors import InputError
from watchline.extract.lexicon import load_cues, load_ontology


def test_lexicon_packaged_cues_cover_every_act():
    cues = load_cues()
    assert {cue.act for cue in cues.verbs.values()} == set(Act)
    assert cues.verbs["call"].particles["on"] is Act.APPEAL
    assert "bear responsibility" in cues.markers[Act.WARN]


def test_lexicon_packaged_ontology_maps_every_type_to_plover():
    ontology = load_ontology()
    assert set(ontology.senses) == set(EventType)
    assert ontology.plover(EventType.ATTACK) == ("ASSAULT", None)
    assert ontology.plover(EventType.MOBILIZE)[0] == "MOBILIZE"
    assert ontology.plover(EventType.DIPLOMACY)[0] == "CONSULT"


def test_lexicon_user_cue_file_extends_the_extractor(tmp_path: Path):
    from watchline.extract import Extractor

    extra = tmp_path / "cues.yaml"
    extra.write_text("verbs:\n  lament: {act: accuse, frames: [clause]}\n", encoding="utf-8")
    assert load_cues(extra).verbs["lament"].act is Act.ACCUSE
    extractor = Extractor.load(cues_file=extra)
    (claim,) = extractor.extract(
        "Ukraine’s foreign ministry lamented that Russian drones had hit a hospital in Sumy.",
        date(2024, 4, 1),
    )
    assert (claim.act, claim.event.type, claim.speaker.affiliation) == (
        Act.ACCUSE,
        EventType.ATTACK,
        "UKR",
    )


def test_lexicon_user_ontology_adds_triggers(tmp_path: Path):
    extra = tmp_path / "ontology.yaml"
    extra.write_text("event_types:\n  fortify:\n    lemmas: [berm]\n", encoding="utf-8")
    assert "berm" in load_ontology(extra).senses[EventType.FORTIFY].lemmas


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("verbs:\n  say: {act: shout, frames: [clause]}\n", "E102"),
        ("verbs:\n  say: {act: assert, frames: [sideways]}\n", "E102"),
        ("verbs: [not, a, mapping\n", "E100"),
        ("- just\n- a list\n", "E100"),
    ],
)
def test_lexicon_bad_user_file_is_a_clear_error(tmp_path: Path, content, code):
    extra = tmp_path / "cues.yaml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_cues(extra)
    assert error.value.code == code
    assert str(extra) in error.value.message or "say" in error.value.message


def test_lexicon_unknown_event_type_is_refused(tmp_path: Path):
    extra = tmp_path / "ontology.yaml"
    extra.write_text("event_types:\n  looting:\n    lemmas: [loot]\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_ontology(extra)
    assert error.value.code == "E102" and "looting" in error.value.message
