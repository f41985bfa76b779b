"""Full-text conditions for the lists' `q`: SQLite FTS5 or PostgreSQL text search
(migration 0015_search), never a scan of every claim.

The user's words are never passed as query syntax: each word (letters and digits only)
becomes a quoted prefix term, all of them required, so "build" finds "build-up" and
`"; DROP` or a stray `*` or `NEAR(` is just text. Text with no word in it matches
nothing.

On SQLite a page of claims is newest first, and there are two ways to find it: look
up every match in the full-text index and sort them by date (cheap for a rare word,
55 ms for a word in a sixth of 100,000 claims), or walk the date index newest first
and keep the claims that are among the matches (4 ms for that common word: the walk
stops at a page; up to ~15 ms for a rare one, which it walks to the end). `claims_matching`
counts the matches up to `COMMON_MATCHES` in the full-text index (a fraction of a
millisecond) and picks the walk for a common word.
"""

from __future__ import annotations

import re

from sqlalchemy import false, func, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

MAX_TERMS = 12
#: From this many matches on, a claim search walks the date index instead of sorting.
COMMON_MATCHES = 200
WORD = re.compile(r"\w+", re.UNICODE)


def terms(q: str) -> list[str]:
    """The words of a search, lower-cased, at most MAX_TERMS."""
    return [w.lower() for w in WORD.findall(q)][:MAX_TERMS]


def _fts5(words: list[str]) -> str:
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def _tsquery(words: list[str]) -> str:
    return " & ".join(f"{w}:*" for w in words)  # \w+ words: nothing to escape


def claims_matching(dialect: str, q: str, session: Session | None = None) -> ColumnElement[bool]:
    """Claims whose content holds every word of `q` (as a word or its beginning).

    With a SQLite `session`, a word with many matches is written so that SQLite walks
    the date index (`+rowid` keeps it from looking every match up by rowid)."""
    words = terms(q)
    if not words:
        return false()
    if dialect == "postgresql":
        vector = func.to_tsvector(text("'simple'"), text("claims.content_text"))
        return vector.op("@@")(func.to_tsquery(text("'simple'"), _tsquery(words)))
    fts = _fts5(words)
    walk = "+" if session is not None and _common(session, fts) else ""
    return text(
        f"{walk}claims.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :claims_q)"
    ).bindparams(claims_q=fts)


def _common(session: Session, fts: str) -> bool:
    """Whether the FTS5 query has at least `COMMON_MATCHES` matches (counted no further)."""
    counted = session.scalar(
        text("SELECT count(*) FROM (SELECT 1 FROM claims_fts WHERE claims_fts MATCH :q LIMIT :n)"),
        {"q": fts, "n": COMMON_MATCHES},
    )
    return (counted or 0) >= COMMON_MATCHES


def documents_matching(dialect: str, q: str) -> ColumnElement[bool]:
    """Documents whose title or text holds every word of `q`."""
    words = terms(q)
    if not words:
        return false()
    if dialect == "postgresql":
        body = text("coalesce(documents.title, '') || ' ' || documents.text")
        vector = func.to_tsvector(text("'simple'"), body)
        return vector.op("@@")(func.to_tsquery(text("'simple'"), _tsquery(words)))
    return text(
        "documents.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH :docs_q)"
    ).bindparams(docs_q=_fts5(words))
