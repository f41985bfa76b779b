"""The actor dictionary's phrase index and its token cache on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from watchline.extract.speakers import phrases
from watchline.extract.speakers.actors import ActorDictionary
from watchline.extract.speakers.phrases import PhraseIndex, tokenized


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("WATCHLINE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_phrases_match_by_text_or_lower_case_overlapping_ones_too() -> None:
    nlp = spacy.blank("en")
    exact, folded = PhraseIndex(lower=False), PhraseIndex(lower=True)
    exact.add("chad", ["Chad"])
    folded.add("unifil", ["@UNIFIL", "_"])  # "_" is one of spaCy's symbols, not a hash
    folded.add("mod", ["defence", "ministry"])
    folded.add("mod-am", ["Armenian", "defence", "ministry"])
    doc = nlp.make_doc("The Armenian Defence Ministry, Chad and chad, and @UNIFIL_ said")
    assert exact(doc) == [("chad", 5, 6)]
    found = folded(doc)
    assert ("mod-am", 1, 4) in found and ("mod", 2, 4) in found
    assert ("unifil", 10, 12) in found


def test_alias_tokens_are_cached_and_a_damaged_cache_is_rebuilt(cache: Path) -> None:
    nlp = spacy.blank("en")
    aliases = ["the Armenian defence ministry", "US", "@UNIFIL_"]
    first = tokenized(nlp, aliases)
    assert first == [["the", "Armenian", "defence", "ministry"], ["US"], ["@UNIFIL", "_"]]
    [written] = cache.glob("actor-tokens-*.json")
    written.write_text('[["only one"]]')  # the wrong length: not this list's cache
    assert tokenized(nlp, aliases) == first
    written.write_bytes(b"\xff not json")
    assert tokenized(nlp, aliases) == first
    assert tokenized(nlp, [*aliases, "Chad"])[-1] == ["Chad"]  # another list, another file
    assert len(list(cache.glob("actor-tokens-*.json"))) == 2


def test_the_dictionary_reads_its_cache_instead_of_tokenizing(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = ActorDictionary.load()
    assert list(cache.glob("actor-tokens-*.json"))

    def no_tokenizing(*_args: object) -> None:
        raise AssertionError("tokenized the aliases again although the cache holds them")

    monkeypatch.setattr(phrases, "_tokenize", no_tokenizing)
    again = ActorDictionary.load()
    text = "The Azerbaijani Defence Ministry and UNIFIL said the US denied it."
    assert [(m.start, m.end, m.actor.id) for m in again.find(text)] == [
        (m.start, m.end, m.actor.id) for m in built.find(text)
    ]


def test_an_unwritable_cache_folder_still_works(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("WATCHLINE_CACHE_DIR", str(blocker / "cache"))
    assert tokenized(spacy.blank("en"), ["Chad"]) == [["Chad"]]
