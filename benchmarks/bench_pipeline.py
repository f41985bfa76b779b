"""The pipeline at three archive sizes: time per stage, and how link and verify grow.

Ingest and extraction are timed on a set of generated news-like documents (the
extractor would dominate everything at 100,000 claims, and has its own benchmark).
Link and verify are timed on generated claims written straight into a fresh SQLite file
(`pipeline_corpus.py`: statements, denials, confirmations, repeats and reposts about
the villages, sectors and borders of every packaged theatre over `--days` days, with
patrols on a third of the days), at each of three sizes: the first `link` and
`verify`, then again after a batch of 1 % new claims (the incremental runs). The growth
exponent is the least-squares slope of log(seconds) against log(claims) over the three
sizes; 1.0 is linear, 2.0 is all pairs. Seconds are CPU seconds of the process (the
machines this runs on are shared; wall time would measure the neighbours). Target:
link_exponent < 1.2 and verify_exponent < 1.2. The last line is `key=value` figures
for tools to read.

    python benchmarks/bench_pipeline.py              # 1,000 / 10,000 / 100,000 claims
    python benchmarks/bench_pipeline.py --quick      # small sizes, a smoke test
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pipeline_corpus import Corpus, corpus, patrols

from watchline.geo.theatre import load_all_theatres, load_theatre
from watchline.services.casework import link_all, verify_all
from watchline.store import Database
from watchline.store.claims import claim_to_row
from watchline.store.patrols import PatrolRepository
from watchline.store.tables import DocumentRow, SourceRow

TARGET = 1.2


def slope(sizes: Sequence[int], seconds: Sequence[float]) -> float:
    """Least-squares slope of log(seconds) on log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    num = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    den = sum((x - mx) ** 2 for x in xs)
    return num / den if den else 0.0


def store_corpus(db: Database, data: Corpus, source_id: int = 1) -> None:
    """Documents and claims straight into the store, in batches of 2,000."""
    by_doc: dict[str, list] = {}
    for claim in data.claims:
        by_doc.setdefault(claim.document_id or "", []).append(claim)
    items = list(data.documents.items())
    for first in range(0, len(items), 2000):
        with db.transaction() as session:
            if first == 0 and session.get(SourceRow, source_id) is None:
                session.add(SourceRow(id=source_id, kind="news", name="Generated wire"))
                session.flush()
            session.add_all(
                DocumentRow(id=key, key=key, source_id=source_id, text=text, raw=text.encode(),
                            sha256=f"{hash(key) & (2**63 - 1):064x}", media=[], meta={},
                            published_at=published)
                for key, (published, text) in items[first : first + 2000]
            )  # fmt: skip
            session.flush()
            session.add_all(
                claim_to_row(claim, key)
                for key, _ in items[first : first + 2000]
                for claim in by_doc.get(key, [])
            )


def store_patrols(db: Database, days: int, theatres: list) -> int:
    found = patrols(theatres, days)
    with db.transaction() as session:
        repo = PatrolRepository(session, 2000)
        for patrol in found:
            repo.add(patrol, patrol.id.encode())
    return len(found)


def _timed(step) -> float:
    """CPU seconds of this process: on a shared machine wall time mostly measures the
    neighbours (SQLite runs in-process, so its work is counted)."""
    started = time.process_time()
    step()
    return time.process_time() - started


def link_and_verify(size: int, days: int, folder: Path, theatres: list) -> dict[str, float]:
    """First link and verify, then both again after 1 % new claims."""
    db = Database(f"sqlite:///{folder / f'claims-{size}.db'}")
    db.init()
    whole = corpus(size + max(1, size // 100), theatres, days=days)
    first, batch = Corpus(), Corpus()
    for claim in whole.claims:
        is_new = claim.document_id is not None and int(claim.document_id[1:-1]) % 100 == 99
        (batch if is_new else first).claims.append(claim)
    for part in (first, batch):
        keep = {c.document_id for c in part.claims}
        part.documents = {k: v for k, v in whole.documents.items() if k in keep}
    store_corpus(db, first)
    store_patrols(db, days, theatres)
    default = load_theatre("arm-aze")
    figures = {"claims": float(len(first.claims))}
    figures["link_s"] = _timed(lambda: link_all(db, default, theatres=theatres))
    figures["verify_s"] = _timed(lambda: verify_all(db, default))
    store_corpus(db, batch)
    figures["relink_s"] = _timed(lambda: link_all(db, default, theatres=theatres))
    figures["reverify_s"] = _timed(lambda: verify_all(db, default))
    db.dispose()
    return figures


def ingest_and_extract(count: int, folder: Path) -> dict[str, float]:
    """Ingest `count` generated news documents (JSON Lines) and extract their claims."""
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_extract import documents

    from watchline.extract import Extractor
    from watchline.ingest import ingest
    from watchline.services.extraction import extract_documents

    texts = documents(count * 400)[:count]
    path = folder / "documents.jsonl"
    day = datetime(2025, 3, 3, 9, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            published = (day + timedelta(hours=i)).isoformat()
            out.write(json.dumps({"text": text, "url": f"https://example.org/{i}",
                                  "published_at": published, "source": "Wire"}) + "\n")  # fmt: skip
    db = Database(f"sqlite:///{folder / 'documents.db'}")
    db.init()
    figures = {"docs": float(len(texts))}
    figures["ingest_s"] = _timed(lambda: ingest(db, [path]))
    started = time.perf_counter()
    extractor = Extractor.load(theatre=load_theatre("arm-aze"))
    figures["extractor_load_s"] = time.perf_counter() - started
    summary: list = []
    figures["extract_s"] = _timed(lambda: summary.append(extract_documents(db, extractor)))
    figures["extracted_claims"] = float(summary[0].claims) if summary else 0.0
    db.dispose()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke test)")
    parser.add_argument("--sizes", default="1000,10000,100000", help="three claim counts")
    parser.add_argument("--days", type=int, default=365, help="days the archive spans")
    parser.add_argument("--docs", type=int, default=200, help="documents to ingest+extract")
    parser.add_argument("--no-extract", action="store_true", help="skip ingest and extract")
    args = parser.parse_args()
    sizes = [100, 200, 400] if args.quick else [int(s) for s in args.sizes.split(",")]
    days = 20 if args.quick else args.days
    docs = 3 if args.quick else args.docs
    theatres = load_all_theatres()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        front = {} if args.no_extract else ingest_and_extract(docs, folder)
        rows = [link_and_verify(size, days, folder, theatres) for size in sizes]
    if front:
        print(f"ingest {front['docs']:.0f} documents: {front['ingest_s']:.2f} s; extract: "
              f"{front['extract_s']:.2f} s ({front['extracted_claims']:.0f} claims; model "
              f"load {front['extractor_load_s']:.1f} s)")  # fmt: skip
    print(f"{'claims':>8} {'link_s':>8} {'verify_s':>9} {'relink_s':>9} {'reverify_s':>11}")
    for row in rows:
        print(f"{row['claims']:>8.0f} {row['link_s']:>8.2f} {row['verify_s']:>9.2f} "
              f"{row['relink_s']:>9.2f} {row['reverify_s']:>11.2f}")  # fmt: skip
    counts = [int(r["claims"]) for r in rows]
    link_exp = slope(counts, [r["link_s"] for r in rows])
    verify_exp = slope(counts, [r["verify_s"] for r in rows])
    met = int(link_exp < TARGET and verify_exp < TARGET)
    stage = " ".join(f"{k}={front[k]:.2f}" for k in ("ingest_s", "extract_s")) if front else ""
    per_size = " ".join(
        f"link_s_{c}={r['link_s']:.2f} verify_s_{c}={r['verify_s']:.2f} "
        f"relink_s_{c}={r['relink_s']:.2f} reverify_s_{c}={r['reverify_s']:.2f}"
        for c, r in zip(counts, rows, strict=True)
    )
    print(
        f"claims={','.join(map(str, counts))} days={days} {stage} {per_size} "
        f"link_exponent={link_exp:.2f} verify_exponent={verify_exp:.2f} targets_met={met}".replace(
            "  ", " "
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
