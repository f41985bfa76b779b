"""Case views: one structure that the CLI, the web pages, reports and JSON all render.

A `CaseView` gathers a case's claims by role (for, against, context, copies), its current
and latest engine verdicts and the whole history, so every output shows the same
evidence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from watchline.domain import Case, Claim, Coverage, Document, Verdict, VerdictStatus
from watchline.errors import Errors, NotFound
from watchline.link import Role
from watchline.services.casework import (
    ENGINE,
    claim_roles,
    current_verdict,
    documents_with_claims,
    status_filter,
)
from watchline.store import Database
from watchline.store.cases import CaseRepository
from watchline.store.review import corrected_claims


@dataclass(frozen=True)
class ClaimView:
    """One claim as a case shows it: who said what, when, where it was published."""

    id: str
    role: str
    speaker: str
    affiliation: str | None
    actor_id: str | None
    act: str
    event_type: str
    negated: bool
    stated_on: date | None
    content: str
    cue: str
    direct_quote: bool
    places: tuple[str, ...]
    document_id: str | None
    document_url: str | None
    document_title: str | None
    source: str | None
    published_at: datetime | None
    responds_to: str | None = None
    response_kind: str | None = None
    copy_of: str | None = None


@dataclass(frozen=True)
class CaseView:
    """A case with everything that renders it: claims by role, coverage, verdicts."""

    case: Case
    scope: str
    claims_for: tuple[ClaimView, ...]
    claims_against: tuple[ClaimView, ...]
    context: tuple[ClaimView, ...]
    copies: tuple[ClaimView, ...]
    verdict: Verdict | None
    engine_verdict: Verdict | None
    history: tuple[Verdict, ...]

    @property
    def coverage(self) -> Coverage | None:
        return self.verdict.coverage if self.verdict else None

    @property
    def status(self) -> VerdictStatus:
        return self.verdict.status if self.verdict else VerdictStatus.PENDING

    @property
    def parties(self) -> dict[str, list[str]]:
        """Who alleges and who denies, by affiliation (copies and context not counted)."""

        def sides(claims: tuple[ClaimView, ...]) -> list[str]:
            return list(dict.fromkeys(c.affiliation or c.speaker for c in claims))

        return {"for": sides(self.claims_for), "against": sides(self.claims_against)}

    @property
    def responses(self) -> tuple[ClaimView, ...]:
        every = self.claims_for + self.claims_against + self.context
        return tuple(c for c in every if c.responds_to)


def _claim_view(
    claim: Claim, role: str, document: Document | None, response: tuple[str, str] | None
) -> ClaimView:
    copy = response is not None and response[1] == "copies"
    return ClaimView(
        id=claim.id,
        role=role,
        speaker=claim.speaker.text,
        affiliation=claim.speaker.affiliation,
        actor_id=claim.speaker.actor_id,
        act=str(claim.act),
        event_type=str(claim.event.type),
        negated=claim.event.negated,
        stated_on=claim.stated_on,
        content=claim.content.text,
        cue=claim.cue.text,
        direct_quote=claim.direct_quote,
        places=tuple(p.name or p.text for p in claim.event.places),
        document_id=claim.document_id,
        document_url=document.url if document else None,
        document_title=document.title if document else None,
        source=document.source.name if document else None,
        published_at=document.published_at if document else None,
        responds_to=response[0] if response and not copy else claim.responds_to,
        response_kind=response[1] if response and not copy else None,
        copy_of=response[0] if copy else None,
    )


def case_view(db: Database, case_id: str) -> CaseView:
    """One active case's view; E010 when there is no such case."""
    views = case_views(db, case_id=case_id)
    if not views:
        raise NotFound(Errors.E010, case_id=case_id)
    return views[0]


def case_views(
    db: Database, status: str | None = None, *, case_id: str | None = None
) -> list[CaseView]:
    """Every active case (or only `case_id`), optionally only those whose current verdict
    has `status`."""
    wanted = status_filter(status) if status else None
    with db.transaction() as session:
        repo = CaseRepository(session)
        claims = {c.id: c for c in corrected_claims(session)}  # as analysts corrected them
        documents = documents_with_claims(session)
        roles = claim_roles(repo)
        responses = {r.claim_id: (r.answers, str(r.kind)) for r in repo.responses()}
        scopes = repo.scopes()
        histories = repo.histories()
        cases = repo.cases()
    views = []
    for case in cases:
        if case_id is not None and case.id != case_id:
            continue
        history = histories.get(case.id, [])
        by_role: dict[str, list[ClaimView]] = defaultdict(list)
        for cid in case.claim_ids:
            claim = claims.get(cid)
            if claim is None:
                continue
            role = roles.get(case.id, {}).get(cid, Role.FOR.value)
            doc = documents.get(claim.document_id or "")
            by_role[role].append(_claim_view(claim, role, doc, responses.get(cid)))
        engine = [v for v in history if v.author == ENGINE]
        view = CaseView(
            case=case,
            scope=scopes.get(case.id, "place"),
            claims_for=tuple(by_role["for"]),
            claims_against=tuple(by_role["against"]),
            context=tuple(by_role["context"]),
            copies=tuple(by_role["copy"]),
            verdict=current_verdict(history),
            engine_verdict=engine[-1] if engine else None,
            history=tuple(history),
        )
        if wanted is None or view.status is wanted:
            views.append(view)
    return views


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def verdict_json(verdict: Verdict | None) -> dict[str, object] | None:
    """A verdict as plain JSON: status, confidence, rationale, coverage and evidence."""
    if verdict is None:
        return None
    from watchline.store.cases import coverage_to_json

    return {
        "case_id": verdict.case_id,
        "status": verdict.status.value,
        "confidence": verdict.confidence,
        "rationale": verdict.rationale,
        "author": verdict.author,
        "reason": verdict.reason,
        "created_at": _plain(verdict.created_at),
        "coverage": coverage_to_json(verdict.coverage),
        "evidence": [
            {"kind": e.kind, "ref": e.ref, "role": e.role, "summary": e.summary}
            for e in verdict.evidence
        ],
    }


def case_json(view: CaseView) -> dict[str, object]:
    """A case view as plain JSON (what `watchline cases --format json` prints)."""
    case = view.case

    def claims(items: tuple[ClaimView, ...]) -> list[object]:
        return [_plain(vars(item)) for item in items]

    return {
        "id": case.id,
        "title": case.title,
        "event_type": case.event_type.value,
        "agent": case.agent,
        "start": _plain(case.start),
        "end": _plain(case.end),
        "scope": view.scope,
        "place_ids": list(case.place_ids),
        "area": case.area,
        "status": view.status.value,
        "parties": view.parties,
        "claims_for": claims(view.claims_for),
        "claims_against": claims(view.claims_against),
        "context": claims(view.context),
        "copies": claims(view.copies),
        "verdict": verdict_json(view.verdict),
        "engine_verdict": verdict_json(view.engine_verdict),
        "history": [verdict_json(v) for v in view.history],
    }
