"""Passwords (argon2id through pwdlib), random tokens, and the digests kept of them.

Passwords are stored only as argon2id hashes. API tokens and browser session ids are
random 256-bit strings shown once; the database keeps their SHA-256 digest, so a copy
of the database does not let anyone in.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from pwdlib import PasswordHash

from watchline.errors import Errors, InputError

MIN_PASSWORD = 10
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_HASHER = PasswordHash.recommended()
# verifying against this keeps a login for an unknown name as slow as a wrong password
_DUMMY = _HASHER.hash("watchline-no-such-user")


def check_name(name: str) -> str:
    cleaned = name.strip()
    if not NAME.fullmatch(cleaned):
        reason = "it is empty" if not cleaned else "it has characters other than these"
        raise InputError(Errors.E600, name=name[:80], reason=reason)
    return cleaned


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InputError(Errors.E604, length=len(password), minimum=MIN_PASSWORD)
    return _HASHER.hash(password)


def verify_password(password: str, stored: str | None) -> bool:
    """Whether `password` matches `stored`; as slow for a missing account as for a real one."""
    if stored is None:
        _HASHER.verify(password, _DUMMY)
        return False
    try:
        return _HASHER.verify(password, stored)
    except Exception:  # a corrupt hash lets no one in
        return False


def new_token(prefix: str = "wl") -> str:
    return f"{prefix}_{secrets.token_urlsafe(32)}"


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
