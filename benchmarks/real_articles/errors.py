"""Where the extractor goes wrong on the dev yardstick: one process, error classes.

`score.py` runs the CLI per document (the figures to report). This runs the extractor
in-process (about 30 s for the dev set) and sorts the paired claims' errors by field
(affiliation, act, event type, agent, date) with gold -> predicted counts, to choose
which mechanism to fix next. Only the dev set: the held-out is never read in detail.

    python benchmarks/real_articles/errors.py [--show act] [--limit 40]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent


def default_scorer() -> Path:
    """../shared/eval/score.py beside the checkout (or beside its worktree folder)."""
    for root in HERE.parents[2:4]:
        if (root / "shared/eval/score.py").exists():
            return root / "shared/eval/score.py"
    return HERE.parents[2] / "shared/eval/score.py"


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--texts", type=Path, default=HERE / "texts")
    parser.add_argument("--scorer", type=Path, default=default_scorer())
    parser.add_argument(
        "--show",
        help="print the pairs wrong in this field (act, affiliation, …), or the gold claims "
        "no prediction found (missed), or the predictions no gold claim has (spurious)",
    )
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument(
        "--folder", type=Path, help="a folder of *.gold.json instead (the gates' sets)"
    )
    args = parser.parse_args()
    score = _scorer(args.scorer)
    from watchline.extract.document import extract_file

    confusions: dict[str, Counter[tuple[str, str]]] = {
        k: Counter() for k in ("affiliation", "act", "event_type", "agent", "stated_on")
    }
    shown: list[str] = []
    n_gold = n_pred = n_span = n_claim = n_full = 0
    missed: Counter[str] = Counter()
    dated = dated_ok = 0
    if args.folder:
        docs = score.load_gold(args.folder, None)
    else:
        parsed = [
            json.loads(line)
            for gold_file in sorted((HERE / "gold").glob("dev-*.jsonl"))
            for line in gold_file.read_text(encoding="utf-8").splitlines()
        ]
        docs = [(doc, args.texts / f"{doc['id']}.txt") for doc in parsed]
    for doc, path in docs:
        text = path.read_text(encoding="utf-8")
        result = extract_file(path, date.fromisoformat(doc["published_on"]))
        pred = score.pred_claims(result.contract(None))
        gold = doc["claims"]
        pairs = score.match(gold, pred, 0.2)
        n_gold, n_pred, n_span = n_gold + len(gold), n_pred + len(pred), n_span + len(pairs)
        for gi in sorted(set(range(len(gold))) - {g for g, _ in pairs}):
            missed[gold[gi]["act"]] += 1
            if args.show == "missed":
                g = gold[gi]
                span = text[g["content_start"] : g["content_end"]][:90]
                shown.append(f"{doc['id'][:40]}: {g['speaker'][:30]!r} {g['act']} {span!r}")
        for pi in sorted(set(range(len(pred))) - {p for _, p in pairs}):
            if args.show == "spurious":
                p = pred[pi]
                span = text[p["start"] : p["end"]][:90]
                shown.append(f"{doc['id'][:40]}: {p['affiliation']} {p['act']} {span!r}")
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            ok = g["affiliation"] == p["affiliation"] and g["act"] == p["act"]
            n_claim += ok
            full = (
                ok and g["event_type"] == p["event_type"] and score.agent_ok(g["agent"], p["agent"])
            )
            n_full += full
            if g["stated_on"]:
                dated, dated_ok = dated + 1, dated_ok + (g["stated_on"] == p["stated_on"])
            for field in confusions:
                same = (
                    score.agent_ok(g[field], p[field]) if field == "agent" else g[field] == p[field]
                )
                if field == "stated_on" and not g[field]:
                    continue
                if not same:
                    confusions[field][(str(g[field]), str(p[field]))] += 1
                    if field == args.show:
                        span = text[g["content_start"] : g["content_end"]][:90]
                        shown.append(
                            f"{doc['id'][:40]}: {g['speaker'][:30]!r} gold {g[field]} pred "
                            f"{p[field]} [{g['act']}/{g['event_type']}/{g['agent']}] pred "
                            f"[{p['affiliation']}/{p['act']}/{p['event_type']}/{p['agent']}] "
                            f"{span!r}"
                        )
    _, _, span_f = score.prf(n_span, n_pred, n_gold)
    _, _, claim_f = score.prf(n_claim, n_pred, n_gold)
    _, _, full_f = score.prf(n_full, n_pred, n_gold)
    print(f"gold {n_gold} pred {n_pred} paired {n_span}; missed by act {dict(missed)}")
    for field, counts in confusions.items():
        print(
            f"{field}: {sum(counts.values())} wrong; "
            + ", ".join(f"{a}->{b} {n}" for (a, b), n in counts.most_common(10))
        )
    for row in shown[: args.limit]:
        print("  " + row)
    date_acc = dated_ok / dated if dated else 0.0
    print(
        f"attribution_f1={span_f:.3f} claim_f1={claim_f:.3f} full_f1={full_f:.3f} "
        f"date_acc={date_acc:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
