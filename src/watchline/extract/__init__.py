"""The NLP pipeline: attribution, acts, events, actors, places and dates.

`Extractor.load()` builds the pipeline once; `Extractor.extract(text, published_on)`
returns the document's claims. Importing this package loads nothing heavy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from watchline.extract.pipeline import Extractor

__all__ = ["Extractor"]


def __getattr__(name: str) -> Any:
    if name == "Extractor":
        from watchline.extract.pipeline import Extractor

        return Extractor
    raise AttributeError(name)
