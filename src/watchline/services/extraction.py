"""Run the extractor over stored documents and keep the claims it finds.

Each document is extracted in its own transaction: its claims are replaced together
with the record of which extractor version produced them, so a crash never leaves a
document half-extracted, and re-running skips documents already done by this version.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from watchline.domain import Document
from watchline.extract.languages import EXTRACTABLE
from watchline.services import audit
from watchline.store import Database
from watchline.store.claims import ClaimRepository
from watchline.store.documents import DocumentRepository
from watchline.store.tables import ExtractionRow

if TYPE_CHECKING:  # the extractor loads spaCy; importing it here would cost start-up
    from watchline.extract import Extractor

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = EXTRACTABLE  # English and Russian (extract/russian/)


@dataclass
class ExtractionSummary:
    documents: int = 0
    claims: int = 0
    skipped_done: int = 0
    superseded: int = 0
    skipped_language: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    unsupported: Counter[str] = field(default_factory=Counter)  # language -> documents
    by_language: Counter[str] = field(default_factory=Counter)  # extracted, per language

    def summary(self) -> str:
        languages = ", ".join(f"{lang} {n}" for lang, n in sorted(self.by_language.items()))
        unsupported = ", ".join(f"{lang} {n}" for lang, n in self.unsupported.most_common())
        stored = f" ({unsupported}: stored, not extracted)" if unsupported else ""
        return (
            f"extracted {self.documents} documents ({languages or 'none'}), {self.claims} "
            f"claims; {self.skipped_done} already done, {len(self.skipped_language)} in "
            f"unsupported languages{stored}, "
            f"{self.superseded} superseded by an edit, {len(self.failed)} failed"
        )


def extractable(document: Document) -> bool:
    """Whether the extractor reads this document's language (undetected counts as yes)."""
    return document.language is None or document.language in SUPPORTED_LANGUAGES


def retire_superseded(db: Database, document_ids: set[str], actor: str) -> int:
    """Drop the claims of documents an edit replaced, so only the newest version counts.

    The old version itself stays stored as evidence; only its claims leave the casework.
    """
    if not document_ids:
        return 0
    with db.transaction() as session:
        claims = ClaimRepository(session)
        for document_id in sorted(document_ids):
            claims.replace_for_document(document_id, [])
            session.execute(delete(ExtractionRow).where(ExtractionRow.document_id == document_id))
        details = {"documents": sorted(document_ids)}
        why = "superseded by a newer version of the same item"
        audit.record(session, actor, "claims.retire", "documents", None, details, why)
    return len(document_ids)


def extract_documents(
    db: Database,
    extractor: Extractor,
    *,
    redo: bool = False,
    document_ids: Sequence[str] | None = None,
    actor: str | None = None,
) -> ExtractionSummary:
    """Extract claims from the newest version of every stored document not yet done by
    this extractor version; older versions of edited items lose their claims.

    Each document's claims are one audit entry by `actor` (default: the local user),
    committed with them.
    """
    actor = actor or audit.local_actor()
    summary = ExtractionSummary()
    with db.transaction() as session:
        documents = DocumentRepository(session).list(latest_only=True)
        done = {
            row.document_id: row.extractor_version for row in session.scalars(select(ExtractionRow))
        }
    summary.superseded = retire_superseded(db, set(done) - {d.id for d in documents}, actor)
    for document in documents:
        if document_ids is not None and document.id not in document_ids:
            continue
        if not redo and done.get(document.id) == extractor.version:
            summary.skipped_done += 1
            continue
        if not extractable(document):
            summary.skipped_language.append(document.id)
            summary.unsupported[document.language or "?"] += 1
            continue
        try:
            published = document.published_at.date() if document.published_at else None
            claims = extractor.extract(
                document.text, published, document_id=document.id, language=document.language
            )
        except Exception as exc:  # one bad document must not stop a batch
            log.warning("extraction failed for %s: %s", document.id, exc)
            summary.failed.append((document.id, str(exc)))
            continue
        with db.transaction() as session:
            ClaimRepository(session).replace_for_document(document.id, claims)
            session.merge(
                ExtractionRow(
                    document_id=document.id,
                    extractor_version=extractor.version,
                    extracted_at=datetime.now(UTC),
                    claims=len(claims),
                )
            )
            details = {"extractor_version": extractor.version, "claims": len(claims)}
            audit.record(session, actor, "claims.extract", "document", document.id, details)
        summary.documents += 1
        summary.by_language[document.language or "?"] += 1
        summary.claims += len(claims)
    return summary
