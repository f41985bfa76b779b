"""Statements: publishers draft them from verdicts, edit and publish them; the public
reads what is published (and nothing else) at /public.

Drafts are team-internal (READ to see, PUBLISH to change); `/public…` routes are the
only ones an anonymous visitor reaches with data, and they show published text only —
a draft's id answers 404 there, as an unknown id does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from watchline.accounts import Permission
from watchline.errors import Errors, NotFound
from watchline.services import statements
from watchline.settings import Settings
from watchline.web.auth import Caller, Need
from watchline.web.deps import DbDep, SettingsDep, TemplatesDep
from watchline.web.form_errors import form_page
from watchline.web.routers.pages import case_context

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

router = APIRouter()
READ = [Depends(Need(Permission.READ))]
PUBLIC = [Depends(Need(None))]
Publisher = Annotated[Caller, Depends(Need(Permission.PUBLISH))]


def _key(settings: Settings) -> Ed25519PrivateKey | None:
    """The server's signing key when one is configured (most missions keep it offline)."""
    if settings.signing_key is None:
        return None
    from watchline.publish.keys import load_private_key

    return load_private_key(settings.signing_key)


def _json(s: statements.Statement, *, public: bool = False) -> dict[str, object]:
    body: dict[str, object] = {
        "id": s.id,
        "case_id": s.case_id,
        "title": s.title,
        "text": s.text,
        "status": s.status,
        "verdict_status": s.verdict_status,
        "published_at": s.published_at.isoformat() if s.published_at else None,
        "sha256": s.sha256,
        "signed": s.signature is not None,
    }
    if not public:
        body |= {
            "drafted_by": s.drafted_by,
            "drafted_at": s.drafted_at.isoformat(),
            "updated_at": s.updated_at.isoformat(),
            "published_by": s.published_by,
        }
    return body


@router.get("/statements", response_class=HTMLResponse, include_in_schema=False, dependencies=READ)
def statements_page(request: Request, db: DbDep, templates: TemplatesDep):
    rows = statements.listing(db)
    return templates.TemplateResponse(request, "statements.html", {"statements": rows})


@router.get(
    "/statements/{publication_id}",
    response_class=HTMLResponse,
    include_in_schema=False,
    dependencies=READ,
)
def statement_page(publication_id: str, request: Request, templates: TemplatesDep):
    return templates.TemplateResponse(request, "statement.html", statement_context(request))


def statement_context(request: Request) -> dict[str, object]:
    """The statement page of the path's `publication_id` (also after a failed form)."""
    db = request.app.state.db
    return {"statement": statements.get(db, request.path_params["publication_id"])}


@router.post("/cases/{case_id}/statement", include_in_schema=False)
@form_page("case.html", case_context)
def statement_draft_form(case_id: str, db: DbDep, caller: Publisher) -> RedirectResponse:
    """Draft a statement from the case's verdict, then edit it on its page."""
    statement = statements.draft(db, case_id, caller.user.name)
    return RedirectResponse(f"/statements/{statement.id}", status_code=303)


@router.post("/statements/{publication_id}", include_in_schema=False)
@form_page("statement.html", statement_context)
def statement_edit_form(
    publication_id: str,
    db: DbDep,
    caller: Publisher,
    text: str = Form(""),
    why: str = Form(""),
) -> RedirectResponse:
    statements.edit(db, publication_id, text, caller.user.name, why or None)
    return RedirectResponse(f"/statements/{publication_id}", status_code=303)


@router.post("/statements/{publication_id}/publish", include_in_schema=False)
@form_page("statement.html", statement_context)
def statement_publish_form(
    publication_id: str, db: DbDep, settings: SettingsDep, caller: Publisher
) -> RedirectResponse:
    statements.publish(db, publication_id, caller.user.name, _key(settings))
    return RedirectResponse(f"/public/statements/{publication_id}", status_code=303)


@router.get("/api/statements", dependencies=READ, tags=["statements"])
def api_statements(db: DbDep, case_id: str | None = None) -> list[dict[str, object]]:
    """Drafts and published statements, newest first (team only)."""
    return [_json(s) for s in statements.listing(db, case_id=case_id)]


@router.post("/api/cases/{case_id}/statements", status_code=201, tags=["statements"])
def api_statement_draft(
    case_id: str, db: DbDep, caller: Publisher, body: dict[str, str] | None = None
) -> dict[str, object]:
    """Draft a statement on a case: `{"text": …}` or, without it, from the verdict."""
    text = (body or {}).get("text")
    return _json(statements.draft(db, case_id, caller.user.name, text))


@router.post("/api/statements/{publication_id}/publish", tags=["statements"])
def api_statement_publish(
    publication_id: str, db: DbDep, settings: SettingsDep, caller: Publisher
) -> dict[str, object]:
    """Publish a draft; from then on it is public and never changes (409 E821 after)."""
    return _json(statements.publish(db, publication_id, caller.user.name, _key(settings)))


@router.get("/public", response_class=HTMLResponse, include_in_schema=False, dependencies=PUBLIC)
def public_page(request: Request, db: DbDep, templates: TemplatesDep):
    rows = statements.listing(db, published_only=True)
    return templates.TemplateResponse(request, "public.html", {"statements": rows})


@router.get("/public/statements/{publication_id}.txt", include_in_schema=False, dependencies=PUBLIC)
def public_statement_file(publication_id: str, db: DbDep) -> Response:
    """The published statement as the exact file its sha256 and signature cover."""
    statement = statements.get(db, publication_id, published_only=True)
    headers = {"Content-Disposition": f'attachment; filename="{statement.file_name}"'}
    return Response(statement.file_bytes(), media_type="text/plain; charset=utf-8", headers=headers)


@router.get(
    "/public/statements/{publication_id}.txt.sig.json",
    include_in_schema=False,
    dependencies=PUBLIC,
)
def public_statement_bundle(publication_id: str, db: DbDep) -> Response:
    """The signature bundle of the statement's file (404 when it was not signed)."""
    statement = statements.get(db, publication_id, published_only=True)
    if statement.signature is None:
        raise NotFound(Errors.E826, publication_id=publication_id)
    name = f"{statement.file_name}.sig.json"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(statement.signature, media_type="application/json", headers=headers)


@router.get(
    "/public/statements/{publication_id}",
    response_class=HTMLResponse,
    include_in_schema=False,
    dependencies=PUBLIC,
)
def public_statement_page(
    publication_id: str, request: Request, db: DbDep, templates: TemplatesDep
):
    statement = statements.get(db, publication_id, published_only=True)
    return templates.TemplateResponse(request, "public_statement.html", {"statement": statement})


@router.get("/api/public/statements", dependencies=PUBLIC, tags=["public"])
def api_public_statements(db: DbDep) -> list[dict[str, object]]:
    """Published statements only, newest first: what anyone may read."""
    return [_json(s, public=True) for s in statements.listing(db, published_only=True)]
