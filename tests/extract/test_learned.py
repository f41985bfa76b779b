"""The learned act and event-type classifiers: packaged models, training, combination rule.

The sentences are our own. The classifiers are real spaCy models: the packaged ones, or
ones trained here on a tiny fixture, never stand-ins.
"""

from __future__ import annotations

import socket
from datetime import date

import pytest

from watchline.domain import Act, EventType
from watchline.errors import WatchlineError
from watchline.extract.learned import models
from watchline.extract.learned.corpus import Example, collect, pairs
from watchline.extract.learned.relabel import choose, relabel
from watchline.extract.learned.train import scores_of, train_part
from watchline.extract.pipeline import learned_from_environment


def _example(text: str, act: str, event: str) -> Example:
    return Example(
        text=text,
        rule_act="assert",
        rule_event="other",
        cue_act="assert",
        gold_act=act,
        gold_event=event,
        gold_agent=None,
        pred_agent=None,
        affiliation_ok=True,
    )


TINY = [
    _example(
        "xcue_say xact_assert | said | the enemy shelled our border posts", "accuse", "attack"
    ),
    _example(
        "xcue_say xact_assert | said | hostile artillery fired at the village", "accuse", "attack"
    ),
    _example(
        "xcue_say xact_assert | said | its brigade held drills near the lake", "assert", "exercise"
    ),
    _example(
        "xcue_say xact_assert | said | our units trained at the range today", "assert", "exercise"
    ),
    _example(
        "xcue_say xact_assert | said | any incursion will meet a firm answer", "warn", "other"
    ),
    _example(
        "xcue_say xact_assert | said | talks on the border resume next week", "assert", "diplomacy"
    ),
]


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Everything here runs offline: any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("the learned parts tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_packaged_models_load_offline_once_with_their_labels():
    loaded = models.packaged()
    assert models.packaged() is loaded  # once per process
    for part in models.PARTS:
        nlp, meta = loaded[part]
        assert meta["part"] == part and meta["seed"] == 0
        assert set(nlp.get_pipe("textcat").labels) == set(models.LABELS[part])
        cats = nlp("xcue_say xact_assert | said | the army shelled the border village").cats
        assert set(cats) == set(models.LABELS[part])
        assert sum(cats.values()) == pytest.approx(1.0, abs=1e-4)
    assert models.PACKAGED.is_relative_to(models.Path(models.__file__).parents[2])


def test_a_damaged_model_folder_is_a_coded_error(tmp_path):
    (tmp_path / "act" / "textcat").mkdir(parents=True)
    (tmp_path / "act" / "textcat" / "model").write_bytes(b"not a model")
    with pytest.raises(WatchlineError) as err:
        models.load(tmp_path / "act", "act")
    assert err.value.code == "E950" and "act" in err.value.message


def test_training_on_a_tiny_fixture_is_deterministic_and_learns_it():
    first = train_part(TINY, "act", seed=3, epochs=8)
    second = train_part(TINY, "act", seed=3, epochs=8)
    assert first.get_pipe("textcat").model.to_bytes() == second.get_pipe("textcat").model.to_bytes()
    events = train_part(TINY, "event", seed=3, epochs=8)
    probe = [_example("xcue_say xact_assert | said | the enemy shelled the posts", "x", "x")]
    act_scores, event_scores = scores_of(first, probe)[0], scores_of(events, probe)[0]
    assert max(act_scores, key=act_scores.__getitem__) == "accuse"
    assert max(event_scores, key=event_scores.__getitem__) == "attack"


def test_the_classifier_overrides_only_when_confident_and_not_locked():
    scores = {"accuse": 0.85, "assert": 0.10, "warn": 0.05}
    assert choose("assert", scores, 0.8, locked=False) == "accuse"
    assert choose("assert", scores, 0.9, locked=False) == "assert"  # not confident enough
    assert choose("deny", scores, 0.8, locked=True) == "deny"  # the cue names the act
    assert choose("assert", {"accuse": 0.5, "warn": 0.5}, 0.5, locked=False) == "accuse"
    assert choose("assert", {}, 0.0, locked=False) == "assert"


def test_relabel_keeps_certain_cues_and_drops_the_doer_of_an_other_event(extractor):
    """A classifier trained to say `warn` / `other` to everything, run on real claims."""
    everything = [_example(e.text, "warn", "other") for e in TINY] * 4
    trained = {
        part: (train_part(everything, part, seed=1, epochs=60), {}) for part in ("act", "event")
    }
    text = (
        "Armenia's defence ministry denied that its troops fired at Azerbaijani positions. "
        "Azerbaijan's defence ministry said Armenian forces shelled its posts near Sotk."
    )
    claims = extractor.extract(text, date(2024, 4, 1))
    assert [c.act for c in claims] == [Act.DENY, Act.ACCUSE]
    assert claims[1].event.agent is not None
    scores = trained["act"][0](
        "xcue_say xact_accuse | said | Armenian forces shelled its posts near Sotk"
    ).cats
    events = trained["event"][0](
        "xcue_say xact_accuse | said | Armenian forces shelled its posts near Sotk"
    ).cats
    assert scores["warn"] >= 0.5 and events["other"] >= 0.5
    out = relabel(claims, extractor.nlp(text), extractor.cues, trained, 0.5, 0.5)
    assert out[0].act is Act.DENY  # "denied" names the act: the rules' decision stays
    assert out[1].act is Act.WARN and out[1].meta["learned"] is True
    assert out[1].event.type is EventType.OTHER and out[1].event.agent is None
    assert [c.content for c in out] == [c.content for c in claims]  # spans stay the rules'
    assert relabel(claims, extractor.nlp(text), extractor.cues, trained, 1.01, 1.01) == claims


def test_pairs_are_one_to_one_by_content_overlap():
    gold = [{"content_start": 0, "content_end": 10}, {"content_start": 20, "content_end": 30}]
    assert pairs(gold, [(21, 30), (0, 9), (0, 8), (50, 60)]) == [(1, 0), (0, 1)]


def test_training_without_any_gold_is_a_coded_error(tmp_path, extractor):
    with pytest.raises(WatchlineError) as err:
        collect(tmp_path, extractor, log=lambda _: None)
    assert err.value.code == "E951"


@pytest.mark.parametrize(
    ("value", "on"), [("1", True), ("yes", True), (" TRUE ", True), ("0", False), ("", False)]
)
def test_the_classifiers_are_off_unless_the_environment_turns_them_on(monkeypatch, value, on):
    monkeypatch.setenv("WATCHLINE_EXTRACT_LEARNED", value)
    assert learned_from_environment() is on


def test_the_default_extractor_leaves_act_and_event_type_to_the_rules(extractor):
    if learned_from_environment():
        pytest.skip("WATCHLINE_EXTRACT_LEARNED turns the classifiers on in this run")
    assert extractor.learned is False
    claims = extractor.extract("The ministry said Armenian forces shelled its posts.", None)
    assert claims and all("learned" not in c.meta for c in claims)
