"""The optional tile layer: checked at start-up, one origin in the CSP, drawn under maps.

The browser test starts a tiny tile server on loopback and sees the map ask it for tiles;
without the setting no request leaves the app's own origin.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from watchline.errors import WatchlineError
from watchline.settings import Settings
from watchline.web import create_app
from watchline.web.security import CONTENT_SECURITY_POLICY
from watchline.web.tiles import tile_source

from .conftest import PASSWORD, LiveServer, log_in

LEAFLET = Path("src/watchline/web/static/vendor/leaflet/leaflet.js")


def _png() -> bytes:
    """A 1×1 grey PNG, built here (chunks with their CRCs)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


PNG = _png()


def _settings(db_url: str = "sqlite:///unused.db", **values: str | None) -> Settings:
    return Settings(database_url=db_url, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://tiles.example.org/{z}/{x}/{y}.png", "https://tiles.example.org"),
        ("http://127.0.0.1:8081/osm/{z}/{x}/{y}.png?key=abc", "http://127.0.0.1:8081"),
        ("https://[::1]:8443/{z}/{y}/{x}", "https://[::1]:8443"),
        ("HTTPS://Tiles.Example.org/t/{z}/{x}/{y}.png", "https://tiles.example.org"),
    ],
)
def test_tiles_accepted_url_gives_its_origin(url: str, origin: str) -> None:
    source = tile_source(_settings(tile_url=url, tile_attribution="  Map data   © Us "))
    assert source is not None
    assert (source.url, source.origin, source.attribution) == (url, origin, "Map data © Us")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///srv/tiles/{z}/{x}/{y}.png", "scheme must be http or https"),
        ("javascript:alert(1)//{z}/{x}/{y}", "scheme must be http or https"),
        ("tiles.example.org/{z}/{x}/{y}.png", "scheme must be http or https"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "no single host"),
        ("https:///{z}/{x}/{y}.png", "no single host"),
        ("https://tiles.example.org/{z}/{x}.png", "lacks {y}"),
        ("https://tiles.example.org/{z}/{x}/{y}/{r}.png", "not {r}"),
        ("https://tiles.example.org:99999/{z}/{x}/{y}.png", "port"),
        ("https://user:pw@tiles.example.org/{z}/{x}/{y}.png", "user name or password"),
        ("https://tiles.example.org/{z}/{x}/{y}.png; script-src *", "spaces, quotes"),
        ("https://tiles.example.org/{z}/{x}/{y}.png' *", "spaces, quotes"),
    ],
)
def test_tiles_bad_url_is_refused_with_e760(url: str, reason: str) -> None:
    with pytest.raises(WatchlineError) as caught:
        tile_source(_settings(tile_url=url))
    assert caught.value.code == "E760"
    assert "WATCHLINE_TILE_URL" in caught.value.message
    assert reason in caught.value.message


def test_tiles_unset_is_offline_and_lone_attribution_is_e761() -> None:
    assert tile_source(_settings()) is None
    with pytest.raises(WatchlineError) as caught:
        tile_source(_settings(tile_attribution="© Someone"))
    assert caught.value.code == "E761"


def test_tiles_app_refuses_to_start_with_a_bad_url(tmp_path: Path) -> None:
    with pytest.raises(WatchlineError, match="E760"):
        create_app(_settings(f"sqlite:///{tmp_path / 'x.db'}", tile_url="ftp://t/{z}/{x}/{y}"))


def test_tiles_serve_refuses_to_start_with_a_coded_line(tmp_path: Path, monkeypatch) -> None:
    from watchline.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WATCHLINE_TILE_URL", "gopher://tiles/{z}/{x}/{y}")
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code != 0
    assert "E760" in result.output and "WATCHLINE_TILE_URL" in result.output
    assert "Traceback" not in result.output


@pytest.fixture
def tiled_app(demo_run, tmp_path: Path):
    """`tiled_app(url, attribution)`: the demo app over a private copy of its database."""
    made = []

    def make(url: str, attribution: str | None = None):
        db_file = tmp_path / f"tiled{len(made)}.db"
        shutil.copy(demo_run.database_url.removeprefix("sqlite:///"), db_file)
        app = create_app(
            _settings(f"sqlite:///{db_file}", tile_url=url, tile_attribution=attribution)
        )
        made.append(app)
        return app

    yield make
    for app in made:
        app.state.db.dispose()


def test_tiles_csp_allows_exactly_the_tile_origin(tiled_app, demo_app) -> None:
    app = tiled_app("https://tiles.example.org:8443/base/{z}/{x}/{y}.png", "<b>© Tiles</b>")
    with TestClient(app) as client:
        client = log_in(app, "analyst", client)
        page = client.get("/patrols")
    csp = page.headers["content-security-policy"]
    assert "img-src 'self' data: https://tiles.example.org:8443;" in csp
    assert csp.count("tiles.example.org") == 1  # in img-src only, nowhere else
    assert csp == CONTENT_SECURITY_POLICY.replace(
        "img-src 'self' data:", "img-src 'self' data: https://tiles.example.org:8443"
    )
    body = page.text
    assert 'data-tile-url="https://tiles.example.org:8443/base/{z}/{x}/{y}.png"' in body
    assert 'data-tile-attribution="&lt;b&gt;© Tiles&lt;/b&gt;"' in body  # text, escaped
    with TestClient(demo_app) as plain:
        page = log_in(demo_app, "analyst", plain).get("/patrols")
    assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "data-tile-url" not in page.text


class _TileServer:
    """A loopback HTTP server answering every GET with a tiny PNG, keeping the paths."""

    def __init__(self) -> None:
        paths: list[str] = []
        self.paths = paths

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                paths.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(PNG)))
                self.end_headers()
                self.wfile.write(PNG)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/tiles/{{z}}/{{x}}/{{y}}.png"

    def __enter__(self) -> _TileServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def tile_server() -> Iterator[_TileServer]:
    with _TileServer() as server:
        yield server


def _open_patrols_map(browser, app) -> tuple[list[str], list[str], object]:
    """Log in on a live server of `app`, open the patrols map; every request and every
    CSP violation the page made."""
    from watchline.services.accounts import add_user

    add_user(app.state.db, "tiles-analyst", "analyst", PASSWORD)
    requests: list[str] = []
    blocked: list[str] = []
    with LiveServer(app) as live:
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else 0)
        page.goto(f"{live.url}/login?next=/patrols")
        page.fill("input[name=name]", "tiles-analyst")
        page.fill("input[name=password]", PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url("**/patrols")
        page.wait_for_selector("#map[data-ready=true]", timeout=15_000)
        page.wait_for_load_state("networkidle")
        credit = page.locator(".map-credit").all_inner_texts()
        page.close()
        own = live.url
    return [u for u in requests if not u.startswith(own)], blocked, credit


@pytest.mark.skipif(not LEAFLET.exists(), reason="Leaflet is not installed (make web-assets)")
def test_browser_map_requests_tiles_only_when_set(browser, tiled_app, tile_server, demo_app):
    app = tiled_app(tile_server.url, "<img src=x onerror=alert(1)> Test tiles")
    elsewhere, blocked, credit = _open_patrols_map(browser, app)
    assert tile_server.paths, "the map asked the tile server for nothing"
    assert all(p.startswith("/tiles/") and p.endswith(".png") for p in tile_server.paths)
    assert elsewhere and all(u.startswith(tile_server.url.split("/tiles/")[0]) for u in elsewhere)
    assert not blocked, blocked
    assert credit == ["<img src=x onerror=alert(1)> Test tiles"]  # shown as text

    asked = len(tile_server.paths)
    elsewhere, blocked, credit = _open_patrols_map(browser, demo_app)
    assert elsewhere == [] and len(tile_server.paths) == asked  # offline: nothing asked
    assert credit == []
