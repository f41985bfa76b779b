"""Reading input safely: size limits, binary junk, UTF-8, characters databases refuse."""

from __future__ import annotations

from watchline.errors import Errors, InputError

SNIFF_BYTES = 8192
CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}


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
