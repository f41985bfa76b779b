"""Claim extraction on a Dask distributed cluster: a local one, or one already running.

The client plans id-range batches (`services.batches`) and sends each worker only the
database URL, the extractor settings and one range; workers read their documents from
the database and commit claims there, so nothing large travels through Dask. Each
worker process loads the extractor once and keeps it for every batch it runs.

Dask is imported only inside these functions: the CLI starts as fast without it.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import make_url, select

from watchline.errors import Errors, WatchlineError
from watchline.services import audit
from watchline.services.batches import BATCH_SIZE, BatchResult, IdRange, extract_batch, plan_batches
from watchline.services.extraction import retire_superseded
from watchline.store import Database
from watchline.store.documents import is_latest_version
from watchline.store.sqlite_file import sqlite_file
from watchline.store.tables import DocumentRow, ExtractionRow

if TYPE_CHECKING:
    from distributed import Client

    from watchline.extract import Extractor

WAIT_FOR_WORKERS_S = 60


@dataclass(frozen=True)
class ExtractorSpec:
    """What a worker needs to build the same extractor as the client would."""

    model: str
    theatre: str
    actors_file: str | None = None

    @classmethod
    def of(cls, model: str, theatre: str, actors_file: Path | None = None) -> ExtractorSpec:
        """The spec for these settings, checked here (a bad theatre fails now, not in
        every batch) and with files as absolute paths (workers have their own folders)."""
        from watchline.geo.theatre import THEATRES_DIR, load_theatre, theatre_path

        path = theatre_path(theatre).resolve()
        load_theatre(path)  # E008/E009 here, once, rather than from every worker
        named = path.parent == THEATRES_DIR.resolve()  # packaged: every worker has it
        actors = str(actors_file.resolve()) if actors_file else None
        return cls(model=model, theatre=theatre if named else str(path), actors_file=actors)

    def load(self) -> Extractor:
        from watchline.extract import Extractor
        from watchline.geo.theatre import load_theatre

        actors = Path(self.actors_file) if self.actors_file else None
        return Extractor.load(
            model=self.model, actors_file=actors, theatre=load_theatre(self.theatre)
        )


# Worker-process state: one extractor per spec and one engine per URL, kept between
# batches. The lock makes a worker started with several threads run batches one at a
# time (the extractor is not thread-safe); start workers with --nthreads 1.
_EXTRACTORS: dict[ExtractorSpec, Extractor] = {}
_DATABASES: dict[str, Database] = {}
_WORKER_LOCK = threading.Lock()


def extract_range(
    url: str, spec: ExtractorSpec, batch: IdRange, actor: str, redo_since: datetime | None
) -> BatchResult:
    """The task a worker runs: one batch, with this process's cached extractor."""
    with _WORKER_LOCK:
        if spec not in _EXTRACTORS:
            _EXTRACTORS[spec] = spec.load()
        if url not in _DATABASES:
            _DATABASES[url] = Database(url)
        return extract_batch(
            _DATABASES[url], _EXTRACTORS[spec], batch, actor=actor, redo_since=redo_since
        )


def warm_up(spec: ExtractorSpec) -> int:
    """Load the extractor in this worker now (benchmarks time extraction alone)."""
    with _WORKER_LOCK:
        if spec not in _EXTRACTORS:
            _EXTRACTORS[spec] = spec.load()
    return os.getpid()


@dataclass
class ClusterSummary:
    documents: int = 0
    claims: int = 0
    skipped_done: int = 0
    skipped_language: int = 0
    superseded: int = 0
    batches: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    failed_batches: list[str] = field(default_factory=list)  # E924 messages
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def progress(self, total: int) -> BatchProgress:
        errors = len(self.failed) + len(self.failed_batches)
        return BatchProgress(self.batches, total, self.documents, self.claims, errors, self.seconds)

    def summary(self) -> str:
        return (
            f"extracted {self.documents} documents, {self.claims} claims in {self.batches} "
            f"batches ({self.rate:.1f} documents/s); {self.skipped_done} already done, "
            f"{self.skipped_language} in unsupported languages, {self.superseded} superseded "
            f"by an edit, {len(self.failed)} failed, {len(self.failed_batches)} batches not stored"
        )


@dataclass(frozen=True)
class BatchProgress:
    """Sent to the caller as each batch completes."""

    done: int
    total: int
    documents: int
    claims: int
    errors: int
    seconds: float

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        return (
            f"batch {self.done}/{self.total}: {self.documents} documents ({rate:.1f}/s), "
            f"{self.claims} claims, {self.errors} errors"
        )


def worker_url(db: Database) -> str:
    """The URL workers open: a SQLite file by its absolute path (workers have their own
    working folders); in-memory SQLite cannot be shared (E925)."""
    url = make_url(db.url)
    if url.get_backend_name() != "sqlite":
        return url.render_as_string(hide_password=False)
    path = sqlite_file(url)
    if path is None:
        raise WatchlineError(Errors.E925, url=db.safe_url)
    return url.set(database=str(path.resolve())).render_as_string(hide_password=False)


def _superseded(db: Database) -> set[str]:
    """Documents with claims whose item has a newer version since."""
    query = (
        select(ExtractionRow.document_id)
        .join(DocumentRow, DocumentRow.id == ExtractionRow.document_id)
        .where(~is_latest_version())
    )
    with db.transaction() as session:
        return set(session.scalars(query))


def extract_on_cluster(
    db: Database,
    spec: ExtractorSpec,
    client: Client,
    *,
    batch_size: int = BATCH_SIZE,
    redo: bool = False,
    actor: str | None = None,
    on_batch: Callable[[BatchProgress], None] | None = None,
) -> ClusterSummary:
    """Extract every document still to do on the cluster behind `client`.

    A batch that fails as a whole (its worker died more often than Dask retries, the
    database refused it) is reported as E924 and left for the next run; the other
    batches go on.
    """
    from distributed import as_completed

    from watchline.extract.pipeline import VERSION

    actor = actor or audit.local_actor()
    url = worker_url(db)
    summary = ClusterSummary()
    summary.superseded = retire_superseded(db, _superseded(db), actor)
    redo_since = datetime.now(UTC) if redo else None
    plan = plan_batches(db, VERSION, batch_size, redo_since)
    summary.skipped_done, summary.skipped_language = plan.skipped_done, plan.skipped_language
    started = time.perf_counter()
    futures = {
        client.submit(extract_range, url, spec, batch, actor, redo_since, pure=False): batch
        for batch in plan.batches
    }
    for future in as_completed(futures):
        _count(summary, futures[future], future)
        summary.seconds = time.perf_counter() - started
        if on_batch is not None:
            on_batch(summary.progress(len(plan.batches)))
    return summary


def _count(summary: ClusterSummary, batch: IdRange, future: Any) -> None:
    """Add one finished batch to the summary: its result, or why it was not stored."""
    summary.batches += 1
    try:
        result: BatchResult = future.result()
    except Exception as exc:  # the batch as a whole: its transaction did not commit
        reason = f"{type(exc).__name__}: {exc}"[:300]
        found = {"first": batch.first, "last": batch.last, "documents": batch.documents}
        summary.failed_batches.append(Errors.E924.format(reason=reason, **found))
        return
    summary.documents += result.documents
    summary.claims += result.claims
    summary.skipped_done += result.skipped_done
    summary.failed += result.failed


def _dask() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise WatchlineError(Errors.E926, reason=str(exc)) from None
    return distributed


@contextmanager
def connect(
    workers: int | None = None, scheduler: str | None = None, timeout_s: int = WAIT_FOR_WORKERS_S
) -> Iterator[Client]:
    """A client of a new local cluster of `workers` processes (one thread each), or of
    the running cluster whose scheduler is at `scheduler`."""
    if workers is not None and scheduler is not None:
        raise WatchlineError(Errors.E920)
    distributed = _dask()
    if scheduler is not None:
        with _remote(distributed, scheduler, timeout_s) as client:
            yield client
        return
    with _local(distributed, workers or 1) as client:
        yield client


@contextmanager
def _remote(distributed: Any, address: str, timeout_s: int) -> Iterator[Client]:
    try:
        client = distributed.Client(address, timeout=f"{timeout_s}s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise WatchlineError(Errors.E922, address=address, reason=str(exc)[:200]) from None
    try:
        try:
            client.wait_for_workers(1, timeout=timeout_s)
        except TimeoutError:
            raise WatchlineError(Errors.E923, address=address, seconds=timeout_s) from None
        yield client
    finally:
        client.close()


@contextmanager
def _local(distributed: Any, workers: int) -> Iterator[Client]:
    """Worker processes import this very copy of Watchline (its folder leads PYTHONPATH)."""
    import watchline

    source = str(Path(watchline.__file__).resolve().parents[1])
    path = os.pathsep.join(p for p in (source, os.environ.get("PYTHONPATH")) if p)
    cluster = distributed.LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
        env={"PYTHONPATH": path},
    )
    try:
        with distributed.Client(cluster) as client:
            yield client
    finally:
        cluster.close()
