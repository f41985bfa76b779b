"""Actors named in Russian text, found by lemma so that every case form matches.

The actors and their ids are those of the actor dictionary (`data/actors.yaml`); every
Cyrillic alias there is matched word by word on lemmas ("Министерству обороны Армении"
is the alias "Министерство обороны Армении"). `data/ru/actors.yaml` adds the Russian
phrasings of each state's institutions, generated from templates like the English ones,
and a few short forms Russian news uses alone (ВСУ, ГПС).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from watchline.domain import Actor, ActorKind
from watchline.extract.russian.lemmas import keys
from watchline.extract.russian.lexicon import read_packaged
from watchline.extract.russian.parse import Sentence

CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
WORD = re.compile(r"[\w@.\-]+")


@dataclass(frozen=True)
class RuMention:
    """An actor named in the text: `text == source[start:end]`; tokens of one sentence."""

    start: int
    end: int
    text: str
    actor: Actor
    sentence: int
    first: int
    last: int


Pattern = tuple[tuple[frozenset[str], ...], str]  # per-word keys, actor id


class RussianActors:
    """Lemma patterns for every Cyrillic name of every actor."""

    def __init__(self, actors: Iterable[Actor], extra: dict | None = None) -> None:
        self.actors: dict[str, Actor] = {a.id: a for a in actors}
        adjectives = (extra or read_packaged("actors.yaml")).get("adjectives") or {}
        states = {a.affiliation: a for a in self.actors.values() if a.kind is ActorKind.STATE}
        self.adjectives: dict[str, Actor] = {
            str(adj).replace("ё", "е"): states[code]
            for code, adjs in adjectives.items()
            if code in states
            for adj in adjs
        }
        self.state_names = {
            a.affiliation: a.name
            for a in self.actors.values()
            if a.kind is ActorKind.STATE and a.affiliation
        }
        self._index: dict[str, list[Pattern]] = {}
        seen: set[tuple[tuple[frozenset[str], ...], str]] = set()
        for actor_id, phrase in self._phrases(extra or read_packaged("actors.yaml")):
            words = tuple(keys(w) for w in WORD.findall(phrase))
            if not words or (actor_id and (words, actor_id) in seen):
                continue
            seen.add((words, actor_id))
            for key in words[0]:
                self._index.setdefault(key, []).append((words, actor_id))

    def _phrases(self, data: dict) -> Iterable[tuple[str, str]]:
        for actor in self.actors.values():
            for alias in actor.aliases:
                if CYRILLIC.search(alias):
                    yield actor.id, alias
        adjectives = {str(k): list(v) for k, v in (data.get("adjectives") or {}).items()}
        for state in self.actors.values():
            if state.kind is not ActorKind.STATE or not state.affiliation:
                continue
            names = [a for a in state.aliases if CYRILLIC.search(a)]
            adjs = adjectives.get(state.affiliation, [])
            for body, templates in (data.get("bodies") or {}).items():
                actor_id = f"{state.id}.{body}"
                if actor_id not in self.actors:
                    continue
                for template in templates:
                    fills = adjs if "{A}" in template else names
                    for fill in fills:
                        yield actor_id, template.replace("{N}", fill).replace("{A}", fill)
        for actor_id, aliases in (data.get("aliases") or {}).items():
            if actor_id in self.actors:
                for alias in aliases:
                    yield actor_id, str(alias)

    def find(self, text: str, sentences: list[Sentence]) -> list[RuMention]:
        """Every actor mention, longest first where two start at one word, none overlapping."""
        found: list[RuMention] = []
        for s, sentence in enumerate(sentences):
            tokens = sentence.tokens
            i = 0
            while i < len(tokens):
                best: tuple[int, str] | None = None
                for key in tokens[i].keys:
                    for words, actor_id in self._index.get(key, ()):
                        n = len(words)
                        if i + n > len(tokens) or (best and n <= best[0]):
                            continue
                        if all(tokens[i + k].keys & words[k] for k in range(n)):
                            best = (n, actor_id)
                if best is None:
                    i += 1
                    continue
                n, actor_id = best
                start, end = tokens[i].start, tokens[i + n - 1].end
                actor = self.actors[actor_id]
                found.append(RuMention(start, end, text[start:end], actor, s, i, i + n - 1))
                i += n
        return found
