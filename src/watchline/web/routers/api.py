"""The JSON API: cases with verdicts and evidence, documents with claims, map layers."""

from __future__ import annotations

import dataclasses
import enum
from datetime import date, datetime
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from watchline.errors import Errors, NotFound
from watchline.web.deps import DbDep, SettingsDep
from watchline.web.geo import case_area_geojson, patrols_geojson, theatre_geojson

router = APIRouter(prefix="/api", tags=["api"])


def plain(value: Any) -> Any:
    """Dataclasses, enums and dates as JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        for extra in ("status", "coverage"):
            if hasattr(type(value), extra) and isinstance(getattr(type(value), extra), property):
                out[extra] = plain(getattr(value, extra))
        return out
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, bytes):
        return None
    return value


class VerdictCreate(BaseModel):
    """An analyst's verdict on a case."""

    status: str = Field(description="corroborated, contradicted, not_covered, unobservable, …")
    reason: str = Field(min_length=1, description="Why the analyst overrides the engine.")
    author: str = Field(min_length=1)


@router.get("/health")
def health(db: DbDep) -> dict[str, Any]:
    return {"ok": True, "database": db.dialect, "schema_current": db.is_current()}


@router.get("/cases")
def list_cases(db: DbDep, status: str | None = None) -> list[dict[str, Any]]:
    from watchline.services.casework import case_views

    return [plain(v) for v in case_views(db, status)]


@router.get("/cases/{case_id}")
def get_case(case_id: str, db: DbDep) -> dict[str, Any]:
    return plain(find_case(db, case_id))


@router.post("/cases/{case_id}/verdicts", status_code=201)
def add_verdict(case_id: str, body: VerdictCreate, db: DbDep) -> dict[str, Any]:
    from watchline.services.casework import set_verdict

    return plain(set_verdict(db, case_id, body.status, body.reason, body.author))


@router.get("/documents")
def list_documents(db: DbDep, limit: int = 200) -> list[dict[str, Any]]:
    from watchline.store.documents import DocumentRepository

    with db.transaction() as session:
        documents = DocumentRepository(session).list(limit=limit)
    return [document_summary(d) for d in documents]


@router.get("/documents/{document_id}/claims")
def document_claims(document_id: str, db: DbDep) -> list[dict[str, Any]]:
    from watchline.store.claims import ClaimRepository

    with db.transaction() as session:
        return [plain(c) for c in ClaimRepository(session).list(document_ids=[document_id])]


@router.get("/map/theatre")
def map_theatre(settings: SettingsDep) -> dict[str, Any]:
    from watchline.observe.theatre import load_theatre

    return theatre_geojson(load_theatre(settings.theatre))


@router.get("/map/patrols")
def map_patrols(db: DbDep) -> dict[str, Any]:
    return patrols_geojson(db)


@router.get("/map/cases/{case_id}")
def map_case(case_id: str, db: DbDep, settings: SettingsDep) -> dict[str, Any]:
    from watchline.observe.theatre import load_theatre

    return case_area_geojson(find_case(db, case_id), load_theatre(settings.theatre))


def find_case(db: DbDep, case_id: str):
    from watchline.services.casework import case_views

    for view in case_views(db):
        if view.case.id == case_id:
            return view
    raise NotFound(Errors.E010, case_id=case_id)


def document_summary(document) -> dict[str, Any]:
    return {
        "id": document.id,
        "key": document.key,
        "source": document.source.name,
        "url": document.url,
        "title": document.title,
        "published_at": plain(document.published_at),
        "language": document.language,
        "sha256": document.sha256,
        "chars": len(document.text),
    }
