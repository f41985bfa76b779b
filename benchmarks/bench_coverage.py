"""Coverage at scale: import many patrols, then time coverage queries.

Generates PATROLS patrols with POINTS track points in total along the border of the
arm-aze theatre over 30 days (CSV files, one per patrol), imports them with the same
function as `watchline patrols import`, then runs QUERIES coverage queries for random
sectors and time windows (6 h to 3 days). Prints the import time and query p50/p95 and
ends with one `key=value` line. Targets (issue 5): import < 60 s, query p95 < 50 ms, on
SQLite (default) and on PostgreSQL + PostGIS (`--database-url postgresql+psycopg://…`;
the database must exist and have PostGIS; its patrol tables are emptied first).

    python benchmarks/bench_coverage.py [--quick] [--database-url URL]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import shapely
import shapely.wkt
from sqlalchemy import text

from watchline.geo.geometry import projection_for
from watchline.geo.theatre import load_theatre
from watchline.services.patrols import import_patrols
from watchline.store import Database
from watchline.store.patrols import coverage_of

FIRST_DAY = datetime(2024, 3, 1, 2, 0, tzinfo=UTC)  # 06:00 in Yerevan
DAYS = 30
HELD_MINUTES = 30.0


def write_patrols(folder: Path, patrols: int, points: int, seed: int) -> None:
    """CSV files of patrols driving along random stretches of the border."""
    rng = np.random.default_rng(seed)
    theatre = load_theatre("arm-aze")
    border = shapely.wkt.loads(theatre.border)
    proj = projection_for(border)
    lines = [proj.forward(g) for g in border.geoms]
    weights = np.array([g.length for g in lines]) / sum(g.length for g in lines)
    per_patrol = max(2, points // patrols)
    for i in range(patrols):
        line = lines[rng.choice(len(lines), p=weights)]
        length = rng.uniform(30_000, 120_000)
        start = rng.uniform(0, max(1.0, line.length - length))
        along = np.linspace(start, min(line.length, start + length), per_patrol)
        xy = shapely.get_coordinates(shapely.line_interpolate_point(line, along))
        offset = 700 + 500 * np.sin(np.linspace(0, rng.uniform(2, 12), per_patrol))
        xy[:, 1] -= offset  # south/west of the line: roughly the Armenian side
        xy += rng.normal(0, 5.0, xy.shape)
        lonlat = shapely.get_coordinates(proj.inverse(shapely.MultiPoint(xy)))
        begin = FIRST_DAY + timedelta(days=int(rng.integers(DAYS)), hours=rng.uniform(0, 3))
        seconds = np.linspace(0, rng.uniform(6, 11) * 3600, per_patrol)
        rows = ["lat,lon,time"]
        rows += [
            f"{lat:.6f},{lon:.6f},{(begin + timedelta(seconds=float(s))).isoformat()}"
            for (lon, lat), s in zip(lonlat, seconds, strict=True)
        ]
        (folder / f"patrol-{i:05d}.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def empty_tables(db: Database) -> None:
    with db.transaction() as session:
        session.execute(text("DELETE FROM observations"))
        session.execute(text("DELETE FROM patrols"))


def run_queries(db: Database, queries: int, seed: int) -> tuple[list[float], list[float]]:
    """Milliseconds per coverage query over random sectors and windows: in sight at all,
    and held in sight HELD_MINUTES (the sampled, time-true share of the area)."""
    rng = random.Random(seed)
    theatre = load_theatre("arm-aze")
    sectors = [s.geometry for s in theatre.sectors]
    timings, cpu, held, minutes = [], [], [], []
    covered = 0
    for _ in range(queries):
        area = rng.choice(sectors)
        start = FIRST_DAY + timedelta(hours=rng.uniform(-12, DAYS * 24))
        end = start + timedelta(hours=rng.uniform(6, 72))
        t0, c0 = time.perf_counter(), time.process_time()
        with db.transaction() as session:
            cov = coverage_of(session, area, start, end, theatre.visibility_m)
        timings.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        covered += cov.area_fraction > 0
        minutes.append(cov.in_sight_minutes)
        t0 = time.perf_counter()
        with db.transaction() as session:
            coverage_of(session, area, start, end, theatre.visibility_m, min_minutes=HELD_MINUTES)
        held.append((time.perf_counter() - t0) * 1000)
    print(f"queries with some coverage: {covered}/{queries}")
    print(f"client CPU per query: p50 {statistics.median(cpu):.1f} ms")
    print(f"in sight per query: mean {statistics.mean(minutes):.0f} min")
    return timings, held


def load() -> str:
    """The 1-minute load average: this machine's cores are shared, so say how busy."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    parser.add_argument("--patrols", type=int, default=1000)
    parser.add_argument("--points", type=int, default=1_000_000, help="in total")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="100 patrols, 50k points, 100 q")
    args = parser.parse_args()
    if args.quick:
        args.patrols, args.points, args.queries = 100, 50_000, 100
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "patrols"
        folder.mkdir()
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        db = Database(url)
        db.init()
        empty_tables(db)
        t0 = time.perf_counter()
        write_patrols(folder, args.patrols, args.points, args.seed)
        generate_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        report = import_patrols(db, [folder])
        import_s = time.perf_counter() - t0
        assert report.ok, report.errors[:3]
        print(f"backend: {db.dialect}")
        print(f"generated {args.patrols} patrols / {report.points} points in {generate_s:.1f} s")
        print(f"imported {len(report.added)} patrols in {import_s:.1f} s")
        timings, held = run_queries(db, args.queries, args.seed)
        p50 = statistics.median(timings)
        p95 = statistics.quantiles(timings, n=20)[-1]
        held_p95 = statistics.quantiles(held, n=20)[-1]
        print(f"coverage query: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(timings):.1f} ms")
        print(
            f"held {HELD_MINUTES:.0f} min query: p50 {statistics.median(held):.1f} ms, "
            f"p95 {held_p95:.1f} ms"
        )
        empty_tables(db)
        db.dispose()
    ok = import_s < 60 and p95 < 50
    print(
        f"backend={db.dialect} patrols={len(report.added)} points={report.points} "
        f"import_s={import_s:.2f} query_p50_ms={p50:.2f} query_p95_ms={p95:.2f} "
        f"held_query_p95_ms={held_p95:.2f} "
        f"queries={args.queries} load1={load()} targets_met={str(ok).lower()}"
    )


if __name__ == "__main__":
    main()
