"""Extracting stored documents: once per extractor version, newest versions only."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchline.ingest import ingest
from watchline.services.extraction import extract_documents
from watchline.store import Database
from watchline.store.claims import ClaimRepository
from watchline.store.documents import DocumentRepository

TELEGRAM = Path(__file__).resolve().parents[1] / "fixtures" / "ingest" / "telegram"


@pytest.fixture(scope="module")
def extractor():
    from watchline.extract import Extractor
    from watchline.geo.theatre import load_theatre

    return Extractor.load(theatre=load_theatre("arm-aze"))


def _claim_documents(db: Database) -> set[str]:
    with db.transaction() as session:
        return {c.document_id for c in ClaimRepository(session).list()}


def test_extraction_runs_once_per_version(sqlite_db: Database, extractor) -> None:
    ingest(sqlite_db, [TELEGRAM / "result.json"])
    first = extract_documents(sqlite_db, extractor)
    assert first.documents >= 1 and not first.failed
    again = extract_documents(sqlite_db, extractor)
    assert again.documents == 0 and again.skipped_done == first.documents
    redo = extract_documents(sqlite_db, extractor, redo=True)
    assert redo.claims == first.claims


def test_extraction_drops_claims_of_edited_versions(sqlite_db: Database, extractor) -> None:
    ingest(sqlite_db, [TELEGRAM / "result.json"])
    extract_documents(sqlite_db, extractor)
    ingest(sqlite_db, [TELEGRAM / "result-later.json"])
    summary = extract_documents(sqlite_db, extractor)
    assert summary.superseded == 1
    with sqlite_db.transaction() as session:
        old, new = DocumentRepository(session).versions(next(iter(_edited_keys(session))))
    documents = _claim_documents(sqlite_db)
    assert old.id not in documents
    assert "superseded by an edit" in summary.summary()
    assert new.version == 2


def test_extraction_reads_russian_posts(sqlite_db: Database, extractor) -> None:
    ingest(sqlite_db, [TELEGRAM / "result.json"])
    summary = extract_documents(sqlite_db, extractor)
    assert summary.by_language["ru"] >= 1, "the Russian post goes through the Russian path"
    assert not summary.unsupported


def _edited_keys(session) -> set[str]:
    keys: dict[str, int] = {}
    for document in DocumentRepository(session).list():
        keys[document.key] = keys.get(document.key, 0) + 1
    return {key for key, count in keys.items() if count > 1}
