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
from dataclasses import asdict, dataclass
from datetime import date, datetime

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
from watchline.link import Linkage, LinkOptions, theatres_with
from watchline.link.decisions import apply_decisions
from watchline.services import audit
from watchline.store import Database
from watchline.store.cases import CaseRepository, LinkCounts, utc
from watchline.store.digests import digest_of
from watchline.store.review import ReviewRepository, claim_key, corrected_claims
from watchline.store.tables import ClaimRow, DocumentRow, SourceRow
from watchline.verify import VerifyPolicy, verify_case
from watchline.verify.gather import CaseInput, gather

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
    from watchline.geo.theatre import load_theatre
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
    actor: str | None = None,
    full: bool = False,
    progress: bool = False,
) -> LinkSummary:
    """Link the stored claims; deterministic, and case ids survive new documents.

    One database may hold several theatres: each claim goes to the theatre its places
    (else speaker, document or countries) name, and each theatre is linked on its own
    (`watchline.link.theatres`). `theatre` is the default (WATCHLINE_THEATRE when not
    given); `theatres` are the others, by default every packaged profile, a profile of
    the same id as the default being replaced by it. Only theatres whose claims changed
    since the last run are linked again, and only what changed is written
    (`services.linking`); `full` links every theatre again. The run is one audit entry
    by `actor` (default: the local user) with its counts.
    """
    from watchline.services.linking import relink

    theatre = theatre or configured_theatre()
    if theatres is None:
        from watchline.geo.theatre import load_all_theatres

        theatres = load_all_theatres()
    known = theatres_with(theatre, theatres)
    with db.transaction() as session:
        claims = corrected_claims(session)
        documents = documents_with_claims(session)
        # review (services/review.py): analysts' merges and splits, over every run
        decisions = ReviewRepository(session).link_decisions()
        by_id = {c.id: c for c in claims}

        def decide(linkage: Linkage) -> Linkage:
            return apply_decisions(linkage, decisions, by_id, claim_key)

        done = relink(
            session, claims, documents, known, theatre.id, options, full=full,
            progress=progress, decide=decide, salt=digest_of([repr(d) for d in decisions]),
        )  # fmt: skip
        summary = LinkSummary(
            claims=len(claims),
            cases=done.cases,
            counts=done.counts,
            responses=done.responses,
            copies=done.copies,
            unlinked=done.unlinked,
        )
        details = {**asdict(summary), "theatre": theatre.id, "linked": list(done.theatres_linked)}
        audit.record(session, actor or audit.local_actor(), "cases.link", "cases", None, details)
    return summary


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


class _StoreSightings:
    """Coverage and lookups against the database, for `verify.gather`."""

    def __init__(self, session: Session, coverage_fn: CoverageFn) -> None:
        from watchline.store.observations import ObservationRepository
        from watchline.store.patrols import PatrolRepository

        self.session = session
        self.coverage_fn = coverage_fn
        self.found = ObservationRepository(session)
        self.driven = PatrolRepository(session)

    def coverage(
        self, area: str, start: datetime, end: datetime, visibility_m: float, min_minutes: float
    ) -> Coverage:
        return self.coverage_fn(
            self.session, area, start, end, visibility_m, min_minutes=min_minutes
        )

    def observations(self, ids: Sequence[str]) -> list[Observation]:
        return [o for o in (self.found.get(i) for i in ids) if o]

    def patrols(self, ids: Sequence[str]) -> list[Patrol]:
        return [p for p in (self.driven.get(i) for i in ids) if p]


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


def theatre_of(case: Case, configured: Theatre) -> Theatre:
    """The theatre a case is measured in (its own, else the configured one)."""
    return _Theatres(configured).of(case)


class _Theatres:
    """Each case's own theatre (its claims' places decide it), else the configured one."""

    def __init__(self, theatre: Theatre) -> None:
        self.theatre = theatre
        self.known: dict[str, Theatre] = {}

    def of(self, case: Case) -> Theatre:
        tid = case.theatre_id
        if tid is None or tid == self.theatre.id:
            return self.theatre
        if tid not in self.known:
            from watchline.errors import WatchlineError
            from watchline.geo.theatre import load_theatre

            try:
                self.known[tid] = load_theatre(tid)
            except WatchlineError:  # a profile no longer installed: the configured one
                self.known[tid] = self.theatre
        return self.known[tid]


def verify_all(
    db: Database,
    theatre: Theatre,
    visibility_m: float | None = None,
    *,
    policy: VerifyPolicy | None = None,
    coverage_fn: CoverageFn = store_coverage,
    actor: str | None = None,
    full: bool = False,
    progress: bool = False,
) -> list[Verdict]:
    """The engine's verdict on every active case; appended to history when it changed.

    Each case is measured in its own theatre (`case.theatre_id`, else `theatre`), over
    the claimed hours (`verify.window.case_window`), with each part of the area counted
    only once truly in sight long enough (`VerifyPolicy.part_minutes`), and over the
    place afterwards while the activity leaves traces (`VerifyPolicy.trace_days`) — the
    steps of `verify.gather`, shared with the verdict simulator. A case whose inputs
    (claims, roles, theatre, policy, and the patrols and findings near its place and
    time) have the digest stored with its last verdict is not measured again: its last
    engine verdict stands (`services.verify_inputs`); `full`, or a `coverage_fn` other
    than the store's, measures every case. The run is one audit entry by `actor`
    (default: the local user): the cases whose verdict changed, and how many were redone.
    """
    from watchline.services.progress import StepProgress
    from watchline.services.verify_inputs import case_digest
    from watchline.store.digests import DigestRepository

    policy = policy or VerifyPolicy()
    verdicts: list[Verdict] = []
    changed: dict[str, str] = {}
    reuse = not full and coverage_fn is store_coverage
    measured = 0
    with db.transaction() as session, StepProgress("verify", "cases", progress) as bar:
        sightings = _StoreSightings(session, coverage_fn)
        theatres = _Theatres(theatre)
        repo = CaseRepository(session)
        claims = {c.id: c for c in corrected_claims(session)}
        roles = claim_roles(repo)
        repeats = _repeats_of(repo, claims)
        scopes = repo.scopes()
        histories = repo.histories()
        digests = DigestRepository(session, "verify")
        stored = digests.all() if reuse else {}
        fresh: dict[str, str] = {}
        cases = repo.cases()
        bar.expect(len(cases))
        for case in cases:
            bar.advance()
            item = CaseInput(
                case,
                claims,
                roles.get(case.id, {}),
                scopes.get(case.id, "place"),
                tuple(sorted({day for cid in case.claim_ids for day in repeats.get(cid, ())})),
            )
            own = theatres.of(case)
            history = histories.get(case.id, [])
            digest = case_digest(session, item, own, policy, visibility_m) if reuse else None
            last = _last_engine(history)
            if digest is not None and last is not None and stored.get(case.id, ("",))[0] == digest:
                verdicts.append(last)
                continue
            measured += 1
            evidence = gather(item, own, policy, sightings, visibility_m)
            verdict = verify_case(evidence, policy)
            if _changed(verdict, history):
                verdict = repo.add_verdict(verdict)
                changed[case.id] = verdict.status.value
            verdicts.append(verdict)
            if digest is not None:
                fresh[case.id] = digest
        digests.put_many(fresh, stored)
        details = {"cases": len(verdicts), "new_verdicts": changed, "theatre": theatre.id,
                   "measured": measured}  # fmt: skip
        audit.record(session, actor or audit.local_actor(), "cases.verify", "cases", None, details)
    return verdicts


def _last_engine(history: list[Verdict]) -> Verdict | None:
    engine = [v for v in history if v.author == ENGINE]
    return engine[-1] if engine else None


def _repeats_of(repo: CaseRepository, claims: dict[str, Claim]) -> dict[str, set[date]]:
    """Claim id -> days on which it was repeated (the repeat may open a later case)."""
    days: dict[str, set[date]] = defaultdict(set)
    for r in repo.responses():
        if r.kind == "repeats" and r.claim_id in claims:
            day = claims[r.claim_id].stated_on
            if day is not None:
                days[r.answers].add(day)
    return days


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
    actor: str | None = None,
) -> Verdict:
    """An analyst's verdict, with a reason; kept beside the engine's, never replacing it.

    One audit entry by `actor` (default: the author) with the reason as its why.
    """
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
        stored = repo.add_verdict(verdict)
        details = {"status": chosen.value, "confidence": confidence, "author": author,
                   "engine_status": basis.status.value if basis else None}  # fmt: skip
        audit.record(session, actor or author, "verdict.set", "case", case_id, details, reason)
        return stored


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
