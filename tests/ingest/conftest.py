"""Ingest fixtures: the hand-written inputs, and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from watchline.domain import Document
from watchline.ingest import FetchOptions, IngestReport, ingest
from watchline.store import Database
from watchline.store.documents import DocumentRepository

INPUTS = Path(__file__).parents[1] / "fixtures" / "ingest"
FAST = FetchOptions(timeout_s=5, retries=2, backoff_s=0.01, per_host_interval_s=0.0)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


Route = Reply | list[Reply] | Callable[[dict[str, str]], Reply]


@dataclass
class Site:
    """What the test server answers (`routes` by path) and what it was asked."""

    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def serve_file(self, path: str, name: str, content_type: str, **headers: str) -> str:
        body = (INPUTS / name).read_bytes()
        self.routes[path] = Reply(200, body, {"Content-Type": content_type, **headers})
        return self.url(path)

    def asked(self, path: str) -> list[dict[str, str]]:
        return [headers for asked, headers in self.requests if asked == path]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            headers = {key.lower(): value for key, value in self.headers.items()}
            site.requests.append((self.path, headers))
            route = site.routes.get(self.path, Reply(404, b"not here"))
            if isinstance(route, list):
                reply = route.pop(0) if len(route) > 1 else route[0]
            elif callable(route):
                reply = route(headers)
            else:
                reply = route
            self.send_response(reply.status)
            for key, value in reply.headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

        def log_message(self, *args: object) -> None:
            return

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    """A real HTTP server in a thread, on a free loopback port."""
    holder = Site(base="")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(holder))
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
