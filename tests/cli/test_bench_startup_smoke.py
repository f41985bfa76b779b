"""The start-up benchmark still runs end to end (timings are reported, not asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[2] / "benchmarks" / "bench_startup.py"


def test_bench_startup_runs_and_ends_with_key_values() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--quick"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    last = result.stdout.strip().splitlines()[-1]
    fields = dict(item.split("=", 1) for item in last.split())
    assert {"help_s", "extract_s", "extract_cold_s", "targets_met"} <= fields.keys()
    assert float(fields["extract_cold_s"]) >= float(fields["help_s"]) > 0
