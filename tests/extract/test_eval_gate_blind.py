"""Accuracy gate on the blind held-out set (tests/fixtures/extract/heldout_blind).

21 articles from theatres the extractor had not been built on (South Ossetia, Tawang,
Kyrgyz–Tajik border, Essequibo, Goma and Sake, Kursk, the Golan, Nerkin Hand, Pyla,
al-Fashaga, Guerguerat, Kvemo Nikozi, Zaporizhzhia, Israel–Lebanon, India–Pakistan) in
many styles (wire copy, press releases in the first person, Telegram summaries, embedded
X posts), annotated by people who neither read nor ran the extractor. NOTES.md lists
their judgement calls, where two annotators sometimes chose differently.

First sight, 2026-11-28 (18 new articles): claim F1 0.59, full F1 0.32, stated_on 0.79.
After the generalisation pass that followed (all 21 articles, 220 gold claims): claim F1
0.847, full F1 0.597, stated_on 0.942. The pinned minimums below are those figures; they
may only rise. Rules fitted to one of these articles are defects:
every change made for them is tested on sentences of our own in other test files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_gate_scoring import EVAL, score_folder

BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "heldout_blind"

MIN_CLAIM_F1 = 0.84
MIN_FULL_F1 = 0.59
MIN_DATE_ACC = 0.94


@pytest.fixture(scope="module")
def scores(extractor) -> dict[str, float]:
    if not (EVAL / "score.py").exists():
        pytest.skip(f"no scorer at {EVAL} (the shared folder beside the repository)")
    figures, n_gold = score_folder(extractor, BLIND)
    assert n_gold >= 220, "the blind set lost articles"
    return figures


@pytest.mark.parametrize(
    ("figure", "minimum"),
    [("claim_f1", MIN_CLAIM_F1), ("full_f1", MIN_FULL_F1), ("date_acc", MIN_DATE_ACC)],
)
def test_eval_gate_blind_scores_stay_at_or_above_minimum(scores, figure, minimum):
    assert scores[figure] >= minimum - 1e-9, scores
