"""`watchline serve --workers 2` over one SQLite file: two processes answer, and their
writes at the same moment all land, once each (WAL and a busy timeout, no lost or
doubled comment, no error)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from sqlalchemy import select

from watchline.store import Database
from watchline.store.tables import CaseEventRow
from watchline.web.serving import default_workers

WRITERS = 40


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, "watchline serve exited"
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError("the app did not start within 60 s")


def _workers_of(pid: int) -> int:
    """Worker processes spawned by `pid` (uvicorn's supervisor; not counting
    multiprocessing's resource tracker), or -1 where /proc cannot tell."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if not children.exists():
        return -1
    spawned = [Path(f"/proc/{c}/cmdline").read_bytes() for c in children.read_text().split()]
    return sum(b"spawn_main" in cmdline for cmdline in spawned)


def test_serve_workers_write_concurrently_to_one_sqlite_file(
    sqlite_db: Database, make_archive, tmp_path: Path
) -> None:
    archive = make_archive(sqlite_db, claims=80, cases=20)
    case_id = archive.case_ids[0]
    # This process's pooled connections go first: `Database.init` (run by the archive
    # generator) reads the file's header with open()/close(), and closing any descriptor
    # of a file drops every POSIX lock the process holds on it, SQLite's included, so
    # its connections opened before that may go on reading a stale WAL index.
    sqlite_db.dispose()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "WATCHLINE_DATABASE_URL": sqlite_db.url}
    command = [sys.executable, "-m", "watchline", "serve", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL)
    try:
        _wait_until_up(url, server)
        assert _workers_of(server.pid) in (-1, 2)  # -1: no /proc children file here
        headers = {"Authorization": f"Bearer {archive.token}"}

        def comment(n: int) -> int:
            body = {"text": f"Comment {n} from writer {n}"}
            path = f"{url}/api/cases/{case_id}/comments"
            answer = httpx.post(path, json=body, headers=headers, timeout=30)
            return answer.status_code

        with ThreadPoolExecutor(max_workers=WRITERS) as pool:
            statuses = list(pool.map(comment, range(WRITERS)))
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert statuses == [201] * WRITERS
    with sqlite_db.transaction() as session:
        texts = session.scalars(
            select(CaseEventRow.text).where(
                CaseEventRow.case_id == case_id, CaseEventRow.kind == "comment"
            )
        ).all()
    assert sorted(texts) == sorted(f"Comment {n} from writer {n}" for n in range(WRITERS))


def test_serve_workers_default_is_one_per_core() -> None:
    assert default_workers() == len(os.sched_getaffinity(0)) >= 1
