"""A later look at the place: evidence about activity that leaves traces.

Shelling leaves craters and damaged roofs for days, new trenches stay for weeks (the
ontology's `traces`); a patrol at the village the next morning that finds nothing of
the kind rules out "overnight shelling" as well as a patrol there that night would.
Troop presence leaves nothing, so a later look says nothing about a build-up.
"""

from __future__ import annotations

from watchline.verify.evidence import CaseEvidence
from watchline.verify.policy import VerifyPolicy


def inspected_later(ev: CaseEvidence, policy: VerifyPolicy) -> bool:
    """Whether a later inspection rules the claim out: the activity leaves traces, a
    patrol had the place truly in sight while they would still show (each part for
    `trace_min_minutes`; the caller computed the coverage so), and reported nothing
    unusual there. A look without a finding proves nothing about craters. Traces are
    marks at the place, not a presence seen from afar: where the claims name a
    settlement, nearly all of the settlement itself (`ev.trace_core`) must have been in
    sight — a drive along the far edge of "near Tegh" says nothing of Tegh."""
    traces = ev.traces
    if traces is None or ev.scope == "anywhere" or ev.days > policy.max_contradict_days:
        return False
    if policy.trace_span_days(ev.case.event_type) <= 0 or not ev.quiet_later:
        return False
    need = policy.area_share(ev.scope)
    core = ev.trace_core
    if core is not None and core.area_fraction < policy.core_share:
        return False
    return traces.area_fraction >= need and traces.in_sight_minutes >= policy.trace_min_minutes


def late_unseen(ev: CaseEvidence, policy: VerifyPolicy) -> bool:
    """A brief activity whose window's end was not in sight: hours in sight in the
    morning rule out shelling that morning (its craters would show), not that evening."""
    if ev.case.event_type not in policy.brief:
        return False
    need = policy.area_share(ev.scope)
    return not ev.ends or any(
        c.area_fraction < need or c.in_sight_minutes < policy.trace_min_minutes for _, c in ev.ends
    )
