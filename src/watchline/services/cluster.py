"""Claim extraction on a Dask distributed cluster: plan, send, and count the batches.

The client plans id-range batches (`services.batches`) and sends each worker only the
database URL, the extractor settings and one range (`services.cluster_worker`); workers
read their documents from the database and commit claims there, so nothing large
travels through Dask. The client (`services.cluster_connect`) is of a local cluster or
of one already running.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import make_url, select

from watchline.errors import Errors, WatchlineError
from watchline.services import audit
from watchline.services.batches import BATCH_SIZE, BatchResult, IdRange, plan_batches
from watchline.services.cluster_worker import ExtractorSpec, extract_range
from watchline.services.extraction import retire_superseded
from watchline.store import Database
from watchline.store.documents import is_latest_version
from watchline.store.sqlite_file import sqlite_file
from watchline.store.tables import DocumentRow, ExtractionRow

if TYPE_CHECKING:
    from distributed import Client


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
            f"by an edit, {len(self.failed)} failed, "
            f"{len(self.failed_batches)} batches not completed"
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
    plan = plan_batches(db, spec.version or VERSION, batch_size, redo_since)
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
    """Add one finished batch to the summary: its result, or why it did not complete."""
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
