"""A verdict's rationale in plain words, generated from its evidence.

e.g. "Contradicted: 6 patrols from Jermuk and Ijevan covered 71 % of the border zone
between 07:00 and 19:00 on 31 Mar 2024 and reported nothing unusual; Armenia's Defence
Ministry denied the claim; the claim was repeated on 1 Apr 2024."
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from watchline.domain import Act, Claim, Patrol, Precision, VerdictStatus
from watchline.verify.evidence import CaseEvidence
from watchline.verify.inspection import inspected_later, late_unseen
from watchline.verify.policy import VerifyPolicy


def _day(value: datetime | None) -> str:
    return value.strftime("%-d %b %Y") if value else "an unknown day"


def _list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _place_names(ev: CaseEvidence) -> list[str]:
    wanted = set(ev.case.place_ids)
    names = [
        p.name or p.text
        for c in ev.alleging or ev.denying
        for p in c.event.places
        if (not wanted or (p.place_id or p.text) in wanted) and p.precision is not Precision.BORDER
    ]
    return list(dict.fromkeys(names))


def _where(ev: CaseEvidence) -> str:
    """The area coverage was measured over, by name: its places, or the border zone."""
    if ev.scope == "border":
        return "the border zone"
    names = _place_names(ev)
    if not names:
        return "the claimed area"
    more = f" and {len(names) - 3} other place(s)" if len(names) > 3 else ""
    return _list(names[:3]) + more


def _zone(ev: CaseEvidence) -> ZoneInfo | None:
    return ZoneInfo(ev.theatre.timezone) if ev.theatre else None


def _claimed_hours(ev: CaseEvidence, policy: VerifyPolicy) -> tuple[datetime, datetime] | None:
    """The claimed hours in local time (the margin taken off again), or None for days."""
    if ev.window is None or not _has_hours(ev):
        return None
    margin = timedelta(minutes=policy.hour_margin_minutes)
    zone = _zone(ev)
    start, end = ev.window[0] + margin, ev.window[1] - margin
    if end.astimezone(zone).time() == time(0):
        end -= timedelta(minutes=1)  # "until midnight" reads 23:59 of that day
    return start.astimezone(zone), end.astimezone(zone)


def _has_hours(ev: CaseEvidence) -> bool:
    core = ev.alleging or ev.denying
    return bool(core) and all(c.event.time is not None and c.event.time.has_hours for c in core)


def _when(ev: CaseEvidence, policy: VerifyPolicy | None = None) -> str:
    """The claimed time: "between 17:00 and 23:59 on 31 Mar 2024", or the days."""
    hours = _claimed_hours(ev, policy) if policy is not None else None
    if hours is not None:
        first, last = hours
        if first.date() == last.date():
            return f"between {first:%H:%M} and {last:%H:%M} on {_day(first)}"
        return f"between {first:%H:%M} on {_day(first)} and {last:%H:%M} on {_day(last)}"
    start, end = ev.case.start, ev.case.end
    if start is None:
        return "at an unknown time"
    first_day = start.strftime("%-d %b %Y")
    return f"on {first_day}" if end in (None, start) else f"from {first_day} to {end:%-d %b %Y}"


def _in_sight(ev: CaseEvidence, policy: VerifyPolicy) -> str:
    """ "patrols had Tegh in sight for 95 minutes between 17:00 and 23:59 on 31 Mar 2024" """
    minutes = ev.coverage.in_sight_minutes if ev.coverage else 0.0
    margin = (
        f" (with a {policy.hour_margin_minutes}-minute margin)"
        if _claimed_hours(ev, policy)
        else ""
    )
    return (
        f"patrols had {_where(ev)} in sight for {minutes:.0f} minutes {_when(ev, policy)}{margin}"
    )


def _sight_if_any(ev: CaseEvidence, policy: VerifyPolicy) -> str:
    seen = ev.coverage is not None and bool(ev.coverage.patrol_ids)
    return f"; {_in_sight(ev, policy)}" if seen else ""


def _later_inspection(ev: CaseEvidence, policy: VerifyPolicy) -> str:
    """ "an inspection at Sotk at 08:10 on 1 Apr 2024, 6 h after the claimed time, found
    nothing unusual (no damage, no craters)" """
    found = sorted(ev.quiet_later, key=lambda o: o.observed_at)[0]
    local = found.observed_at.astimezone(_zone(ev))
    after = ""
    if ev.window is not None:
        margin = timedelta(minutes=policy.hour_margin_minutes if _has_hours(ev) else 0)
        gap = (found.observed_at - (ev.window[1] - margin)).total_seconds() / 3600.0
        after = f", {gap:.0f} h" if gap < 48 else f", {gap / 24:.0f} days"
        after += " after the claimed time"
    note = f" ({found.notes.strip()[:100]})" if found.notes.strip() else ""
    minutes = ev.traces.in_sight_minutes if ev.traces else 0.0
    span = policy.trace_span_days(ev.case.event_type)
    return (
        f"an inspection at {_where(ev)} at {local:%H:%M} on {_day(local)}{after}, while "
        f"traces of {ev.case.event_type} would still show ({span:.0f} days), found nothing "
        f"unusual{note}; patrols had {_where(ev)} in sight for {minutes:.0f} minutes then"
    )


def _patrols(ev: CaseEvidence) -> list[Patrol]:
    ids = set(ev.coverage.patrol_ids) if ev.coverage else set()
    return sorted((p for p in ev.patrols if p.id in ids), key=lambda p: (p.start, p.id))


def _base_of(patrol: Patrol, names: dict[str, str]) -> str:
    """The patrol's base by name: its base field, else a base named in its team."""
    if patrol.base:
        return names.get(patrol.base, patrol.base)
    team = patrol.team.casefold()
    found = next((name for name in names.values() if name.casefold() in team), "")
    return found or (hq if (hq := names.get("hq", "")) and "hq" in team.split() else "")


def _bases(ev: CaseEvidence, patrols: list[Patrol]) -> str:
    names = {b.id: b.name for b in ev.theatre.bases} if ev.theatre else {}
    hq = [b.name for b in ev.theatre.bases if b.kind == "hq"] if ev.theatre else []
    if hq:
        names = {**names, "hq": hq[0]}
    bases = sorted({_base_of(p, names) for p in patrols} - {""})
    return f" from {_list(bases)}" if bases else ""


def _other_findings(ev: CaseEvidence) -> str:
    """Findings of another kind inside the coverage (a drill seen during a 'build-up')."""
    kind = str(ev.case.event_type)
    other = [o for o in ev.observations if str(o.type) not in (kind, "nothing_unusual")]
    if not other:
        return ""
    first = other[0]
    note = f" ({first.notes.strip()[:100]})" if first.notes.strip() else ""
    more = f" and {len(other) - 1} other finding(s)" if len(other) > 1 else ""
    return f"; the only other finding was {first.type}{note}{more}"


def _coverage_phrase(ev: CaseEvidence, policy: VerifyPolicy) -> str:
    """ "6 patrols from Jermuk and Ijevan covered 71 % of … between 07:00 and 19:00 on …"

    The times are those of the patrols inside the claimed window (theatre's local time)."""
    coverage = ev.coverage
    if coverage is None or not coverage.patrol_ids:
        return f"no patrol covered {_where(ev)} {_when(ev, policy)}"
    patrols = _patrols(ev)
    count = len(coverage.patrol_ids)
    head = f"{count} patrol{'s' if count != 1 else ''}{_bases(ev, patrols)}"
    share = f"{coverage.area_fraction * 100:.0f} %"
    if patrols:
        first = min(p.start for p in patrols)
        last = max(p.end for p in patrols)
        if ev.window is not None:
            first, last = max(first, ev.window[0]), min(last, ev.window[1])
        first, last = first.astimezone(_zone(ev)), last.astimezone(_zone(ev))
        span = f"between {first:%H:%M} and {last:%H:%M} on {_day(first)}"
        if first.date() != last.date():
            span = f"between {first:%H:%M} on {_day(first)} and {last:%H:%M} on {_day(last)}"
    else:
        span = _when(ev, policy)
    return f"{head} covered {share} of {_where(ev)} {span}"


def _speaker(claim: Claim) -> str:
    text = claim.speaker.text.strip()
    return text[0].upper() + text[1:] if text else "Someone"


def _answers(ev: CaseEvidence) -> list[str]:
    parts: list[str] = []
    seen: set[str] = set()
    for claim in ev.denying:
        who = claim.speaker.affiliation or claim.speaker.text
        if who in seen:
            continue
        seen.add(who)
        verb = "confirmed it did not happen" if claim.act is Act.CONFIRM else "denied the claim"
        parts.append(f"{_speaker(claim)} {verb}")
    for claim in ev.with_role("context")[:2]:
        parts.append(f"{_speaker(claim)} said “{claim.content.text.strip()[:160]}”")
    if ev.repeated_on:
        days = _list([f"{day:%-d %b %Y}" for day in sorted(set(ev.repeated_on))])
        parts.append(f"the claim was repeated on {days}")
    copies = len(ev.with_role("copy"))
    if copies:
        parts.append(f"{copies} repost{'s' if copies != 1 else ''} not counted as independent")
    return parts


def _by_party(claims: list[Claim]) -> str:
    """The first speaker of each party, e.g. "Armenia's Defence Ministry and the EU Mission"."""
    first: dict[str, str] = {}
    for claim in claims:
        first.setdefault(claim.speaker.affiliation or claim.speaker.text, _speaker(claim))
    return _list(list(first.values()))


def _parties(ev: CaseEvidence) -> str:
    alleged = _by_party(ev.alleging) or "no one"
    denied = _by_party(ev.denying)
    return f"alleged by {alleged}" + (f", denied by {denied}" if denied else "")


def rationale(
    ev: CaseEvidence,
    status: VerdictStatus,
    policy: VerifyPolicy,
    unobservable: str | None,
    thin: Sequence[date] = (),
) -> str:
    head = status.value.replace("_", " ").capitalize()
    if status is VerdictStatus.PENDING:
        body = "no claim alleges or denies the event yet"
    elif status is VerdictStatus.UNOBSERVABLE:
        body = f"{unobservable}; {_parties(ev)}"
    elif status is VerdictStatus.CORROBORATED:
        seen = sorted(ev.supporting, key=lambda o: o.observed_at)[0]
        later = ev.window is not None and seen.observed_at > ev.window[1]
        local = seen.observed_at.astimezone(_zone(ev))
        where = (
            "at the place after the claimed time, while traces last"
            if later
            else ("inside the patrols' coverage")
        )
        body = (
            f"{len(ev.supporting)} observation(s) of {ev.case.event_type} {where}, first at "
            f"{local:%H:%M} on {_day(local)}{': ' + seen.notes if seen.notes else ''}; "
            f"{_coverage_phrase(ev, policy)}"
        )
    elif status is VerdictStatus.CONTRADICTED:
        body = _coverage_phrase(ev, policy)
        if ev.coverage and ev.coverage.patrol_ids:
            body = f"{_in_sight(ev, policy)}: {body} and reported nothing unusual"
            body += _other_findings(ev)
        if ev.quiet_later and inspected_later(ev, policy):
            body = f"{_later_inspection(ev, policy)}; during the claimed time {body}"
    else:
        need = policy.area_share(ev.scope)
        required = policy.required_minutes(ev.window_minutes)
        body = (
            f"{_coverage_phrase(ev, policy)}{_sight_if_any(ev, policy)}; contradicting it needs "
            f"{need * 100:.0f} % of {_where(ev)} in sight for {required:.0f} minutes"
        )
        if late_unseen(ev, policy) and ev.coverage and ev.coverage.patrol_ids:
            body += (
                f"; {ev.case.event_type} is brief and {_where(ev)} was not in sight in the last "
                f"{policy.end_minutes:.0f} minutes of the claimed time, so it could have "
                "happened after the patrols left"
            )
        if thin:
            body += f"; coverage was too thin on {_list([f'{d:%-d %b %Y}' for d in thin])}"
        if ev.days > policy.max_contradict_days:
            body += f"; a window of {ev.days} days is too long to rule out by patrols"
        if status is VerdictStatus.DISPUTED:
            body = f"{_parties(ev)}, and nothing independent decides it; {body}"
        if ev.self_reported:
            body = f"a party's own account of its activity; {body}"
        if ev.scope == "anywhere":
            body = f"the claims name no place the mission could check; {body}"
    extra = _answers(ev)
    return f"{head}: " + "; ".join([body, *extra]) + "."
