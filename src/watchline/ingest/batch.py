"""The batch writer: documents go in by the thousand, one transaction per batch.

A batch that the database refuses is retried one document per transaction, so one bad
item is reported and the others still go in; nothing is ever half-written. Language
is detected only for documents actually stored, never for duplicates.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from watchline.domain import Document
from watchline.errors import Errors
from watchline.ingest.fetch import Fetcher
from watchline.ingest.language import detect_language, is_extractable
from watchline.ingest.limits import clean_text
from watchline.ingest.report import IngestReport, Rejection
from watchline.services import audit
from watchline.store import Database
from watchline.store.documents import DocumentRepository

BATCH_SIZE = 1000
# What storing one odd item can raise: the database refusing it, a value the driver
# cannot encode, meta that is not JSON.
STORE_ERRORS = (SQLAlchemyError, UnicodeError, ValueError, TypeError)


def cleaned(document: Document) -> Document:
    """The document with text a database accepts (no NUL characters)."""
    text = clean_text(document.text)
    return document if text is document.text else replace(document, text=text)


def language_columns(document: Document) -> dict[str, Any]:
    """The document's language, and in `meta` whether the extractor can read it."""
    language = document.language or detect_language(document.text)
    extractable = is_extractable(language, document.text)
    return {"language": language, "meta": {**document.meta, "extractable": extractable}}


class BatchWriter:
    def __init__(
        self,
        db: Database,
        report: IngestReport,
        fetcher: Fetcher | None = None,
        size: int = BATCH_SIZE,
        actor: str | None = None,
    ) -> None:
        self.db = db
        self.actor = actor or audit.local_actor()
        self.report = report
        self.fetcher = fetcher
        self.size = size
        self.pending: list[tuple[str, Document]] = []
        self._languages: list[tuple[str | None, bool]] = []  # of the open transaction

    def add(self, path: str, document: Document) -> None:
        self.pending.append((path, cleaned(document)))
        if len(self.pending) >= self.size:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        try:
            with self.db.transaction() as session:
                repository = DocumentRepository(session)
                results = repository.add_many([doc for _, doc in batch], self._complete)
                if self.fetcher is not None:
                    self.fetcher.save_pending(session)
                self._audit(session, results)
        except STORE_ERRORS:
            self._one_by_one(batch)
            return
        self._count(results)

    def _one_by_one(self, batch: list[tuple[str, Document]]) -> None:
        if self.fetcher is not None:
            self.fetcher.pending.clear()  # fetch again next time rather than trust a 304
        for path, document in batch:
            self._languages = []
            try:
                with self.db.transaction() as session:
                    results = DocumentRepository(session).add_many([document], self._complete)
                    self._audit(session, results)
            except STORE_ERRORS as exc:
                reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
                self.report.rejected.append(
                    Rejection.of(path, document.key, Errors.E215, reason=reason)
                )
                continue
            self._count(results)

    def _audit(self, session: Session, results: list[tuple[str, bool]]) -> None:
        """One audit entry per stored batch that added documents (duplicates add none)."""
        created = [doc_id for doc_id, new in results if new]
        if created:
            counts = {"ingested": len(created), "duplicates": len(results) - len(created)}
            details = {**counts, "documents": created}
            audit.record(session, self.actor, "documents.ingest", "documents", None, details)

    def _complete(self, document: Document) -> dict[str, Any]:
        columns = language_columns(document)
        self._languages.append((columns["language"], columns["meta"]["extractable"]))
        return columns

    def _count(self, results: list[tuple[str, bool]]) -> None:
        """Count a committed transaction's work."""
        for doc_id, created in results:
            if created:
                self.report.ingested += 1
                self.report.documents.append(doc_id)
            else:
                self.report.duplicates += 1
        for language, extractable in self._languages:
            if not extractable:
                self.report.not_extractable[language or "unknown"] += 1
        self._languages = []
