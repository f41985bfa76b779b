"""Signed publications: a FILE.sig.json bundle beside each file the mission publishes.

The bundle states the file's name, size and SHA-256, when it was signed and by which
key, and an Ed25519 signature over the canonical JSON of all those fields (sorted keys,
no spaces, UTF-8). Changing the file changes its hash; changing any field of the bundle
breaks the signature; so a reader holding only the mission's public key can tell,
offline, that a copy is exactly what the mission signed. The file's *name* is reported,
not enforced: a downloaded copy may well be renamed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from watchline.errors import Errors, InputError, WatchlineError
from watchline.publish.keys import key_id, load_private_key, load_public_key

FORMAT = "watchline-signature/1"
ALGORITHM = "ed25519"
BUNDLE_SUFFIX = ".sig.json"
MAX_BUNDLE_BYTES = 64 * 1024
FIELDS = ("format", "file", "size", "sha256", "signed_at", "key_id", "algorithm", "signature")
HEX64 = re.compile(r"[0-9a-f]{64}")
HEX16 = re.compile(r"[0-9a-f]{16}")


@dataclass(frozen=True)
class Signature:
    """What a bundle states; `signature` is base64 over `signed_fields()`."""

    file: str
    size: int
    sha256: str
    signed_at: str  # UTC, ISO 8601, e.g. 2026-12-04T01:30:00Z
    key_id: str
    signature: str
    algorithm: str = ALGORITHM
    format: str = FORMAT

    def signed_fields(self) -> bytes:
        """The canonical bytes the signature covers: every field but the signature."""
        return _canonical({name: getattr(self, name) for name in FIELDS if name != "signature"})

    def to_json(self) -> str:
        fields = {name: getattr(self, name) for name in FIELDS}
        return json.dumps(fields, indent=2, ensure_ascii=False)


def bundle_path_for(path: Path) -> Path:
    """Where the bundle of `path` lies by default: FILE.sig.json beside it."""
    return path.with_name(path.name + BUNDLE_SUFFIX)


def sign_bytes(
    data: bytes, *, name: str, key: Ed25519PrivateKey, signed_at: datetime | None = None
) -> Signature:
    """The signature of `data`, published as the file `name` (e.g. a report or a
    statement that the caller writes itself, then passes to `write_bundle`)."""
    return sign_digest(hashlib.sha256(data).hexdigest(), len(data), name=name, key=key,
                       signed_at=signed_at)  # fmt: skip


def sign_digest(
    sha256: str, size: int, *, name: str, key: Ed25519PrivateKey, signed_at: datetime | None = None
) -> Signature:
    """The signature over a file's facts, for a file hashed elsewhere (streamed)."""
    moment = (signed_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    unsigned = Signature(
        file=name, size=size, sha256=sha256, signed_at=moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        key_id=key_id(key.public_key()), signature="",
    )  # fmt: skip
    raw = key.sign(unsigned.signed_fields())
    return replace(unsigned, signature=base64.b64encode(raw).decode("ascii"))


def sign_file(path: Path, private_key_path: Path, *, bundle: Path | None = None) -> Path:
    """Sign `path` with the key in `private_key_path`; write and return its bundle."""
    key = load_private_key(private_key_path)  # a bad key costs nothing, not even a hash
    sha256, size = file_digest(path, "sign")
    signature = sign_digest(sha256, size, name=path.name, key=key)
    return write_bundle(signature, bundle or bundle_path_for(path))


def write_bundle(signature: Signature, path: Path) -> Path:
    """Write the bundle atomically: a temporary file in the same folder, then a rename,
    so a reader never sees half a bundle and a failure leaves the old one in place."""
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as exc:
        raise WatchlineError(Errors.E811, path=path, reason=exc.strerror or exc) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(signature.to_json() + "\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)  # a bundle is public, like the file it signs
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise WatchlineError(Errors.E811, path=path, reason=exc.strerror or exc) from None
    return path


def verify_file(path: Path, bundle_path: Path, public_key_path: Path) -> Signature:
    """The bundle's facts once they are proven to cover exactly `path`; else E812–E817."""
    key = load_public_key(public_key_path)
    signature = read_bundle(bundle_path)
    check_signature(signature, key, bundle=bundle_path, key_path=public_key_path)
    sha256, size = file_digest(path, "verify")
    _check_covers(signature, sha256, size, path=path, bundle=bundle_path)
    return signature


def verify_bytes(
    data: bytes, signature: Signature, key: Ed25519PublicKey, *, label: str = "the data"
) -> Signature:
    """Like `verify_file` for bytes in memory (e.g. a statement read from the database)."""
    bundle = Path(f"the bundle of {label}")
    check_signature(signature, key, bundle=bundle, key_path=Path("the key given"))
    digest = hashlib.sha256(data).hexdigest()
    _check_covers(signature, digest, len(data), path=Path(label), bundle=bundle)
    return signature


def check_signature(
    signature: Signature, key: Ed25519PublicKey, *, bundle: Path, key_path: Path
) -> None:
    """Refuse a bundle made with another key (E815) or altered after signing (E816)."""
    given = key_id(key)
    if signature.key_id != given:
        raise InputError(Errors.E815, bundle=bundle, bundle_key=signature.key_id, key=key_path,
                         given_key=given)  # fmt: skip
    try:
        key.verify(base64.b64decode(signature.signature), signature.signed_fields())
    except InvalidSignature:
        raise InputError(Errors.E816, bundle=bundle) from None


def read_bundle(path: Path) -> Signature:
    """The bundle in `path`, every field present and well-formed; anything else is E813."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            _malformed(path, "it is not a regular file")
        if info.st_size > MAX_BUNDLE_BYTES:
            _malformed(path, f"it is {info.st_size:,} bytes, far too big for a bundle")
        text = path.read_bytes()[: MAX_BUNDLE_BYTES + 1].decode("utf-8")
        fields = json.loads(text)
    except FileNotFoundError:
        _malformed(path, "it does not exist; sign the file first, or give --bundle")
    except OSError as exc:
        _malformed(path, str(exc.strerror or exc))
    except UnicodeDecodeError:
        _malformed(path, "it is not UTF-8 text")
    except json.JSONDecodeError as exc:
        _malformed(path, f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
    return Signature(**_checked_fields(path, fields))


def file_digest(path: Path, purpose: str) -> tuple[str, int]:
    """The SHA-256 (hex) and size of a regular file, read in blocks (PDFs may be big)."""
    digest = hashlib.sha256()
    size = 0
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise InputError(Errors.E817, path=path, purpose=purpose,
                                 reason="it is not a regular file")  # fmt: skip
            while block := stream.read(1 << 20):
                digest.update(block)
                size += len(block)
    except FileNotFoundError:
        raise InputError(Errors.E817, path=path, purpose=purpose,
                         reason="it does not exist") from None  # fmt: skip
    except OSError as exc:
        raise InputError(Errors.E817, path=path, purpose=purpose,
                         reason=exc.strerror or exc) from None  # fmt: skip
    return digest.hexdigest(), size


def _check_covers(
    signature: Signature, sha256: str, size: int, *, path: Path, bundle: Path
) -> None:
    if sha256 != signature.sha256 or size != signature.size:
        raise InputError(
            Errors.E814, path=path, bundle=bundle, actual=sha256, size=size,
            expected=signature.sha256, expected_size=signature.size, name=signature.file,
        )  # fmt: skip


def _checked_fields(path: Path, fields: Any) -> dict[str, Any]:
    """Every field, of the right type and shape; an extra field would not be signed."""
    if not isinstance(fields, dict):
        _malformed(path, "it is not a JSON object")
    missing = [name for name in FIELDS if name not in fields]
    extra = sorted(set(fields) - set(FIELDS))
    if missing:
        _malformed(path, f"field {missing[0]!r} is missing")
    if extra:
        _malformed(path, f"unexpected field {extra[0]!r}, which no signature covers")
    if fields["format"] != FORMAT:
        _malformed(path, f"format {fields['format']!r} is not {FORMAT!r}")
    if fields["algorithm"] != ALGORITHM:
        _malformed(path, f"algorithm {fields['algorithm']!r} is not {ALGORITHM!r}")
    for name in ("file", "sha256", "signed_at", "key_id", "signature"):
        if not isinstance(fields[name], str) or not fields[name]:
            _malformed(path, f"field {name!r} is not a non-empty text")
    if type(fields["size"]) is not int or fields["size"] < 0:
        _malformed(path, "field 'size' is not a whole number of bytes")
    if not HEX64.fullmatch(fields["sha256"]):
        _malformed(path, "field 'sha256' is not 64 lowercase hex digits")
    if not HEX16.fullmatch(fields["key_id"]):
        _malformed(path, "field 'key_id' is not 16 lowercase hex digits")
    _check_moment(path, fields["signed_at"])
    _check_signature_text(path, fields["signature"])
    return dict(fields)


def _check_moment(path: Path, text: str) -> None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        _malformed(path, f"signed_at {text!r} is not an ISO 8601 time")
    if moment.tzinfo is None:
        _malformed(path, f"signed_at {text!r} has no time zone")


def _check_signature_text(path: Path, text: str) -> None:
    """64 bytes in canonical base64: a variant spelling of the same bytes is refused too,
    so no byte of a bundle can change without the check noticing."""
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        _malformed(path, "field 'signature' is not base64")
    if len(raw) != 64 or base64.b64encode(raw).decode("ascii") != text:
        _malformed(path, "field 'signature' is not a 64-byte Ed25519 signature in base64")


def _canonical(fields: dict[str, Any]) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _malformed(path: Path, reason: str) -> NoReturn:
    raise InputError(Errors.E813, path=path, reason=reason)
