"""What a Dask worker runs for `claims extract`: one batch, with a cached extractor.

A worker process builds the extractor the first time a batch needs it and keeps it for
every later batch, with one database engine per URL; both live in module globals of the
worker process. The client never imports this module's heavy parts (spaCy loads inside
`ExtractorSpec.load`).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from watchline.errors import Errors, WatchlineError
from watchline.services.batches import BatchResult, IdRange, extract_batch
from watchline.store import Database

if TYPE_CHECKING:
    from watchline.extract import Extractor


@dataclass(frozen=True)
class ExtractorSpec:
    """What a worker needs to build the same extractor as the client would."""

    model: str
    theatre: str
    actors_file: str | None = None
    version: str = ""  # the client's extractor version; a worker with another refuses

    @classmethod
    def of(cls, model: str, theatre: str, actors_file: Path | None = None) -> ExtractorSpec:
        """The spec for these settings, checked here (a bad theatre fails now, not in
        every batch) and with files as absolute paths (workers have their own folders)."""
        from watchline.extract.pipeline import VERSION
        from watchline.geo.theatre import THEATRES_DIR, load_theatre, theatre_path

        path = theatre_path(theatre).resolve()
        load_theatre(path)  # E008/E009 here, once, rather than from every worker
        named = path.parent == THEATRES_DIR.resolve()  # packaged: every worker has it
        actors = str(actors_file.resolve()) if actors_file else None
        theatre = theatre if named else str(path)
        return cls(model=model, theatre=theatre, actors_file=actors, version=VERSION)

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
        if spec.version and _EXTRACTORS[spec].version != spec.version:
            worker = _EXTRACTORS[spec].version  # its batch stays to do, for a right worker
            raise WatchlineError(Errors.E927, worker=worker, client=spec.version)
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
