"""Photos of findings: content-addressed bytes plus the EXIF time and GPS position.

EXIF is read with exifread. `DateTimeOriginal` has no zone unless `OffsetTimeOriginal`
gives one; a zoneless camera time is read in the theatre's time zone, like tracks.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import exifread

from watchline.errors import Errors, InputError
from watchline.observe.times import localise


@dataclass(frozen=True)
class Photo:
    sha256: str
    filename: str
    raw: bytes
    taken_at: datetime | None  # UTC
    lat: float | None
    lon: float | None


def read_photo(path: Path, timezone: str) -> Photo:
    """The photo at `path` with its EXIF time (UTC) and position, when it has them."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(Errors.E314, path=path, reason=exc.strerror or exc) from None
    if not raw.startswith((b"\xff\xd8", b"II*\x00", b"MM\x00*")):
        raise InputError(Errors.E314, path=path, reason="not a JPEG or TIFF image")
    tags = exifread.process_file(io.BytesIO(raw), details=False)
    lat, lon = _position(tags)
    return Photo(
        sha256=hashlib.sha256(raw).hexdigest(),
        filename=path.name,
        raw=raw,
        taken_at=_taken_at(tags, timezone),
        lat=lat,
        lon=lon,
    )


def _taken_at(tags: dict, timezone: str) -> datetime | None:
    value = tags.get("EXIF DateTimeOriginal") or tags.get("Image DateTime")
    if value is None:
        return None
    text = str(value).strip()
    offset = tags.get("EXIF OffsetTimeOriginal")
    try:
        when = datetime.strptime(text, "%Y:%m:%d %H:%M:%S")
        if offset is not None:
            when = datetime.fromisoformat(f"{when.isoformat()}{str(offset).strip()}")
    except ValueError:
        return None
    return localise(when, timezone)[0]


def _position(tags: dict) -> tuple[float | None, float | None]:
    lat, lon = tags.get("GPS GPSLatitude"), tags.get("GPS GPSLongitude")
    if lat is None or lon is None:
        return None, None
    try:
        y, x = _degrees(lat.values), _degrees(lon.values)
    except (ZeroDivisionError, TypeError, ValueError, IndexError):
        return None, None
    if str(tags.get("GPS GPSLatitudeRef", "N")).strip().upper() == "S":
        y = -y
    if str(tags.get("GPS GPSLongitudeRef", "E")).strip().upper() == "W":
        x = -x
    return y, x


def _degrees(values: list) -> float:
    d, m, s = (float(v.num) / float(v.den) for v in values[:3])
    return d + m / 60.0 + s / 3600.0
