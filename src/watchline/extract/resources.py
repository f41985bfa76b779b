"""The extractor's dictionaries: actors, the gazetteer and the date resolver.

They live in their own modules (`speakers/actors.py`, `geo/gazetteer/lookup.py` or
`places/toponyms.py`, `dates/days.py`); this adapter loads what is installed so the
extractor also runs where one is missing (it then leaves those fields empty rather than
failing).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from watchline.domain import Theatre

log = logging.getLogger(__name__)

StatedOn = Callable[..., date | None]


@dataclass
class Resources:
    actors: Any | None
    gazetteer: Any | None
    find_dates: Callable[[str, date | None], list]
    resolve_stated_on: StatedOn


def _module(*names: str):
    for name in names:
        try:
            return importlib.import_module(f"watchline.{name}")
        except ImportError as exc:
            if exc.name != f"watchline.{name}":
                log.warning("watchline.%s cannot be imported (%s); going on without", name, exc)
                return None
    return None


def load_resources(actors_file: Path | None, theatre: Theatre | None) -> Resources:
    actors_mod = _module("extract.speakers.actors")
    actors = actors_mod.ActorDictionary.load(actors_file) if actors_mod else None
    gazetteer = None
    places_mod = _module("geo.gazetteer.lookup", "extract.places.toponyms")
    if places_mod is not None and hasattr(places_mod, "Gazetteer"):
        gazetteer = places_mod.Gazetteer.load(theatre)
    dates_mod = _module("extract.dates.days")
    if dates_mod is None:
        log.warning("watchline.extract.dates.days is missing: stated_on falls back to context")
        return Resources(actors, gazetteer, lambda text, published_on: [], _no_dates)
    return Resources(actors, gazetteer, dates_mod.find_dates, dates_mod.resolve_stated_on)


def _no_dates(
    text: str, published_on: date | None, start: int, end: int, default: date | None = None
) -> date | None:
    return default
