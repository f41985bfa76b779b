"""Gather what the verifier needs about one case: its area, its window, and what the
patrols could see of them — then, and afterwards while traces last.

The same steps serve the database (`services.casework.verify_all`) and the adversarial
simulator (`verify.simulation.engine`): both hand over a `Sightings` that answers
"coverage of this area between these instants" and looks up the findings and patrols a
coverage names. Keeping one copy of these steps is what makes the simulator measure
the engine that missions run, not a look-alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from watchline.domain import Case, Claim, Coverage, Observation, Patrol, Theatre
from watchline.verify.area import observable_area, settlement_core
from watchline.verify.evidence import CaseEvidence
from watchline.verify.policy import VerifyPolicy
from watchline.verify.window import case_window, claim_hours, day_part

Window = tuple[datetime, datetime]


class Sightings(Protocol):
    """Where patrols were and what they found, as the caller stores it."""

    def coverage(
        self, area: str, start: datetime, end: datetime, visibility_m: float, min_minutes: float
    ) -> Coverage:
        """Coverage of `area` (lon/lat WKT) in [start, end); a part counts as seen once in
        sight `min_minutes`."""
        ...

    def observations(self, ids: Sequence[str]) -> list[Observation]: ...

    def patrols(self, ids: Sequence[str]) -> list[Patrol]: ...


@dataclass(frozen=True)
class CaseInput:
    """One case as linking left it: its claims, each claim's role, and the area's scope."""

    case: Case
    claims: Mapping[str, Claim]
    roles: Mapping[str, str]
    scope: str = "place"
    repeated_on: tuple[date, ...] = ()

    @property
    def core(self) -> list[Claim]:
        """The allegations, or the denials when the case has none: they fix its window."""
        members = [self.claims[cid] for cid in self.case.claim_ids if cid in self.claims]
        alleging = [c for c in members if self.roles.get(c.id) == "for"]
        return alleging or [c for c in members if self.roles.get(c.id) == "against"]


def minutes_of(window: Window) -> float:
    return (window[1] - window[0]).total_seconds() / 60.0


def gather(
    item: CaseInput,
    theatre: Theatre,
    policy: VerifyPolicy,
    sightings: Sightings,
    visibility_m: float | None = None,
) -> CaseEvidence:
    """The evidence about one case, measured in `theatre` (its own)."""
    case, scope = item.case, item.scope
    vis = visibility_m or theatre.visibility_m
    area = observable_area(case, theatre, policy, scope)
    window = case_window(case, item.core, theatre, policy)
    coverage: Coverage | None = None
    traces: Coverage | None = None
    trace_core: Coverage | None = None
    later: Window | None = None
    daily: tuple[tuple[date, Coverage], ...] = ()
    claimed: tuple[tuple[Window, Coverage], ...] = ()
    ends: tuple[tuple[Window, Coverage], ...] = ()
    if area.wkt is not None and window is not None:
        need = policy.part_minutes(scope, minutes_of(window))
        coverage = sightings.coverage(area.wkt, *window, vis, need)
        daily = _daily(case, area.wkt, window, theatre, scope, policy, sightings, vis)
        claimed = _claimed(item.core, window, area.wkt, theatre, scope, policy, sightings, vis)
        if case.event_type in policy.brief:
            ends = _ends([window, *(w for w, _ in claimed)], area.wkt, policy, sightings, vis)
        later = trace_window(case, window, policy)
        if later is not None:
            traces = sightings.coverage(area.wkt, *later, vis, policy.trace_min_minutes)
            core = settlement_core(item.core, area.wkt, policy.core_m)
            if core is not None:
                trace_core = sightings.coverage(core, *later, vis, policy.trace_min_minutes)
    observations, patrols = _seen(sightings, coverage)
    inspections, inspectors = _seen(sightings, traces)
    return CaseEvidence(
        case=case,
        claims={cid: item.claims[cid] for cid in case.claim_ids if cid in item.claims},
        roles=item.roles,
        coverage=coverage,
        observations=observations,
        patrols=[*patrols, *(p for p in inspectors if p not in patrols)],
        theatre=theatre,
        scope=scope,
        far_side=area.far_side,
        repeated_on=item.repeated_on,
        daily=daily,
        window=window,
        traces=traces,
        trace_observations=inspections,
        trace_window=later,
        trace_core=trace_core,
        claimed=claimed,
        ends=ends,
    )


def trace_window(case: Case, window: Window, policy: VerifyPolicy) -> Window | None:
    """After the window, while traces of the activity last (None when it leaves none).

    Traces of an event at the window's start last until start + span, so only a look in
    [end, start + span] could still see them, whenever in the window it happened.
    """
    span = policy.trace_span_days(case.event_type)
    if span <= 0:
        return None
    later = (window[1], window[0] + timedelta(days=span))
    return later if later[1] > later[0] else None


def _claimed(
    core: Sequence[Claim],
    window: Window,
    area: str,
    theatre: Theatre,
    scope: str,
    policy: VerifyPolicy,
    sightings: Sightings,
    vis: float,
) -> tuple[tuple[Window, Coverage], ...]:
    """Coverage of each allegation's own stated hours that are narrower than the case
    window. A case that joins "shelling in the evening" with "shelling on Friday" is
    about the whole of Friday, yet a morning patrol says nothing about the evening: each
    allegation's hours must be covered before the case can be contradicted."""
    margin = timedelta(minutes=policy.hour_margin_minutes)
    own = {claim_hours(claim, theatre, margin) for claim in core}
    narrower = sorted(h for h in own if h is not None and h != window)
    return tuple(
        (h, sightings.coverage(area, *h, vis, policy.part_minutes(scope, minutes_of(h))))
        for h in narrower
    )


def _ends(
    windows: Sequence[Window],
    area: str,
    policy: VerifyPolicy,
    sightings: Sightings,
    vis: float,
) -> tuple[tuple[Window, Coverage], ...]:
    """Coverage of the last part of each window (`policy.end_of`): a brief activity
    late in the window leaves traces only after the patrols that saw the place earlier."""
    ends = [policy.end_of(w) for w in windows]
    return tuple((e, sightings.coverage(area, *e, vis, policy.trace_min_minutes)) for e in ends)


def _daily(
    case: Case,
    area: str,
    window: Window,
    theatre: Theatre,
    scope: str,
    policy: VerifyPolicy,
    sightings: Sightings,
    vis: float,
) -> tuple[tuple[date, Coverage], ...]:
    """Coverage of each day of a multi-day window (each day must be covered to
    contradict); the first and last day only in the claimed hours."""
    if case.start is None or case.end is None or case.end == case.start:
        return ()
    days = (case.end - case.start).days + 1
    if days > policy.max_contradict_days:
        return ()
    daily = []
    for offset in range(days):
        day = case.start + timedelta(days=offset)
        part = day_part(day, window, theatre)
        if part is None:
            continue
        need = policy.part_minutes(scope, minutes_of(part))
        daily.append((day, sightings.coverage(area, *part, vis, need)))
    return tuple(daily)


def _seen(
    sightings: Sightings, coverage: Coverage | None
) -> tuple[list[Observation], list[Patrol]]:
    if coverage is None:
        return [], []
    return (
        sightings.observations(coverage.observation_ids),
        sightings.patrols(coverage.patrol_ids),
    )
