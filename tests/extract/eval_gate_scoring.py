"""Scoring shared by the accuracy gates: the shared scorer run in-process over a gold folder.

Both gates (dev set, held-out set) must measure exactly what `shared/eval/score.py`
measures, so the loop that feeds it our extractor's contract output lives here once.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from datetime import date
from pathlib import Path
from types import ModuleType

from watchline.extract import Extractor
from watchline.extract.contract import to_contract

# the shared folder beside the checkout (or beside the folder of its worktrees)
EVAL = next(
    (
        r / "shared" / "eval"
        for r in Path(__file__).resolve().parents[3:5]
        if (r / "shared" / "eval").is_dir()
    ),
    Path(__file__).resolve().parents[3] / "shared" / "eval",
)


def load_scorer() -> ModuleType:
    """Import `shared/eval/score.py` by path (it is not part of any package)."""
    spec = importlib.util.spec_from_file_location("watchline_eval_score", EVAL / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_folder(extractor: Extractor, folder: Path) -> tuple[dict[str, float], int]:
    """Claim F1, full F1 and date accuracy over the gold files of `folder`, and the gold count."""
    score = load_scorer()
    n_gold = n_pred = n_claim = n_full = date_n = date_ok = 0
    for gold_doc, path in score.load_gold(folder, None):
        text = path.read_text(encoding="utf-8")
        assert hashlib.sha256(text.encode()).hexdigest() == gold_doc["text_sha256"]
        published = date.fromisoformat(gold_doc["published_on"])
        claims = extractor.extract(text, published, document_id=gold_doc["id"])
        contract = json.loads(
            json.dumps(to_contract(claims, document_id=gold_doc["id"], published_at=None))
        )
        pred = score.pred_claims(contract)
        gold = gold_doc["claims"]
        n_gold += len(gold)
        n_pred += len(pred)
        for gi, pi in score.match(gold, pred, 0.2):
            g, p = gold[gi], pred[pi]
            ok = g["affiliation"] == p["affiliation"] and g["act"] == p["act"]
            n_claim += ok
            n_full += (
                ok and g["event_type"] == p["event_type"] and score.agent_ok(g["agent"], p["agent"])
            )
            if g.get("stated_on"):
                date_n += 1
                date_ok += g["stated_on"] == p["stated_on"]
    figures = {
        "claim_f1": score.prf(n_claim, n_pred, n_gold)[2],
        "full_f1": score.prf(n_full, n_pred, n_gold)[2],
        "date_acc": date_ok / date_n if date_n else 0.0,
    }
    return figures, n_gold


def gate_scores(extractor: Extractor, folder: Path, min_gold: int) -> dict[str, float]:
    """The figures of a gold folder of ours, skipping where the shared scorer is absent."""
    import pytest

    if not (EVAL / "score.py").exists():
        pytest.skip(f"no scorer at {EVAL} (the shared folder beside the repository)")
    figures, n_gold = score_folder(extractor, folder)
    assert n_gold >= min_gold, f"{folder.name} lost gold claims: {n_gold} < {min_gold}"
    return figures
