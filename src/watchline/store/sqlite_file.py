"""What lies at a SQLite database path, judged from the file alone, before SQLite opens it.

SQLite happily creates a missing file, and the first statement on a file that is not a
database fails deep in a connect hook with a traceback. Looking at the path and the
100-byte header first lets every command say plainly what is there and what to do,
and keeps `watchline init` from ever writing into something that is not a database.
"""

from __future__ import annotations

import stat
from pathlib import Path

from sqlalchemy.engine import URL

from watchline.errors import Errors, WatchlineError
from watchline.files import file_kind

MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100
# Files this process has read the header of. Closing any descriptor of a file drops
# every POSIX lock the process holds on it, SQLite's included (see SQLite's "How To
# Corrupt" page, 2.2), so the header is read only before this process's first
# connection: a second Database on the same file trusts the first check.
_read_before: set[tuple[int, int]] = set()


def sqlite_file(url: URL) -> Path | None:
    """The file a SQLite URL names; None for other backends and in-memory databases."""
    if url.get_backend_name() != "sqlite":
        return None
    name = url.database
    if not name or name == ":memory:" or name.startswith("file:") or url.query.get("mode"):
        return None
    return Path(name)


def check_sqlite_file(path: Path, *, must_exist: bool) -> bool:
    """Refuse a path that is not (and cannot become) a SQLite database; True if it exists.

    A missing file is fine for `init` (SQLite creates it) but, when `must_exist`, means
    the database was never initialised: said so without creating an empty file.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        if must_exist:
            raise WatchlineError(Errors.E006, url=path) from None
        if not path.parent.is_dir():
            reason = f"the folder {path.parent} does not exist"
            raise WatchlineError(Errors.E011, url=path, reason=reason) from None
        return False
    except OSError as exc:
        raise WatchlineError(Errors.E011, url=path, reason=exc.strerror or exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise WatchlineError(Errors.E018, path=path, kind=file_kind(info.st_mode))
    if info.st_size == 0:
        return True  # SQLite's own empty database: nothing to lose, init may build it
    if (info.st_dev, info.st_ino) in _read_before:
        return True
    try:
        with path.open("rb") as stream:
            header = stream.read(HEADER_BYTES)
    except OSError as exc:
        raise WatchlineError(Errors.E011, url=path, reason=exc.strerror or exc) from None
    _check_header(path, header, info.st_size)
    _read_before.add((info.st_dev, info.st_ino))
    return True


def _check_header(path: Path, header: bytes, size: int) -> None:
    if not header.startswith(MAGIC[: min(len(header), len(MAGIC))]):
        raise WatchlineError(Errors.E014, path=path, reason="file is not a database")
    if len(header) < HEADER_BYTES:
        reason = f"only {size} bytes, shorter than a SQLite header"
        raise WatchlineError(Errors.E015, path=path, reason=reason)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counted = header[24:28] == header[92:96]  # the page count is valid only then
    wal = Path(f"{path}-wal")
    if counted and pages and size < pages * page_size and not _has_content(wal):
        reason = f"{size} bytes where its header promises {pages} pages of {page_size}"
        raise WatchlineError(Errors.E015, path=path, reason=reason)


def _has_content(path: Path) -> bool:
    """Whether a write-ahead log with frames lies beside the database (a checkpoint may
    be under way, so the main file's size proves nothing)."""
    try:
        return path.stat().st_size > 0
    except OSError:
        return False
