"""Find and resolve actors (states, ministries, armies, missions, officials) in text.

The dictionary is data (`data/actors.yaml`, extended by a user file), matched with two
phrase indexes (`phrases.PhraseIndex`: aliases tokenized by a blank English tokenizer,
cached on disk): acronyms and one-word names match exactly ("US" but not "us", "Chad"
but not "chad"), longer phrases match in any case ("the Armenian defence ministry").
Both are built once in `ActorDictionary.load`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from watchline.domain import Actor, ActorKind
from watchline.extract.speakers.actors_data import PACKAGED, entries_from
from watchline.extract.speakers.phrases import PhraseIndex, tokenized

ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9.&\-]*[A-Z0-9.]$")
LEADING = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)
TRAILING = re.compile(r"(?:['’]s?)$")


@dataclass(frozen=True)
class ActorMention:
    """An actor named in the text: `text == source[start:end]`."""

    start: int
    end: int
    text: str
    actor: Actor


class ActorDictionary:
    """Canonical actors and the phrases that name them."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self._actors: dict[str, Actor] = {}
        for actor in actors:
            self._actors[actor.id] = actor
        self._nlp = spacy.blank("en")
        self._exact = PhraseIndex(lower=False)
        self._folded = PhraseIndex(lower=True)
        self._build()

    @classmethod
    def load(cls, extra: Path | None = None) -> ActorDictionary:
        """The packaged dictionary with `extra` (a user YAML file) merged over it.

        A user entry with an existing id replaces that actor; an alias a user gives to a
        new actor takes the alias from the packaged one.
        """
        actors = list(_packaged())
        if extra is not None:
            actors += [entry.actor for entry in entries_from(Path(extra))]
        return cls(actors)

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self):
        return iter(self._actors.values())

    def get(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def find(self, text: str) -> list[ActorMention]:
        """All non-overlapping actor mentions, longest first, in text order."""
        return self.find_in(self._nlp.make_doc(text), text)

    def find_in(self, doc: Doc, text: str | None = None) -> list[ActorMention]:
        """Like `find`, over a doc tokenized already (any English pipeline, any vocab);
        `text` is `doc.text` when the caller has it (rebuilding it costs a pass)."""
        owners: dict[tuple[int, int], Actor] = {}
        for matcher in (self._exact, self._folded):
            for key, start, end in matcher(doc):
                actor = self._owner.get(key)
                if actor is not None and (matcher is self._exact or self._cased(doc, start, end)):
                    owners.setdefault((start, end), actor)
        spans = filter_spans([Span(doc, start, end) for start, end in owners])
        source = doc.text if text is None else text
        mentions = [
            ActorMention(
                s.start_char,
                s.end_char,
                source[s.start_char : s.end_char],
                owners[(s.start, s.end)],
            )
            for s in spans
        ]
        return sorted(mentions + _surnames(source, mentions), key=lambda m: m.start)

    def resolve(self, phrase: str) -> Actor | None:
        """The best actor for a noun phrase ("the Azerbaijani ministry’s statement")."""
        mentions = self.find(phrase)
        if not mentions:
            core = _strip(phrase)
            exact = self._alias.get((True, core))
            if exact is not None:
                return exact
            folded = self._alias.get((False, core.lower()))
            if folded is None:
                return None
            doc = self._nlp.make_doc(core)
            return folded if self._cased(doc, 0, len(doc)) else None
        # A named person is the most specific speaker ("US State Department spokesperson
        # Mathew Miller"); otherwise the longest mention names the head institution.
        people = [m for m in mentions if m.actor.kind is ActorKind.PERSON]
        return max(people or mentions, key=lambda m: m.end - m.start).actor

    def affiliation_of(self, phrase: str) -> str | None:
        """The state or organisation a phrase speaks for, by actor or by demonym."""
        actor = self.resolve(phrase)
        if actor is not None:
            return actor.affiliation
        if self._demonym_pattern is not None:
            match = self._demonym_pattern.search(phrase)
            if match is not None:
                return self._demonyms[match.group(0)]
        return _official_of_place(phrase)

    def _cased(self, doc: Doc, start: int, end: int) -> bool:
        """A phrase matched in any case keeps its acronyms in capitals: "US defense
        secretary" and "US Defense Secretary", but not "us defense secretary"."""
        return not any(t.lower_ in self._acronyms and not t.is_upper for t in doc[start:end])

    def _build(self) -> None:
        self._acronyms: set[str] = set()
        self._alias: dict[tuple[bool, str], Actor] = {}
        self._owner: dict[str, Actor] = {}
        named = [(actor, alias) for actor in self._actors.values() for alias in actor.aliases]
        seen: dict[tuple[bool, str], tuple[str, list[str]]] = {}
        for (actor, alias), words in zip(
            named, tokenized(self._nlp, [alias for _, alias in named]), strict=True
        ):
            strict = len(words) == 1
            if not strict:
                self._acronyms.update(w.lower() for w in words if ACRONYM.match(w))
            key = (strict, alias if strict else alias.lower())
            self._alias[key] = actor
            seen[key] = (actor.id, words)  # a later definition (the user's) wins
        for (strict, _alias), (actor_id, words) in seen.items():
            (self._exact if strict else self._folded).add(actor_id, words)
            self._owner[actor_id] = self._actors[actor_id]
        self._demonyms = _demonym_codes(self._actors.values())
        names = sorted(self._demonyms, key=len, reverse=True)
        self._demonym_pattern = (
            re.compile(r"(?<![\w\-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w\-])")
            if names
            else None
        )


@lru_cache(maxsize=1)
def _packaged() -> tuple[Actor, ...]:
    return tuple(entry.actor for entry in entries_from(PACKAGED))


@lru_cache(maxsize=4)
def default_dictionary() -> ActorDictionary:
    """The packaged dictionary, built once per process."""
    return ActorDictionary.load()


def _strip(phrase: str) -> str:
    """Drop a leading article or pronoun and a trailing possessive."""
    phrase = LEADING.sub("", phrase.strip())
    return TRAILING.sub("", phrase).strip()


TITLE = (
    r"(?:governor|mayor|head|chief|officials?|authorities|administration|spokes(?:man|woman|"
    r"person)|commander|police|council|prosecutor|ombudsman)"
)
PLACE = r"([A-Z][\w\-]+(?:[ \t]+[A-Z][\w\-]+)?)"
# "Kharkiv regional governor", "Gaza’s civil defence agency spokesman"; "mayor of Odesa".
PLACE_TITLE = re.compile(rf"{PLACE}(?:['’]s)?[ \t]+(?:[a-z][\w\-]*[ \t]+){{0,3}}{TITLE}\b")
TITLE_PLACE = re.compile(rf"\b{TITLE}[ \t]+(?:of|in|for)[ \t]+(?:the[ \t]+)?{PLACE}")
PLACE_FROM = 10_000  # a town this big names the state its officials speak for


def _official_of_place(phrase: str) -> str | None:
    """The country of the town an official is named after ("Kharkiv regional governor")."""
    found = [m.group(1) for p in (PLACE_TITLE, TITLE_PLACE) for m in p.finditer(phrase)]
    names = [name for name in map(_place_words, found) if name]
    if not names:
        return None
    from watchline.geo.gazetteer.index import fold, geo_index

    for name in names:
        entries = [e for e in geo_index().get(name) if e.population >= PLACE_FROM]
        if " " not in name:  # a lone word: a town called so, before one also called so
            entries = [e for e in entries if fold(e.name) == fold(name)] or entries
        if entries:
            return entries[0].country
    return None


def _place_words(name: str) -> str:
    """`name` without leading function words: a capital at a sentence start makes "An
    army spokesperson" or "The Kharkiv governor" look like a place; "An" is also an
    alternate name of Ans (Belgium), and "Most" a Czech town."""
    words = name.split()
    while words and words[0].lower() in STOP_WORDS:
        words.pop(0)
    return " ".join(words)


def _demonym_codes(actors: Iterable[Actor]) -> dict[str, str]:
    """'Armenian' -> 'ARM', from the "<Demonym> armed forces" aliases of each army."""
    codes: dict[str, str] = {}
    for actor in actors:
        if actor.kind is ActorKind.MILITARY and actor.id.endswith(".mil") and actor.affiliation:
            for alias in actor.aliases:
                if alias.endswith(" armed forces") and alias[0].isupper():
                    codes.setdefault(alias.removesuffix(" armed forces"), actor.affiliation)
    return codes


def _surnames(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """Later bare surnames of people named in full ("… Mathew Miller … said Miller")."""
    first: dict[str, ActorMention] = {}  # surname -> its first full mention
    for mention in mentions:
        words = mention.text.split()
        # "Kremlin spokesman" names Peskov by his post: "spokesman" is no surname
        if mention.actor.kind is ActorKind.PERSON and len(words) >= 2 and words[-1][:1].isupper():
            first.setdefault(words[-1], mention)
    if not first:
        return []
    taken = bytearray(len(text))
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, first)) + r")\b")
    found: list[ActorMention] = []
    for match in pattern.finditer(text):
        owner = first[match.group(0)]
        start, end = match.span()
        if start >= owner.end and taken.find(1, start, end) == -1:
            found.append(ActorMention(start, end, match.group(0), owner.actor))
    return found
