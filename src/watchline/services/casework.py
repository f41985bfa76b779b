"""Casework over the database: link claims into cases, verify them, override verdicts.

`link_all`, `verify_all` and `set_verdict` are what the CLI, the web app and the demo
call; `services.views.case_views` shows the result. The verdict history is append-only:

- `verify_all` appends a new engine verdict for a case only when its status, confidence
  or rationale changed since the last engine verdict;
- `set_verdict` appends an analyst verdict with a reason;
- a case's *current* verdict is its newest analyst verdict when an analyst has spoken,
  else its newest engine verdict — so an override stands until an analyst replaces it,
  while later engine verdicts are still recorded beside it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from watchline.domain import (
    Case,
    Claim,
    Coverage,
    Document,
    Observation,
    Patrol,
    Source,
    SourceKind,
    Theatre,
    Verdict,
    VerdictStatus,
)
from watchline.errors import Errors, InputError
from watchline.link import LinkOptions, link_theatres, theatres_with
from watchline.store import Database
from watchline.store.cases import CaseRepository, LinkCounts, utc
from watchline.store.claims import ClaimRepository
from watchline.store.tables import ClaimRow, DocumentRow, SourceRow
from watchline.verify import CaseEvidence, VerifyPolicy, observable_area, verify_case
from watchline.verify.window import case_window as window_of_case
from watchline.verify.window import day_part

ENGINE = "engine"
CoverageFn = Callable[..., Coverage]  # (session, area, start, end, vis, *, min_minutes)


@dataclass(frozen=True)
class LinkSummary:
    claims: int
    cases: int
    counts: LinkCounts
    responses: int
    copies: int
    unlinked: int

    def summary(self) -> str:
        c = self.counts
        return (
            f"{self.claims} claims in {self.cases} cases ({c.new} new, {c.changed} changed, "
            f"{c.unchanged} unchanged, {c.retired} retired); {self.responses} responses, "
            f"{self.copies} copies, {self.unlinked} claims in no case"
        )


def configured_theatre() -> Theatre:
    """The theatre named in the settings (WATCHLINE_THEATRE, default arm-aze)."""
    from watchline.observe.theatre import load_theatre
    from watchline.settings import Settings

    return load_theatre(Settings().theatre)


def documents_with_claims(session: Session) -> dict[str, Document]:
    """What linking and views need of each document that has claims."""
    query = (
        select(DocumentRow, SourceRow)
        .join(SourceRow, SourceRow.id == DocumentRow.source_id)
        .where(DocumentRow.id.in_(select(ClaimRow.document_id)))
    )
    return {
        doc.id: Document(
            key=doc.key,
            text=doc.text,
            raw=b"",
            source=Source(SourceKind(src.kind), src.name, src.url, src.handle, src.speaks_for),
            published_at=utc(doc.published_at) if doc.published_at else None,
            url=doc.url,
            language=doc.language,
            title=doc.title,
            forwarded_from=doc.forwarded_from,
            reply_to=doc.reply_to,
            id=doc.id,
        )
        for doc, src in session.execute(query)
    }


def link_all(
    db: Database,
    theatre: Theatre | None = None,
    options: LinkOptions | None = None,
    *,
    theatres: Sequence[Theatre] | None = None,
) -> LinkSummary:
    """Re-link every stored claim; deterministic, and case ids survive new documents.

    One database may hold several theatres: each claim goes to the theatre its places
    (else speaker, document or countries) name, and each theatre is linked on its own
    (`watchline.link.theatres`). `theatre` is the default (WATCHLINE_THEATRE when not
    given); `theatres` are the others, by default every packaged profile, a profile of
    the same id as the default being replaced by it.
    """
    theatre = theatre or configured_theatre()
    if theatres is None:
        from watchline.observe.theatre import load_all_theatres

        theatres = load_all_theatres()
    known = theatres_with(theatre, theatres)
    with db.transaction() as session:
        claims = ClaimRepository(session).list()
        documents = documents_with_claims(session)
        linkage = link_theatres(claims, documents, known, theatre.id, options)
        counts = CaseRepository(session).save_linkage(linkage)
    return LinkSummary(
        claims=len(claims),
        cases=len(linkage.cases),
        counts=counts,
        responses=len(linkage.responses),
        copies=len(linkage.copies),
        unlinked=len(linkage.unlinked),
    )


def store_coverage(
    session: Session,
    area: str,
    start: datetime,
    end: datetime,
    vis: float,
    *,
    min_minutes: float = 0.0,
) -> Coverage:
    from watchline.store.patrols import coverage_of

    return coverage_of(session, area, start, end, vis, min_minutes=min_minutes)


def _minutes(window: tuple[datetime, datetime]) -> float:
    return (window[1] - window[0]).total_seconds() / 60.0


def _seen(session: Session, coverage: Coverage | None) -> tuple[list[Observation], list[Patrol]]:
    if coverage is None:
        return [], []
    from watchline.store.observations import ObservationRepository
    from watchline.store.patrols import PatrolRepository

    observations = ObservationRepository(session)
    patrols = PatrolRepository(session)
    found = [observations.get(oid) for oid in coverage.observation_ids]
    driven = [patrols.get(pid) for pid in coverage.patrol_ids]
    return [o for o in found if o], [p for p in driven if p]


def _changed(new: Verdict, history: list[Verdict]) -> bool:
    engine = [v for v in history if v.author == ENGINE]
    if not engine:
        return True
    last = engine[-1]
    return (last.status, round(last.confidence, 2), last.rationale) != (
        new.status,
        round(new.confidence, 2),
        new.rationale,
    )


Window = tuple[datetime, datetime]


@dataclass
class _Verifier:
    """What verifying every case shares: the session, policy, coverage and theatres."""

    session: Session
    theatre: Theatre
    visibility_m: float | None
    policy: VerifyPolicy
    coverage_fn: CoverageFn
    theatres: dict[str, Theatre]

    def theatre_of(self, case: Case) -> Theatre:
        """The case's own theatre (its claims' places decide it), else the configured one."""
        tid = case.theatre_id
        if tid is None or tid == self.theatre.id:
            return self.theatre
        if tid not in self.theatres:
            from watchline.errors import WatchlineError
            from watchline.observe.theatre import load_theatre

            try:
                self.theatres[tid] = load_theatre(tid)
            except WatchlineError:  # a profile no longer installed: the configured one
                self.theatres[tid] = self.theatre
        return self.theatres[tid]

    def coverage(self, area: str, window: Window, theatre: Theatre, minutes: float) -> Coverage:
        vis = self.visibility_m or theatre.visibility_m
        return self.coverage_fn(self.session, area, window[0], window[1], vis, min_minutes=minutes)

    def daily(
        self, case: Case, area: str, window: Window, theatre: Theatre, scope: str
    ) -> tuple[tuple[date, Coverage], ...]:
        """Coverage of each day of a multi-day window (each day must be covered to
        contradict); the first and last day only in the claimed hours."""
        if case.start is None or case.end is None or case.end == case.start:
            return ()
        days = (case.end - case.start).days + 1
        if days > self.policy.max_contradict_days:
            return ()
        daily = []
        for offset in range(days):
            day = case.start + timedelta(days=offset)
            part = day_part(day, window, theatre)
            if part is None:
                continue
            need = self.policy.part_minutes(scope, _minutes(part))
            daily.append((day, self.coverage(area, part, theatre, need)))
        return tuple(daily)

    def later(
        self, case: Case, area: str, window: Window, theatre: Theatre
    ) -> tuple[Coverage | None, Window | None]:
        """Coverage of the place after the window while traces of the activity last.

        Traces of an event at the window's start last until start + span, so only a look
        in [end, start + span] could still see them, whenever in the window it happened.
        """
        span = self.policy.trace_span_days(case.event_type)
        if span <= 0:
            return None, None
        later = (window[1], window[0] + timedelta(days=span))
        if later[1] <= later[0]:
            return None, None
        return self.coverage(area, later, theatre, self.policy.trace_min_minutes), later


def verify_all(
    db: Database,
    theatre: Theatre,
    visibility_m: float | None = None,
    *,
    policy: VerifyPolicy | None = None,
    coverage_fn: CoverageFn = store_coverage,
) -> list[Verdict]:
    """The engine's verdict on every active case; appended to history when it changed.

    Each case is measured in its own theatre (`case.theatre_id`, else `theatre`), over
    the claimed hours (`verify.window.case_window`), with each part of the area counted
    only once truly in sight long enough (`VerifyPolicy.part_minutes`), and over the
    place afterwards while the activity leaves traces (`VerifyPolicy.trace_days`).
    """
    policy = policy or VerifyPolicy()
    verdicts: list[Verdict] = []
    with db.transaction() as session:
        work = _Verifier(session, theatre, visibility_m, policy, coverage_fn, {})
        repo = CaseRepository(session)
        claims = {c.id: c for c in ClaimRepository(session).list()}
        roles = claim_roles(repo)
        repeats = [(r.claim_id, r.answers) for r in repo.responses() if r.kind == "repeats"]
        scopes = repo.scopes()
        histories = repo.histories()
        for case in repo.cases():
            home = work.theatre_of(case)
            scope = scopes.get(case.id, "place")
            area = observable_area(case, home, policy, scope)
            case_roles = roles.get(case.id, {})
            window = claimed_window(case, claims, case_roles, home, policy)
            coverage: Coverage | None = None
            traces: Coverage | None = None
            later: Window | None = None
            daily: tuple[tuple[date, Coverage], ...] = ()
            if area.wkt is not None and window is not None:
                need = policy.part_minutes(scope, _minutes(window))
                coverage = work.coverage(area.wkt, window, home, need)
                daily = work.daily(case, area.wkt, window, home, scope)
                traces, later = work.later(case, area.wkt, window, home)
            observations, patrols = _seen(session, coverage)
            inspections, inspectors = _seen(session, traces)
            evidence = CaseEvidence(
                case=case,
                claims={cid: claims[cid] for cid in case.claim_ids if cid in claims},
                roles=case_roles,
                coverage=coverage,
                observations=observations,
                patrols=[*patrols, *(p for p in inspectors if p not in patrols)],
                theatre=home,
                scope=scope,
                far_side=area.far_side,
                repeated_on=_repeated_on(case, repeats, claims),
                daily=daily,
                window=window,
                traces=traces,
                trace_observations=inspections,
                trace_window=later,
            )
            verdict = verify_case(evidence, policy)
            if _changed(verdict, histories.get(case.id, [])):
                verdict = repo.add_verdict(verdict)
            verdicts.append(verdict)
    return verdicts


def claimed_window(
    case: Case,
    claims: dict[str, Claim],
    roles: dict[str, str],
    theatre: Theatre | None,
    policy: VerifyPolicy,
) -> Window | None:
    """The instants the case is about: its days, narrowed to the hours its allegations
    (or, with none, its denials) state — see verify.window."""
    members = [claims[cid] for cid in case.claim_ids if cid in claims]
    core = [c for c in members if roles.get(c.id) == "for"] or [
        c for c in members if roles.get(c.id) == "against"
    ]
    return window_of_case(case, core, theatre, policy)


def _repeated_on(
    case: Case, repeats: list[tuple[str, str]], claims: dict[str, Claim]
) -> tuple[date, ...]:
    """Days on which a claim of this case was repeated (the repeat may open a later case)."""
    members = set(case.claim_ids)
    days = {
        claims[claim_id].stated_on
        for claim_id, answers in repeats
        if answers in members and claim_id in claims
    }
    return tuple(sorted(day for day in days if day is not None))


def claim_roles(repo: CaseRepository) -> dict[str, dict[str, str]]:
    roles: dict[str, dict[str, str]] = defaultdict(dict)
    for m in repo.memberships():
        roles[m.case_id][m.claim_id] = str(m.role)
    return roles


def parse_status(value: str) -> VerdictStatus:
    try:
        return VerdictStatus(value.strip().lower().replace(" ", "_"))
    except ValueError:
        options = ", ".join(s.value for s in VerdictStatus)
        raise InputError(Errors.E401, value=value, options=options) from None


def status_filter(value: str) -> VerdictStatus:
    try:
        return parse_status(value)
    except InputError:
        options = ", ".join(s.value for s in VerdictStatus)
        raise InputError(Errors.E403, value=value, options=options) from None


def set_verdict(
    db: Database,
    case_id: str,
    status: str | VerdictStatus,
    reason: str,
    author: str,
    confidence: float = 0.9,
) -> Verdict:
    """An analyst's verdict, with a reason; kept beside the engine's, never replacing it."""
    chosen = status if isinstance(status, VerdictStatus) else parse_status(status)
    if not reason or not reason.strip():
        raise InputError(Errors.E402)
    with db.transaction() as session:
        repo = CaseRepository(session)
        repo.get(case_id)
        engine = [v for v in repo.history(case_id) if v.author == ENGINE]
        basis = engine[-1] if engine else None
        verdict = Verdict(
            case_id=case_id,
            status=chosen,
            confidence=confidence,
            rationale=f"{chosen.value.replace('_', ' ').capitalize()} (set by {author}): "
            f"{reason.strip()}",
            coverage=basis.coverage if basis else None,
            evidence=basis.evidence if basis else (),
            author=author,
            reason=reason.strip(),
        )
        return repo.add_verdict(verdict)


def verdict_history(db: Database, case_id: str) -> list[Verdict]:
    with db.transaction() as session:
        repo = CaseRepository(session)
        repo.get(case_id)
        return repo.history(case_id)


def current_verdict(history: Iterable[Verdict]) -> Verdict | None:
    """The newest analyst verdict if any, else the newest engine verdict."""
    history = list(history)
    analyst = [v for v in history if v.author != ENGINE]
    if analyst:
        return analyst[-1]
    return history[-1] if history else None
