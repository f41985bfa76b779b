"""Intake in the browser and over the API: patrol tracks, findings with photos, documents.

Plain HTML forms (multipart) that work without JavaScript; `static/intake.js` adds a
map on which a click fills the finding's latitude and longitude. Each page route has an
API twin under /api/intake/ for scripts with a bearer token, answering the same report
as JSON. The size of an upload is checked from its Content-Length before any of it is
read (the router's first dependency, ahead of the CSRF check that parses the form).
"""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData, UploadFile

from watchline.accounts import Permission
from watchline.domain import Modality, ObservationType
from watchline.errors import Errors, InputError, WatchlineError
from watchline.ingest.formats import READERS
from watchline.services import intake
from watchline.web.auth import UNSAFE, Caller, Need
from watchline.web.deps import DbDep, SettingsDep, TemplatesDep
from watchline.web.form_errors import form_page


async def limit_upload(request: Request) -> None:
    """Refuse an upload larger than allowed before it is read (E730, E731)."""
    if request.method in UNSAFE:
        limit = intake.request_limit(request.app.state.settings.max_file_bytes)
        intake.check_size(request.headers.get("content-length"), limit)


router = APIRouter(dependencies=[Depends(limit_upload)])
PAGE: dict[str, Any] = {"include_in_schema": False}
API: dict[str, Any] = {"tags": ["intake"]}

READ = [Depends(Need(Permission.READ))]
PATROL = Annotated[Caller, Depends(Need(Permission.PATROL))]
ANALYSE = Annotated[Caller, Depends(Need(Permission.ANALYSE))]
FORMATS = ["auto", *sorted(READERS)]
MULTIPART = {
    "requestBody": {
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}}
                    },
                }
            }
        }
    }
}


async def _form(request: Request) -> FormData:
    try:
        return await request.form(max_files=intake.MAX_FILES + 1)
    except WatchlineError:
        raise
    except Exception as exc:  # a broken multipart body: one coded line, not a traceback
        raise InputError(Errors.E013, reason=f"unreadable form ({type(exc).__name__})") from None


async def _uploads(form: FormData, field: str) -> list[intake.Upload]:
    """The files in `field`; an empty file input (nothing chosen) gives none."""
    found = []
    for value in form.getlist(field):
        if isinstance(value, UploadFile) and (value.filename or value.size):
            found.append(intake.Upload(value.filename or "", await value.read()))
    return found


def _text(form: FormData, name: str, limit: int = 2000) -> str:
    value = form.get(name)
    return value[:limit] if isinstance(value, str) else ""


def _published_on(value: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            Errors.E312, option="published on", value=value[:20], reason="not YYYY-MM-DD"
        ) from None


async def _patrols(request: Request, db: Any, theatre: str, actor: str) -> dict[str, Any]:
    form = await _form(request)
    uploads = await _uploads(form, "files")
    meta = {k: _text(form, k, 200) or None for k in ("team", "base", "vehicle")}
    return await run_in_threadpool(
        lambda: intake.import_patrol_uploads(db, uploads, theatre=theatre, actor=actor, **meta)
    )


async def _finding(request: Request, db: Any, theatre: str, actor: str) -> dict[str, Any]:
    form = await _form(request)
    photos = await _uploads(form, "photos")
    names = ("type", "modality", "time", "patrol", "team", "lat", "lon", "count", "notes")
    fields = {name: _text(form, name, 4000 if name == "notes" else 200) for name in names}
    return await run_in_threadpool(
        lambda: intake.record_finding(db, fields, photos, theatre=theatre, actor=actor)
    )


async def _documents(request: Request, db: Any, max_file_bytes: int, actor: str) -> dict[str, Any]:
    form = await _form(request)
    uploads = await _uploads(form, "files")
    format = _text(form, "format", 40) or "auto"
    return await run_in_threadpool(
        lambda: intake.ingest_uploads(
            db,
            uploads,
            format=format,
            source_name=_text(form, "source_name", 200),
            speaks_for=_text(form, "speaks_for", 100),
            published_on=_published_on(_text(form, "published_on", 40)),
            max_file_bytes=max_file_bytes,
            actor=actor,
        )
    )


def _patrol_choices(db: Any) -> list[Any]:
    from watchline.services.observations_queries import list_patrols

    return list_patrols(db)[-200:]


def _page(request: Request, templates: Any, name: str, context: dict[str, Any], status: int = 200):
    return templates.TemplateResponse(request, name, context, status_code=status)


async def _upload_page(
    request: Request,
    templates: Any,
    name: str,
    upload: Awaitable[dict[str, Any]],
    stored: str,
    extra: dict[str, Any],
):
    """An upload form's answer: its report, 422 when every file was refused (nothing
    `stored`, nothing already there). A coded error brings the form back with it
    (`web.form_errors`)."""
    report = await upload
    ok = report[stored] or report["duplicates"] or not report["rejected"]
    context = {"report": report, **extra}
    return _page(request, templates, name, context, 200 if ok else 422)


def _patrols_page(_request: Request) -> dict[str, Any]:
    return {"report": None}


def _documents_page(_request: Request) -> dict[str, Any]:
    return {"report": None, "formats": FORMATS}


def _findings_page(request: Request) -> dict[str, Any]:
    return _finding_context(request.app.state.db)


# ---- pages -----------------------------------------------------------------------------


@router.get("/intake", **PAGE, response_class=HTMLResponse, dependencies=READ)
def intake_home(request: Request, templates: TemplatesDep):
    return _page(request, templates, "intake_index.html", {})


@router.get("/intake/patrols", **PAGE, response_class=HTMLResponse)
def patrols_form(request: Request, templates: TemplatesDep, _caller: PATROL):
    return _page(request, templates, "intake_patrols.html", _patrols_page(request))


@router.post("/intake/patrols", **PAGE, response_class=HTMLResponse)
@form_page("intake_patrols.html", _patrols_page)
async def patrols_upload(
    request: Request, db: DbDep, settings: SettingsDep, templates: TemplatesDep, caller: PATROL
):
    upload = _patrols(request, db, settings.theatre, caller.user.name)
    return await _upload_page(request, templates, "intake_patrols.html", upload, "added", {})


def _finding_context(db: Any, **extra: Any) -> dict[str, Any]:
    return {
        "types": [str(t) for t in ObservationType],
        "modalities": [str(m) for m in Modality],
        "patrols": _patrol_choices(db),
        "recorded": None,
        **extra,
    }


@router.get("/intake/findings", **PAGE, response_class=HTMLResponse)
def findings_form(request: Request, db: DbDep, templates: TemplatesDep, _caller: PATROL):
    return _page(request, templates, "intake_findings.html", _finding_context(db))


@router.post("/intake/findings", **PAGE, response_class=HTMLResponse)
@form_page("intake_findings.html", _findings_page)
async def findings_record(
    request: Request, db: DbDep, settings: SettingsDep, templates: TemplatesDep, caller: PATROL
):
    recorded = await _finding(request, db, settings.theatre, caller.user.name)
    context = _finding_context(db, recorded=recorded)
    return _page(request, templates, "intake_findings.html", context)


@router.get("/intake/documents", **PAGE, response_class=HTMLResponse)
def documents_form(request: Request, templates: TemplatesDep, _caller: ANALYSE):
    return _page(request, templates, "intake_documents.html", _documents_page(request))


@router.post("/intake/documents", **PAGE, response_class=HTMLResponse)
@form_page("intake_documents.html", _documents_page)
async def documents_upload(
    request: Request, db: DbDep, settings: SettingsDep, templates: TemplatesDep, caller: ANALYSE
):
    upload = _documents(request, db, settings.max_file_bytes, caller.user.name)
    extra = {"formats": FORMATS}
    return await _upload_page(
        request, templates, "intake_documents.html", upload, "ingested", extra
    )


@router.get("/intake/photo", **PAGE, dependencies=READ)
def photo(db: DbDep, sha256: str = "") -> Response:
    """A finding's photo, to logged-in users only, as the image type it was checked to
    be; `nosniff` and a sandboxing CSP keep a browser from running it as anything else."""
    raw, kind, filename = intake.photo(db, sha256)
    ascii_name = "".join(c if c.isalnum() or c in "._-" else "_" for c in filename)[:100]
    headers = {
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Content-Disposition": f'inline; filename="{ascii_name or "photo"}"',
        "Cache-Control": "private, max-age=3600",
    }
    return Response(raw, media_type=kind, headers=headers)


# ---- API -------------------------------------------------------------------------------


@router.post("/api/intake/patrols", **API, openapi_extra=MULTIPART)
async def api_patrols(
    request: Request, db: DbDep, settings: SettingsDep, caller: PATROL
) -> dict[str, Any]:
    """Patrol files (`files`: GPX, GeoJSON, CSV; optional `team`, `base`, `vehicle`)."""
    return await _patrols(request, db, settings.theatre, caller.user.name)


@router.post("/api/intake/findings", **API, status_code=201)
async def api_finding(
    request: Request, db: DbDep, settings: SettingsDep, caller: PATROL
) -> dict[str, Any]:
    """One finding (multipart fields `type`, `modality`, `time`, `patrol` or `team`,
    `lat`, `lon`, `count`, `notes`, and `photos`)."""
    return await _finding(request, db, settings.theatre, caller.user.name)


@router.post("/api/intake/documents", **API, openapi_extra=MULTIPART)
async def api_documents(
    request: Request, db: DbDep, settings: SettingsDep, caller: ANALYSE
) -> dict[str, Any]:
    """Files to ingest (`files`, optional `format`, `source_name`, `speaks_for`,
    `published_on`): the ingest report with each rejected item and why."""
    return await _documents(request, db, settings.max_file_bytes, caller.user.name)
