"""Patrol file formats: each reader turns a file's bytes into raw tracks.

A raw track keeps what the file says, unvalidated: points with times as written (aware
or naive, or missing) and the metadata found in the file. Validation and time zones are
the importer's job (watchline.observe.validate).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


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


PATROL_SUFFIXES = (".gpx", ".geojson", ".json", ".csv", ".tsv")
