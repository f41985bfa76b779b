"""Export throughput: every format over a database of many claims, cases and patrols.

Builds a fresh SQLite database (or empties nothing and refuses a non-empty PostgreSQL
one: use a fresh database) with CLAIMS accusations and denials about villages along the
toy border over 30 days, links them into cases, gives each case a verdict, adds PATROLS
patrols of POINTS track points each with one finding, then times each export format
(the same function as `watchline export`). Prints the figures and ends with one
`key=value` line. Target: each format under 10 s for 2,000 claims and 200 patrols of
500 points on one core.

    python benchmarks/bench_exports.py [--quick] [--database-url URL]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from watchline.domain import (
    Act,
    EventType,
    Observation,
    ObservationType,
    Patrol,
    TrackPoint,
    Verdict,
    VerdictStatus,
)
from watchline.publish.exports import FORMATS
from watchline.services.casework import link_all
from watchline.services.exports import export
from watchline.store import Database
from watchline.store.cases import CaseRepository
from watchline.store.claims import ClaimRepository
from watchline.store.observations import ObservationRepository
from watchline.store.patrols import PatrolRepository
from watchline.store.tables import DocumentRow, SourceRow
from watchline.verify.simulation import make_claim, toy_theatre, village

THEATRE = toy_theatre("POLYGON ((44.9 39.98, 46.1 39.98, 46.1 40.4, 44.9 40.4, 44.9 39.98))")
FIRST = date(2024, 3, 1)
EXTENSIONS = {
    "claimreview": "jsonld",
    "acled": "csv",
    "geojson": "geojson",
    "gpkg": "gpkg",
    "plover": "json",
}
STATUSES = [
    VerdictStatus.CONTRADICTED,
    VerdictStatus.CORROBORATED,
    VerdictStatus.NOT_COVERED,
    VerdictStatus.DISPUTED,
]


def add_claims(db: Database, claims: int, rng: random.Random) -> None:
    villages = [village(f"Village {i}", 45.0 + i / 40, 40.02, "ARM") for i in range(40)]
    kinds = [EventType.MOBILIZE, EventType.ATTACK, EventType.FORTIFY]
    with db.transaction() as session:
        source = SourceRow(kind="news", name="bench wire")
        session.add(source)
        session.flush()
        for i in range(claims):
            day = FIRST + timedelta(days=rng.randrange(30))
            place, kind = rng.choice(villages), rng.choice(kinds)
            act, speaker = (Act.ACCUSE, "AZE") if i % 3 else (Act.DENY, "ARM")
            text = f"statement {i}: {speaker} {act} ARM of {kind} near {place.text}"
            claim = make_claim(
                "c1", speaker, act, kind, "ARM", day, places=(place,), event_day=day, content=text
            )
            doc = f"d{i}"
            session.add(
                DocumentRow(
                    id=doc,
                    key=f"bench:{doc}",
                    source_id=source.id,
                    published_at=datetime.combine(day, datetime.min.time(), UTC),
                    url=f"https://example.org/{doc}",
                    text=text,
                    raw=text.encode(),
                    sha256=hashlib.sha256(text.encode()).hexdigest(),
                    media=[],
                    meta={},
                )
            )
            session.flush()
            ClaimRepository(session).replace_for_document(doc, [claim])


def add_verdicts(db: Database, rng: random.Random) -> int:
    with db.transaction() as session:
        repo = CaseRepository(session)
        cases = repo.cases()
        for case in cases:
            repo.add_verdict(Verdict(case.id, rng.choice(STATUSES), 0.8, "bench verdict"))
    return len(cases)


def add_patrols(db: Database, patrols: int, points: int, rng: random.Random) -> None:
    with db.transaction() as session:
        repo, findings = PatrolRepository(session, 2000), ObservationRepository(session)
        for i in range(patrols):
            start = datetime(2024, 3, 1, 5, tzinfo=UTC) + timedelta(days=rng.randrange(30))
            lon0 = rng.uniform(45.0, 45.6)
            track = tuple(
                TrackPoint(
                    lon0 + 0.4 * k / points,
                    40.01 + rng.uniform(-0.003, 0.003),
                    start + timedelta(seconds=60 * k),
                )
                for k in range(points)
            )
            repo.add(
                Patrol(f"p{i}", f"team {i % 7}", start, track[-1].time, track),
                f"bench patrol {i}".encode(),
            )
            findings.add(
                Observation(
                    f"o{i}",
                    ObservationType.NOTHING_UNUSUAL,
                    start + timedelta(hours=1),
                    patrol_id=f"p{i}",
                    lat=40.01,
                    lon=lon0 + 0.1,
                )
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="A small run (smoke test).")
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--patrols", type=int, default=200)
    parser.add_argument("--points", type=int, default=500)
    parser.add_argument("--database-url", default=None, help="A fresh, empty database.")
    args = parser.parse_args()
    if args.quick:
        args.claims, args.patrols, args.points = 60, 6, 50
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = Database(args.database_url or f"sqlite:///{folder / 'bench.db'}")
        db.init()
        t0 = time.perf_counter()
        add_claims(db, args.claims, rng)
        add_patrols(db, args.patrols, args.points, rng)
        summary = link_all(db, THEATRE, theatres=[THEATRE])
        cases = add_verdicts(db, rng)
        print(
            f"backend: {db.dialect}; built {args.claims} claims, {cases} cases, "
            f"{args.patrols} patrols × {args.points} points in "
            f"{time.perf_counter() - t0:.1f} s ({summary.cases} linked)"
        )
        seconds: dict[str, float] = {}
        for fmt in FORMATS:
            path = folder / f"export.{EXTENSIONS[fmt]}"
            t0 = time.perf_counter()
            done = export(db, fmt, path, theatre=THEATRE, mission="Bench mission")
            seconds[fmt] = time.perf_counter() - t0
            size = path.stat().st_size / 1e6
            print(f"{fmt:<12} {seconds[fmt]:6.2f} s  {size:6.1f} MB  {done.summary()}")
        db.dispose()
    ok = max(seconds.values()) < 10
    figures = " ".join(f"{fmt}_s={s:.2f}" for fmt, s in seconds.items())
    print(
        f"backend={db.dialect} claims={args.claims} cases={cases} patrols={args.patrols} "
        f"points={args.points} {figures} targets_met={str(ok).lower()}"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
