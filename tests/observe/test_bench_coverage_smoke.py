"""The coverage benchmark still runs end to end (tiny sizes; no timing asserted here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[2] / "benchmarks" / "bench_coverage.py"


def test_bench_coverage_runs_and_ends_with_key_values() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--patrols", "20", "--points", "2000", "--queries", "10"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    last = result.stdout.strip().splitlines()[-1]
    fields = dict(item.split("=", 1) for item in last.split())
    assert fields["patrols"] == "20" and fields["points"] == "2000"
    assert float(fields["query_p95_ms"]) > 0
