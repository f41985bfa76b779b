"""The API benchmark still runs end to end: a small archive, real uvicorn, real clients.

Timings are reported, not asserted; what must hold is the last line's shape and that
not one request failed (each route answered 200 under concurrent clients).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).parents[2] / "benchmarks" / "bench_api.py"
LAST = re.compile(
    r"^claims=(\d+) clients=(\d+) p50_ms=([\d.]+) p95_ms=([\d.]+) errors=(\d+) "
    r"db=(sqlite|postgresql)$"
)


def _run(*extra: str) -> re.Match[str]:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--quick", "--seconds", "2", *extra],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    last = result.stdout.strip().splitlines()[-1]
    match = LAST.match(last)
    assert match, last
    return match


def test_bench_api_quick_runs_without_errors() -> None:
    match = _run()
    assert match[1] == "2000" and match[2] == "20" and match[6] == "sqlite"
    assert match[5] == "0", "requests failed under concurrent clients"
    assert float(match[4]) >= float(match[3]) > 0


@pytest.mark.postgres
def test_bench_api_quick_runs_on_postgresql() -> None:
    url = os.environ.get("WATCHLINE_TEST_DATABASE_URL")
    if not url:
        pytest.skip("set WATCHLINE_TEST_DATABASE_URL to run PostgreSQL tests")
    match = _run("--database-url", url)
    assert match[6] == "postgresql" and match[5] == "0"
