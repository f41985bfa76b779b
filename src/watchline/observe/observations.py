"""Observations: build a finding from what a monitor entered, and give it a stable id.

A finding's place is a point, an area (WKT polygon), or a bearing and distance from
where the patrol was at that moment (interpolated along its track). The id is derived
from the content, so importing the same findings twice adds nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import datetime

import numpy as np
import shapely
import shapely.wkt

from watchline.domain import Modality, Observation, ObservationType, Patrol
from watchline.geo.geometry import destination
from watchline.observe.formats import clip, short
from watchline.observe.times import utc
from watchline.observe.tracks import TrackArrays


def observation_id(obs: Observation) -> str:
    """`obs-` and 16 hex digits of the hash of what the finding says."""
    content = [
        obs.patrol_id,
        str(obs.type),
        str(obs.modality),
        utc(obs.observed_at).isoformat(),
        None if obs.lat is None else round(obs.lat, 6),
        None if obs.lon is None else round(obs.lon, 6),
        obs.area,
        obs.count,
        obs.equipment,
        obs.notes,
        sorted(obs.media),
    ]
    digest = hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()
    return f"obs-{digest[:16]}"


def with_id(obs: Observation) -> Observation:
    return obs if obs.id else replace(obs, id=observation_id(obs))


def position_at(patrol: Patrol, when: datetime) -> tuple[float, float]:
    """Where the patrol was at `when` (lon, lat), interpolated; clamped to its track."""
    track = TrackArrays.of(patrol.track)
    if not len(track):
        raise ValueError(f"patrol {patrol.id} has no track")
    t = utc(when).timestamp()
    if t < track.t[0] - 600 or t > track.t[-1] + 600:
        raise ValueError(
            f"the time is outside patrol {patrol.id}'s track "
            f"({patrol.start:%Y-%m-%d %H:%M} to {patrol.end:%H:%M} UTC)"
        )
    return float(np.interp(t, track.t, track.lon)), float(np.interp(t, track.t, track.lat))


def place_from_bearing(
    patrol: Patrol, when: datetime, bearing_deg: float, distance_m: float
) -> tuple[float, float]:
    """The point `distance_m` away on `bearing_deg` from the patrol's position then."""
    if not 0 <= bearing_deg <= 360:
        raise ValueError(f"bearing {bearing_deg} must lie within 0..360 degrees")
    if distance_m < 0:
        raise ValueError(f"distance {distance_m} must not be negative")
    lon, lat = position_at(patrol, when)
    return destination(lon, lat, bearing_deg, distance_m)


def parse_type(value: str) -> ObservationType:
    try:
        return ObservationType(value.strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        options = ", ".join(t.value for t in ObservationType)
        raise ValueError(f"unknown type {short(value)}; choose one of: {options}") from None


def parse_modality(value: str) -> Modality:
    try:
        return Modality(value.strip().lower())
    except ValueError:
        options = ", ".join(m.value for m in Modality)
        raise ValueError(f"unknown modality {short(value)}; choose one of: {options}") from None


def parse_area(value: str) -> str:
    """A WKT polygon in lon lat, normalised; ValueError when unusable."""
    try:
        geom = shapely.wkt.loads(value)
    except (shapely.errors.GEOSException, ValueError) as exc:
        raise ValueError(f"area is not valid WKT ({clip(str(exc), 100)})") from None
    if geom.geom_type not in ("Polygon", "MultiPolygon") or not geom.is_valid:
        raise ValueError("area must be a valid POLYGON or MULTIPOLYGON in lon lat order")
    check_lat_lon(geom.bounds[1], geom.bounds[0])
    check_lat_lon(geom.bounds[3], geom.bounds[2])
    return geom.wkt


def check_lat_lon(lat: float, lon: float) -> None:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range (lat {lat}, lon {lon})")


def check_count(count: int | None) -> None:
    if count is not None and count < 0:
        raise ValueError(f"count {count} must not be negative")
