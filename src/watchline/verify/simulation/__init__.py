"""The adversarial verdict simulator: generated theatres, a known truth, the engine's
verdicts scored against it.

Four theatres of different shape and time zone (`theatres`), worlds of true and false
events, patrols and statements built to probe known failure modes (`world`), a truth
from dense sampling of the patrols' true positions (`truth`, never the engine's coverage
code), the engine run as production runs it (`engine`), and the score (`score`). Used
by `benchmarks/simulate_verdicts.py` and `tests/verify/test_simulation_*.py`; every
draw is seeded. The small builders tests use (`make_claim`, `village`, `BORDER`,
`toy_theatre`) live in `fixtures`.
"""

from __future__ import annotations

import time as clock
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from watchline.verify.policy import DEFAULT_POLICY, VerifyPolicy
from watchline.verify.simulation.fixtures import BORDER, make_claim, toy_theatre, village
from watchline.verify.simulation.score import ROWS, SimResult, score
from watchline.verify.simulation.theatres import SHAPES, build_map
from watchline.verify.simulation.world import SCENARIOS, WorldConfig, build_world


@dataclass(frozen=True)
class SimConfig:
    """A run: which theatres, how many days of episodes, how many worker processes."""

    world: WorldConfig = field(default_factory=WorldConfig)
    theatres: tuple[str, ...] = tuple(s.key for s in SHAPES)
    workers: int = 1


@dataclass
class SimReport:
    result: SimResult
    claims: int = 0
    patrols: int = 0
    fixes: int = 0
    observations: int = 0
    build_s: float = 0.0
    verify_s: float = 0.0
    score_s: float = 0.0

    def merge(self, other: SimReport) -> None:
        self.result.merge(other.result)
        for name in (
            "claims",
            "patrols",
            "fixes",
            "observations",
            "build_s",
            "verify_s",
            "score_s",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def run_theatre(
    key: str, world_config: WorldConfig, policy: VerifyPolicy | None = None
) -> SimReport:
    """Build one theatre's world, verify every case, score the verdicts."""
    from watchline.verify.simulation.engine import judge

    policy = policy or DEFAULT_POLICY

    shape = next(s for s in SHAPES if s.key == key)
    t0 = clock.perf_counter()
    world = build_world(build_map(shape, world_config.seed), world_config, policy)
    t1 = clock.perf_counter()
    judged = list(judge(world, policy))
    t2 = clock.perf_counter()
    result = score(world, judged, policy)
    t3 = clock.perf_counter()
    return SimReport(
        result,
        claims=len(world.claims),
        patrols=len(world.patrols),
        fixes=sum(len(p.recorded.t) for p in world.patrols),
        observations=len(world.observations),
        build_s=t1 - t0,
        verify_s=t2 - t1,
        score_s=t3 - t2,
    )


def simulate(config: SimConfig | None = None, policy: VerifyPolicy = DEFAULT_POLICY) -> SimReport:
    """The whole run, theatre by theatre (in `workers` processes when more than one)."""
    config = config or SimConfig()
    report = SimReport(SimResult())
    if config.workers > 1 and policy is DEFAULT_POLICY:  # a policy may not pickle: default only
        keys = config.theatres
        with ProcessPoolExecutor(config.workers) as pool:
            parts = list(
                pool.map(run_theatre, keys, [config.world] * len(keys), [None] * len(keys))
            )
    else:
        parts = [run_theatre(key, config.world, policy) for key in config.theatres]
    for part in parts:
        report.merge(part)
    return report


__all__ = [
    "BORDER",
    "ROWS",
    "SCENARIOS",
    "SimConfig",
    "SimReport",
    "SimResult",
    "WorldConfig",
    "make_claim",
    "simulate",
    "toy_theatre",
    "village",
]
