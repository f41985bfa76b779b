"""The signing benchmark still runs end to end (figures are reported, not asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[2] / "benchmarks" / "bench_signing.py"


def test_bench_signing_runs_and_ends_with_key_values() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--quick"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    last = result.stdout.strip().splitlines()[-1]
    fields = dict(item.split("=", 1) for item in last.split())
    assert {"hash_s", "sign_s", "verify_s", "memory_ms", "targets_met"} <= fields.keys()
    assert float(fields["sign_s"]) > 0 and float(fields["verify_s"]) > 0
