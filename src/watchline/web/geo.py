"""GeoJSON layers for the map: the theatre, patrol tracks, a case's area."""

from __future__ import annotations

from typing import Any

import shapely.wkt
from shapely.geometry import mapping

from watchline.domain import Theatre
from watchline.store import Database


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
DEFAULT_ZOOM = 12


def tolerance(zoom: int) -> float:
    """Degrees one screen pixel spans at web-map `zoom` (256-pixel tiles): what a
    simplified line may stray by without the eye noticing."""
    return 360.0 / (256 * 2**zoom)


def simplified(wkt: str, zoom: int) -> dict[str, Any]:
    shape = shapely.wkt.loads(wkt)
    return mapping(shape.simplify(tolerance(zoom), preserve_topology=True))


def bounded(features: list[dict[str, Any]], more: bool) -> dict[str, Any]:
    """A layer that says when the view held more than it carries (zoom in for them)."""
    return {**collection(features), "truncated": more}


def patrols_geojson(
    db: Database, box: tuple[float, float, float, float] | None = None, zoom: int | None = None
) -> dict[str, Any]:
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
    features = [
        {
            "type": "Feature",
            "geometry": simplified(track, zoom if zoom is not None else DEFAULT_ZOOM),
            "properties": {
                "layer": "patrol",
                "id": pid,
                "team": team,
                "base": base,
                "start": _utc(start).isoformat(),
                "end": _utc(end).isoformat(),
            },
        }
        for pid, team, base, start, end, track, _count in rows[:MAX_FEATURES]
    ]
    return bounded(features, len(rows) > MAX_FEATURES)


def _utc(moment: Any) -> Any:
    from watchline.store.cases import utc

    return utc(moment)


def cases_geojson(db: Database, view: Any, zoom: int | None = None) -> dict[str, Any]:
    """Active cases whose area meets the view's bbox (and its other filters), each area
    simplified for `zoom`, coloured by status on the map; at most MAX_FEATURES."""
    from sqlalchemy import select

    from watchline.store.listing import case_conditions
    from watchline.store.tables import CaseRow, CaseSummaryRow

    query = (
        select(CaseRow.id, CaseRow.title, CaseRow.event_type, CaseRow.area, CaseSummaryRow.status)
        .join(CaseSummaryRow, CaseSummaryRow.case_id == CaseRow.id)
        .where(CaseRow.area.is_not(None), *case_conditions(view))
        .order_by(CaseRow.start.desc(), CaseRow.id.desc())
        .limit(MAX_FEATURES + 1)
    )
    with db.transaction() as session:
        rows = session.execute(query).all()
    features = [
        {
            "type": "Feature",
            "geometry": simplified(area, zoom if zoom is not None else DEFAULT_ZOOM),
            "properties": {
                "layer": "case",
                "id": cid,
                "title": title,
                "event_type": event_type,
                "status": status,
            },
        }
        for cid, title, event_type, area, status in rows[:MAX_FEATURES]
    ]
    return bounded(features, len(rows) > MAX_FEATURES)


def case_area_geojson(view: Any, theatre: Theatre) -> dict[str, Any]:
    from watchline.verify import VerifyPolicy, observable_area

    area = observable_area(view.case, theatre, VerifyPolicy())
    features = []
    if area.wkt:
        features.append(feature(area.wkt, layer="case", id=view.case.id, title=view.case.title))
    return collection(features)
