"""Run the engine on a generated world as production does, without a database.

claims → `link.link_claims` → for each case: its window (`verify.window.case_window`),
its observable area (`verify.area.observable_area`), coverage over the patrols' recorded
tracks (`observe.coverage.compute_coverage`, daily for multi-day windows), then
`CaseEvidence` and `verify_case` — the steps of `services.casework.verify_all`.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

import numpy as np
import shapely.wkt

from watchline.domain import Case, Claim, Coverage, Observation, Patrol, Verdict
from watchline.link import link_claims
from watchline.observe.coverage import compute_coverage
from watchline.verify.area import observable_area
from watchline.verify.evidence import CaseEvidence
from watchline.verify.policy import VerifyPolicy
from watchline.verify.simulation.truth import required_minutes
from watchline.verify.simulation.world import World
from watchline.verify.verdicts import verify_case
from watchline.verify.window import case_window, day_window

_TAKES_MIN_MINUTES = "min_minutes" in inspect.signature(compute_coverage).parameters
PAD_DEG = 0.05  # a track's bounding box widened by this before it is ruled out of a case


@dataclass
class Judged:
    """One case: the engine's verdict and what it was computed from."""

    case: Case
    roles: dict[str, str]
    verdict: Verdict
    window: tuple[datetime, datetime] | None


class PatrolIndex:
    """Patrols by time and bounding box (what the store's spatial query does), built
    into domain objects only while their days are being verified."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.start = np.array([p.recorded.t[0] for p in world.patrols])
        self.end = np.array([p.recorded.t[-1] for p in world.patrols])
        self.box = np.array(
            [(p.lon.min(), p.lat.min(), p.lon.max(), p.lat.max()) for p in world.patrols]
        ).reshape(-1, 4)
        self.cache: dict[int, Patrol] = {}
        self.findings: dict[str, list[Observation]] = {}
        for obs in world.observations:
            self.findings.setdefault(obs.patrol_id or "", []).append(obs)

    def near(self, area_wkt: str, start: datetime, end: datetime) -> list[int]:
        minx, miny, maxx, maxy = shapely.wkt.loads(area_wkt).bounds
        s, e, b = start.timestamp(), end.timestamp(), self.box
        hit = (self.end >= s) & (self.start <= e)
        hit &= (b[:, 2] >= minx - PAD_DEG) & (b[:, 0] <= maxx + PAD_DEG)
        hit &= (b[:, 3] >= miny - PAD_DEG) & (b[:, 1] <= maxy + PAD_DEG)
        return [int(i) for i in np.nonzero(hit)[0]]

    def patrols(self, indices: list[int]) -> list[Patrol]:
        for i in indices:
            if i not in self.cache:
                self.cache[i] = self.world.patrols[i].patrol()
        return [self.cache[i] for i in indices]

    def observations(self, indices: list[int]) -> list[Observation]:
        return [o for i in indices for o in self.findings.get(self.world.patrols[i].id, [])]

    def forget_before(self, instant: float) -> None:
        for i in [i for i in self.cache if self.end[i] < instant]:
            del self.cache[i]


def _coverage(
    index: PatrolIndex,
    area: str,
    start: datetime,
    end: datetime,
    visibility: float,
    policy: VerifyPolicy,
) -> tuple[Coverage, list[Patrol]]:
    near = index.near(area, start, end)
    patrols, observations = index.patrols(near), index.observations(near)
    extra = {}
    if _TAKES_MIN_MINUTES:
        extra["min_minutes"] = required_minutes(policy, (end - start).total_seconds() / 60.0)
    coverage = compute_coverage(area, start, end, patrols, observations, visibility, **extra)
    return coverage, patrols


def _core(case: Case, roles: dict[str, str], claims: dict[str, Claim]) -> list[Claim]:
    alleging = [claims[c] for c in case.claim_ids if roles.get(c) == "for"]
    return alleging or [claims[c] for c in case.claim_ids if roles.get(c) == "against"]


def judge(world: World, policy: VerifyPolicy) -> Iterator[Judged]:
    """The engine's verdict on every case of the world, in order of their windows."""
    theatre = world.map.theatre
    visibility = theatre.visibility_m
    linkage = link_claims(world.claims, world.documents, theatre)
    claims = {c.id: c for c in world.claims}
    index = PatrolIndex(world)
    observations = {o.id: o for o in world.observations}
    for case in linkage.cases:
        roles = {cid: str(role) for cid, role in linkage.roles(case.id).items()}
        scope = linkage.scopes.get(case.id, "place")
        core = _core(case, roles, claims)
        area = observable_area(case, theatre, policy, scope)
        window = case_window(case, core, theatre, policy)
        coverage: Coverage | None = None
        daily: tuple[tuple[date, Coverage], ...] = ()
        patrols: list[Patrol] = []
        if area.wkt is not None and window is not None:
            index.forget_before(window[0].timestamp() - 86400.0)
            coverage, patrols = _coverage(index, area.wkt, *window, visibility, policy)
            daily = _daily(index, case, core, area.wkt, window, visibility, policy)
        inside = [observations[o] for o in coverage.observation_ids] if coverage else []
        evidence = CaseEvidence(
            case=case,
            claims={cid: claims[cid] for cid in case.claim_ids if cid in claims},
            roles=roles,
            coverage=coverage,
            observations=inside,
            patrols=[p for p in patrols if coverage and p.id in coverage.patrol_ids],
            theatre=theatre,
            scope=scope,
            far_side=area.far_side,
            daily=daily,
        )
        yield Judged(case, roles, verify_case(evidence, policy), window)


def _daily(
    index: PatrolIndex,
    case: Case,
    core: list[Claim],
    area: str,
    window: tuple[datetime, datetime],
    visibility: float,
    policy: VerifyPolicy,
) -> tuple[tuple[date, Coverage], ...]:
    """Coverage of each day of a multi-day, whole-day window (as `verify_all` does)."""
    if case.start is None or case.end is None or case.end == case.start:
        return ()
    theatre = index.world.map.theatre
    days = (case.end - case.start).days + 1
    if days > policy.max_contradict_days or window != day_window(case.start, case.end, theatre):
        return ()
    daily = []
    for offset in range(days):
        day = case.start + timedelta(days=offset)
        one = case_window(replace(case, start=day, end=day), core, theatre, policy)
        if one is None:
            continue
        coverage, _ = _coverage(index, area, *one, visibility, policy)
        daily.append((day, coverage))
    return tuple(daily)
