"""The export benchmark still runs end to end (timings are reported, not asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[2] / "benchmarks" / "bench_exports.py"


def test_bench_exports_runs_every_format_and_ends_with_key_values(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--quick"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        cwd=tmp_path,
    )
    last = result.stdout.strip().splitlines()[-1]
    fields = dict(item.split("=", 1) for item in last.split())
    formats = {"claimreview_s", "acled_s", "geojson_s", "gpkg_s", "plover_s"}
    assert formats | {"claims", "cases", "targets_met"} <= fields.keys()
    assert all(float(fields[name]) > 0 for name in formats)
