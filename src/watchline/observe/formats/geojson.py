"""GeoJSON patrol files: a LineString with per-vertex times, or timed Point features.

Times come from, in order: `properties.coordTimes` / `properties.times` (a list beside
the coordinates, as written by togeojson and many trackers), a fourth coordinate (epoch
seconds), or `properties.time` / `timestamp` on Point features. Patrol metadata (team,
base, vehicle, visibility_m) is read from the FeatureCollection's or first feature's
properties.
"""

from __future__ import annotations

import json
from typing import Any

from watchline.observe.formats import FormatError, PointError, RawPoint, RawTrack
from watchline.observe.times import parse_time

META_KEYS = ("team", "base", "vehicle", "visibility_m", "name")
TIME_LISTS = ("coordTimes", "coordinateTimes", "times")
TIME_KEYS = ("time", "timestamp", "datetime", "observed_at")


def read_geojson(data: bytes) -> RawTrack:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FormatError(f"not valid JSON ({exc})") from None
    features = _features(doc)
    if any({"type", "modality"} <= set(f.get("properties") or {}) for f in features):
        raise FormatError(
            "it looks like a findings file (type and modality properties); "
            "import it with 'watchline observations import'"
        )
    track = RawTrack()
    for source in (doc.get("properties") or {}, *(f.get("properties") or {} for f in features)):
        for key in META_KEYS:
            if key in source and key not in track.meta and source[key] is not None:
                track.meta[key] = str(source[key])
    for feature in features:
        track.points += _feature_points(feature, len(track.points))
    return track


def _features(doc: Any) -> list[dict[str, Any]]:
    if not isinstance(doc, dict) or "type" not in doc:
        raise FormatError("the top level must be a GeoJSON object with a 'type'")
    if doc["type"] == "FeatureCollection":
        return [f for f in doc.get("features") or [] if isinstance(f, dict)]
    if doc["type"] == "Feature":
        return [doc]
    return [{"type": "Feature", "geometry": doc, "properties": {}}]


def _feature_points(feature: dict[str, Any], offset: int) -> list[RawPoint]:
    geometry = feature.get("geometry") or {}
    props = feature.get("properties") or {}
    kind = geometry.get("type")
    coords = geometry.get("coordinates") or []
    if kind == "Point":
        time = next((props[k] for k in TIME_KEYS if props.get(k) not in (None, "")), None)
        return [_point(coords, time, offset + 1)]
    if kind == "LineString":
        lines, times = [coords], [_time_list(props, len(coords))]
    elif kind == "MultiLineString":
        lines = coords
        nested = _time_list(props, None)
        times = nested if nested and isinstance(nested[0], list) else [None] * len(lines)
    else:
        return []
    points: list[RawPoint] = []
    for line, line_times in zip(lines, times, strict=False):
        for i, c in enumerate(line):
            time = line_times[i] if line_times and i < len(line_times) else _fourth(c)
            points.append(_point(c, time, offset + len(points) + 1))
    return points


def _time_list(props: dict[str, Any], length: int | None) -> list[Any] | None:
    for key in TIME_LISTS:
        if isinstance(props.get(key), list):
            return props[key]
    return None


def _fourth(coord: list[Any]) -> Any:
    return coord[3] if len(coord) > 3 else None


def _point(coord: Any, time: Any, item: int) -> RawPoint:
    if not isinstance(coord, list) or len(coord) < 2:
        raise PointError(item, f"coordinates {coord!r} are not [lon, lat]")
    try:
        lon, lat = float(coord[0]), float(coord[1])
    except (TypeError, ValueError):
        raise PointError(item, f"coordinates {coord!r} are not numbers") from None
    if time in (None, ""):
        return RawPoint(lon, lat, None)
    try:
        return RawPoint(lon, lat, parse_time(str(time)))
    except ValueError as exc:
        raise PointError(item, str(exc)) from None
