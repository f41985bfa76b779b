"""Verdicts against a known truth, on generated adversarial theatres.

Four theatres (a straight border in Asia/Yerevan, a zig-zag line in Asia/Kolkata, a
curved line in Europe/Belgrade, a buffer-zone strip in Asia/Nicosia); episodes of true
and false claims built around brief passes, long stops far away, morning patrols against
evening claims, overnight and "about 14:00" claims, wild GPS fixes, multi-day windows,
lone denials, reposts, next-day (and late) inspections, far-side and unobservable
claims. The truth comes from dense sampling of where each patrol truly was
(`watchline.verify.simulation.truth`), never from the engine's coverage code.

Prints the confusion matrix (truth row × verdict), the errors by scenario, then one
`key=value` line. Targets: false_contradicted=0, correct_where_sufficient >= 0.95,
every contradicted rationale states the minutes in sight (minutes_stated=1.000).

    python benchmarks/simulate_verdicts.py            # >= 10,000 cases
    python benchmarks/simulate_verdicts.py --quick    # CI-sized
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter

from watchline.verify.simulation import ROWS, SimConfig, simulate
from watchline.verify.simulation.world import WorldConfig

STATUSES = ("corroborated", "contradicted", "not_covered", "unobservable", "disputed", "pending")
DAYS = 820  # per theatre: about 3.3 cases a theatre-day (a place rests while traces last)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small run (CI)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the days")
    parser.add_argument("--miss-rate", type=float, default=0.0, help="patrols missing events")
    parser.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1))
    args = parser.parse_args()
    days = 12 if args.quick else max(1, int(DAYS * args.scale))
    config = SimConfig(
        WorldConfig(seed=args.seed, days=days, miss_rate=args.miss_rate), workers=args.workers
    )
    started = time.perf_counter()
    report = simulate(config)
    wall = time.perf_counter() - started
    r = report.result
    print(
        f"{len(config.theatres)} theatres x {days} days: {report.claims} claims, "
        f"{report.patrols} patrols ({report.fixes} fixes, {r.wild_fixes} wild), "
        f"{report.observations} findings -> {r.cases} cases"
    )
    print(f"{'truth':<18}" + "".join(f"{s:>14}" for s in STATUSES))
    for row in ROWS:
        counts = r.matrix.get(row, Counter())
        print(f"{row:<18}" + "".join(f"{counts.get(s, 0):>14}" for s in STATUSES))
    print("wrong verdicts by scenario (scenario, truth, verdict):")
    for (scenario, row, status), n in r.errors.most_common(25):
        print(f"  {n:>6}  {scenario:<20} {row:<18} {status}")
    print(
        f"cases={r.cases} false_contradicted={r.false_contradicted} "
        f"contradicted_true={r.contradicted_true} contradicted_thin={r.contradicted_thin} "
        f"contradicted_unobservable={r.contradicted_unobservable} "
        f"sufficient={r.sufficient} correct_where_sufficient={r.sufficient_accuracy:.3f} "
        f"unobservable_correct={r.unobservable_correct}/{r.unobservable} "
        f"contradicted={r.contradicted} minutes_stated={r.minutes_share:.3f} "
        f"minutes_off={r.minutes_off} by_trace={r.by_trace} unscored={r.unscored} "
        f"build_s={report.build_s:.1f} verify_s={report.verify_s:.1f} "
        f"truth_s={report.score_s:.1f} wall_s={wall:.1f} targets_met={int(r.targets_met())}"
    )
    return 0 if r.targets_met() else 1


if __name__ == "__main__":
    raise SystemExit(main())
