"""Reading a user's file safely, for every importer: documents, patrols, findings.

A path on the command line may name anything: a FIFO would block the run forever, a
device would stream without end, a file may grow while it is read. Each is judged by
`stat` before it is opened and again on the open descriptor (a swap in between is
caught too), and read no further than the size limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from watchline.errors import Errors, InputError


def file_kind(mode: int) -> str:
    """'a folder', 'a named pipe (FIFO)', … for messages about what a path is."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def read_limited(path: Path, max_bytes: int, *, missing_is_url_hint: bool = True) -> bytes:
    """The file's bytes, refusing missing (E200, or E001 without the web-address hint),
    unreadable (E001), empty (E002) and over-large (E007) files, and anything that is
    not a regular file (E219)."""
    try:
        info = path.stat()
        _regular(path, info.st_mode)
        if info.st_size > max_bytes:
            raise InputError(Errors.E007, path=path, limit=max_bytes)
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "rb") as stream:
            opened = os.fstat(stream.fileno())
            _regular(path, opened.st_mode)
            data = stream.read(max_bytes + 1)
    except FileNotFoundError:
        if missing_is_url_hint:
            raise InputError(Errors.E200, path=path) from None
        raise InputError(Errors.E001, path=path, reason="it does not exist") from None
    except OSError as exc:
        raise InputError(Errors.E001, path=path, reason=exc.strerror or exc) from None
    if len(data) > max_bytes:  # it grew after the size was checked
        raise InputError(Errors.E007, path=path, limit=max_bytes)
    if not data.strip():
        raise InputError(Errors.E002, path=path)
    return data


def _regular(path: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise InputError(Errors.E219, path=path, kind=file_kind(mode))
