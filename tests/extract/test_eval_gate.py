"""Accuracy gate: the dev-set scores may only rise (pinned minimums, scored in-process).

Uses the scorer of `shared/eval/score.py` itself (its matching and figures), so the gate
measures exactly what the evaluation measures.
"""

from __future__ import annotations

import pytest
from eval_gate_scoring import EVAL, score_folder

# Reached on 2026-11-28; raise these when the extractor improves, never lower them.
MIN_CLAIM_F1 = 1.0
MIN_FULL_F1 = 0.90
MIN_DATE_ACC = 1.0


@pytest.fixture(scope="module")
def scores(extractor) -> dict[str, float]:
    if not (EVAL / "score.py").exists() or not (EVAL / "dev").is_dir():
        pytest.skip(f"no evaluation data at {EVAL} (the shared folder beside the repository)")
    figures, _ = score_folder(extractor, EVAL / "dev")
    return figures


@pytest.mark.parametrize(
    ("figure", "minimum"),
    [("claim_f1", MIN_CLAIM_F1), ("full_f1", MIN_FULL_F1), ("date_acc", MIN_DATE_ACC)],
)
def test_eval_gate_dev_scores_stay_at_or_above_minimum(scores, figure, minimum):
    assert scores[figure] >= minimum - 1e-9, scores
