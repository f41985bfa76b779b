"""Digests of incremental work (link per theatre, verify per case): read and write."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from watchline.store.tables.digests import DigestRow


def digest_of(parts: Iterable[object]) -> str:
    """A SHA-256 over the `repr` of each part, in order (parts are plain values)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(repr(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


class DigestRepository:
    def __init__(self, session: Session, scope: str) -> None:
        self.session = session
        self.scope = scope

    def all(self) -> dict[str, tuple[str, dict[str, Any]]]:
        """Key -> (digest, details) for this scope."""
        query = select(DigestRow).where(DigestRow.scope == self.scope)
        return {r.key: (r.digest, dict(r.details or {})) for r in self.session.scalars(query)}

    def put(self, key: str, digest: str, details: dict[str, Any] | None = None) -> None:
        self.session.merge(
            DigestRow(
                scope=self.scope,
                key=key,
                digest=digest,
                details=details or {},
                updated_at=datetime.now(UTC),
            )
        )

    def put_many(self, digests: dict[str, str], known: Iterable[str]) -> None:
        """Store many digests at once; `known` are the keys already stored (replaced)."""
        stale = [key for key in known if key in digests]
        self.drop(stale)
        now = datetime.now(UTC)
        rows = [
            {"scope": self.scope, "key": key, "digest": value, "details": {}, "updated_at": now}
            for key, value in digests.items()
        ]
        if rows:
            self.session.execute(insert(DigestRow), rows)

    def drop(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        for first in range(0, len(keys), 500):
            chunk = keys[first : first + 500]
            self.session.execute(
                delete(DigestRow).where(DigestRow.scope == self.scope, DigestRow.key.in_(chunk))
            )
