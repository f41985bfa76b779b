"""One extractor (one spaCy load) for the whole test session."""

from __future__ import annotations

import pytest

from watchline.extract import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor.load()
