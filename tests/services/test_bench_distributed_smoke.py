"""The distributed benchmark still runs end to end (its figures are reported, not asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).parents[2] / "benchmarks" / "bench_distributed.py"


@pytest.mark.dask
@pytest.mark.slow
def test_bench_distributed_runs_and_ends_with_key_values() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--quick"],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    last = result.stdout.strip().splitlines()[-1]
    fields = dict(item.split("=", 1) for item in last.split())
    assert list(fields)[-2:] == ["workers", "efficiency"], last
    assert fields["workers"] == "2" and float(fields["efficiency"]) > 0
    assert int(fields["documents"]) == 8 and int(fields["claims"]) > 0
    assert float(fields["workers_1_s"]) > 0 and float(fields["workers_2_s"]) > 0
    assert float(fields["cpu_ratio"]) > 0
