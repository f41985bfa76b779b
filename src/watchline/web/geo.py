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


def patrols_geojson(db: Database) -> dict[str, Any]:
    from watchline.store.patrols import PatrolRepository

    with db.transaction() as session:
        patrols = PatrolRepository(session).list(with_track=True)
    features = []
    for patrol in patrols:
        if len(patrol.track) < 2:
            continue
        step = max(1, len(patrol.track) // 500)  # enough points to draw, not to bloat
        points = [*patrol.track[::step], patrol.track[-1]]
        line = "LINESTRING (" + ", ".join(f"{p.lon} {p.lat}" for p in points) + ")"
        features.append(
            feature(
                line,
                layer="patrol",
                id=patrol.id,
                team=patrol.team,
                base=patrol.base,
                start=patrol.start.isoformat(),
                end=patrol.end.isoformat(),
            )
        )
    return collection(features)


def case_area_geojson(view: Any, theatre: Theatre) -> dict[str, Any]:
    from watchline.verify import VerifyPolicy, observable_area

    area = observable_area(view.case, theatre, VerifyPolicy())
    features = []
    if area.wkt:
        features.append(feature(area.wkt, layer="case", id=view.case.id, title=view.case.title))
    return collection(features)
