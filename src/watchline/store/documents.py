"""Documents and sources in the database: save once, read back as domain objects.

Identity is the document's `key` at its source. Saving an item whose key is stored
with the same text adds nothing; a different text with a newer (or unknown) revision
time becomes the next version, linked to the one it revises, never an overwrite.
Batches look up all their keys with one query per few hundred keys, so re-ingesting a
large export costs little more than reading it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import case, exists, func, insert, select
from sqlalchemy.orm import Session, aliased

from watchline.domain import Document, Source, SourceKind
from watchline.errors import Errors, NotFound
from watchline.store.tables import DocumentRow, SourceRow
from watchline.store.tables.documents import text_digest

KEY_CHUNK = 500
MAX_KEY = 600  # the column's width


def stored_key(key: str) -> str:
    """The key as stored: an over-long one (a URL with a huge query) is cut and given
    the hash of the whole, so it stays unique and stable."""
    if len(key) <= MAX_KEY:
        return key
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{key[: MAX_KEY - 72]}#sha256:{digest}"


def document_id(key: str, version: int = 1, text_sha256: str = "") -> str:
    """A stable id: the first version from its key, later ones from key and text."""
    seed = key if version == 1 else f"{key}\n{text_sha256}"
    return "d" + hashlib.sha256(seed.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def as_utc(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    if moment is None or moment.tzinfo is UTC:
        return moment
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def revised_at(document: Document) -> datetime | None:
    """When this text of the item was written: its edit time, else its publication."""
    edited = document.meta.get("revised_at")
    if isinstance(edited, str):
        return as_utc(datetime.fromisoformat(edited))
    return as_utc(document.published_at)


class SourceRepository:
    """Sources are registered once per (kind, name); later calls return the same id."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def register(self, source: Source) -> int:
        row = self.session.scalars(
            select(SourceRow).where(
                SourceRow.kind == str(source.kind), SourceRow.name == source.name
            )
        ).first()
        if row is None:
            row = SourceRow(
                kind=str(source.kind),
                name=source.name,
                url=source.url,
                handle=source.handle,
                speaks_for=source.speaks_for,
            )
            self.session.add(row)
            self.session.flush()
            return row.id
        # What the user says a source speaks for wins; other details fill gaps only.
        if source.speaks_for and row.speaks_for != source.speaks_for:
            row.speaks_for = source.speaks_for
        row.url = row.url or source.url
        row.handle = row.handle or source.handle
        return row.id

    def list(self) -> list[tuple[Source, int]]:
        """Every source with how many documents it holds, by kind and name."""
        counts = (
            select(DocumentRow.source_id, func.count().label("n"))
            .group_by(DocumentRow.source_id)
            .subquery()
        )
        rows = self.session.execute(
            select(SourceRow, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.source_id == SourceRow.id)
            .order_by(SourceRow.kind, SourceRow.name)
        ).all()
        return [(_source(row), int(n)) for row, n in rows]


def languages_by_source(session: Session) -> dict[tuple[str, str], dict[str | None, int]]:
    """How many documents each source (kind, name) holds in each language."""
    rows = session.execute(
        select(SourceRow.kind, SourceRow.name, DocumentRow.language, func.count())
        .join(DocumentRow, DocumentRow.source_id == SourceRow.id)
        .group_by(SourceRow.kind, SourceRow.name, DocumentRow.language)
    ).all()
    counts: dict[tuple[str, str], dict[str | None, int]] = {}
    for kind, name, language, count in rows:
        counts.setdefault((kind, name), {})[language] = int(count)
    return counts


@dataclass
class _KeyState:
    """What is stored under one key: its newest version and every text seen."""

    latest_id: str
    version: int
    revised_at: datetime | None
    texts: dict[str, str] = field(default_factory=dict)  # text sha256 -> document id


class DocumentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._sources: dict[tuple[str, str], int] = {}

    def add(self, document: Document) -> tuple[str, bool]:
        """Store one document; returns its id and whether it was new."""
        return self.add_many([document])[0]

    def add_many(
        self,
        documents: Sequence[Document],
        complete: Callable[[Document], dict[str, Any]] | None = None,
    ) -> list[tuple[str, bool]]:
        """Store documents in bulk; for each, its id and whether it was new.

        `complete` gives column values for a document about to be stored (e.g. its
        detected `language` and `meta`), so that work is not spent on duplicates.
        """
        documents = [
            d if len(d.key) <= MAX_KEY else replace(d, key=stored_key(d.key)) for d in documents
        ]
        states = self._states({d.key for d in documents})
        results: list[tuple[str, bool]] = []
        rows: list[dict[str, object]] = []
        for document in documents:
            digest = text_digest(document.text)
            state = states.get(document.key)
            if state is not None and digest in state.texts:
                results.append((state.texts[digest], False))
                continue
            revised = revised_at(document)
            if state is not None and _is_stale(revised, state.revised_at):
                results.append((state.latest_id, False))
                continue
            version = 1 if state is None else state.version + 1
            doc_id = document_id(document.key, version, digest)
            previous = None if state is None else state.latest_id
            row = self._row(document, doc_id, version, previous, digest, revised)
            if complete is not None:
                row.update(complete(document))
            rows.append(row)
            if state is None:
                state = states[document.key] = _KeyState(doc_id, version, revised)
            state.latest_id, state.version, state.revised_at = doc_id, version, revised
            state.texts[digest] = doc_id
            results.append((doc_id, True))
        if rows:
            # Core executemany: one statement for the whole batch, no ORM bookkeeping.
            self.session.connection().execute(insert(DocumentRow.__table__), rows)
        return results

    def get(self, id: str) -> Document:
        row = self.session.get(DocumentRow, id)
        if row is None:
            raise NotFound(Errors.E214, document_id=id)
        return self._documents([row])[0]

    def between(self, first_id: str, last_id: str) -> list[Document]:
        """The newest versions among documents with ids from `first_id` to `last_id`
        (both included), by id: one batch of a distributed extraction."""
        query = (
            select(DocumentRow)
            .where(DocumentRow.id.between(first_id, last_id), is_latest_version())
            .order_by(DocumentRow.id)
        )
        return self._documents(self.session.scalars(query).all())

    def list(
        self, limit: int | None = None, since: datetime | None = None, latest_only: bool = False
    ) -> list[Document]:
        """Documents by publication time (undated last), optionally published since;
        with `latest_only`, an edited item's newest version only."""
        query = select(DocumentRow).order_by(
            DocumentRow.published_at.is_(None), DocumentRow.published_at, DocumentRow.id
        )
        if latest_only:
            query = query.where(is_latest_version())
        if since is not None:
            query = query.where(DocumentRow.published_at >= as_utc(since))
        if limit is not None:
            query = query.limit(limit)
        return self._documents(self.session.scalars(query).all())

    def versions(self, key: str) -> list[Document]:
        """Every stored version of one item, oldest first."""
        query = select(DocumentRow).where(DocumentRow.key == key).order_by(DocumentRow.version)
        return self._documents(self.session.scalars(query).all())

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(DocumentRow)) or 0)

    def _states(self, keys: Iterable[str]) -> dict[str, _KeyState]:
        states: dict[str, _KeyState] = {}
        ordered = sorted(keys)
        columns = (
            DocumentRow.key,
            DocumentRow.id,
            DocumentRow.version,
            DocumentRow.revised_at,
            DocumentRow.text_sha256,
            # Rows written without a digest (by hand) are hashed here; others skip the text.
            case((DocumentRow.text_sha256.is_(None), DocumentRow.text), else_=None),
        )
        for start in range(0, len(ordered), KEY_CHUNK):
            chunk = ordered[start : start + KEY_CHUNK]
            query = select(*columns).where(DocumentRow.key.in_(chunk)).order_by(DocumentRow.version)
            for key, doc_id, version, revised, digest, text in self.session.execute(query):
                state = states.get(key)
                if state is None:
                    state = states[key] = _KeyState(doc_id, version, as_utc(revised))
                state.latest_id, state.version, state.revised_at = doc_id, version, as_utc(revised)
                state.texts[digest or text_digest(text)] = doc_id
        return states

    def _source_id(self, source: Source) -> int:
        ident = (str(source.kind), source.name)
        if ident not in self._sources:
            self._sources[ident] = SourceRepository(self.session).register(source)
        return self._sources[ident]

    def _row(
        self,
        document: Document,
        doc_id: str,
        version: int,
        previous: str | None,
        digest: str,
        revised: datetime | None,
    ) -> dict[str, object]:
        return {
            "id": doc_id,
            "key": document.key,
            "source_id": self._source_id(document.source),
            "url": document.url,
            "published_at": as_utc(document.published_at),
            "retrieved_at": as_utc(document.retrieved_at),
            "language": document.language,
            "title": document.title,
            "author": document.author,
            "text": document.text,
            "raw": document.raw,
            "sha256": document.sha256,
            "text_sha256": digest,
            "revised_at": revised,
            "forwarded_from": document.forwarded_from,
            "reply_to": document.reply_to,
            "version": version,
            "previous_id": previous,
            "media": list(document.media),
            "meta": dict(document.meta),
        }

    def _documents(self, rows: Sequence[DocumentRow]) -> list[Document]:
        ids = {row.source_id for row in rows}
        sources = {
            row.id: _source(row)
            for row in self.session.scalars(select(SourceRow).where(SourceRow.id.in_(ids)))
        }
        return [_document(row, sources[row.source_id]) for row in rows]


def is_latest_version() -> Any:
    """A filter keeping only the newest version of each item (no row with its key is newer)."""
    newer = aliased(DocumentRow)
    return ~exists().where(newer.key == DocumentRow.key, newer.version > DocumentRow.version)


def _is_stale(incoming: datetime | None, stored: datetime | None) -> bool:
    """An item no newer than the stored version is an older copy, not an edit."""
    return incoming is not None and stored is not None and incoming <= stored


def _source(row: SourceRow) -> Source:
    try:
        kind = SourceKind(row.kind)
    except ValueError:
        kind = SourceKind.OTHER
    return Source(kind, row.name, row.url, row.handle, row.speaks_for)


def _document(row: DocumentRow, source: Source) -> Document:
    meta = dict(row.meta or {})
    if row.previous_id:
        meta["previous_id"] = row.previous_id
    return Document(
        key=row.key,
        text=row.text,
        raw=bytes(row.raw),
        source=source,
        published_at=as_utc(row.published_at),
        retrieved_at=as_utc(row.retrieved_at),
        url=row.url,
        language=row.language,
        title=row.title,
        author=row.author,
        forwarded_from=row.forwarded_from,
        reply_to=row.reply_to,
        version=row.version,
        previous_key=row.key if row.previous_id else None,
        media=tuple(row.media or ()),
        meta=meta,
        id=row.id,
    )
