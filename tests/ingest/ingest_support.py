"""Helpers for the ingest tests: the inputs folder, fast fetch options, a test web site.

Kept out of conftest.py under a unique name so test modules can import them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from watchline.ingest import FetchOptions

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


def handler(site: Site) -> type[BaseHTTPRequestHandler]:
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
