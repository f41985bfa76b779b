"""Extraction in batches of document ids: the unit of work of a distributed run.

The client plans batches as ranges of document ids (first, last) over the documents
still to do; a worker reads its range from the database, extracts, and writes every
claim and extraction record of the range in one transaction. That transaction first
takes the audit append lock and then re-reads which of its documents are done, so a
batch retried after its worker died (or one run twice by overlapping runs) skips what
was committed already: nothing is lost and nothing is stored twice.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, or_, select

from watchline.domain import Claim, Document
from watchline.services import audit
from watchline.services.extraction import SUPPORTED_LANGUAGES, extractable
from watchline.store import Database
from watchline.store.claims import ClaimRepository
from watchline.store.documents import DocumentRepository, is_latest_version
from watchline.store.tables import DocumentRow, ExtractionRow

if TYPE_CHECKING:  # the extractor loads spaCy; the client never needs it
    from sqlalchemy.orm import Session

    from watchline.extract import Extractor

log = logging.getLogger(__name__)

BATCH_SIZE = 200
ID_CHUNK = 10_000  # ids streamed from the database at a time while planning


@dataclass(frozen=True)
class IdRange:
    """Documents whose ids lie from `first` to `last`, both included."""

    first: str
    last: str
    documents: int  # how many were still to do when the batch was planned


@dataclass
class Plan:
    batches: list[IdRange] = field(default_factory=list)
    pending: int = 0
    skipped_done: int = 0
    skipped_language: int = 0


@dataclass
class BatchResult:
    """What one batch did: committed documents and claims, and the documents that failed."""

    first: str
    last: str
    documents: int = 0
    claims: int = 0
    skipped_done: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0


def _done(version: str, redo_since: datetime | None) -> Any:
    """The SQL condition of an extraction record that makes its document done."""
    condition = ExtractionRow.extractor_version == version
    if redo_since is not None:  # --redo: only what this run itself stored counts as done
        condition = and_(condition, ExtractionRow.extracted_at >= redo_since)
    return condition


def _extractable_sql() -> Any:
    return or_(DocumentRow.language.is_(None), DocumentRow.language.in_(SUPPORTED_LANGUAGES))


def plan_batches(
    db: Database, version: str, size: int = BATCH_SIZE, redo_since: datetime | None = None
) -> Plan:
    """Split the newest versions still to extract into id ranges of `size` documents.

    Ids are streamed in order, so planning a million documents holds only the ranges.
    """
    plan = Plan()
    done = select(ExtractionRow.document_id).where(_done(version, redo_since))
    todo = (
        select(DocumentRow.id)
        .where(is_latest_version(), _extractable_sql(), DocumentRow.id.not_in(done))
        .order_by(DocumentRow.id)
    )
    with db.transaction() as session:
        for chunk in _chunks(session.scalars(todo.execution_options(yield_per=ID_CHUNK)), size):
            plan.batches.append(IdRange(chunk[0], chunk[-1], len(chunk)))
            plan.pending += len(chunk)
        latest = select(func.count()).select_from(DocumentRow).where(is_latest_version())
        plan.skipped_language = int(session.scalar(latest.where(~_extractable_sql())) or 0)
        done_latest = latest.where(_extractable_sql(), DocumentRow.id.in_(done))
        plan.skipped_done = int(session.scalar(done_latest) or 0)
    return plan


def _chunks(ids: Iterator[str] | Any, size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for document_id in ids:
        chunk.append(document_id)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _done_ids(
    session: Session, ids: list[str], version: str, redo_since: datetime | None
) -> set[str]:
    query = select(ExtractionRow.document_id).where(
        ExtractionRow.document_id.in_(ids), _done(version, redo_since)
    )
    return set(session.scalars(query))


def extract_batch(
    db: Database,
    extractor: Extractor,
    batch: IdRange,
    *,
    actor: str,
    redo_since: datetime | None = None,
) -> BatchResult:
    """Extract the documents of one id range still to do and commit them together.

    A document the extractor fails on is reported with its reason and left for the next
    run; the others of the batch are stored. Each stored document is one audit entry.
    """
    started = time.perf_counter()
    result = BatchResult(batch.first, batch.last)
    with db.transaction() as session:
        stored = DocumentRepository(session).between(batch.first, batch.last)
        documents = {d.id: d for d in stored if d.id is not None}
        done = _done_ids(session, list(documents), extractor.version, redo_since)
    result.skipped_done = len(done)
    extracted: dict[str, list[Claim]] = {}
    for document_id, document in documents.items():
        if document_id in done or not extractable(document):
            continue
        try:
            extracted[document_id] = _claims_of(extractor, document)
        except Exception as exc:  # one bad document must not stop its batch
            log.warning("extraction failed for %s: %s", document_id, exc)
            result.failed.append((document_id, f"{type(exc).__name__}: {exc}"[:300]))
    _store(db, extractor.version, extracted, result, actor, redo_since)
    result.seconds = time.perf_counter() - started
    return result


def _claims_of(extractor: Extractor, document: Document) -> list[Claim]:
    published = document.published_at.date() if document.published_at else None
    return extractor.extract(document.text, published, document_id=document.id)


def _store(
    db: Database,
    version: str,
    extracted: dict[str, list[Claim]],
    result: BatchResult,
    actor: str,
    redo_since: datetime | None,
) -> None:
    """One short write transaction for the whole batch, skipping what another attempt
    committed since this one read its documents (the lock makes that re-read final)."""
    if not extracted:
        return
    with db.transaction() as session:
        audit.hold_append_lock(session)
        done_now = _done_ids(session, list(extracted), version, redo_since)
        claims = ClaimRepository(session)
        for document_id, found in extracted.items():
            if document_id in done_now:
                result.skipped_done += 1
                continue
            claims.replace_for_document(document_id, found)
            session.merge(
                ExtractionRow(
                    document_id=document_id,
                    extractor_version=version,
                    extracted_at=datetime.now(UTC),
                    claims=len(found),
                )
            )
            details = {"extractor_version": version, "claims": len(found)}
            audit.record(session, actor, "claims.extract", "document", document_id, details)
            result.documents += 1
            result.claims += len(found)
