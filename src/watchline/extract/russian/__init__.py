"""Claim extraction for Russian text, through the same contract as the English pipeline.

`natasha` segments, tags and parses (its news models ship inside the installed wheels);
`pymorphy3` gives lemmas so that every case form of a cue, an actor or a place matches.
`RussianExtractor` is chosen by `Extractor.extract(…, language="ru")`; it is imported
lazily so that the English path never loads the Russian models.
"""

from __future__ import annotations

from typing import Any

__all__ = ["RussianExtractor"]


def __getattr__(name: str) -> Any:
    if name == "RussianExtractor":
        from watchline.extract.russian.pipeline import RussianExtractor

        return RussianExtractor
    raise AttributeError(name)
