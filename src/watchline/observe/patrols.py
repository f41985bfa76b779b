"""Read one patrol file into a checked Patrol: bytes, format, validation; no database.

This is the pure half of a patrol import (services/patrols.py stores the result). Every
problem with a file is an InputError naming the file, the point or row, and a short
reason; nothing here stores anything, so a refused file leaves no trace.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from watchline.domain import Theatre
from watchline.errors import Errors, InputError
from watchline.files import read_limited
from watchline.observe.formats import (
    PATROL_SUFFIXES,
    FormatError,
    PointError,
    clip,
    read_raw,
    reader_for,
)
from watchline.observe.formats.delimited import MissingColumn
from watchline.observe.validate import Checked, PatrolMeta, check_track

MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class PatrolFile:
    """A patrol file read and checked: its raw bytes (stored with it) and the patrol."""

    path: Path
    raw: bytes
    checked: Checked


def patrol_files(paths: Iterable[Path]) -> list[Path]:
    """The files to import: files as given, folders searched for patrol files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in PATROL_SUFFIXES)
        else:
            found.append(path)
    return found


def read_patrol(path: Path, meta: PatrolMeta, theatre: Theatre) -> PatrolFile:
    """The checked patrol in the file at `path`, or InputError with the first problem."""
    raw = read_bytes(path)
    chosen = reader_for(path)
    if chosen is None:
        raise InputError(Errors.E309, path=path, suffix=path.suffix[:20])
    kind, reader = chosen
    try:
        track = read_raw(reader, raw)
    except MissingColumn as exc:
        found = ", ".join(exc.found) or "(none)"
        raise InputError(
            Errors.E308, path=path, column=exc.column, found=found, accepted=exc.accepted
        ) from None
    except PointError as exc:
        raise InputError(Errors.E303, path=path, item=exc.item, reason=clip(exc.reason)) from None
    except FormatError as exc:
        raise InputError(Errors.E301, path=path, kind=kind, reason=clip(str(exc))) from None
    return PatrolFile(path, raw, check_track(path, track, meta, theatre))


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes; E001 when missing or unreadable, E007 when too large, E002 when
    empty, E219 when it is not a regular file (a FIFO would block the import)."""
    return read_limited(path, limit, missing_is_url_hint=False)
