"""The pipeline benchmark still runs end to end (tiny sizes; no timing asserted here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[2] / "benchmarks" / "bench_pipeline.py"


def test_bench_pipeline_runs_and_ends_with_key_values() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--sizes", "30,60,120", "--days", "8", "--no-extract"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    last = result.stdout.strip().splitlines()[-1]
    fields = dict(item.split("=", 1) for item in last.split())
    assert [int(n) for n in fields["claims"].split(",")] == sorted(
        int(n) for n in fields["claims"].split(",")
    )
    assert len(fields["claims"].split(",")) == 3
    for key in ("link_exponent", "verify_exponent"):
        float(fields[key])
    assert fields["targets_met"] in ("0", "1")
