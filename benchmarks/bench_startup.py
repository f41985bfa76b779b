"""Start-up of the command line: `watchline --help` and `extract` of a short text.

Each command runs as a fresh process, as a user types it, best of N runs (the machine is
shared). The baseline, measured in the same run, is the bare interpreter
(`python -c pass`). `extract` is timed twice: with an empty cache folder (the first run
on a new machine, which builds the actor and gazetteer indexes) and with the caches
built (every later run). Targets (Issue 13): `--help` < 0.5 s, warm `extract` < 3 s.

    python benchmarks/bench_startup.py            # 5 runs each
    python benchmarks/bench_startup.py --quick    # 2 runs each, a smoke test
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HELP_TARGET_S = 0.5
EXTRACT_TARGET_S = 3.0
TEXT = (
    "The defence ministry said on Monday that enemy troops shelled the village of Tegh "
    "overnight, wounding two civilians. The other side's army denied the report.\n"
)


def _best(command: list[str], runs: int, env: dict[str, str]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed: {done.stderr[-500:]}")
        best = min(best, elapsed)
    return best


def main() -> None:
    runs = 2 if "--quick" in sys.argv else 5
    watchline = str(Path(sys.executable).with_name("watchline"))
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "short.txt"
        text.write_text(TEXT, encoding="utf-8")
        env = {**os.environ, "WATCHLINE_CACHE_DIR": str(Path(tmp) / "cache")}
        extract = [watchline, "extract", str(text), "--published-on", "2024-04-02"]
        python_s = _best([sys.executable, "-c", "pass"], runs, env)
        cold_s = _best(extract, 1, env)  # builds the caches in the empty folder
        help_s = _best([watchline, "--help"], runs, env)
        extract_s = _best(extract, runs, env)
    print(f"bare interpreter      {python_s:6.2f} s")
    print(f"watchline --help      {help_s:6.2f} s   (target < {HELP_TARGET_S} s)")
    print(f"extract, caches built {extract_s:6.2f} s   (target < {EXTRACT_TARGET_S} s)")
    print(f"extract, empty cache  {cold_s:6.2f} s   (first run on a new machine)")
    met = help_s < HELP_TARGET_S and extract_s < EXTRACT_TARGET_S
    print(
        f"python_s={python_s:.2f} help_s={help_s:.2f} extract_s={extract_s:.2f} "
        f"extract_cold_s={cold_s:.2f} help_over_python={help_s / python_s:.1f} "
        f"targets_met={int(met)}"
    )


if __name__ == "__main__":
    main()
