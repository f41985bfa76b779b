"""The mission's Ed25519 key pair: made once, kept off the server, read back safely.

The private key (NAME.key, PEM PKCS#8, mode 0600) signs what the mission publishes;
the public key (NAME.pub, PEM) is what readers and servers get. A key file is created
with O_EXCL, so an existing key is never overwritten: a lost private key would make
every signature it made unverifiable against a new public key. Keys never go into the
database; a server that only verifies never needs NAME.key at all.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from watchline.errors import Errors, InputError, WatchlineError

DEFAULT_NAME = "mission"
MAX_KEY_BYTES = 16 * 1024  # an Ed25519 PEM is about 120 bytes; anything big is not a key
NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}")


@dataclass(frozen=True)
class KeyPair:
    """Where a key pair lies and the id its signatures name."""

    key_id: str
    private_path: Path
    public_path: Path


def key_id(public_key: Ed25519PublicKey) -> str:
    """The first 16 hex characters of the SHA-256 of the raw 32-byte public key."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def key_paths(out: Path, name: str = DEFAULT_NAME) -> tuple[Path, Path]:
    """NAME.key and NAME.pub in `out`; a name that is not a plain file name is refused."""
    if not NAME.fullmatch(name):
        reason = "it is empty" if not name else "it is not a plain file name"
        raise InputError(Errors.E818, name=name, reason=reason)
    return out / f"{name}.key", out / f"{name}.pub"


def generate_key_pair(out: Path, name: str = DEFAULT_NAME) -> KeyPair:
    """Write a new NAME.key (0600) and NAME.pub into `out`; refuse if either exists."""
    private_path, public_path = key_paths(out, name)
    for path in (private_path, public_path):
        if path.exists() or path.is_symlink():
            raise WatchlineError(Errors.E810, path=path)
    _make_folder(out)
    key = Ed25519PrivateKey.generate()
    _create(private_path, _private_pem(key), 0o600)
    try:
        _create(public_path, _public_pem(key.public_key()), 0o644)
    except WatchlineError:
        private_path.unlink(missing_ok=True)  # never leave half a pair behind
        raise
    return KeyPair(key_id(key.public_key()), private_path, public_path)


def ensure_key_pair(out: Path, name: str = DEFAULT_NAME) -> tuple[KeyPair, bool]:
    """The key pair in `out`, made if there is no NAME.key yet (True when made).

    An existing private key is reused, and NAME.pub is rewritten from it when it is
    missing or does not match, since the public key is derived data. The demo uses
    this so a re-run keeps signing with the same key.
    """
    private_path, public_path = key_paths(out, name)
    if not private_path.exists():
        _remove(public_path)  # a public key without its private half verifies nothing
        return generate_key_pair(out, name), True
    key = load_private_key(private_path)
    pem = _public_pem(key.public_key())
    if _contents(public_path) != pem:
        _remove(public_path)
        _create(public_path, pem, 0o644)
    return KeyPair(key_id(key.public_key()), private_path, public_path), False


def _contents(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:  # e.g. a folder of that name
        raise WatchlineError(Errors.E811, path=path, reason=exc.strerror or exc) from None


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """The Ed25519 private key in `path` (PEM); anything else is E812."""
    data = _read_key(path, "private")
    if b"PUBLIC KEY" in data and b"PRIVATE KEY" not in data:
        _refuse(path, "private", "it is a public key; signing needs the private NAME.key")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except TypeError:
        _refuse(path, "private", "it is encrypted with a passphrase, which is not supported")
    except (ValueError, UnsupportedAlgorithm) as exc:
        _refuse(path, "private", _first_line(exc))
    if not isinstance(key, Ed25519PrivateKey):
        _refuse(path, "private", f"it holds another kind of key ({type(key).__name__})")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    """The Ed25519 public key in `path` (PEM); a private key given by mistake is E812."""
    data = _read_key(path, "public")
    if b"PRIVATE KEY" in data:
        _refuse(path, "public", "it is a private key; verify with the public NAME.pub")
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, UnsupportedAlgorithm) as exc:
        _refuse(path, "public", _first_line(exc))
    if not isinstance(key, Ed25519PublicKey):
        _refuse(path, "public", f"it holds another kind of key ({type(key).__name__})")
    return key


def _private_pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _public_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _make_folder(out: Path) -> None:
    try:
        out.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise WatchlineError(Errors.E811, path=out, reason=exc.strerror or exc) from None
    if not out.is_dir():
        raise WatchlineError(Errors.E811, path=out, reason="it is not a folder")


def _create(path: Path, data: bytes, mode: int) -> None:
    """Create `path` with O_EXCL (never replacing a file) and exactly `mode`; a write
    that fails removes what it created, so no truncated key is left behind."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags, mode)
    except FileExistsError:
        raise WatchlineError(Errors.E810, path=path) from None
    except OSError as exc:
        raise WatchlineError(Errors.E811, path=path, reason=exc.strerror or exc) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            os.fchmod(stream.fileno(), mode)  # the umask may have narrowed or widened it
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise WatchlineError(Errors.E811, path=path, reason=exc.strerror or exc) from None


def _read_key(path: Path, kind: str) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            _refuse(path, kind, "it is not a regular file")
        if info.st_size > MAX_KEY_BYTES:
            _refuse(path, kind, f"it is {info.st_size:,} bytes, far too big for a key")
        data = path.read_bytes()[: MAX_KEY_BYTES + 1]
    except FileNotFoundError:
        _refuse(path, kind, "it does not exist")
    except OSError as exc:
        _refuse(path, kind, str(exc.strerror or exc))
    if not data.strip():
        _refuse(path, kind, "it is empty")
    return data


def _refuse(path: Path, kind: str, reason: str) -> NoReturn:
    example = "NAME.key" if kind == "private" else "NAME.pub"
    raise InputError(Errors.E812, path=path, kind=kind, reason=reason, example=example)


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:160]
