"""GeoJSON layers for the map: the theatre, patrol tracks, a case's area."""

from __future__ import annotations

from typing import Any

import shapely.wkt
from shapely.geometry import mapping
from starlette.responses import Response

from watchline.domain import Theatre
from watchline.store import Database
from watchline.web.geometry_cache import GeometryCache


def feature(wkt: str, **properties: Any) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": mapping(shapely.wkt.loads(wkt)),
        "properties": properties,
    }


def collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features}


def theatre_geojson(theatre: Theatre) -> dict[str, Any]:
    features = [feature(theatre.border, layer="border", name="border")]
    features += [feature(s.geometry, layer="sector", name=s.name) for s in theatre.sectors]
    features += [
        feature(f"POINT ({b.lon} {b.lat})", layer="base", name=b.name, kind=b.kind)
        for b in theatre.bases
    ]
    return collection(features)


MAX_FEATURES = 500  # a map layer never carries more, whatever the view holds
#: Geometries keyed by their own content (never stale), shared by every app in the process.
GEOMETRIES = GeometryCache()
DEFAULT_ZOOM = 12


def tolerance(zoom: int) -> float:
    """Degrees one screen pixel spans at web-map `zoom` (256-pixel tiles): what a
    simplified line may stray by without the eye noticing."""
    return 360.0 / (256 * 2**zoom)


def layer_response(
    wkts: list[str], properties: list[dict[str, Any]], zoom: int, more: bool
) -> Response:
    """A FeatureCollection as a JSON response, geometries simplified for `zoom` in one
    vectorised shapely call and written by GEOS itself (no Python walk per coordinate),
    each remembered by its own text (`GEOMETRIES`). `truncated` says when the view held
    more than MAX_FEATURES (zoom in for them)."""
    from watchline.web.fast_json import dumps

    geometries = GEOMETRIES.geojson(wkts, tolerance(zoom))
    features = ",".join(
        f'{{"type":"Feature","geometry":{g or "null"},"properties":{dumps(p)}}}'
        for g, p in zip(geometries, properties, strict=True)
    )
    body = f'{{"type":"FeatureCollection","truncated":{dumps(more)},"features":[{features}]}}'
    return Response(body, media_type="application/json")


def patrols_geojson(
    db: Database, box: tuple[float, float, float, float] | None = None, zoom: int | None = None
) -> Response:
    """Patrol tracks meeting `box` (all when None), newest first, simplified for `zoom`
    and at most MAX_FEATURES of them."""
    from sqlalchemy import select

    from watchline.store.tables.patrols import PatrolRow as P

    query = select(P.id, P.team, P.base, P.start_at, P.end_at, P.track, P.point_count)
    if box is not None:
        west, south, east, north = box
        query = query.where(P.minx <= east, P.maxx >= west, P.miny <= north, P.maxy >= south)
    query = query.where(P.point_count >= 2).order_by(P.start_at.desc(), P.id)
    with db.transaction() as session:
        rows = session.execute(query.limit(MAX_FEATURES + 1)).all()
    kept = rows[:MAX_FEATURES]
    properties = [
        {
            "layer": "patrol",
            "id": pid,
            "team": team,
            "base": base,
            "start": _utc(start).isoformat(),
            "end": _utc(end).isoformat(),
        }
        for pid, team, base, start, end, _track, _count in kept
    ]
    tracks = [row[5] for row in kept]
    return layer_response(tracks, properties, _zoom(zoom), len(rows) > MAX_FEATURES)


def observations_geojson(
    db: Database, box: tuple[float, float, float, float] | None = None, zoom: int | None = None
) -> Response:
    """Findings with a place meeting `box` (all when None), newest first, at most
    MAX_FEATURES: a point, or the area a finding covers."""
    from sqlalchemy import or_, select

    from watchline.store.tables import ObservationRow as O

    query = select(
        O.id, O.type, O.modality, O.observed_at, O.patrol_id, O.count, O.lat, O.lon, O.geom
    ).where(or_(O.geom.is_not(None), O.lat.is_not(None)))
    if box is not None:
        west, south, east, north = box
        query = query.where(O.minx <= east, O.maxx >= west, O.miny <= north, O.maxy >= south)
    query = query.order_by(O.observed_at.desc(), O.id).limit(MAX_FEATURES + 1)
    with db.transaction() as session:
        rows = session.execute(query).all()
    kept = rows[:MAX_FEATURES]
    properties = [
        {
            "layer": "observation",
            "id": oid,
            "type": kind,
            "modality": modality,
            "start": _utc(at).isoformat(),
            "patrol": patrol,
            "count": count,
        }
        for oid, kind, modality, at, patrol, count, _lat, _lon, _geom in kept
    ]
    shapes = [geom or f"POINT ({lon} {lat})" for *_, lat, lon, geom in kept]
    return layer_response(shapes, properties, _zoom(zoom), len(rows) > MAX_FEATURES)


def _zoom(zoom: int | None) -> int:
    return DEFAULT_ZOOM if zoom is None else zoom


def _utc(moment: Any) -> Any:
    from watchline.store.cases import utc

    return utc(moment)


def cases_geojson(db: Database, view: Any, zoom: int | None = None) -> Response:
    """Active cases whose area meets the view's bbox (and its other filters), each area
    simplified for `zoom`, coloured by status on the map; at most MAX_FEATURES."""
    from sqlalchemy import select

    from watchline.store.listing import case_conditions
    from watchline.store.tables import CaseRow, CaseSummaryRow

    with db.transaction() as session:
        query = (
            select(
                CaseRow.id, CaseRow.title, CaseRow.event_type, CaseRow.area, CaseSummaryRow.status
            )
            .join(CaseSummaryRow, CaseSummaryRow.case_id == CaseRow.id)
            .where(CaseRow.area.is_not(None), *case_conditions(view, session))
            .order_by(CaseRow.start.desc(), CaseRow.id.desc())
            .limit(MAX_FEATURES + 1)
        )
        rows = session.execute(query).all()
    kept = rows[:MAX_FEATURES]
    properties = [
        {"layer": "case", "id": cid, "title": title, "event_type": kind, "status": status}
        for cid, title, kind, _area, status in kept
    ]
    areas = [row[3] for row in kept]
    return layer_response(areas, properties, _zoom(zoom), len(rows) > MAX_FEATURES)


def case_area_geojson(view: Any, theatre: Theatre) -> dict[str, Any]:
    from watchline.verify import VerifyPolicy, observable_area

    area = observable_area(view.case, theatre, VerifyPolicy(), view.scope)  # as verify does
    features = []
    if area.wkt:
        features.append(
            feature(
                area.wkt, layer="case", id=view.case.id, title=view.case.title,
                status=view.status.value,
                start=view.case.start.isoformat() if view.case.start else None,
            )
        )  # fmt: skip
    return collection(features)
