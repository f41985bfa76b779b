"""Intake from the browser: uploaded files go through the same importers as the CLI.

An upload is written to a private temporary folder under its own (cleaned) file name,
handed to `import_patrols`, `ingest` or `record_observation`, and the folder is removed.
The importers already keep going after a bad file or item, write each file (or finding)
in one transaction and add nothing for a file seen before; this module only adds what
a network upload needs: size and count limits, photo checks, and messages that name the
uploaded file rather than the temporary folder it passed through.

Photos are stored where the CLI stores them: in the database's `photos` table,
content-addressed by sha256, byte for byte as uploaded (EXIF included: the time and
position in it are evidence, so nothing is stripped). Before that, Pillow must decode
the file completely as a JPEG or TIFF, and a file that also carries HTML, SVG or script
markup is refused: such a polyglot could be run as a page if it were ever served
without its content type.
"""

from __future__ import annotations

import io
import re
import tempfile
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from watchline.errors import Errors, InputError
from watchline.ingest.report import IngestReport
from watchline.observe.findings import ObservationEntry
from watchline.services.patrols import PatrolImportReport

MAX_FILES = 50  # files in one upload
MAX_PHOTOS = 10  # photos attached to one finding
MAX_REQUEST_BYTES = 64 * 1024 * 1024  # one upload, all files together
FORM_OVERHEAD = 64 * 1024  # the form's other fields and multipart boundaries
PHOTO_FORMATS = {"JPEG": "image/jpeg", "TIFF": "image/tiff"}  # what observe/photos.py reads
MARKUP = re.compile(rb"<\s*(script|html|svg|body|iframe|object|embed|!doctype)\b", re.I)


@dataclass(frozen=True)
class Upload:
    """One uploaded file: the name the browser gave and its bytes."""

    name: str
    data: bytes


def request_limit(max_file_bytes: int) -> int:
    """The largest upload taken at all: the per-file limit of the settings, capped so
    that one request cannot fill the memory of a laptop."""
    return min(max_file_bytes, MAX_REQUEST_BYTES) + FORM_OVERHEAD


def check_size(content_length: str | None, limit: int) -> None:
    """Refuse an upload by its declared size, before any of it is read (the server
    refuses a body longer than its Content-Length)."""
    if content_length is None:
        raise InputError(Errors.E731, status=411)
    try:
        size = int(content_length)
    except ValueError:
        raise InputError(Errors.E731, status=411) from None
    if size > limit:
        raise InputError(Errors.E730, status=413, size=size, limit=limit)


def check_count(uploads: Sequence[Upload], field: str, limit: int = MAX_FILES) -> None:
    if not uploads:
        raise InputError(Errors.E732, field=field)
    if len(uploads) > limit:
        raise InputError(Errors.E733, count=len(uploads), limit=limit)


def safe_name(name: str, number: int) -> str:
    """The last part of a browser's file name, without folders, control characters or
    leading dots, at most 120 characters; `upload-N` when nothing is left."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip().lstrip(".")
    if len(base) > 120:
        stem, dot, suffix = base.rpartition(".")
        base = (
            (stem[: 110 - len(suffix)] + dot + suffix) if dot and len(suffix) < 10 else base[:120]
        )
    return base or f"upload-{number}"


@contextmanager
def staged(uploads: Sequence[Upload]) -> Iterator[tuple[list[Path], str]]:
    """The uploads as files in a private temporary folder (one sub-folder each, so two
    files of the same name stay apart), with the prefix to cut from messages."""
    with tempfile.TemporaryDirectory(prefix="watchline-intake-") as folder:
        paths = []
        for number, upload in enumerate(uploads, 1):
            place = Path(folder) / str(number)
            place.mkdir()
            path = place / safe_name(upload.name, number)
            path.write_bytes(upload.data)
            paths.append(path)
        yield paths, folder


def shown(message: str, folder: str) -> str:
    """A message naming the uploaded file ('track.gpx'), not the temporary path."""
    return re.sub(re.escape(folder) + r"[\\/]\d+[\\/]", "", message)


def import_patrol_uploads(
    db: Any, uploads: Sequence[Upload], *, theatre: str, **meta: Any
) -> dict[str, Any]:
    """`import_patrols` over the uploads; its report as JSON-ready data."""
    from watchline.services.patrols import import_patrols

    check_count(uploads, "files")
    with staged(uploads) as (paths, folder):
        report = import_patrols(db, paths, theatre=theatre, **meta)
        return patrol_report_json(report, folder)


def patrol_report_json(report: PatrolImportReport, folder: str = "") -> dict[str, Any]:
    def clean(lines: list[str]) -> list[dict[str, str]]:
        return [_coded(shown(line, folder) if folder else line) for line in lines]

    return {
        "summary": report.summary(),
        "added": report.added,
        "points": report.points,
        "duplicates": clean(report.duplicates),
        "rejected": clean(report.errors),
        "warnings": clean(report.warnings),
    }


def ingest_uploads(
    db: Any,
    uploads: Sequence[Upload],
    *,
    format: str = "auto",
    source_name: str | None = None,
    speaks_for: str | None = None,
    published_on: date | None = None,
    max_file_bytes: int | None = None,
    actor: str | None = None,
) -> dict[str, Any]:
    """`ingest` over the uploaded files (never URLs: a browser upload fetches nothing);
    each stored batch is an audit entry by `actor`, the logged-in user."""
    from watchline.ingest.runner import ingest

    check_count(uploads, "files")
    with staged(uploads) as (paths, folder):
        report = ingest(
            db,
            [str(p) for p in paths],
            format=format,
            source_name=source_name or None,
            speaks_for=speaks_for or None,
            published_at=published_on,
            max_file_bytes=max_file_bytes,
            actor=actor,
        )
        return ingest_report_json(report, folder)


def ingest_report_json(report: IngestReport, folder: str) -> dict[str, Any]:
    def item(entry: Any) -> dict[str, str]:
        coded = _coded(shown(entry.reason, folder))
        return {"file": shown(entry.path + "/", folder).rstrip("/"), "item": entry.item, **coded}

    return {
        "summary": report.summary(),
        "ingested": report.ingested,
        "duplicates": report.duplicates,
        "documents": report.documents,
        "rejected": [item(r) for r in report.rejected],
        "notices": [item(n) for n in report.notices],
        "skipped": dict(report.skipped),
    }


def _coded(line: str) -> dict[str, str]:
    code, sep, _rest = line.partition(":")
    return {"code": code if sep and re.fullmatch(r"[EW]\d{3}", code) else "", "message": line}


def check_photo(upload: Upload) -> str:
    """The photo's content type, once Pillow has decoded it fully as a JPEG or TIFF
    and no page markup hides in it; E734/E735 otherwise."""
    from PIL import Image, UnidentifiedImageError

    name = safe_name(upload.name, 1)
    found = MARKUP.search(upload.data)
    if found:
        marker = "<" + found.group(1).decode("ascii", "replace").lower()
        raise InputError(Errors.E735, name=name, marker=marker)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(upload.data)) as image:
                kind = image.format or "?"
                if kind not in PHOTO_FORMATS:
                    raise InputError(Errors.E734, name=name, reason=f"it is {kind}")
                image.verify()
            with Image.open(io.BytesIO(upload.data)) as image:
                image.load()  # verify() skips the pixel data; a truncated file fails here
    except InputError:
        raise
    except UnidentifiedImageError:
        raise InputError(Errors.E734, name=name, reason="no image format recognised") from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Warning) as exc:
        reason = f"{type(exc).__name__}: {str(exc)[:100]}"
        raise InputError(Errors.E734, name=name, reason=reason) from None
    return PHOTO_FORMATS[kind]


def coordinate(field: str, value: str | None, low: float, high: float) -> float | None:
    """A typed or map-clicked latitude or longitude; None when left empty."""
    text = (value or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise InputError(Errors.E737, field=field, value=text[:40], reason="not a number") from None
    if not low <= number <= high:
        reason = f"outside {low:g}..{high:g}"
        raise InputError(Errors.E737, field=field, value=text[:40], reason=reason)
    return number


def record_finding(
    db: Any,
    fields: dict[str, str],
    photos: Sequence[Upload],
    *,
    theatre: str,
    actor: str | None = None,
) -> dict[str, Any]:
    """One finding from the form (or the API), with its photos; (id, created) as JSON.

    Every photo is checked before anything is stored; the finding and its photos are
    then written in one transaction by `record_observation`."""
    from watchline.services.findings import record_observation

    if len(photos) > MAX_PHOTOS:
        raise InputError(Errors.E733, count=len(photos), limit=MAX_PHOTOS)
    for photo in photos:
        check_photo(photo)
    lat = coordinate("latitude", fields.get("lat"), -90, 90)
    lon = coordinate("longitude", fields.get("lon"), -180, 180)
    if (lat is None) != (lon is None):
        missing = "longitude" if lon is None else "latitude"
        raise InputError(Errors.E737, field=missing, value="", reason="give both or neither")
    count = _count(fields.get("count"))
    with staged(photos) as (paths, folder):
        entry = ObservationEntry(
            type=(fields.get("type") or "").strip(),
            time=(fields.get("time") or "").strip() or None,
            modality=(fields.get("modality") or "seen").strip(),
            patrol=(fields.get("patrol") or "").strip() or None,
            team=(fields.get("team") or "").strip() or None,
            lat=lat,
            lon=lon,
            count=count,
            notes=(fields.get("notes") or "").strip(),
            photos=paths,
        )
        try:
            observation_id, created = record_observation(db, entry, theatre=theatre, actor=actor)
        except InputError as exc:
            exc.message = shown(exc.message, folder)
            raise
        sha = [_sha256(p) for p in paths]
    return {"id": observation_id, "created": created, "photos": sha}


def _count(value: str | None) -> int | None:
    text = (value or "").strip()
    if not text:
        return None
    if not text.isdigit():
        raise InputError(Errors.E312, option="count", value=text[:20], reason="not a whole number")
    return int(text)


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def photo(db: Any, sha256: str) -> tuple[bytes, str, str]:
    """A stored photo's bytes, content type and file name; E736 when there is none."""
    from watchline.errors import NotFound
    from watchline.store.tables.patrols import PhotoRow

    key = sha256.strip().lower()
    row = None
    if re.fullmatch(r"[0-9a-f]{64}", key):
        with db.transaction() as session:
            found = session.get(PhotoRow, key)
            row = (found.raw, found.filename) if found is not None else None
    if row is None:
        raise NotFound(Errors.E736, sha256=sha256[:70])
    raw, filename = row
    kind = "image/jpeg" if raw.startswith(b"\xff\xd8") else "image/tiff"
    return raw, kind, filename
