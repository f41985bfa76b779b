"""The Russian extractor: natasha parse, then lemma lexicons and syntax rules over it.

Built once per process (the models, the actor patterns, the lexicons); `extract` parses
a document once. Output is the same domain `Claim` the English pipeline gives, so the
contract, the store, linking and verification need nothing of their own.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from watchline.domain import Claim
from watchline.errors import Errors, WatchlineError
from watchline.extract.russian.actors import RussianActors
from watchline.extract.russian.claims import ClaimMaker, Context
from watchline.extract.russian.dates import find_dates, statement_day
from watchline.extract.russian.lexicon import load_ru_cues, load_ru_events
from watchline.extract.russian.places import find_places
from watchline.extract.russian.statements import find_statements


class RussianExtractor:
    """Finds attributed statements in Russian text."""

    def __init__(self, actors: RussianActors, gazetteer: Any, cues, events, version: str) -> None:
        self.actors = actors
        self.gazetteer = gazetteer
        self.cues = cues
        self.events = events
        self.version = version

    @classmethod
    def load(
        cls,
        *,
        actors: Any,
        gazetteer: Any,
        version: str,
        cues_file: Path | None = None,
        events_file: Path | None = None,
    ) -> RussianExtractor:
        """Load natasha's models and build the Russian patterns of `actors`' entries."""
        try:
            from watchline.extract.russian.parse import models

            models()
        except ImportError as exc:
            raise WatchlineError(Errors.E940, reason=str(exc)) from None
        patterns = RussianActors(list(actors) if actors is not None else [])
        return cls(
            patterns, gazetteer, load_ru_cues(cues_file), load_ru_events(events_file), version
        )

    def extract(
        self, text: str, published_on: date | None = None, document_id: str | None = None
    ) -> list[Claim]:
        """The claims of one Russian document, in text order, with ids c1, c2, …"""
        from watchline.extract.russian.parse import parse

        sentences = parse(text)
        mentions = self.actors.find(text, sentences)
        taken = {(m.sentence, i) for m in mentions for i in range(m.first, m.last + 1)}
        places = find_places(text, sentences, self.gazetteer, taken) if self.gazetteer else []
        dates = find_dates(text, published_on)
        ctx = Context(
            text=text,
            sentences=sentences,
            mentions=mentions,
            places=places,
            dates=dates,
            cues=self.cues,
            events=self.events,
            actors=self.actors.actors,
            published_on=published_on,
            document_id=document_id,
            version=self.version,
            adjectives=self.actors.adjectives,
            actors_by_code=self.actors.state_names,
            statement_day=statement_day(text, dates, published_on),
            gazetteer=self.gazetteer,
        )
        return ClaimMaker(ctx).build(find_statements(text, sentences, self.cues))
