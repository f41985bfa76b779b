"""Copies: reposts, forwards, retweets and the same statement on two sites.

A copy repeats what someone else published; it is never independent confirmation. We
compare normalised word shingles (lower case, no URLs, no "RT @handle:" prefix, no
punctuation) with the Jaccard index: two texts that share most of their three-word
sequences are the same statement, whatever the site or the layout. A document marked as
forwarded (a Telegram forward) or starting with "RT @" only needs a weaker match.

Across languages no words are shared, so a translation ("Минобороны Азербайджана
заявило …" relaying the ministry's English statement) is matched through the structured
fields instead: the same speaker, act, event type, agents and day, at the same places.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping

from watchline.domain import Claim, Document
from watchline.link.model import is_against

_URL = re.compile(r"https?://\S+")
_RETWEET = re.compile(r"^\s*RT\s+@\w+:?\s*", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def normalise(text: str) -> list[str]:
    """Words of `text` without URLs, retweet prefix, accents or case."""
    text = _RETWEET.sub("", _URL.sub(" ", text))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _WORD.findall(text.casefold())


def shingles(text: str, size: int = 3) -> frozenset[tuple[str, ...]]:
    words = normalise(text)
    if len(words) < size:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


Facts = tuple[str, str, str, frozenset[str | None], str]


def facts(claim: Claim) -> Facts | None:
    """What a translation keeps of a claim: speaker, act, event type, agents and day;
    None for a claim without a known speaker or day (nothing to tell it by)."""
    if claim.speaker.actor_id is None or claim.stated_on is None:
        return None
    agents = frozenset(a.affiliation for a in claim.event.agents)
    return (
        claim.speaker.actor_id,
        claim.act.value,
        claim.event.type.value,
        agents,
        claim.stated_on.isoformat(),
    )


def same_places(a: Claim, b: Claim) -> bool:
    """Both name no place, or they share a gazetteer entry."""
    mine = {p.place_id for p in a.event.places if p.place_id}
    theirs = {p.place_id for p in b.event.places if p.place_id}
    return mine == theirs if not (mine and theirs) else bool(mine & theirs)


def is_repost(document: Document | None) -> bool:
    """A Telegram forward, a retweet or a document that says whose post it repeats."""
    if document is None:
        return False
    return bool(document.forwarded_from) or bool(_RETWEET.match(document.text))


class CopyFinder:
    """Finds, for a claim, the earlier claim it copies (if any)."""

    def __init__(
        self,
        documents: Mapping[str, Document],
        similarity: float,
        forward_similarity: float,
        shingle_size: int,
    ) -> None:
        self.documents = documents
        self.similarity = similarity
        self.forward_similarity = forward_similarity
        self.size = shingle_size
        self._cache: dict[str, frozenset[tuple[str, ...]]] = {}
        self._rank: dict[tuple[str, ...], tuple[int, tuple[str, ...]]] = {}

    def _shingles(self, claim: Claim) -> frozenset[tuple[str, ...]]:
        if claim.id not in self._cache:
            self._cache[claim.id] = shingles(claim.content.text, self.size)
        return self._cache[claim.id]

    def prepare(self, claims: Iterable[Claim]) -> None:
        """Rank every shingle of the run by how many claims hold it (rarest first), so
        that blocking can file and ask each claim under its rarest shingles only."""
        counts: Counter[tuple[str, ...]] = Counter()
        for claim in claims:
            counts.update(self._shingles(claim))
        self._rank = {shingle: (n, shingle) for shingle, n in counts.items()}

    def _prefix(self, claim: Claim, bar: float) -> list[tuple[str, ...]]:
        """The rarest shingles of a claim that any copy at Jaccard >= `bar` must share
        with it (prefix filtering: two sets with at least ceil(bar * |set|) shingles in
        common share one among the first |set| - ceil(bar * |set|) + 1 of each, in any
        one fixed order)."""
        mine = sorted(self._shingles(claim), key=lambda s: self._rank.get(s, (0, s)))
        needed = math.ceil(bar * len(mine) - 1e-9)  # rounding can only lengthen the prefix
        return mine[: max(0, len(mine) - max(needed, 0) + 1)]

    def _bar(self, claim: Claim) -> float:
        document = self.documents.get(claim.document_id or "")
        return self.forward_similarity if is_repost(document) else self.similarity

    def filed(self, claim: Claim, against: bool) -> list[tuple[object, ...]]:
        """Blocking keys a claim is filed under: its type and polarity, alone and with
        each of its shingles (see `link.blocking`)."""
        kind = ("copy", claim.event.type, against)
        lowest = min(self.similarity, self.forward_similarity)  # any later claim's bar
        keys: list[tuple[object, ...]] = [kind]
        keys += [(*kind, shingle) for shingle in self._prefix(claim, lowest)]
        found = facts(claim)
        return [*keys, ("translation", *found)] if found is not None else keys

    def asked(self, claim: Claim, against: bool) -> list[object]:
        """Keys whose claims could be what `claim` copies: above a positive bar, a copy
        shares one of its rarest shingles; with no bar, every claim of its type and polarity."""
        kind = ("copy", claim.event.type, against)
        bar = self._bar(claim)
        if bar <= 0 or min(self.similarity, self.forward_similarity) <= 0:
            return [kind]
        found = facts(claim)
        keys: list[object] = [(*kind, shingle) for shingle in self._prefix(claim, bar)]
        return [*keys, ("translation", *found)] if found is not None else keys

    def original_of(self, claim: Claim, earlier: list[Claim]) -> str | None:
        """The most similar earlier claim from another document, when similar enough."""
        bar = self._bar(claim)
        against = is_against(claim)  # a denial copies denials, an allegation allegations
        best: tuple[float, str] | None = None
        mine = self._shingles(claim)
        for other in earlier:
            if other.document_id == claim.document_id:
                continue
            if other.event.type != claim.event.type or is_against(other) != against:
                continue
            score = jaccard(mine, self._shingles(other))
            if score >= bar and (best is None or score > best[0]):
                best = (score, other.id)
        return best[1] if best else self._translated(claim, earlier)

    def _language(self, claim: Claim) -> str | None:
        document = self.documents.get(claim.document_id or "")
        return document.language if document is not None else None

    def _translated(self, claim: Claim, earlier: list[Claim]) -> str | None:
        """The earlier claim in another language that this one restates, fact for fact."""
        mine, language = facts(claim), self._language(claim)
        if mine is None or language is None:
            return None
        for other in reversed(earlier):
            theirs = self._language(other)
            if (
                other.document_id != claim.document_id
                and theirs is not None
                and theirs != language
                and facts(other) == mine
                and same_places(claim, other)
            ):
                return other.id
        return None
