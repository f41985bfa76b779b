"""Server-rendered pages: cases, one case with its map and override form, documents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from watchline.accounts import Permission
from watchline.services.timeline import case_timeline
from watchline.services.views import case_view
from watchline.web.auth import Caller, Need
from watchline.web.deps import DbDep, TemplatesDep
from watchline.web.highlight import highlighted

router = APIRouter(include_in_schema=False)
READ = [Depends(Need(Permission.READ))]


@router.get("/", dependencies=READ)
def home() -> RedirectResponse:
    return RedirectResponse("/dashboard", status_code=307)


@router.get("/cases", response_class=HTMLResponse, dependencies=READ)
def cases_page(request: Request, db: DbDep, templates: TemplatesDep, status: str | None = None):
    from watchline.services.views import case_views
    from watchline.services.workflow import review_states

    views = case_views(db, status or None)
    context = {"views": views, "status": status or "", "reviews": review_states(db)}
    return templates.TemplateResponse(request, "cases.html", context)


@router.get("/cases/{case_id}", response_class=HTMLResponse, dependencies=READ)
def case_page(case_id: str, request: Request, db: DbDep, templates: TemplatesDep):
    from watchline.web.routers.review_pages import case_review_context

    view = case_view(db, case_id)
    caller = getattr(request.state, "caller", None)
    context = {"view": view, **case_review_context(db, case_id, caller)}  # Issue 11: review
    context["timeline"] = case_timeline(db, case_id)  # Issue 11: seeing it
    return templates.TemplateResponse(request, "case.html", context)


@router.post("/cases/{case_id}/verdict")
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
def documents_page(request: Request, db: DbDep, templates: TemplatesDep):
    from watchline.store.documents import DocumentRepository

    with db.transaction() as session:
        documents = DocumentRepository(session).list(limit=500)
    return templates.TemplateResponse(request, "documents.html", {"documents": documents})


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
    from watchline.services.observations_queries import list_patrols

    return templates.TemplateResponse(request, "patrols.html", {"patrols": list_patrols(db)})
