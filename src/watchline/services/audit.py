"""The audit log: who changed what, when and why, in a chain no one can quietly alter.

Every change point appends one entry **in the same transaction as the change**, so an
entry exists exactly when its change was committed (a rolled-back change leaves none).
The one call, made last inside the change's transaction (it holds the append lock until
commit, so keep it at the end):

    from watchline.services import audit
    audit.record(session, actor, "correction.add", "claim", claim_id,
                 {"field": "speaker", "old": "...", "new": "..."}, why=reason)

`actor` is the logged-in user's name in the web app, `audit.local_actor()` on the
command line. Never put a secret (password, token, key) in `details`. Actions in use:
`documents.ingest`, `claims.extract`, `claims.retire`, `cases.link`, `cases.verify`,
`verdict.set`, `user.add`, `user.disable`, `user.token`; corrections and publications
use `correction.*` and `publication.*` (e.g. `publication.sign`).

Each entry's `hash` is the SHA-256 of the canonical JSON (sorted keys, no spaces,
UTF-8) of its fields seq, at, actor, action, subject_type, subject_id, details, why and
prev_hash, where prev_hash is the hash of entry seq - 1 (64 zeros for the first). An
edit, a deleted row or a reordering therefore breaks the chain at that entry, and
`verify_chain` names it. Appends are serialised (a transaction-scoped advisory lock on
PostgreSQL, SQLite's write lock) so two writers never fork the chain.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from watchline.errors import Errors, InputError, WatchlineError
from watchline.store import Database
from watchline.store.tables import AuditEntryRow

GENESIS = "0" * 64
PG_LOCK_KEY = 0x5741_5443_484C_494E % (2**63)  # "WATCHLIN": the audit append lock


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    actor: str
    action: str
    subject_type: str
    subject_id: str | None
    details: dict[str, Any]
    why: str | None
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainCheck:
    """A chain that verified: how many entries, and the newest hash (to note elsewhere)."""

    entries: int
    head: str


def local_actor() -> str:
    """Who runs a command on this machine: 'cli:' and the operating-system user."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no login name in a bare container
        return "cli:unknown"


def _canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)  # fmt: skip


def _moment(at: datetime) -> str:
    moment = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    return moment.isoformat(timespec="microseconds")


def entry_hash(
    seq: int, at: datetime, actor: str, action: str, subject_type: str,
    subject_id: str | None, details: dict[str, Any], why: str | None, prev_hash: str,
) -> str:  # fmt: skip
    """The SHA-256 that seals one entry and, through `prev_hash`, every entry before it."""
    fields = {
        "seq": seq, "at": _moment(at), "actor": actor, "action": action,
        "subject_type": subject_type, "subject_id": subject_id, "details": details,
        "why": why, "prev_hash": prev_hash,
    }  # fmt: skip
    return hashlib.sha256(_canonical(fields).encode("utf-8")).hexdigest()


def _lock(session: Session) -> None:
    """Serialise appends until this transaction ends, so the head read below is final."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
    else:  # a write that touches no row still takes SQLite's one write lock
        session.execute(text("UPDATE audit_log SET seq = seq WHERE 1 = 0"))


def hold_append_lock(session: Session) -> None:
    """Take the append lock now, for a transaction that must read what others committed
    before writing: a batch of a distributed extraction checks which of its documents
    another worker has done meanwhile. `record` takes it again at no cost."""
    _lock(session)


def record(
    session: Session,
    actor: str,
    action: str,
    subject_type: str,
    subject_id: str | None,
    details: dict[str, Any],
    why: str | None = None,
) -> AuditEntry:
    """Append one entry to the chain inside the caller's transaction (call it last)."""
    try:
        details = json.loads(_canonical(details))  # stored exactly as it is hashed
    except (TypeError, ValueError) as exc:
        raise InputError(Errors.E852, action=action, reason=str(exc)[:120]) from None
    _lock(session)
    head = session.execute(
        select(AuditEntryRow.seq, AuditEntryRow.hash).order_by(AuditEntryRow.seq.desc()).limit(1)
    ).first()
    seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS)
    at = datetime.now(UTC)
    why = (why.strip() or None) if why else None
    sealed = entry_hash(seq, at, actor, action, subject_type, subject_id, details, why, prev)
    row = AuditEntryRow(
        seq=seq, at=at, actor=actor, action=action, subject_type=subject_type,
        subject_id=subject_id, details=details, why=why, prev_hash=prev, hash=sealed,
    )  # fmt: skip
    session.add(row)
    session.flush()
    return _entry(row)


def _entry(row: AuditEntryRow) -> AuditEntry:
    at = row.at.replace(tzinfo=UTC) if row.at.tzinfo is None else row.at.astimezone(UTC)
    return AuditEntry(
        row.seq, at, row.actor, row.action, row.subject_type, row.subject_id,
        row.details, row.why, row.prev_hash, row.hash,
    )  # fmt: skip


def _broken(seq: int, reason: str) -> WatchlineError:
    return WatchlineError(Errors.E851, seq=seq, reason=reason)


def verify_chain(db: Database) -> ChainCheck:
    """Recompute every entry's hash in order; raise E851 naming the first broken one.

    A row deleted, edited or moved is found; entries cut off the end are not (nothing
    follows them), which is why a published report notes the head hash it was made at.
    """
    expected, prev = 1, GENESIS
    with db.transaction() as session:
        query = select(AuditEntryRow).order_by(AuditEntryRow.seq)
        rows = session.scalars(query, execution_options={"yield_per": 1000})  # a long log
        for row in rows:
            entry = _entry(row)
            if entry.seq != expected:
                after = f"entry {expected - 1}" if expected > 1 else "the start"
                raise _broken(expected, f"it is missing (entry {entry.seq} follows {after})")
            fields = (entry.seq, entry.at, entry.actor, entry.action, entry.subject_type,
                      entry.subject_id, entry.details, entry.why, entry.prev_hash)  # fmt: skip
            if entry_hash(*fields) != entry.hash:
                raise _broken(
                    entry.seq, "its contents do not match its hash (changed after it was written)"
                )
            if entry.prev_hash != prev:
                raise _broken(entry.seq, f"it does not follow the hash of entry {expected - 1}")
            expected, prev = expected + 1, entry.hash
    return ChainCheck(expected - 1, prev)


def entries(
    db: Database, *, since: datetime | None = None, action: str | None = None
) -> list[AuditEntry]:
    """Entries oldest first; `action` matches it exactly or as a prefix ('user' → 'user.add')."""
    query = select(AuditEntryRow).order_by(AuditEntryRow.seq)
    if since is not None:  # SQLite keeps UTC without an offset: compare in UTC
        moment = since.replace(tzinfo=UTC) if since.tzinfo is None else since.astimezone(UTC)
        query = query.where(AuditEntryRow.at >= moment)
    if action:
        query = query.where(
            (AuditEntryRow.action == action)
            | AuditEntryRow.action.startswith(f"{action}.", autoescape=True)
        )
    with db.transaction() as session:
        return [_entry(row) for row in session.scalars(query)]
