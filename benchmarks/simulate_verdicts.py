"""Verdicts against a known truth, on a synthetic theatre.

A straight 170 km border, villages on both sides, true events on the mission's side,
patrols driving 30 km stretches each day (seeing the events they pass), and parties
making true and false claims, far-side claims and unobservable ones, with denials and
reposts. Link + verify run on it; the confusion matrix of verdicts against the truth is
printed, then one `key=value` line.

Targets: no `contradicted` verdict for a true event; >= 90 % correct verdicts where
coverage is sufficient; everything else not_covered, unobservable or disputed.

    python benchmarks/simulate_verdicts.py            # default size
    python benchmarks/simulate_verdicts.py --quick    # a smoke test
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace

from watchline.link import link_claims
from watchline.observe.coverage import compute_coverage
from watchline.verify.simulation import SimConfig, build_scenario, evaluate

STATUSES = ("corroborated", "contradicted", "not_covered", "unobservable", "disputed", "pending")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small scenario (seconds)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--miss-rate", type=float, default=0.0, help="patrols missing events")
    parser.add_argument("--scale", type=int, default=1, help="multiply days, events and claims")
    args = parser.parse_args()
    config = SimConfig(seed=args.seed, miss_rate=args.miss_rate)
    if args.scale > 1:
        k = args.scale
        config = replace(config, days=config.days * k, true_events=config.true_events * k,
                         false_claims=config.false_claims * k,
                         far_side_claims=config.far_side_claims * k,
                         unobservable_claims=config.unobservable_claims * k)  # fmt: skip
    if args.quick:
        config = replace(config, days=5, true_events=15, false_claims=15, far_side_claims=5,
                         unobservable_claims=5, villages=15)  # fmt: skip
    started = time.perf_counter()
    scenario = build_scenario(config)
    built = time.perf_counter()
    result = evaluate(scenario, compute_coverage)
    done = time.perf_counter()
    link_claims(scenario.claims, scenario.documents, scenario.theatre)
    linked = time.perf_counter()

    print(f"{len(scenario.claims)} claims, {len(scenario.patrols)} patrols, "
          f"{len(scenario.observations)} observations -> {result.cases} cases")  # fmt: skip
    print(f"{'truth':<14}" + "".join(f"{s:>14}" for s in STATUSES))
    for label in ("true", "false", "unobservable"):
        row = result.matrix.get(label, {})
        print(f"{label:<14}" + "".join(f"{row.get(s, 0):>14}" for s in STATUSES))
    ok = (
        result.contradicted_true == 0
        and result.sufficient_accuracy >= 0.9
        and result.unsafe_elsewhere == 0
    )
    print(
        f"cases={result.cases} sufficient={result.sufficient} "
        f"correct_where_sufficient={result.sufficient_accuracy:.3f} "
        f"contradicted_true={result.contradicted_true} unsafe_elsewhere={result.unsafe_elsewhere} "
        f"build_s={built - started:.2f} link_verify_s={done - built:.2f} "
        f"link_claims_per_s={len(scenario.claims) / (linked - done):.0f} targets_met={int(ok)}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
