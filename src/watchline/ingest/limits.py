"""Reading input safely: size limits, binary junk, UTF-8, characters databases refuse."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from watchline.errors import Errors, InputError
from watchline.store.sqlite_file import file_kind

SNIFF_BYTES = 8192
CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing missing, unreadable, empty and over-large files, and
    anything that is not a regular file (a FIFO would block the run): judged by `stat`
    first, then again on the open descriptor, so a swap in between is caught too."""
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
        raise InputError(Errors.E200, path=path) from None
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


def binary_reason(data: bytes) -> str | None:
    """Why `data` looks like binary rather than text, or None if it looks like text."""
    head = data[:SNIFF_BYTES]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "it contains NUL bytes"
    controls = sum(1 for byte in head if byte in CONTROL)
    if head and controls / len(head) > 0.05:
        return f"{controls} control bytes in the first {len(head)}"
    return None


def decode_text(data: bytes, path: str, expected: str = "text") -> str:
    """UTF-8 text (a BOM is dropped); binary junk and other encodings are refused."""
    reason = binary_reason(data)
    if reason:
        raise InputError(Errors.E205, path=path, expected=expected, reason=reason)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E003, path=path, offset=exc.start) from None


def clean_text(text: str) -> str:
    """Text as stored: NUL characters removed (PostgreSQL refuses them) and lone
    surrogates (from JSON escapes such as "\\ud83d") replaced; nothing else."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text
