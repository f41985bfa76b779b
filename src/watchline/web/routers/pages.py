"""Server-rendered pages: cases, one case with its map and override form, documents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from watchline.accounts import Permission
from watchline.store import Database
from watchline.store.filters import ViewFilter
from watchline.web.auth import Caller, Need
from watchline.web.deps import DbDep, TemplatesDep
from watchline.web.form_errors import form_page
from watchline.web.highlight import highlighted

router = APIRouter(include_in_schema=False)
READ = [Depends(Need(Permission.READ))]
FilterDep = Annotated[ViewFilter, Query()]


@router.get("/", dependencies=READ)
def home() -> RedirectResponse:
    return RedirectResponse("/dashboard", status_code=307)


@router.get("/cases", response_class=HTMLResponse, dependencies=READ)
def cases_page(request: Request, db: DbDep, templates: TemplatesDep, view: FilterDep):
    """A page of the case list (the same filter object and query as /api/cases)."""
    from watchline.domain import EventType, VerdictStatus
    from watchline.services.views import case_summaries_page
    from watchline.services.workflow import review_states

    page = case_summaries_page(db, view.checked("cases"))
    context = {
        "page": page,
        "reviews": review_states(db, [s.id for s in page.items]),
        "view": view,
        "status": view.status or "",
        "statuses": [s.value for s in VerdictStatus],
        "event_types": [e.value for e in EventType],
        "next_url": _page_url("/cases", view, page.next_cursor),
        "prev_url": _page_url("/cases", view, page.prev_cursor),
    }
    return templates.TemplateResponse(request, "cases.html", context)


def _page_url(path: str, view: ViewFilter, cursor: str | None) -> str | None:
    return f"{path}?{view.query_string(cursor=cursor)}" if cursor else None


@router.get("/cases/{case_id}", response_class=HTMLResponse, dependencies=READ)
def case_page(case_id: str, request: Request, templates: TemplatesDep):
    return templates.TemplateResponse(request, "case.html", case_context(request))


def case_context(request: Request) -> dict[str, object]:
    """The case page of the path's `case_id`: also what a failed form on it shows."""
    caller = getattr(request.state, "caller", None)
    return case_page_context(request.app.state.db, request.path_params["case_id"], caller)


def case_page_context(db: Database, case_id: str, caller: Caller | None) -> dict[str, object]:
    """One case: its view, review (Issue 11) and timeline, read in one transaction (one
    consistent snapshot; each part had its own and the page paid for six)."""
    from watchline.services.timeline import timeline_in
    from watchline.services.views import case_view_in
    from watchline.services.workflow import CaseReview
    from watchline.store.tables import CaseRow
    from watchline.web.routers.review_pages import case_review_context

    with db.transaction() as session:
        # SQLAlchemy holds rows weakly: kept here, the case's row answers every part
        # that asks for it by id from the session instead of a query each.
        held = session.get(CaseRow, case_id)
        view = case_view_in(session, case_id)
        context: dict[str, object] = {"view": view}
        context.update(case_review_context(session, case_id, caller, view.case))
        review = context["review"]
        assert isinstance(review, CaseReview)
        context["timeline"] = timeline_in(session, case_id, review, view.history)
        del held
    return context


@router.post("/cases/{case_id}/verdict")
@form_page("case.html", case_context)
def case_override(
    case_id: str,
    db: DbDep,
    caller: Annotated[Caller, Depends(Need(Permission.ANALYSE))],
    status: str = Form(...),
    reason: str = Form(...),
) -> RedirectResponse:
    """An analyst's override, under the logged-in user's name (never a typed one)."""
    from watchline.services.casework import set_verdict

    set_verdict(db, case_id, status, reason, caller.user.name)
    return RedirectResponse(f"/cases/{case_id}", status_code=303)


@router.get("/documents", response_class=HTMLResponse, dependencies=READ)
def documents_page(request: Request, db: DbDep, templates: TemplatesDep, view: FilterDep):
    from watchline.services.views import documents_page as page_of

    page = page_of(db, view.checked("documents"))
    context = {
        "documents": page.items,
        "view": view,
        "next_url": _page_url("/documents", view, page.next_cursor),
        "prev_url": _page_url("/documents", view, page.prev_cursor),
    }
    return templates.TemplateResponse(request, "documents.html", context)


@router.get("/documents/{document_id}", response_class=HTMLResponse, dependencies=READ)
def document_page(document_id: str, request: Request, db: DbDep, templates: TemplatesDep):
    from watchline.store.claims import ClaimRepository
    from watchline.store.documents import DocumentRepository
    from watchline.store.review import ReviewRepository, corrected

    with db.transaction() as session:
        document = DocumentRepository(session).get(document_id)
        engine = ClaimRepository(session).list(document_ids=[document_id])
        claims = corrected(engine, ReviewRepository(session).in_force())  # as reviewed
    return templates.TemplateResponse(
        request,
        "document.html",
        {"document": document, "claims": claims, "segments": highlighted(document.text, claims)},
    )


@router.get("/patrols", response_class=HTMLResponse, dependencies=READ)
def patrols_page(request: Request, db: DbDep, templates: TemplatesDep):
    from watchline.services.observations_queries import newest_patrols

    return templates.TemplateResponse(request, "patrols.html", {"patrols": newest_patrols(db)})
