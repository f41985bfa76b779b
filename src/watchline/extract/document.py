"""Extract the claims of one text file: reading, checking and running the extractor.

This is the one function `watchline extract` calls; it needs no database. Bad input
(a missing, unreadable, empty, oversized or non-UTF-8 file) is an `InputError` naming the
file and what to do.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from watchline.domain import Claim, Theatre
from watchline.errors import Errors, InputError, WatchlineError
from watchline.extract.contract import to_contract
from watchline.extract.languages import EXTRACTABLE, LANGUAGE_NAMES
from watchline.extract.pipeline import Extractor

MAX_BYTES = 50 * 1024 * 1024


@dataclass
class Extraction:
    document_id: str
    claims: list[Claim]
    warnings: list[str] = field(default_factory=list)
    language: str = "en"

    def contract(self, published_at: datetime | None) -> dict[str, Any]:
        return to_contract(
            self.claims,
            document_id=self.document_id,
            published_at=published_at,
            language=self.language,
        )


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The file's text, exactly as stored (no stripping, no newline translation)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(Errors.E007, path=path, limit=max_bytes)
        raw = path.read_bytes()
    except IsADirectoryError:
        raise InputError(Errors.E001, path=path, reason="it is a directory") from None
    except FileNotFoundError:
        raise InputError(Errors.E001, path=path, reason="no such file") from None
    except OSError as exc:
        raise InputError(Errors.E001, path=path, reason=exc.strerror or str(exc)) from None
    if not raw.strip():
        raise InputError(Errors.E002, path=path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E003, path=path, offset=exc.start) from None


def load_theatre_or_none(name: str | None, strict: bool) -> Theatre | None:
    """The named theatre; without a loader (or, when not `strict`, a bad name) None."""
    if not name:
        return None
    try:
        from watchline.geo.theatre import load_theatre
    except ImportError:
        return None
    try:
        return load_theatre(name)
    except WatchlineError:
        if strict:
            raise
        return None


@lru_cache(maxsize=4)
def cached_extractor(theatre_name: str | None, actors_file: Path | None) -> Extractor:
    """One extractor per theatre and actor file in a process (spaCy loads once)."""
    theatre = load_theatre_or_none(theatre_name, strict=False)
    return Extractor.load(theatre=theatre, actors_file=actors_file)


def extract_file(
    path: Path,
    published_on: date | None,
    *,
    theatre: str | None = None,
    strict_theatre: bool = False,
    actors_file: Path | None = None,
    language: str | None = None,
) -> Extraction:
    """Read `path` and extract its claims; a bad `theatre` fails only when `strict_theatre`.

    The language is detected unless given; one Watchline does not read (Armenian,
    Azerbaijani, …) is an E942 rather than an empty answer that would look like "no claims".
    """
    text = read_text(Path(path))
    # lingua is the ingest side's; imported by name so the extract package stays apart
    detect = importlib.import_module("watchline.ingest.language").detect_language
    found = language or detect(text) or "en"
    if found not in EXTRACTABLE:
        name = LANGUAGE_NAMES.get(found, found)
        raise InputError(Errors.E942, path=path, language=found, language_name=name)
    if theatre and strict_theatre:
        load_theatre_or_none(theatre, strict=True)
    extractor = cached_extractor(theatre, actors_file)
    claims = extractor.extract(text, published_on, document_id=Path(path).stem, language=found)
    return Extraction(Path(path).stem, claims, list(extractor.warnings), found)
