"""Ingest fixtures: the hand-written inputs, and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from ingest_support import FAST, INPUTS, Site, handler

from watchline.domain import Document
from watchline.ingest import IngestReport, ingest
from watchline.store import Database
from watchline.store.documents import DocumentRepository


@pytest.fixture
def site() -> Iterator[Site]:
    """A real HTTP server in a thread, on a free loopback port."""
    holder = Site(base="")
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler(holder))
    holder.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield holder
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture
def run(sqlite_db: Database) -> Callable[..., IngestReport]:
    """`ingest` on the test's SQLite database, with fetching made fast for tests."""

    def _run(*paths: str | Path, **options: object) -> IngestReport:
        options.setdefault("fetch_options", FAST)
        return ingest(sqlite_db, [str(p) for p in paths], **options)  # type: ignore[arg-type]

    return _run


@pytest.fixture
def inputs() -> Path:
    """The hand-written ingest inputs in tests/fixtures/ingest (hostile ones included)."""
    return INPUTS


@pytest.fixture
def stored(sqlite_db: Database) -> Callable[[], dict[str, Document]]:
    """Every stored document by key (its newest version where there are several)."""

    def _stored() -> dict[str, Document]:
        with sqlite_db.transaction() as session:
            documents = DocumentRepository(session).list()
        latest: dict[str, Document] = {}
        for document in documents:
            if document.key not in latest or document.version > latest[document.key].version:
                latest[document.key] = document
        return latest

    return _stored
