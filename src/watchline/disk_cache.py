"""Caches on disk for indexes built from installed data (gazetteer names, actor phrases).

Building them takes seconds at every start of the CLI; they depend only on installed
files, so they are built once, written to the cache folder and read back afterwards. A
cache is only an acceleration: a missing, unreadable, stale or damaged one is rebuilt,
and a read-only home still works (only slower to start). Each name carries a digest of
everything the content depends on, so a changed input never reads an old cache.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """Settings' `cache_dir` (WATCHLINE_CACHE_DIR), else $XDG_CACHE_HOME/watchline, else
    ~/.cache/watchline."""
    from watchline.settings import Settings  # read when a cache is first needed

    configured: Path | str | None
    try:
        configured = Settings().cache_dir
    except ValueError:  # a broken watchline.toml is reported by the CLI, not here
        configured = os.environ.get("WATCHLINE_CACHE_DIR") or None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "watchline"


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file, so readers never see half a file;
    an unwritable folder is silently skipped (the cache is only an acceleration)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(path)
    except OSError:
        pass


def cached_json(name: str, build: Callable[[], Any], valid: Callable[[Any], bool]) -> Any:
    """The JSON value cached as `name` in the cache folder if `valid` accepts it, else
    `build()`, written there for the next start. JSON rather than pickle: a cache file is
    data, and reading it never runs code."""
    path = cache_dir() / name
    try:
        value = json.loads(path.read_bytes())
        if valid(value):
            return value
    except (OSError, ValueError):
        pass
    value = build()
    write_atomically(path, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())
    return value
