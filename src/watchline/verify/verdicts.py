"""The verdict of one case: status, confidence, evidence and a rationale in plain words.

The order of the rules is the policy of DESIGN.md: what patrols cannot see is
unobservable whatever the coverage; an observation of the claimed activity corroborates;
absence of evidence contradicts only where the activity is observable and coverage of
its place and time is sufficient; otherwise parties that contradict each other leave the
case disputed, and a lone allegation is not covered.
"""

from __future__ import annotations

from datetime import date

from watchline.domain import Coverage, Evidence, Verdict, VerdictStatus
from watchline.verify.evidence import CaseEvidence
from watchline.verify.inspection import inspected_later, late_unseen
from watchline.verify.policy import DEFAULT_POLICY, VerifyPolicy
from watchline.verify.rationale import rationale
from watchline.verify.window import day_part


def unobservable_reason(ev: CaseEvidence, policy: VerifyPolicy) -> str | None:
    """Why patrols could not have seen this, or None when they could."""
    if ev.case.event_type not in policy.observable:
        return f"patrols cannot observe {ev.case.event_type}"
    if ev.alleging and all(c.act in policy.future_acts for c in ev.alleging):
        return "the claim is a warning about intentions, not about something that happened"
    if ev.far_side:
        return "the claimed place lies outside the mission's area of responsibility"
    return None


def _enough(coverage: Coverage, window_hours: float, need: float, policy: VerifyPolicy) -> bool:
    """Enough of the area, each part truly in sight long enough (the caller computed the
    coverage with that minimum), and the area in sight at least that long overall."""
    required = policy.required_minutes(window_hours * 60.0)
    return coverage.area_fraction >= need and coverage.in_sight_minutes >= required


def day_hours(ev: CaseEvidence, day: date) -> float:
    """Hours of the case window on `day` (see `verify.window.day_part`)."""
    part = day_part(day, ev.window, ev.theatre)
    return (part[1] - part[0]).total_seconds() / 3600.0 if part else 0.0


def thin_days(ev: CaseEvidence, policy: VerifyPolicy) -> list[date]:
    """Days of a multi-day window whose coverage is not enough on its own."""
    need = policy.area_share(ev.scope)
    return [day for day, c in ev.daily if not _enough(c, day_hours(ev, day), need, policy)]


def sufficient(ev: CaseEvidence, policy: VerifyPolicy) -> bool:
    """Whether coverage of the case's place and time is enough to contradict it.

    A window of several days must be covered on every one of them: patrols on 31 March
    say nothing about 1 April; and each allegation's own hours (`ev.claimed`) must be
    covered too.
    """
    if ev.coverage is None or ev.scope == "anywhere" or ev.days > policy.max_contradict_days:
        return False
    need = policy.area_share(ev.scope)
    if not all(
        _enough(c, (w[1] - w[0]).total_seconds() / 3600.0, need, policy) for w, c in ev.claimed
    ):
        return False  # some allegation's own hours were not seen
    if late_unseen(ev, policy):
        return False  # shelling after the patrols left would have gone unseen
    if ev.days > 1:
        return len(ev.daily) == ev.days and not thin_days(ev, policy)
    return _enough(ev.coverage, ev.window_hours, need, policy)


def _parties(ev: CaseEvidence, role: str) -> set[str]:
    return {
        c.speaker.affiliation or c.speaker.actor_id or c.speaker.text for c in ev.with_role(role)
    }


def disputed(ev: CaseEvidence) -> bool:
    alleging, denying = _parties(ev, "for"), _parties(ev, "against")
    return bool(alleging and denying and alleging != denying)


def status_of(ev: CaseEvidence, policy: VerifyPolicy = DEFAULT_POLICY) -> VerdictStatus:
    if not ev.alleging and not ev.denying:
        return VerdictStatus.PENDING
    if unobservable_reason(ev, policy):
        return VerdictStatus.UNOBSERVABLE
    if ev.supporting:
        return VerdictStatus.CORROBORATED
    if (sufficient(ev, policy) or inspected_later(ev, policy)) and not ev.self_reported:
        return VerdictStatus.CONTRADICTED
    return VerdictStatus.DISPUTED if disputed(ev) else VerdictStatus.NOT_COVERED


def confidence_of(ev: CaseEvidence, status: VerdictStatus, policy: VerifyPolicy) -> float:
    """Grows with coverage and with independent evidence; capped below certainty."""
    coverage = ev.coverage.area_fraction if ev.coverage else 0.0
    if status is VerdictStatus.CONTRADICTED and not sufficient(ev, policy) and ev.traces:
        coverage = ev.traces.area_fraction  # ruled out by a later inspection
    hours = min(1.0, ev.covered_hours / 12.0)
    independent = len(_parties(ev, "against" if status is VerdictStatus.CONTRADICTED else "for"))
    if status is VerdictStatus.CONTRADICTED:
        value = 0.45 + 0.3 * coverage + 0.1 * hours + 0.05 * min(len(ev.quiet), 4) / 4
        value += 0.05 * min(independent, 2)
    elif status is VerdictStatus.CORROBORATED:
        value = 0.6 + 0.1 * min(len(ev.supporting), 3) + 0.05 * min(independent, 2)
    elif status is VerdictStatus.UNOBSERVABLE:
        value = 0.9
    elif status is VerdictStatus.DISPUTED:
        value = 0.5
    else:
        value = 0.6 - 0.3 * coverage
    return round(min(policy.max_confidence, value), 2)


def evidence_of(ev: CaseEvidence) -> tuple[Evidence, ...]:
    items = [
        Evidence("claim", cid, ev.roles.get(cid, "for"), ev.claims[cid].content.text[:200])
        for cid in ev.case.claim_ids
        if cid in ev.claims
    ]
    items += [Evidence("observation", o.id, "for", o.notes[:200]) for o in ev.supporting]
    items += [Evidence("observation", o.id, "against", o.notes[:200]) for o in ev.quiet]
    items += [
        Evidence("observation", o.id, "against", f"later inspection: {o.notes[:180]}")
        for o in ev.quiet_later
    ]
    for patrol_id in ev.coverage.patrol_ids if ev.coverage else ():
        share = ev.coverage.per_patrol.get(patrol_id) if ev.coverage else None
        note = f"covered {share:.0%} of the area" if share is not None else ""
        items.append(Evidence("patrol", patrol_id, "coverage", note))
    return tuple(items)


def verify_case(ev: CaseEvidence, policy: VerifyPolicy = DEFAULT_POLICY) -> Verdict:
    """The engine's verdict on one case."""
    status = status_of(ev, policy)
    return Verdict(
        case_id=ev.case.id,
        status=status,
        confidence=confidence_of(ev, status, policy),
        rationale=rationale(
            ev, status, policy, unobservable_reason(ev, policy), thin_days(ev, policy)
        ),
        coverage=ev.coverage,
        evidence=evidence_of(ev),
        author="engine",
    )
