"""One extractor for the Russian tests: spaCy, natasha and the arm-aze theatre load once."""

from __future__ import annotations

from datetime import date

import pytest

from watchline.domain import Claim
from watchline.extract.pipeline import Extractor


@pytest.fixture(scope="session")
def ru_extractor() -> Extractor:
    from watchline.geo.theatre import load_theatre

    return Extractor.load(theatre=load_theatre("arm-aze"))


@pytest.fixture(scope="session")
def extract_ru(ru_extractor):
    """Extract Russian text; every span of every claim is checked against the text."""

    def run(text: str, published: date | None = date(2025, 3, 31)) -> list[Claim]:
        claims = ru_extractor.extract(text, published, "doc", language="ru")
        for claim in claims:
            for span in (claim.speaker, claim.cue, claim.content):
                assert text[span.start : span.end] == span.text
            for place in claim.event.places:
                assert text[place.start : place.end] == place.text
        return claims

    return run


@pytest.fixture(scope="session")
def by_cue():
    """The one claim whose cue is `cue`."""

    def find(claims: list[Claim], cue: str) -> Claim:
        found = [c for c in claims if c.cue.text == cue]
        assert len(found) == 1, [(c.cue.text, c.content.text) for c in claims]
        return found[0]

    return find
