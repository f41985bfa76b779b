"""The dashboard benchmark still runs end to end (timings are reported, not asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[2] / "benchmarks" / "bench_dashboard.py"


def test_bench_dashboard_runs_and_ends_with_key_values(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--claims", "3000", "--small", "300"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=tmp_path,
    )
    last = result.stdout.strip().splitlines()[-1]
    fields = dict(item.split("=", 1) for item in last.split())
    assert fields["claims"] == "3000" and fields["baseline_claims"] == "300"
    for name in ("dashboard_ms", "timeline_page1_ms", "timeline_page20_ms"):
        assert float(fields[name]) > 0, name
