"""Copies: reposts, forwards, retweets and the same statement on two sites.

A copy repeats what someone else published; it is never independent confirmation. We
compare normalised word shingles (lower case, no URLs, no "RT @handle:" prefix, no
punctuation) with the Jaccard index: two texts that share most of their three-word
sequences are the same statement, whatever the site or the layout. A document marked as
forwarded (a Telegram forward) or starting with "RT @" only needs a weaker match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from watchline.domain import Claim, Document

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

    def _shingles(self, claim: Claim) -> frozenset[tuple[str, ...]]:
        if claim.id not in self._cache:
            self._cache[claim.id] = shingles(claim.content.text, self.size)
        return self._cache[claim.id]

    def original_of(self, claim: Claim, earlier: list[Claim]) -> str | None:
        """The most similar earlier claim from another document, when similar enough."""
        document = self.documents.get(claim.document_id or "")
        bar = self.forward_similarity if is_repost(document) else self.similarity
        best: tuple[float, str] | None = None
        mine = self._shingles(claim)
        for other in earlier:
            if other.document_id == claim.document_id:
                continue
            if other.event.type != claim.event.type:
                continue
            score = jaccard(mine, self._shingles(other))
            if score >= bar and (best is None or score > best[0]):
                best = (score, other.id)
        return best[1] if best else None
