"""The JSON API: cases with verdicts and evidence, documents with claims, map layers."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from watchline.accounts import Permission
from watchline.services.views import case_view
from watchline.web.auth import Caller, Need
from watchline.web.deps import DbDep, SettingsDep
from watchline.web.geo import case_area_geojson, patrols_geojson, theatre_geojson

router = APIRouter(prefix="/api", tags=["api"])
READ = [Depends(Need(Permission.READ))]


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
def list_cases(db: DbDep, status: str | None = None) -> list[dict[str, Any]]:
    from watchline.services.views import case_json, case_views

    return [case_json(v) for v in case_views(db, status)]


@router.get("/cases/{case_id}", dependencies=READ)
def get_case(case_id: str, db: DbDep) -> dict[str, Any]:
    from watchline.services.views import case_json

    return case_json(case_view(db, case_id))


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
def list_documents(
    db: DbDep, limit: Annotated[int, Query(ge=1, le=1000)] = 200
) -> list[dict[str, Any]]:
    from watchline.store.documents import DocumentRepository

    with db.transaction() as session:
        documents = DocumentRepository(session).list(limit=limit)
    return [document_summary(d) for d in documents]


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
def map_patrols(db: DbDep) -> dict[str, Any]:
    return patrols_geojson(db)


@router.get("/map/cases/{case_id}", dependencies=READ)
def map_case(case_id: str, db: DbDep, settings: SettingsDep) -> dict[str, Any]:
    from watchline.geo.theatre import load_theatre

    return case_area_geojson(case_view(db, case_id), load_theatre(settings.theatre))


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
