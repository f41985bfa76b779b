"""Patrol file formats: each reader turns a file's bytes into raw tracks.

A raw track keeps what the file says, unvalidated: points with times as written (aware
or naive, or missing) and the metadata found in the file. Validation and time zones are
the importer's job (watchline.observe.validate).

Readers meet hostile files (mutated exports, truncated uploads, hand-edited sheets), so
`read_raw` turns every failure of a reader into a FormatError or PointError with a short
reason: one bad file must never stop a batch with a traceback.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

EXCERPT_CHARS = 60


def short(value: object, limit: int = EXCERPT_CHARS) -> str:
    """`repr(value)` cut to `limit` characters: error messages quote, never dump."""
    text = repr(value) if not isinstance(value, str) else repr(value[: limit + 1])
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clip(text: str, limit: int = 160) -> str:
    """`text` cut to `limit` characters, for reasons that may embed a parser's excerpt."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class RawPoint:
    lon: float
    lat: float
    time: datetime | None


@dataclass
class RawTrack:
    """One patrol's points and metadata as read from a file."""

    points: list[RawPoint] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


class FormatError(ValueError):
    """The file cannot be read as this format; the message says why."""


class PointError(ValueError):
    """One point of a file is unusable; `item` is its 1-based number."""

    def __init__(self, item: int, reason: str) -> None:
        super().__init__(reason)
        self.item = item
        self.reason = reason


Reader = Callable[[bytes], RawTrack]


def reader_for(path: Path) -> tuple[str, Reader] | None:
    """The format name and reader for a file, chosen by its suffix."""
    from watchline.observe.formats import delimited, geojson, gpx

    suffix = path.suffix.lower()
    if suffix == ".gpx":
        return "GPX", gpx.read_gpx
    if suffix in (".geojson", ".json"):
        return "GeoJSON", geojson.read_geojson
    if suffix in (".csv", ".tsv", ".txt"):
        return "CSV", delimited.read_csv
    return None


def read_raw(reader: Reader, data: bytes) -> RawTrack:
    """`reader(data)`, with any failure of the parser turned into a FormatError.

    The readers check what they can; this catches what the parsers below them raise on
    input nobody foresaw (deep nesting, values out of range, wrong types)."""
    try:
        return reader(data)
    except (FormatError, PointError):
        raise
    except RecursionError:
        raise FormatError("it is nested too deeply to be a patrol file") from None
    except (ValueError, TypeError, OverflowError, KeyError, IndexError, csv.Error) as exc:
        raise FormatError(f"{type(exc).__name__}: {short(str(exc))}") from None


PATROL_SUFFIXES = (".gpx", ".geojson", ".json", ".csv", ".tsv")
