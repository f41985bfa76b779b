"""Serve the app with uvicorn: one process for the demo, several for a team.

Twenty analysts' browsers and scripts asking at once queue behind one Python process
(one core) however cheap each request is; `workers` processes, one per core by default,
serve them side by side. Each worker builds its own app (`create_app` through uvicorn's
factory) and so its own database engine: on SQLite every connection is in WAL mode with
a busy timeout (`store.db`), so readers never wait for a writer and writers take turns;
on PostgreSQL each worker keeps a small pool (`Settings.pool_size`).

The workers read their settings as the command did: the database URL is handed down in
`WATCHLINE_DATABASE_URL`, everything else comes from the same environment and
`watchline.toml`.
"""

from __future__ import annotations

import os


def default_workers() -> int:
    """One worker per CPU core this process may use (at least one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def serve(database_url: str, host: str, port: int, workers: int = 1) -> None:
    """Run uvicorn in the foreground until Ctrl+C (or SIGTERM)."""
    import uvicorn

    os.environ["WATCHLINE_DATABASE_URL"] = database_url  # what each worker's app opens
    uvicorn.run(
        "watchline.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,  # one log line per request costs more than a cheap request
    )
