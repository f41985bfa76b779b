"""The seeded verdict simulation: the policy's promises hold on a synthetic theatre."""

from __future__ import annotations

from dataclasses import replace

import pytest

from watchline.observe.coverage import compute_coverage
from watchline.verify.simulation import SimConfig, build_scenario, evaluate

SMALL = SimConfig(days=5, true_events=15, false_claims=15, far_side_claims=5,
                  unobservable_claims=5, villages=15)  # fmt: skip


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_simulation_targets_hold(seed: int) -> None:
    result = evaluate(build_scenario(replace(SMALL, seed=seed)), compute_coverage)
    assert result.cases >= 20
    assert result.sufficient >= 5
    assert result.contradicted_true == 0
    assert result.sufficient_accuracy >= 0.9
    assert result.unsafe_elsewhere == 0
    assert (
        sum(result.matrix["unobservable"].values()) == result.matrix["unobservable"]["unobservable"]
    )


def test_simulation_detects_blind_patrols() -> None:
    """Patrols that never report what they pass make the harness fail: it can fail."""
    result = evaluate(build_scenario(replace(SMALL, seed=1, miss_rate=1.0)), compute_coverage)
    assert result.contradicted_true > 0


def test_simulation_same_seed_same_scenario() -> None:
    a, b = build_scenario(replace(SMALL, seed=4)), build_scenario(replace(SMALL, seed=4))
    assert a.claims == b.claims and a.patrols == b.patrols and a.truth == b.truth
