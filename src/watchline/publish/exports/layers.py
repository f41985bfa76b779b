"""The map layers that GeoJSON and GeoPackage exports share, as plain features.

Four layers, each with one geometry type and a fixed list of typed attributes (so an
empty layer still has its columns in QGIS): `patrols` (tracks, LineString),
`observations` (findings, Point), `case_areas` (the area each case is about,
MultiPolygon) and `claim_places` (each located place of each claim, Point). Coordinates
are longitude, latitude in WGS 84 (EPSG:4326).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import shapely
import shapely.wkt
from shapely.geometry.base import BaseGeometry

from watchline.publish.exports.data import ExportData
from watchline.publish.exports.places import located

Value = str | int | float | bool | None


@dataclass(frozen=True)
class Layer:
    name: str
    geometry_type: str  # as OGR names it: "Point", "LineString", "MultiPolygon"
    fields: tuple[tuple[str, type], ...]  # (name, str | int | float)
    features: tuple[tuple[BaseGeometry, dict[str, Value]], ...]


PATROL_FIELDS = (("id", str), ("team", str), ("base", str), ("vehicle", str),
                 ("start", str), ("end", str), ("points", int), ("source_file", str))  # fmt: skip
OBSERVATION_FIELDS = (("id", str), ("type", str), ("modality", str), ("observed_at", str),
                      ("patrol_id", str), ("count", int), ("equipment", str),
                      ("notes", str))  # fmt: skip
CASE_FIELDS = (("case_id", str), ("title", str), ("event_type", str), ("agent", str),
               ("start", str), ("end", str), ("status", str), ("confidence", float),
               ("rationale", str), ("theatre_id", str))  # fmt: skip
PLACE_FIELDS = (("claim_id", str), ("case_id", str), ("place", str), ("place_id", str),
                ("precision", str), ("speaker", str), ("affiliation", str), ("act", str),
                ("event_type", str), ("negated", int), ("stated_on", str), ("status", str),
                ("source", str), ("url", str))  # fmt: skip


def _iso(value: object) -> str | None:
    return value.isoformat() if value is not None else None  # type: ignore[attr-defined]


def _patrols(data: ExportData) -> Iterator[tuple[BaseGeometry, dict[str, Value]]]:
    for p in data.patrols:
        if len(p.track) < 2:
            continue  # a track of one fix is no line
        line = shapely.LineString([(t.lon, t.lat) for t in p.track])
        yield line, {"id": p.id, "team": p.team, "base": p.base, "vehicle": p.vehicle,
                     "start": _iso(p.start), "end": _iso(p.end), "points": len(p.track),
                     "source_file": p.source_file}  # fmt: skip


def _observations(data: ExportData) -> Iterator[tuple[BaseGeometry, dict[str, Value]]]:
    for o in data.observations:
        if o.lon is not None and o.lat is not None:
            point: BaseGeometry = shapely.Point(o.lon, o.lat)
        elif o.area:
            point = shapely.wkt.loads(o.area).representative_point()
        else:
            continue  # a finding without a place has nothing to draw
        yield point, {"id": o.id, "type": str(o.type), "modality": str(o.modality),
                      "observed_at": _iso(o.observed_at), "patrol_id": o.patrol_id,
                      "count": o.count, "equipment": o.equipment,
                      "notes": o.notes}  # fmt: skip


def _case_areas(data: ExportData) -> Iterator[tuple[BaseGeometry, dict[str, Value]]]:
    for view in data.views:
        case = view.case
        if not case.area:
            continue
        area = shapely.wkt.loads(case.area)
        if area.geom_type == "Polygon":
            area = shapely.MultiPolygon([area])
        elif area.geom_type != "MultiPolygon":
            continue
        verdict = view.verdict
        yield area, {"case_id": case.id, "title": case.title,
                     "event_type": str(case.event_type), "agent": case.agent,
                     "start": _iso(case.start), "end": _iso(case.end),
                     "status": view.status.value,
                     "confidence": verdict.confidence if verdict else None,
                     "rationale": verdict.rationale if verdict else None,
                     "theatre_id": case.theatre_id}  # fmt: skip


def _claim_places(data: ExportData) -> Iterator[tuple[BaseGeometry, dict[str, Value]]]:
    for view, claim in data.case_claims():
        for place in located(data.claims.get(claim.id)):
            assert place.lon is not None and place.lat is not None
            yield shapely.Point(place.lon, place.lat), {
                "claim_id": claim.id, "case_id": view.case.id,
                "place": place.name or place.text, "place_id": place.place_id,
                "precision": str(place.precision) if place.precision else None,
                "speaker": claim.speaker, "affiliation": claim.affiliation,
                "act": claim.act, "event_type": claim.event_type, "negated": int(claim.negated),
                "stated_on": _iso(claim.stated_on), "status": view.status.value,
                "source": claim.source, "url": claim.document_url}  # fmt: skip


def layers(data: ExportData) -> list[Layer]:
    """The four layers, in the order QGIS lists them."""
    return [
        Layer("patrols", "LineString", PATROL_FIELDS, tuple(_patrols(data))),
        Layer("observations", "Point", OBSERVATION_FIELDS, tuple(_observations(data))),
        Layer("case_areas", "MultiPolygon", CASE_FIELDS, tuple(_case_areas(data))),
        Layer("claim_places", "Point", PLACE_FIELDS, tuple(_claim_places(data))),
    ]
