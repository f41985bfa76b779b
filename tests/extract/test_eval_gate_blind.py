"""Accuracy gate on the blind held-out set (tests/fixtures/extract/heldout_blind).

53 articles (982 gold claims) from theatres the extractor had not been built on, in many
styles (wire copy, regional features, live blogs and Telegram summaries, press releases in
the first person, embedded X posts), each annotated by someone who neither read nor ran
the extractor; NOTES.md lists their judgement calls, where annotators sometimes differ.
Each round was scored at first sight, before any change made for it:

- round A+B (18 short articles): claim F1 0.59, full F1 0.32, stated_on 0.79;
- round C (12 long articles): claim F1 0.69 / 0.67, full 0.43 / 0.30, stated_on 0.79 / 0.80;
- round D (10 long articles, after the pass on A–C): claim 0.62 / 0.60, full 0.30 / 0.24,
  stated_on 0.67 / 0.79;
- round E (10 long articles, after the pass on A–D): claim 0.69 / 0.74, full 0.25 / 0.44,
  stated_on 0.78 / 0.68 — the best guide to unseen articles.

After the passes they prompted (every rule also tested on sentences of our own in other
test files), all 53 together: claim F1 0.777, full F1 0.460, stated_on 0.838. The pinned
minimums below are those figures; they may only rise.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_gate_scoring import gate_scores

BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "heldout_blind"

MIN_CLAIM_F1 = 0.77
MIN_FULL_F1 = 0.459
MIN_DATE_ACC = 0.83


@pytest.fixture(scope="module")
def scores(extractor) -> dict[str, float]:
    return gate_scores(extractor, BLIND, min_gold=982)


@pytest.mark.parametrize(
    ("figure", "minimum"),
    [("claim_f1", MIN_CLAIM_F1), ("full_f1", MIN_FULL_F1), ("date_acc", MIN_DATE_ACC)],
)
def test_eval_gate_blind_scores_stay_at_or_above_minimum(scores, figure, minimum):
    assert scores[figure] >= minimum - 1e-9, scores
