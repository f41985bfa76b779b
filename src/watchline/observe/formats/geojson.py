"""GeoJSON patrol files: a LineString with per-vertex times, or timed Point features.

Times come from, in order: `properties.coordTimes` / `properties.times` (a list beside
the coordinates, as written by togeojson and many trackers), a fourth coordinate (epoch
seconds), or `properties.time` / `timestamp` on Point features. Patrol metadata (team,
base, vehicle, visibility_m, name) is read from the FeatureCollection's or first
feature's properties.

JSON from the field is checked, not trusted: NaN and Infinity (which Python's json
accepts but JSON does not) are refused, every member is checked for its type, and
nesting too deep for the parser is a FormatError, not a RecursionError.
"""

from __future__ import annotations

import json
import math
from typing import Any

from watchline.observe.formats import FormatError, PointError, RawPoint, RawTrack, short
from watchline.observe.times import from_epoch, parse_time

META_KEYS = ("team", "base", "vehicle", "visibility_m", "name")
TIME_LISTS = ("coordTimes", "coordinateTimes", "times")
TIME_KEYS = ("time", "timestamp", "datetime", "observed_at")
META_CHARS = 200


def _no_constant(name: str) -> Any:
    raise FormatError(f"{name} is not a number JSON allows")


def load_json(data: bytes) -> Any:
    """The JSON document in `data`; FormatError for anything that is not strict JSON."""
    try:
        return json.loads(data.decode("utf-8-sig"), parse_constant=_no_constant)
    except UnicodeDecodeError as exc:
        raise FormatError(f"not UTF-8 text at byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise FormatError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise FormatError("the JSON is nested too deeply") from None


def read_geojson(data: bytes) -> RawTrack:
    doc = load_json(data)
    features = _features(doc)
    if any({"type", "modality"} <= set(_props(f)) for f in features):
        raise FormatError(
            "it looks like a findings file (type and modality properties); "
            "import it with 'watchline observations import'"
        )
    track = RawTrack()
    top = doc.get("properties") if isinstance(doc.get("properties"), dict) else {}
    for source in (top, *(_props(f) for f in features)):
        for key in META_KEYS:
            value = source.get(key)
            if key not in track.meta and isinstance(value, str | int | float) and value != "":
                track.meta[key] = str(value)[:META_CHARS]
    for feature in features:
        track.points += _feature_points(feature, len(track.points))
    return track


def _props(feature: dict[str, Any]) -> dict[str, Any]:
    props = feature.get("properties")
    return props if isinstance(props, dict) else {}


def _features(doc: Any) -> list[dict[str, Any]]:
    if not isinstance(doc, dict) or not isinstance(doc.get("type"), str):
        raise FormatError("the top level must be a GeoJSON object with a 'type'")
    if doc["type"] == "FeatureCollection":
        features = doc.get("features") or []
        if not isinstance(features, list):
            raise FormatError("'features' must be a list")
        return [f for f in features if isinstance(f, dict)]
    if doc["type"] == "Feature":
        return [doc]
    return [{"type": "Feature", "geometry": doc, "properties": {}}]


def _feature_points(feature: dict[str, Any], offset: int) -> list[RawPoint]:
    geometry = feature.get("geometry")
    geometry = geometry if isinstance(geometry, dict) else {}
    props = _props(feature)
    kind = geometry.get("type")
    coords = geometry.get("coordinates") or []
    if kind == "Point":
        time = next((props[k] for k in TIME_KEYS if props.get(k) not in (None, "")), None)
        return [_point(coords, time, offset + 1)]
    if not isinstance(coords, list):
        raise PointError(offset + 1, f"coordinates {short(coords)} are not a list")
    if kind == "LineString":
        lines, times = [coords], [_time_list(props)]
    elif kind == "MultiLineString":
        lines = coords
        nested = _time_list(props)
        times = nested if nested and isinstance(nested[0], list) else [None] * len(lines)
    else:
        return []
    points: list[RawPoint] = []
    for line, line_times in zip(lines, times, strict=False):
        if not isinstance(line, list):
            raise PointError(offset + len(points) + 1, f"line {short(line)} is not a list")
        for i, c in enumerate(line):
            time = line_times[i] if line_times and i < len(line_times) else _fourth(c)
            points.append(_point(c, time, offset + len(points) + 1))
    return points


def _time_list(props: dict[str, Any]) -> list[Any] | None:
    for key in TIME_LISTS:
        if isinstance(props.get(key), list):
            return props[key]
    return None


def _fourth(coord: Any) -> Any:
    return coord[3] if isinstance(coord, list) and len(coord) > 3 else None


def _number(value: Any) -> float | None:
    """A finite JSON number; None for anything else (strings, booleans, lists)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _point(coord: Any, time: Any, item: int) -> RawPoint:
    if not isinstance(coord, list) or len(coord) < 2:
        raise PointError(item, f"coordinates {short(coord)} are not [lon, lat]")
    lon, lat = _number(coord[0]), _number(coord[1])
    if lon is None or lat is None:
        raise PointError(item, f"coordinates {short(coord)} are not finite numbers")
    if time in (None, ""):
        return RawPoint(lon, lat, None)
    try:
        if isinstance(time, str):
            return RawPoint(lon, lat, parse_time(time))
        if _number(time) is not None:
            return RawPoint(lon, lat, from_epoch(float(time)))
    except ValueError as exc:
        raise PointError(item, str(exc)) from None
    raise PointError(item, f"time {short(time)} is neither a text nor a number")
