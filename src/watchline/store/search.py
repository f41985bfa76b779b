"""Full-text conditions for the lists' `q`: SQLite FTS5 or PostgreSQL text search
(migration 0015_search), never a scan of every claim.

The user's words are never passed as query syntax: each word (letters and digits only)
becomes a quoted prefix term, all of them required, so "build" finds "build-up" and
`"; DROP` or a stray `*` or `NEAR(` is just text. Text with no word in it matches
nothing.
"""

from __future__ import annotations

import re

from sqlalchemy import false, func, text
from sqlalchemy.sql.elements import ColumnElement

MAX_TERMS = 12
WORD = re.compile(r"\w+", re.UNICODE)


def terms(q: str) -> list[str]:
    """The words of a search, lower-cased, at most MAX_TERMS."""
    return [w.lower() for w in WORD.findall(q)][:MAX_TERMS]


def _fts5(words: list[str]) -> str:
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def _tsquery(words: list[str]) -> str:
    return " & ".join(f"{w}:*" for w in words)  # \w+ words: nothing to escape


def claims_matching(dialect: str, q: str) -> ColumnElement[bool]:
    """Claims whose content holds every word of `q` (as a word or its beginning)."""
    words = terms(q)
    if not words:
        return false()
    if dialect == "postgresql":
        vector = func.to_tsvector(text("'simple'"), text("claims.content_text"))
        return vector.op("@@")(func.to_tsquery(text("'simple'"), _tsquery(words)))
    return text(
        "claims.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :claims_q)"
    ).bindparams(claims_q=_fts5(words))


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
