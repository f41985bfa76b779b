"""Case views: one structure that the CLI, the web pages, reports and JSON all render.

A `CaseView` gathers a case's claims by role (for, against, context, copies), its current
and latest engine verdicts and the whole history, so every output shows the same
evidence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from watchline.domain import (
    Case,
    Claim,
    Coverage,
    Document,
    Source,
    SourceKind,
    Verdict,
    VerdictStatus,
)
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
from watchline.store.cases import CaseRepository, utc
from watchline.store.cases import _case as case_from_row
from watchline.store.claims import ClaimRepository, row_to_claim
from watchline.store.filters import Page, ViewFilter
from watchline.store.review import ReviewRepository, claim_key, corrected
from watchline.store.tables import (
    CaseClaimRow,
    CaseRow,
    ClaimResponseRow,
    ClaimRow,
    DocumentRow,
    SourceRow,
)


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
    """One active case's view; E010 when there is no such case. Reads that case's
    claims, documents and verdicts only."""
    with db.transaction() as session:
        return case_view_in(session, case_id)


def case_view_in(session: Session, case_id: str) -> CaseView:
    """`case_view` inside the caller's transaction."""
    views = _views(_load(session, [case_id]), None)
    if not views:
        raise NotFound(Errors.E010, case_id=case_id)
    return views[0]


def case_views(
    db: Database,
    status: str | None = None,
    *,
    case_id: str | None = None,
    case_ids: Sequence[str] | None = None,
) -> list[CaseView]:
    """Every active case (or only `case_id` / `case_ids`, in that order), optionally only
    those whose current verdict has `status`. With ids, only those cases' rows are read."""
    wanted = status_filter(status) if status else None
    if case_id is not None:
        case_ids = [case_id]
    with db.transaction() as session:
        loaded = _load(session, case_ids)
    return _views(loaded, wanted)


def _views(loaded: _Loaded, wanted: VerdictStatus | None) -> list[CaseView]:
    views = []
    for case in loaded.cases:
        history = loaded.histories.get(case.id, [])
        by_role: dict[str, list[ClaimView]] = defaultdict(list)
        for cid in case.claim_ids:
            claim = loaded.claims.get(cid)
            if claim is None:
                continue
            role = loaded.roles.get(case.id, {}).get(cid, Role.FOR.value)
            doc = loaded.documents.get(claim.document_id or "")
            by_role[role].append(_claim_view(claim, role, doc, loaded.responses.get(cid)))
        engine = [v for v in history if v.author == ENGINE]
        view = CaseView(
            case=case,
            scope=loaded.scopes.get(case.id, "place"),
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


def documents_by_id(session: Session, ids: Collection[str]) -> dict[str, Document]:
    """What a case view shows of each document (never its text: it may be long)."""
    if not ids:
        return {}
    query = (
        select(
            DocumentRow.id,
            DocumentRow.key,
            DocumentRow.url,
            DocumentRow.title,
            DocumentRow.published_at,
            DocumentRow.language,
            SourceRow,
        )
        .join(SourceRow, SourceRow.id == DocumentRow.source_id)
        .where(DocumentRow.id.in_(list(ids)))
    )
    return {
        doc_id: Document(
            key=key,
            text="",
            raw=b"",
            source=Source(SourceKind(src.kind), src.name, src.url, src.handle, src.speaks_for),
            published_at=utc(published) if published else None,
            url=url,
            language=language,
            title=title,
            id=doc_id,
        )
        for doc_id, key, url, title, published, language, src in session.execute(query)
    }


@dataclass
class _Loaded:
    cases: list[Case]
    claims: dict[str, Claim]
    documents: dict[str, Document]
    roles: dict[str, dict[str, str]]
    responses: dict[str, tuple[str, str]]
    scopes: dict[str, str]
    histories: dict[str, list[Verdict]]


def _load(session: Session, case_ids: Sequence[str] | None) -> _Loaded:
    """What case views need: of every active case, or of `case_ids` only (in order)."""
    repo = CaseRepository(session)
    if case_ids is None:
        in_force = ReviewRepository(session).in_force()  # claims as analysts corrected them
        claims = {c.id: c for c in corrected(ClaimRepository(session).list(), in_force)}
        responses = {r.claim_id: (r.answers, str(r.kind)) for r in repo.responses()}
        return _Loaded(
            repo.cases(),
            claims,
            documents_with_claims(session),
            claim_roles(repo),
            responses,
            repo.scopes(),
            repo.histories(),
        )
    ids = list(dict.fromkeys(case_ids))
    rows = {r.id: r for r in session.scalars(select(CaseRow).where(CaseRow.id.in_(ids)))}
    members: dict[str, list[CaseClaimRow]] = defaultdict(list)
    member_query = (
        select(CaseClaimRow)
        .where(CaseClaimRow.case_id.in_(ids))
        .order_by(CaseClaimRow.case_id, CaseClaimRow.position, CaseClaimRow.claim_id)
    )
    for member in session.scalars(member_query):
        members[member.case_id].append(member)
    claim_ids = [m.claim_id for group in members.values() for m in group]
    stored = [
        row_to_claim(row)
        for row in session.scalars(select(ClaimRow).where(ClaimRow.id.in_(claim_ids)))
    ]
    in_force = ReviewRepository(session).in_force(keys=(claim_key(c) for c in stored))
    claims = {c.id: c for c in corrected(stored, in_force)}
    response_query = select(ClaimResponseRow).where(ClaimResponseRow.claim_id.in_(claim_ids))
    cases = [
        case_from_row(rows[i], tuple(m.claim_id for m in members.get(i, ())))
        for i in ids
        if i in rows and rows[i].active
    ]
    document_ids = {c.document_id for c in claims.values() if c.document_id}
    return _Loaded(
        cases,
        claims,
        documents_by_id(session, document_ids),
        {cid: {m.claim_id: m.role for m in group} for cid, group in members.items()},
        {r.claim_id: (r.answers, r.kind) for r in session.scalars(response_query)},
        {i: rows[i].scope for i in rows},
        repo.histories(list(rows)),
    )


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


@dataclass(frozen=True)
class CaseSummary:
    """A case as the case list shows it, from `case_summaries` (no claim is read)."""

    id: str
    title: str
    event_type: str
    agent: str | None
    start: date | None
    end: date | None
    theatre_id: str | None
    status: str
    claims_for: int
    claims_against: int
    claims_context: int
    copies: int
    parties: dict[str, list[str]]
    first_stated: date | None
    last_stated: date | None
    verdict_at: datetime | None


def case_summaries_page(db: Database, view: ViewFilter) -> Page[CaseSummary]:
    """One page of the case list, filtered, ordered and cut in the database."""
    from watchline.store.listing import case_page

    with db.transaction() as session:
        page = case_page(session, view)
    items = [
        CaseSummary(
            id=case.id,
            title=case.title,
            event_type=case.event_type,
            agent=case.agent,
            start=case.start,
            end=case.end,
            theatre_id=case.theatre_id,
            status=summary.status,
            claims_for=summary.claims_for,
            claims_against=summary.claims_against,
            claims_context=summary.claims_context,
            copies=summary.copies,
            parties={"for": summary.parties_for, "against": summary.parties_against},
            first_stated=summary.first_stated,
            last_stated=summary.last_stated,
            verdict_at=utc(summary.verdict_at) if summary.verdict_at else None,
        )
        for case, summary in page.items
    ]
    return Page(items, page.next_cursor, page.prev_cursor)


def documents_page(db: Database, view: ViewFilter) -> Page[Document]:
    """One page of documents, newest first (see `store.listing.document_page`)."""
    from watchline.store.documents import DocumentRepository
    from watchline.store.listing import document_page

    with db.transaction() as session:
        page = document_page(session, view)
        documents = DocumentRepository(session)._documents([row[0] for row in page.items])
    return Page(documents, page.next_cursor, page.prev_cursor)
