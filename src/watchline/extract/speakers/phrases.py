"""Token phrases matched over a spaCy Doc: the actor dictionary's matcher.

The dictionary has some 60,000 aliases. spaCy's `PhraseMatcher` needs each one as a Doc,
and making 60,000 Docs took 3-4 s at every start of the CLI. Matching needs only the
aliases' tokens: they are tokenized once with the blank English tokenizer, cached on
disk (`watchline.disk_cache`, keyed by a digest of the aliases and the spaCy version)
and looked up here as tuples of the tokens' string ids, by exact text (ORTH) or lower
case (LOWER), as the PhraseMatcher did. spaCy's ids (a symbol's number, else a hash of
the string) are the same in every vocabulary, so a doc of any English pipeline matches.
A phrase is only tried where its first tokens are a known prefix, so a token that
starts no alias costs one set lookup.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import spacy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

FORMAT = 1


class PhraseIndex:
    """Token sequences -> key; `lower=True` compares tokens in lower case."""

    def __init__(self, lower: bool) -> None:
        self.lower = lower
        self._attr = LOWER if lower else ORTH
        self._keys: dict[tuple[int, ...], str] = {}
        self._prefixes: set[tuple[int, ...]] = set()
        self._firsts: set[int] = set()

    def add(self, key: str, tokens: Sequence[str]) -> None:
        """Add a phrase; a later phrase with the same tokens takes it over (a user's
        entry is added after the packaged ones)."""
        phrase = tuple(get_string_id(t.lower() if self.lower else t) for t in tokens)
        if not phrase:
            return
        self._keys[phrase] = key
        self._firsts.add(phrase[0])
        self._prefixes.update(phrase[:n] for n in range(1, len(phrase)))

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(key, start, end) of every phrase in the doc, overlapping ones included, in
        order of start then end."""
        words = doc.to_array(self._attr).tolist() if len(doc) else []
        keys, prefixes, firsts = self._keys, self._prefixes, self._firsts
        found = []
        for start, word in enumerate(words):
            if word not in firsts:
                continue
            end = start + 1
            while end <= len(words):
                phrase = tuple(words[start:end])
                key = keys.get(phrase)
                if key is not None:
                    found.append((key, start, end))
                if phrase not in prefixes:
                    break
                end += 1
        return found


def tokenized(nlp: Language, aliases: list[str]) -> list[list[str]]:
    """The tokens of each alias, from the disk cache when it holds this exact list."""
    from watchline.disk_cache import cached_json

    digest = hashlib.sha256()
    for alias in aliases:
        digest.update(alias.encode("utf-8", "surrogatepass") + b"\x00")
    name = f"actor-tokens-v{FORMAT}-{spacy.__version__}-{digest.hexdigest()[:24]}.json"

    def valid(value: Any) -> bool:
        return isinstance(value, list) and len(value) == len(aliases)

    return cached_json(name, lambda: _tokenize(nlp, aliases), valid)


def _tokenize(nlp: Language, aliases: list[str]) -> list[list[str]]:
    return [[t.text for t in nlp.make_doc(alias)] for alias in aliases]
