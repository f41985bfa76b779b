"""Web fixtures: a live server on 127.0.0.1 over a real SQLite file, and Debian's Chromium.

Browser tests skip when Chromium or Playwright is missing on a developer's machine, but
fail in CI (CI=true), where `.ci/run` installs both.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from watchline.settings import Settings
from watchline.web import create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """Runs an ASGI app with uvicorn in a thread; stops it on exit."""

    def __init__(self, app) -> None:
        self.port = _free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test server did not start within 10 s")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def demo_app(demo_run, tmp_path: Path) -> Iterator[FastAPI]:
    """The app over a private copy of the demo database (tests may write to it)."""
    db_file = tmp_path / "demo.db"
    shutil.copy(demo_run.database_url.removeprefix("sqlite:///"), db_file)
    app = create_app(Settings(database_url=f"sqlite:///{db_file}"))
    yield app
    app.state.db.dispose()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless Debian Chromium driven by Playwright (no browser download)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("playwright is not installed")
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; .ci/run must install it")
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


PASSWORD = "a long test password"


def log_in(app: FastAPI, role: str, client=None):
    """A TestClient logged in as a new user of `role` (its CSRF token in `client.csrf`)."""
    from fastapi.testclient import TestClient

    from watchline.services.accounts import add_user, list_users

    name = f"test-{role}"
    if name not in {u.name for u in list_users(app.state.db)}:
        add_user(app.state.db, name, role, PASSWORD)
    client = client or TestClient(app)
    response = client.post("/login", data={"name": name, "password": PASSWORD, "next": "/cases"})
    assert response.status_code in (200, 303), response.text
    client.csrf = client.get("/api/me").json()["csrf"]
    return client


@pytest.fixture
def login():
    """`login(app, role, client=None)`: a TestClient logged in as a user of that role."""
    return log_in
