"""`ingest()`: every path, directory and URL given, through its reader, into the store.

Whatever goes wrong with one file or item is reported (file, item, reason) and the run
goes on; the report ends with 'ingested N, duplicates N, rejected N'.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from datetime import UTC, date, datetime
from pathlib import Path

from watchline.domain import Document, Source
from watchline.errors import Errors, InputError
from watchline.files import read_limited
from watchline.ingest.batch import BATCH_SIZE, BatchWriter
from watchline.ingest.context import Blob, Item, ReadContext
from watchline.ingest.dating import Dating
from watchline.ingest.fetch import Fetcher, FetchOptions, is_url
from watchline.ingest.formats import EXTENSIONS, READERS, check_format, folder_files, reader_for
from watchline.ingest.progress import Progress
from watchline.ingest.report import IngestReport, Notice, Rejection, Skipped, Unchanged
from watchline.ingest.urls import read_url
from watchline.settings import Settings
from watchline.store import Database


def ingest(
    db: Database,
    paths: Sequence[str | Path],
    *,
    format: str = "auto",
    source: Source | None = None,
    follow: bool = False,
    progress: bool = False,
    source_name: str | None = None,
    speaks_for: str | None = None,
    fetch_options: FetchOptions | None = None,
    max_file_bytes: int | None = None,
    batch_size: int = BATCH_SIZE,
    published_at: date | datetime | None = None,
    follow_symlinks: bool = False,
    actor: str | None = None,
) -> IngestReport:
    """Ingest files, directories (recursively) and URLs; see docs/ingest.md.

    `source` is the source of everything ingested; without it each input names its own
    (chat, feed, account, site), renamed to `source_name` when given, and `speaks_for`
    (an actor id) is given to those. `published_at` is the publication time of every
    item that has none of its own (plain text, an undated page): a `date` means that
    day (midnight UTC, day precision), a naive `datetime` is read as UTC. Symbolic links
    in folders that lead out of the folder are skipped unless `follow_symlinks`. Each
    stored batch is one audit entry by `actor` (default: the local user).
    """
    check_format(format)
    db.require_current()
    limit = max_file_bytes or Settings().max_file_bytes
    report = IngestReport()
    with ExitStack() as stack:
        fetcher = Fetcher(db, fetch_options, max_bytes=limit)
        stack.callback(fetcher.close)
        ctx = ReadContext(
            max_bytes=limit,
            fetcher=fetcher,
            source=source,
            source_name=source_name,
            speaks_for=speaks_for,
            follow=follow,
        )
        writer = BatchWriter(db, report, fetcher, batch_size, actor)
        targets = list(_targets(paths, format, report, follow_symlinks))
        dating = Dating.of(published_at)
        bar = stack.enter_context(Progress(len(targets), enabled=progress))
        for target in targets:
            for item in _items(target, format, ctx):
                _take(dating.apply(item), target, writer, report)
                bar.item()
            bar.target()
        writer.flush()
    return report


def _targets(
    paths: Sequence[str | Path], format: str, report: IngestReport, follow_symlinks: bool
) -> Iterator[str]:
    """Every URL and file to read; a directory gives the files in it that fit (what it
    skipped, such as pipes and links out of it, becomes notices)."""
    for given in paths:
        name = str(given)
        if is_url(name):
            yield name
            continue
        path = Path(name)
        try:
            is_dir = path.is_dir()
        except OSError as exc:  # e.g. a name longer than the file system allows
            shown = name if len(name) <= 80 else f"{name[:40]}…{name[-39:]}"
            reason = exc.strerror or str(exc)
            report.rejected.append(Rejection.of(shown, "file", Errors.E001, reason=reason))
            continue
        if not is_dir:
            yield name
            continue
        walked = folder_files(path, format, follow_symlinks)
        report.notices.extend(walked.notices)
        found = [str(file) for file in walked.files]
        if not found:
            known = ", ".join(sorted(EXTENSIONS))
            report.rejected.append(Rejection.of(name, "-", Errors.E201, extensions=known))
        yield from found


def _items(target: str, format: str, ctx: ReadContext) -> Iterator[Item]:
    try:
        if is_url(target):
            reader = None if format == "auto" else READERS[format]
            yield from read_url(target, ctx, reader)
            return
        data = read_limited(Path(target), ctx.max_bytes)
        reader = reader_for(target, data, format)
        yield from reader(Blob(target, data, datetime.now(UTC)), ctx)
    except InputError as exc:
        yield Rejection(target, "file", exc.message)
    except (RecursionError, MemoryError, ValueError, TypeError, LookupError) as exc:
        # A reader tripped over input nobody foresaw: report it, go on with the batch.
        reason = f"{type(exc).__name__}: {exc}"
        yield Rejection.of(target, "file", Errors.E217, reason=reason)


def _take(item: Item, target: str, writer: BatchWriter, report: IngestReport) -> None:
    if isinstance(item, Document):
        writer.add(target, item)
    elif isinstance(item, Notice):
        report.notices.append(item)
    elif isinstance(item, Rejection):
        report.rejected.append(item)
    elif isinstance(item, Skipped):
        report.skipped[item.why] += 1
    elif isinstance(item, Unchanged):
        report.duplicates += 1
