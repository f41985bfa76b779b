"""Review at scale: what corrections cost the pages and runs that read claims.

Builds the demo database, then stores CORRECTIONS corrections (spread over the demo's
claims, several per field) and times, in the same run:

- reading every claim as stored (`ClaimRepository.list`: the baseline) against reading
  them as corrected (`store.review.corrected_claims`, what linking, verification and
  the case pages read);
- one correction made in the app: stored and audited only, and with the re-link and
  re-verify the web app runs after it (`services.review.Relink`).

Ends with one `key=value` line. Target: corrected reads within 2x the baseline plus
50 ms, a correction with its re-link under 5 s on the demo.

    python benchmarks/bench_review.py [--corrections N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from watchline.geo.theatre import load_theatre
from watchline.services.demo import run_demo
from watchline.services.review import Relink, correct_claim
from watchline.store import Database
from watchline.store.claims import ClaimRepository
from watchline.store.review import ReviewRepository, claim_key, corrected_claims, field_value
from watchline.store.tables import ClaimCorrectionRow

ACTS = ("assert", "accuse", "deny", "confirm", "warn", "appeal")


def _fill(db: Database, count: int) -> None:
    with db.transaction() as session:
        claims = ClaimRepository(session).list()
        repo = ReviewRepository(session)
        for i in range(count):
            claim = claims[i % len(claims)]
            repo.session.add(
                ClaimCorrectionRow(
                    claim_key=claim_key(claim), claim_id=claim.id, field="act",
                    engine_value=field_value(claim, "act"), old_value=None,
                    value=ACTS[i % len(ACTS)], reason="benchmark", author="bench",
                    created_at=datetime.now(UTC),
                )
            )  # fmt: skip
        session.flush()


def _median_ms(work, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corrections", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        demo = run_demo(Path(folder), say=lambda _line: None)
        db = Database(demo.database_url)
        _fill(db, args.corrections)

        def stored() -> None:
            with db.transaction() as session:
                ClaimRepository(session).list()

        def as_corrected() -> None:
            with db.transaction() as session:
                corrected_claims(session)

        base_ms, read_ms = _median_ms(stored), _median_ms(as_corrected)
        with db.transaction() as session:
            claims = ClaimRepository(session).list()
        claim = claims[0]
        started = time.perf_counter()
        correct_claim(db, claim.id, "event_type", "diplomacy", "bench", "bench")
        store_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        correct_claim(db, claim.id, "event_type", "other", "bench", "bench",
                      relink=Relink(load_theatre("arm-aze")))  # fmt: skip
        relink_s = time.perf_counter() - started
        db.dispose()
    print(f"claims read as stored ({len(claims)} claims): {base_ms:.1f} ms (baseline, same run)")
    print(f"claims read as corrected, {args.corrections} corrections: {read_ms:.1f} ms")
    print(f"one correction, stored and audited: {store_ms:.1f} ms")
    print(f"one correction with re-link and re-verify: {relink_s:.2f} s")
    print(
        f"corrections={args.corrections} baseline_ms={base_ms:.1f} corrected_ms={read_ms:.1f} "
        f"correction_ms={store_ms:.1f} correction_relink_s={relink_s:.2f}"
    )


if __name__ == "__main__":
    main()
