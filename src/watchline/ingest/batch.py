"""The batch writer: documents go in by the thousand, one transaction per batch.

A batch that the database refuses is retried one document per transaction, so one bad
item is reported and the others still go in; nothing is ever half-written.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.exc import SQLAlchemyError

from watchline.domain import Document
from watchline.errors import Errors
from watchline.ingest.fetch import Fetcher
from watchline.ingest.language import detect_language, is_extractable
from watchline.ingest.limits import clean_text
from watchline.ingest.report import IngestReport, Rejection
from watchline.store import Database
from watchline.store.documents import DocumentRepository

BATCH_SIZE = 1000


def prepared(document: Document) -> Document:
    """The document as stored: clean text, its language, whether it can be extracted."""
    text = clean_text(document.text)
    language = document.language or detect_language(text)
    extractable = is_extractable(language, text)
    meta = {**document.meta, "extractable": extractable}
    return replace(document, text=text, language=language, meta=meta)


class BatchWriter:
    def __init__(
        self,
        db: Database,
        report: IngestReport,
        fetcher: Fetcher | None = None,
        size: int = BATCH_SIZE,
    ) -> None:
        self.db = db
        self.report = report
        self.fetcher = fetcher
        self.size = size
        self.pending: list[tuple[str, Document]] = []

    def add(self, path: str, document: Document) -> None:
        self.pending.append((path, prepared(document)))
        if len(self.pending) >= self.size:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        documents = [document for _, document in batch]
        try:
            with self.db.transaction() as session:
                results = DocumentRepository(session).add_many(documents)
                if self.fetcher is not None:
                    self.fetcher.save_pending(session)
        except SQLAlchemyError:
            self._one_by_one(batch)
            return
        for document, (doc_id, created) in zip(documents, results, strict=True):
            self._count(document, doc_id, created)

    def _one_by_one(self, batch: list[tuple[str, Document]]) -> None:
        if self.fetcher is not None:
            self.fetcher.pending.clear()  # fetch again next time rather than trust a 304
        for path, document in batch:
            try:
                with self.db.transaction() as session:
                    doc_id, created = DocumentRepository(session).add(document)
            except SQLAlchemyError as exc:
                reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
                self.report.rejected.append(
                    Rejection.of(path, document.key, Errors.E215, reason=reason)
                )
                continue
            self._count(document, doc_id, created)

    def _count(self, document: Document, doc_id: str, created: bool) -> None:
        if not created:
            self.report.duplicates += 1
            return
        self.report.ingested += 1
        self.report.documents.append(doc_id)
        if not document.meta.get("extractable", True):
            self.report.not_extractable[document.language or "unknown"] += 1
