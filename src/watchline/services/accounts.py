"""Accounts over the database: users, API tokens, browser sessions, logins.

What the CLI (`watchline users …`), the demo and the web app (`web.auth`) call. Secrets
(passwords, tokens, session ids) are never stored: argon2id hashes and SHA-256 digests
are (`accounts.secrets`). Disabling a user ends their sessions and tokens at once.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from watchline.accounts import Role, check_name, hash_password, new_token, parse_role, token_digest
from watchline.accounts.secrets import verify_password
from watchline.errors import Errors, InputError, NotFound
from watchline.services import audit
from watchline.store import Database
from watchline.store.tables import ApiTokenRow, UserRow, WebSessionRow

SESSION_HOURS = 12


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: Role
    disabled: bool = False
    created_at: datetime | None = None


@dataclass(frozen=True)
class Session:
    """A browser session: the id goes in the cookie, the CSRF token in every form."""

    token: str
    csrf: str
    user: User
    expires_at: datetime


def _now() -> datetime:
    return datetime.now(UTC)


def _user(row: UserRow) -> User:
    return User(row.id, row.name, Role(row.role), row.disabled, row.created_at)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def add_user(
    db: Database,
    name: str,
    role: str | Role,
    password: str | None = None,
    *,
    actor: str | None = None,
) -> User:
    """A new account; without a password it can use API tokens only."""
    name = check_name(name)
    chosen = role if isinstance(role, Role) else parse_role(role)
    hashed = hash_password(password) if password is not None else None
    try:
        with db.transaction() as session:
            if session.scalar(select(UserRow.id).where(UserRow.name == name)) is not None:
                raise InputError(Errors.E602, name=name)
            row = UserRow(
                name=name, role=str(chosen), password_hash=hashed, disabled=False,
                created_at=_now(),
            )  # fmt: skip
            session.add(row)
            session.flush()
            details = {"role": str(chosen), "password_login": hashed is not None}
            audit.record(session, actor or audit.local_actor(), "user.add", "user", name, details)
            return _user(row)
    except IntegrityError:  # a concurrent add of the same name
        raise InputError(Errors.E602, name=name) from None


def list_users(db: Database) -> list[User]:
    with db.transaction() as session:
        return [_user(r) for r in session.scalars(select(UserRow).order_by(UserRow.name))]


def _row(session, name: str) -> UserRow:
    row = session.scalar(select(UserRow).where(UserRow.name == name.strip()))
    if row is None:
        raise NotFound(Errors.E603, name=name[:80])
    return row


def disable_user(db: Database, name: str, *, actor: str | None = None) -> User:
    """Disable the account and end its sessions and tokens; its history stays."""
    with db.transaction() as session:
        row = _row(session, name)
        was_disabled, row.disabled = row.disabled, True
        session.execute(delete(WebSessionRow).where(WebSessionRow.user_id == row.id))
        _revoke_tokens(session, row.id)
        details = {"role": row.role, "already_disabled": was_disabled}
        audit.record(
            session, actor or audit.local_actor(), "user.disable", "user", row.name, details
        )
        return _user(row)


def _revoke_tokens(session, user_id: int) -> None:
    session.execute(
        update(ApiTokenRow)
        .where(ApiTokenRow.user_id == user_id, ApiTokenRow.revoked_at.is_(None))
        .values(revoked_at=_now())
    )


def issue_token(db: Database, name: str, *, actor: str | None = None) -> str:
    """A new API token for the user (shown once; only its digest is kept, and the audit
    entry names the token by the first 12 characters of that digest)."""
    token = new_token()
    digest = token_digest(token)
    with db.transaction() as session:
        row = _row(session, name)
        if row.disabled:
            raise InputError(Errors.E610)
        session.add(ApiTokenRow(digest=digest, user_id=row.id, created_at=_now()))
        details = {"token_digest_prefix": digest[:12]}
        audit.record(session, actor or audit.local_actor(), "user.token", "user", row.name, details)
    return token


@dataclass(frozen=True)
class TokenInfo:
    """An API token as the admin sees it: its id (the first 12 characters of its digest,
    as the audit log names it), when it was made and whether it was revoked."""

    id: str
    created_at: datetime
    revoked_at: datetime | None


def list_tokens(db: Database, name: str) -> list[TokenInfo]:
    """The user's API tokens, oldest first (never the tokens themselves: only digests are kept)."""
    with db.transaction() as session:
        row = _row(session, name)
        tokens = session.scalars(
            select(ApiTokenRow)
            .where(ApiTokenRow.user_id == row.id)
            .order_by(ApiTokenRow.created_at, ApiTokenRow.digest)
        )
        return [
            TokenInfo(
                t.digest[:12], _aware(t.created_at), _aware(t.revoked_at) if t.revoked_at else None
            )
            for t in tokens
        ]


def revoke_token(db: Database, name: str, token_id: str, *, actor: str | None = None) -> TokenInfo:
    """Revoke one API token of the user, named by its id (from `list_tokens`); the other
    tokens and the account stay as they are. Revoking twice is harmless."""
    wanted = token_id.strip().lower()
    if len(wanted) < 8 or any(c not in "0123456789abcdef" for c in wanted):
        raise InputError(Errors.E611, token_id=token_id[:80], name=name[:80])
    with db.transaction() as session:
        row = _row(session, name)
        matches = list(
            session.scalars(
                select(ApiTokenRow).where(
                    ApiTokenRow.user_id == row.id, ApiTokenRow.digest.startswith(wanted)
                )
            )
        )
        if len(matches) != 1:
            raise NotFound(Errors.E611, token_id=token_id[:80], name=row.name)
        token = matches[0]
        already = token.revoked_at is not None
        if not already:
            token.revoked_at = _now()
        details = {"token_digest_prefix": token.digest[:12], "already_revoked": already}
        audit.record(
            session, actor or audit.local_actor(), "user.token_revoke", "user", row.name, details
        )
        return TokenInfo(token.digest[:12], _aware(token.created_at), _aware(token.revoked_at))


def token_user(db: Database, token: str) -> User | None:
    """The active user a bearer token belongs to, or None."""
    with db.transaction() as session:
        row = session.execute(
            select(UserRow)
            .join(ApiTokenRow, ApiTokenRow.user_id == UserRow.id)
            .where(ApiTokenRow.digest == token_digest(token), ApiTokenRow.revoked_at.is_(None))
        ).scalar_one_or_none()
        return _user(row) if row is not None and not row.disabled else None


def log_in(db: Database, name: str, password: str) -> Session:
    """A new browser session for a correct name and password of an active account."""
    with db.transaction() as session:
        row = session.scalar(select(UserRow).where(UserRow.name == name.strip()[:64]))
        stored = row.password_hash if row is not None and not row.disabled else None
        if not verify_password(password, stored) or row is None:
            raise InputError(Errors.E610, status=401)
        token, csrf = new_token("ws"), secrets.token_urlsafe(32)
        expires = _now() + timedelta(hours=SESSION_HOURS)
        session.execute(delete(WebSessionRow).where(WebSessionRow.expires_at < _now()))
        session.add(
            WebSessionRow(
                digest=token_digest(token), user_id=row.id, csrf=csrf, created_at=_now(),
                expires_at=expires,
            )
        )  # fmt: skip
        return Session(token, csrf, _user(row), expires)


def session_of(db: Database, token: str) -> Session | None:
    """The live session behind a cookie value, or None (expired, ended, user disabled)."""
    with db.transaction() as session:
        found = session.execute(
            select(WebSessionRow, UserRow)
            .join(UserRow, UserRow.id == WebSessionRow.user_id)
            .where(WebSessionRow.digest == token_digest(token))
        ).one_or_none()
        if found is None:
            return None
        web, user = found
        if user.disabled or _aware(web.expires_at) <= _now():
            return None
        return Session(token, web.csrf, _user(user), _aware(web.expires_at))


def log_out(db: Database, token: str) -> None:
    with db.transaction() as session:
        session.execute(delete(WebSessionRow).where(WebSessionRow.digest == token_digest(token)))
