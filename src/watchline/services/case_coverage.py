"""The covered part of one case, to draw on its map: what its verdict's coverage rests on.

The verdict stores which patrols covered the case and which findings lie inside that
coverage (`Coverage.patrol_ids`, `observation_ids`), not their shapes. The shapes are
drawn here with the engine's own steps, so the map shows what the verdict counted and
nothing else: the case area clipped to the area of responsibility
(`verify.area.observable_area`) and widened as coverage widens it
(`observe.coverage.area_geometry`), the case window (`verify.window.case_window`), each
covering patrol's track clipped to that window (`TrackArrays.clip`) and its footprint at
the patrol's visibility (`observe.coverage.footprint_of`) cut to the area, and each
counted finding's place (`observe.coverage.observation_geometry`). A case whose verdict
counts no patrol has no covered part: the page says so instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from watchline.domain import Claim, Coverage, Theatre
from watchline.observe.coverage import area_geometry, footprint_of, observation_geometry
from watchline.observe.tracks import TrackArrays
from watchline.services.views import CaseView
from watchline.store import Database
from watchline.verify import VerifyPolicy, observable_area
from watchline.verify.gather import CaseInput
from watchline.verify.window import case_window


@dataclass(frozen=True)
class CoveredPart:
    """The covered part of a case: one feature per covering patrol (its footprint in the
    area, and its track in the window) and per counted finding."""

    case_id: str
    status: str
    coverage: Coverage | None
    window: tuple[datetime, datetime] | None
    features: list[dict[str, Any]] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return bool(self.features)

    def geojson(self) -> dict[str, Any]:
        fraction = self.coverage.area_fraction if self.coverage else 0.0
        return {
            "type": "FeatureCollection",
            "case_id": self.case_id,
            "status": self.status,
            "covered": self.covered,
            "area_fraction": round(fraction, 4),
            "window": [w.isoformat() for w in self.window] if self.window else None,
            "features": self.features,
        }


def _feature(geometry: BaseGeometry, **properties: Any) -> dict[str, Any]:
    return {"type": "Feature", "geometry": mapping(geometry), "properties": properties}


def _case_input(db: Database, view: CaseView) -> CaseInput:
    """The case as verification read it: its claims corrected, their roles as linked."""
    from watchline.store.claims import ClaimRepository
    from watchline.store.review import ReviewRepository, corrected

    roles = {c.id: c.role for c in (*view.claims_for, *view.claims_against, *view.context)}
    with db.transaction() as session:
        repo = ClaimRepository(session)
        claims: list[Claim] = [repo.get(cid) for cid in view.case.claim_ids if cid in roles]
        claims = corrected(claims, ReviewRepository(session).in_force())
    return CaseInput(view.case, {c.id: c for c in claims}, roles, view.scope)


def covered_part(
    db: Database, view: CaseView, theatre: Theatre, visibility_m: float | None = None
) -> CoveredPart:
    """What the current verdict of `view`'s case counted as coverage, as shapes."""
    from watchline.geo.geometry import projection_for
    from watchline.store.observations import ObservationRepository
    from watchline.store.patrols import PatrolRepository

    coverage, status = view.coverage, view.status.value
    if coverage is None or not (coverage.patrol_ids or coverage.observation_ids):
        return CoveredPart(view.case.id, status, coverage, None)
    policy = VerifyPolicy()
    item = _case_input(db, view)
    area_wkt = observable_area(view.case, theatre, policy, view.scope).wkt
    window = case_window(view.case, item.core, theatre, policy)
    if area_wkt is None or window is None:
        return CoveredPart(view.case.id, status, coverage, window)
    area = area_geometry(area_wkt)
    proj = projection_for(area)
    start, end = window[0].timestamp(), window[1].timestamp()
    features: list[dict[str, Any]] = []
    with db.transaction() as session:
        patrols = PatrolRepository(session)
        for patrol_id in coverage.patrol_ids:
            patrol = patrols.get(patrol_id)
            line = TrackArrays.of(patrol.track).clip(start, end).line() if patrol else None
            if patrol is None or line is None:
                continue
            vis = patrol.visibility_m or visibility_m or theatre.visibility_m
            seen = footprint_of(line, vis, proj).intersection(area)
            # where the patrol had the area in sight: the engine's region, the area
            # grown by the visibility (`coverage_of_tracks`)
            driven = line.intersection(proj.inverse(proj.forward(area).buffer(vis)))
            share = coverage.per_patrol.get(patrol_id)
            common = {"patrol": patrol_id, "team": patrol.team, "share": share}
            if not seen.is_empty:
                features.append(_feature(seen, layer="coverage", **common))
            if not driven.is_empty:
                features.append(_feature(driven, layer="coverage_track", **common))
        found = ObservationRepository(session)
        for observation_id in coverage.observation_ids:
            observation = found.get(observation_id)
            place = observation_geometry(observation) if observation else None
            if observation is not None and place is not None:
                features.append(_feature(place, layer="coverage_finding", id=observation_id,
                                         type=str(observation.type)))  # fmt: skip
    return CoveredPart(view.case.id, status, coverage, window, features)
