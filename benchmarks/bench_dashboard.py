"""The dashboard and a timeline page as the database grows: bounded queries stay flat.

Fills two fresh SQLite databases in the same run, a small one (the baseline) and a large
one (CLAIMS claims over a year, one document per 4 claims, each claim's event with a
party and a day, an analyst's agent correction on every 50th document's claims, a case
per 20 claims with two verdicts each and a review row for every third case), and times
in each the whole dashboard (`services.dashboard.dashboard`) and the first and 20th page
of the theatre timeline over the whole year. Target on SQLite at 200,000 claims: the dashboard and a
timeline page each under 500 ms. They grow with what their window holds (the chart's 30
days hold more claims in a denser database; the timeline counts up to 10,000 entries
per source), not with the whole database: no query scans every claim.

    python benchmarks/bench_dashboard.py [--claims N] [--small N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from watchline.services.dashboard import dashboard
from watchline.services.timeline import theatre_timeline
from watchline.store import Database
from watchline.store.tables import (
    CaseReviewRow,
    CaseRow,
    ClaimCorrectionRow,
    ClaimRow,
    DocumentRow,
    SourceRow,
    VerdictRow,
)

FIRST = date(2024, 1, 1)
PARTIES = ("ARM", "AZE", "EU", "RUS", None)
CORRECTED = 50
STATUSES = ("contradicted", "corroborated", "not_covered", "unobservable", "disputed")


def _event(i: int) -> dict[str, object]:
    """An event with a party said to act and a day (the alleged-events chart reads both)."""
    day = (FIRST + timedelta(days=max(0, i % 366 - 1))).isoformat()
    party = PARTIES[(i + 1) % 5]
    return {"agent": {"text": party, "actor_id": None, "affiliation": party} if party else None,
            "agents": [], "places": [], "meta": {},
            "time": {"start": day, "end": day, "text": None, "start_time": None,
                     "end_time": None}}  # fmt: skip


def _fill(db: Database, claims: int) -> None:
    """Rows written in bulk with Core inserts (the ORM would dominate the setup time)."""
    now = datetime(2025, 1, 1, tzinfo=UTC)
    documents = max(1, claims // 4)
    cases = max(1, claims // 20)
    with db.engine.begin() as conn:
        conn.execute(insert(SourceRow), [{"id": 1, "kind": "web", "name": "bench"}])
        conn.execute(
            insert(DocumentRow),
            [
                {"id": f"d{i}", "key": f"k{i}", "source_id": 1, "text": "t", "raw": b"r",
                 "sha256": f"{i:064d}", "text_sha256": f"{i:064d}", "version": 1,
                 "published_at": now - timedelta(minutes=i), "media": [], "meta": {}}
                for i in range(documents)
            ],
        )  # fmt: skip
        conn.execute(
            insert(ClaimRow),
            [
                {"id": f"c{i}", "document_id": f"d{i // 4}", "speaker_text": "the ministry",
                 "speaker_start": 0, "speaker_end": 3, "affiliation": PARTIES[i % 5],
                 "act": "accuse", "cue_text": "said", "cue_start": 4, "cue_end": 8,
                 "content_text": "shelling", "content_start": 9, "content_end": 17,
                 "direct_quote": False, "stated_on": FIRST + timedelta(days=i % 366),
                 "event_type": "attack", "negated": False, "event": _event(i),
                 "confidence": 0.9, "extractor_version": "bench"}
                for i in range(claims)
            ],
        )  # fmt: skip
        conn.execute(  # an analyst corrected the agent of every CORRECTED-th document's claims
            insert(ClaimCorrectionRow),
            [
                {"claim_key": f"d{d}|4-8|9-17", "claim_id": f"c{d * 4}", "field": "agent",
                 "engine_value": None, "old_value": None, "reason": "bench", "author": "a",
                 "value": {"text": "Azerbaijan", "actor_id": "aze", "affiliation": "AZE"},
                 "created_at": now}
                for d in range(0, documents, CORRECTED)
            ],
        )  # fmt: skip
        conn.execute(
            insert(CaseRow),
            [
                {"id": f"case{i}", "event_type": "attack", "start": FIRST + timedelta(i % 366),
                 "scope": "place", "place_ids": [], "title": f"case {i}", "active": True,
                 "linked_at": now}
                for i in range(cases)
            ],
        )  # fmt: skip
        conn.execute(
            insert(VerdictRow),
            [
                {"case_id": f"case{i // 2}", "status": STATUSES[i % 5], "confidence": 0.5,
                 "rationale": "r", "author": "engine" if i % 2 else "analyst", "evidence": [],
                 "created_at": now + timedelta(seconds=i)}
                for i in range(cases * 2)
            ],
        )  # fmt: skip
        conn.execute(
            insert(CaseReviewRow),
            [
                {"case_id": f"case{i}", "state": "in_review", "assignee": None if i % 2 else "a",
                 "updated_at": now}
                for i in range(0, cases, 3)
            ],
        )  # fmt: skip


def _median_ms(work, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(claims: int, folder: Path) -> tuple[float, float, float]:
    db = Database(f"sqlite:///{folder / f'bench-{claims}.db'}")
    db.init()
    _fill(db, claims)
    board_ms = _median_ms(lambda: dashboard(db))
    window = (FIRST, FIRST + timedelta(days=365))
    first_ms = _median_ms(lambda: theatre_timeline(db, *window, page=1))
    deep_ms = _median_ms(lambda: theatre_timeline(db, *window, page=20))
    db.dispose()
    return board_ms, first_ms, deep_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=200_000)
    parser.add_argument("--small", type=int, default=2_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        small = measure(args.small, Path(folder))
        large = measure(args.claims, Path(folder))
    for label, n, (board, first, deep) in (("baseline", args.small, small),
                                           ("large", args.claims, large)):  # fmt: skip
        print(f"{label}: {n} claims: dashboard {board:.1f} ms, timeline page 1 {first:.1f} ms, "
              f"page 20 {deep:.1f} ms")  # fmt: skip
    print(
        f"claims={args.claims} baseline_claims={args.small} baseline_dashboard_ms={small[0]:.1f} "
        f"dashboard_ms={large[0]:.1f} timeline_page1_ms={large[1]:.1f} "
        f"timeline_page20_ms={large[2]:.1f} dashboard_ratio={large[0] / max(small[0], 0.01):.2f}"
    )


if __name__ == "__main__":
    main()
