"""Accuracy gate on our own held-out wire articles (tests/fixtures/extract/heldout).

Short wire articles from other conflicts than the dev document, each written and
annotated before the extractor was run on it (build_gold.py computes the offsets). The
shared scorer's own matching measures them; the pinned minimums may only rise.

- Round 1 (Zaporizhzhia, Israel–Lebanon border, Thailand–Cambodia, India–Pakistan truce),
  before the generalisation pass (commit eae513a): claim F1 0.605, full F1 0.447,
  stated_on 33/36 (the scorer counts dates of paired claims only).
- Round 2 (Banjska, Korean border loudspeakers), written after that pass and scored
  before any further change: claim F1 0.800, full F1 0.514, stated_on 17/17.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

from watchline.extract.contract import to_contract

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
HELDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "heldout"

# Reached on 2026-11-28; raise these when the extractor improves, never lower them.
MIN_CLAIM_F1 = 0.95
MIN_FULL_F1 = 0.86
MIN_DATE_ACC = 1.0


def _scorer():
    spec = importlib.util.spec_from_file_location("watchline_eval_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(extractor) -> dict[str, float]:
    if not (EVAL / "score.py").exists():
        pytest.skip(f"no scorer at {EVAL} (the shared folder beside the repository)")
    score = _scorer()
    n_gold = n_pred = n_claim = n_full = date_n = date_ok = 0
    for gold_doc, path in score.load_gold(HELDOUT, None):
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
    assert n_gold >= 57, "the held-out set lost articles"
    return {
        "claim_f1": score.prf(n_claim, n_pred, n_gold)[2],
        "full_f1": score.prf(n_full, n_pred, n_gold)[2],
        "date_acc": date_ok / date_n if date_n else 0.0,
    }


@pytest.mark.parametrize(
    ("figure", "minimum"),
    [("claim_f1", MIN_CLAIM_F1), ("full_f1", MIN_FULL_F1), ("date_acc", MIN_DATE_ACC)],
)
def test_eval_gate_heldout_scores_stay_at_or_above_minimum(scores, figure, minimum):
    assert scores[figure] >= minimum - 1e-9, scores


def test_eval_gate_heldout_gold_matches_its_builder():
    """The gold files are generated: offsets come from build_gold.py, never typed by hand."""
    spec = importlib.util.spec_from_file_location(
        "watchline_heldout_build", HELDOUT.parent / "heldout_src" / "build_gold.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for doc_id, article in module.ARTICLES.items():
        gold = json.loads((HELDOUT / f"{doc_id}.gold.json").read_text(encoding="utf-8"))
        text = (HELDOUT / gold["file"]).read_text(encoding="utf-8")
        assert text == article["text"]
        assert len(gold["claims"]) == len(article["claims"])
        for claim in gold["claims"]:
            assert 0 <= claim["content_start"] < claim["content_end"] <= len(text)
