"""The part of a case's area the mission could have seen.

Coverage is measured over the case area clipped to the mission's area of responsibility:
a mission patrols its own side of the line, so what lies beyond it is unobservable
rather than "not covered". A case with no area at all (the claims name no place) has
nothing to measure coverage over.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import shapely
import shapely.wkt
from shapely.geometry import Point

from watchline.domain import Case, Claim, Theatre
from watchline.geo.geometry import buffer_m
from watchline.verify.policy import DEFAULT_POLICY, VerifyPolicy


@dataclass(frozen=True)
class CaseArea:
    wkt: str | None  # what coverage should be computed over (lon/lat WKT)
    inside_fraction: float  # share of the claimed area inside the area of responsibility
    far_side: bool  # the claimed place lies (almost) wholly outside the mission's area


def observable_area(
    case: Case, theatre: Theatre | None, policy: VerifyPolicy = DEFAULT_POLICY, scope: str = "place"
) -> CaseArea:
    """The case area clipped to the theatre's area of responsibility.

    A named place (a village, a town) is on the far side when most of it lies outside
    the area of responsibility: the sliver on our side says nothing about troops in a
    village across the line. The border zone is mostly on our side by construction, so
    only a zone almost wholly outside (below `min_inside_aor`) counts as far side.
    """
    if case.area is None:
        return CaseArea(None, 0.0, False)
    area = shapely.wkt.loads(case.area)
    if theatre is None or not theatre.area_of_responsibility or area.area == 0:
        return CaseArea(case.area, 1.0, False)
    aor = shapely.wkt.loads(theatre.area_of_responsibility)
    inside = area.intersection(aor)
    fraction = inside.area / area.area
    need = policy.min_inside_aor if scope == "border" else policy.min_inside_place
    if fraction < need:
        return CaseArea(None, fraction, True)
    return CaseArea(inside.wkt, fraction, False)


def settlement_core(claims: Sequence[Claim], area_wkt: str, radius_m: float) -> str | None:
    """The settlements the claims name, as discs of `radius_m`, inside the case area.

    "Trenches at Tegh" are dug at the village, not anywhere in the 3 km around it that
    the case area allows for a vague "near": a later look that finds nothing must have
    had the village itself in sight (see `verify.inspection`). None when the claims name
    no settlement with coordinates (a sector, the border), or none lies in the area.
    """
    points = [
        Point(place.lon, place.lat)
        for claim in claims
        for place in claim.event.places
        if place.precision is not None
        and place.precision.settlement
        and place.lon is not None
        and place.lat is not None
    ]
    if not points:
        return None
    discs = shapely.union_all([buffer_m(point, radius_m) for point in points])
    core = discs.intersection(shapely.wkt.loads(area_wkt))
    return None if core.is_empty or core.area == 0 else core.wkt
