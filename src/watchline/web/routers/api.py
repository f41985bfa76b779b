"""The JSON API: cases with verdicts and evidence, documents with claims, map layers."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, Field

from watchline.accounts import Permission
from watchline.services.views import case_view
from watchline.store.filters import Page, ViewFilter
from watchline.web.auth import Caller, Need
from watchline.web.deps import DbDep, SettingsDep
from watchline.web.fast_json import FastJSONResponse
from watchline.web.geo import case_area_geojson, patrols_geojson, theatre_geojson

router = APIRouter(prefix="/api", tags=["api"])
READ = [Depends(Need(Permission.READ))]
FilterDep = Annotated[ViewFilter, Query()]
ZoomQuery = Annotated[int | None, Query(ge=0, le=22, description="Web-map zoom level.")]


class VerdictCreate(BaseModel):
    """An analyst's verdict on a case."""

    status: str = Field(description="corroborated, contradicted, not_covered, unobservable, …")
    reason: str = Field(min_length=1, description="Why the analyst overrides the engine.")


@router.get("/health", dependencies=[Depends(Need(None))])
def health(db: DbDep) -> dict[str, Any]:
    return {"ok": True, "database": db.dialect, "schema_current": db.is_current()}


@router.get("/me")
def me(caller: Annotated[Caller, Depends(Need(Permission.READ))]) -> dict[str, Any]:
    """Who is logged in, their role, and the CSRF token browser scripts send back in
    the X-CSRF-Token header (empty for bearer tokens, which need none)."""
    return {"name": caller.user.name, "role": str(caller.user.role), "csrf": caller.csrf}


@router.get("/cases", dependencies=READ)
def list_cases(
    db: DbDep,
    view: FilterDep,
    detail: Annotated[
        Literal["full", "summary"],
        Query(description="full: claims and verdicts of each case; summary: counts only."),
    ] = "full",
) -> FastJSONResponse:
    """A page of active cases, newest first, filtered in the database; the next and
    previous pages are in the `Link` header (and X-Next-Cursor / X-Prev-Cursor)."""
    from watchline.services.views import case_json, case_summaries_page, case_views

    page = case_summaries_page(db, view.checked("cases"))
    headers = _link_headers("/api/cases", view, page, detail=detail)
    if detail == "summary":
        return FastJSONResponse([summary_json(s) for s in page.items], headers=headers)
    views = case_views(db, case_ids=[s.id for s in page.items])
    return FastJSONResponse([case_json(v) for v in views], headers=headers)


@router.get("/claims", dependencies=READ)
def list_claims(db: DbDep, view: FilterDep) -> FastJSONResponse:
    """Search claims: newest first, by party (affiliation), event type, days and text."""
    from watchline.store.listing import claim_page

    with db.transaction() as session:
        page = claim_page(session, view.checked("claims"))
    headers = _link_headers("/api/claims", view, page)
    return FastJSONResponse([claim_summary(row[0]) for row in page.items], headers=headers)


@router.get("/cases/{case_id}", dependencies=READ)
def get_case(case_id: str, db: DbDep) -> FastJSONResponse:
    from watchline.services.views import case_json

    return FastJSONResponse(case_json(case_view(db, case_id)))


@router.post("/cases/{case_id}/verdicts", status_code=201)
def add_verdict(
    case_id: str,
    body: VerdictCreate,
    db: DbDep,
    caller: Annotated[Caller, Depends(Need(Permission.ANALYSE))],
) -> dict[str, Any]:
    """An analyst's verdict, recorded under the logged-in user's name."""
    from watchline.services.casework import set_verdict
    from watchline.services.views import verdict_json

    return verdict_json(set_verdict(db, case_id, body.status, body.reason, caller.user.name))


@router.get("/documents", dependencies=READ)
def list_documents(db: DbDep, view: FilterDep) -> FastJSONResponse:
    """Documents newest first, by publication day and title text, a page at a time."""
    from watchline.services.views import documents_page

    page = documents_page(db, view.checked("documents"))
    headers = _link_headers("/api/documents", view, page)
    return FastJSONResponse([document_summary(d) for d in page.items], headers=headers)


@router.get("/documents/{document_id}/claims", dependencies=READ)
def document_claims(document_id: str, db: DbDep) -> dict[str, Any]:
    """The document's claims in the extraction contract of DESIGN.md."""
    from watchline.extract.contract import to_contract
    from watchline.store.claims import ClaimRepository
    from watchline.store.documents import DocumentRepository

    with db.transaction() as session:
        document = DocumentRepository(session).get(document_id)
        claims = ClaimRepository(session).list(document_ids=[document_id])
    return to_contract(
        claims,
        document_id=document_id,
        published_at=document.published_at,
        language=document.language or "en",
    )


@router.get("/map/theatre", dependencies=READ)
def map_theatre(settings: SettingsDep) -> dict[str, Any]:
    from watchline.geo.theatre import load_theatre

    return theatre_geojson(load_theatre(settings.theatre))


@router.get("/map/patrols", dependencies=READ)
def map_patrols(
    db: DbDep,
    bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north")] = None,
    zoom: ZoomQuery = None,
) -> Response:
    """Patrol tracks meeting the view, simplified for the zoom, newest first, capped."""
    from watchline.store.filters import parse_bbox

    return patrols_geojson(db, parse_bbox(bbox) if bbox else None, zoom)


@router.get("/map/observations", dependencies=READ)
def map_observations(
    db: DbDep,
    bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north")] = None,
    zoom: ZoomQuery = None,
) -> Response:
    """Findings meeting the view (points, or the areas they cover), newest first, capped."""
    from watchline.store.filters import parse_bbox
    from watchline.web.geo import observations_geojson

    return observations_geojson(db, parse_bbox(bbox) if bbox else None, zoom)


@router.get("/map/cases", dependencies=READ)
def map_cases(db: DbDep, view: FilterDep, zoom: ZoomQuery = None) -> Response:
    """Case areas meeting the view's bbox and filters, simplified for the zoom, capped
    (`truncated` says when the view held more: zoom in)."""
    from watchline.web.geo import cases_geojson

    return cases_geojson(db, view.checked("map of cases"), zoom)


@router.get("/map/cases/{case_id}", dependencies=READ)
def map_case(case_id: str, db: DbDep, settings: SettingsDep) -> dict[str, Any]:
    from watchline.geo.theatre import load_theatre

    return case_area_geojson(case_view(db, case_id), load_theatre(settings.theatre))


@router.get("/map/cases/{case_id}/coverage", dependencies=READ)
def map_case_coverage(case_id: str, db: DbDep, settings: SettingsDep) -> dict[str, Any]:
    """What the case's current verdict counted as coverage: each covering patrol's
    footprint in the case area and its track there during the case window, and the
    findings counted (`covered` false and no features when no patrol covered it)."""
    from watchline.geo.theatre import load_theatre
    from watchline.services.case_coverage import covered_part
    from watchline.services.casework import theatre_of

    view = case_view(db, case_id)
    theatre = theatre_of(view.case, load_theatre(settings.theatre))
    return covered_part(db, view, theatre, settings.visibility_m).geojson()


def _link_headers(path: str, view: ViewFilter, page: Page[Any], **extra: str) -> dict[str, str]:
    """RFC 8288 `Link` header (rel next / prev) and the raw cursors, for scripts.

    List routes answer a `FastJSONResponse` of plain values they built themselves: FastAPI's
    generic encoder walks every value again and costs more than the query."""
    headers: dict[str, str] = {}
    links = []
    extra = {k: v for k, v in extra.items() if v not in ("full",)}
    for rel, cursor, header in (
        ("next", page.next_cursor, "X-Next-Cursor"),
        ("prev", page.prev_cursor, "X-Prev-Cursor"),
    ):
        if cursor:
            headers[header] = cursor
            links.append(f'<{path}?{view.query_string(cursor=cursor, **extra)}>; rel="{rel}"')
    if links:
        headers["Link"] = ", ".join(links)
    return headers


def summary_json(summary: Any) -> dict[str, Any]:
    """A case as the list shows it: counts, parties, dates, status; no claims."""
    from watchline.services.views import _plain

    return {k: _plain(v) for k, v in vars(summary).items()}


def claim_summary(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "document_id": row.document_id,
        "speaker": row.speaker_text,
        "affiliation": row.affiliation,
        "act": row.act,
        "event_type": row.event_type,
        "negated": row.negated,
        "stated_on": row.stated_on.isoformat() if row.stated_on else None,
        "content": row.content_text,
    }


def document_summary(document) -> dict[str, Any]:
    return {
        "id": document.id,
        "key": document.key,
        "source": document.source.name,
        "url": document.url,
        "title": document.title,
        "published_at": document.published_at.isoformat() if document.published_at else None,
        "language": document.language,
        "sha256": document.sha256,
        "chars": len(document.text),
    }
