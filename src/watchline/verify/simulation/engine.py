"""Run the engine on a generated world as production does, without a database.

claims → `link.link_claims` → for each case `verify.gather.gather` (its area, window,
coverage over the patrols' recorded tracks, daily parts, later inspections while traces
last) → `verify_case`: the steps of `services.casework.verify_all`, with the patrols
held in memory (`PatrolIndex`) instead of the store.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import shapely.wkt

from watchline.domain import Case, Coverage, Observation, Patrol, Verdict
from watchline.link import link_claims
from watchline.observe.coverage import compute_coverage
from watchline.verify.gather import CaseInput, gather
from watchline.verify.policy import VerifyPolicy
from watchline.verify.simulation.world import World
from watchline.verify.verdicts import verify_case

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
        self.by_id = {o.id: o for o in world.observations}
        self.number = {p.id: i for i, p in enumerate(world.patrols)}
        for obs in world.observations:
            self.findings.setdefault(obs.patrol_id or "", []).append(obs)

    def near(self, area_wkt: str, start: datetime, end: datetime) -> list[int]:
        minx, miny, maxx, maxy = shapely.wkt.loads(area_wkt).bounds
        s, e, b = start.timestamp(), end.timestamp(), self.box
        hit = (self.end >= s) & (self.start <= e)
        hit &= (b[:, 2] >= minx - PAD_DEG) & (b[:, 0] <= maxx + PAD_DEG)
        hit &= (b[:, 3] >= miny - PAD_DEG) & (b[:, 1] <= maxy + PAD_DEG)
        return [int(i) for i in np.nonzero(hit)[0]]

    def built(self, indices: list[int]) -> list[Patrol]:
        for i in indices:
            if i not in self.cache:
                self.cache[i] = self.world.patrols[i].patrol()
        return [self.cache[i] for i in indices]

    # -- verify.gather.Sightings ------------------------------------------------------
    def coverage(
        self, area: str, start: datetime, end: datetime, visibility_m: float, min_minutes: float
    ) -> Coverage:
        near = self.near(area, start, end)
        found = [o for i in near for o in self.findings.get(self.world.patrols[i].id, [])]
        return compute_coverage(
            area, start, end, self.built(near), found, visibility_m, min_minutes=min_minutes
        )

    def observations(self, ids: Sequence[str]) -> list[Observation]:
        return [self.by_id[i] for i in ids if i in self.by_id]

    def patrols(self, ids: Sequence[str]) -> list[Patrol]:
        wanted = [self.number[i] for i in ids if i in self.number]
        return self.built(wanted)

    def forget_before(self, instant: float) -> None:
        for i in [i for i in self.cache if self.end[i] < instant]:
            del self.cache[i]


def judge(world: World, policy: VerifyPolicy) -> Iterator[Judged]:
    """The engine's verdict on every case of the world, in order of their windows."""
    theatre = world.map.theatre
    linkage = link_claims(world.claims, world.documents, theatre)
    claims = {c.id: c for c in world.claims}
    index = PatrolIndex(world)
    for case in linkage.cases:
        roles = {cid: str(role) for cid, role in linkage.roles(case.id).items()}
        item = CaseInput(case, claims, roles, linkage.scopes.get(case.id, "place"))
        evidence = gather(item, theatre, policy, index)
        if evidence.window is not None:  # cases come in window order: older tracks can go
            index.forget_before(evidence.window[0].timestamp() - 86400.0)
        yield Judged(case, roles, verify_case(evidence, policy), evidence.window)
