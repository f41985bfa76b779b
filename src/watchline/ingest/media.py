"""Media files that came with an export (photos, videos): their sha256 as evidence.

Exports refer to media by a path relative to the export's folder. When the file is
there, its hash is recorded beside the path, so a photo shown later can be checked
against what was ingested; a missing file is simply not hashed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

CHUNK = 1 << 20


def media_digests(folder: Path, paths: Iterable[str], max_bytes: int) -> dict[str, str]:
    """sha256 of each media file present under `folder` (and not over `max_bytes`)."""
    digests: dict[str, str] = {}
    for relative in paths:
        path = folder / relative
        try:
            if not path.resolve().is_relative_to(folder.resolve()):
                continue  # a path that climbs out of the export is not the export's media
            if not path.is_file() or path.stat().st_size > max_bytes:
                continue
            digests[relative] = _sha256(path)
        except OSError:
            continue
    return digests


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
