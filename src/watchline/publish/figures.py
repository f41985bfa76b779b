"""Figures drawn by our own code as SVG: the patrol map and the claims-per-day chart.

A published report must stand alone offline (mailed, archived, printed to PDF), so
nothing here fetches tiles or fonts: the map is the patrols' tracks and the claimed
areas projected onto a plain canvas, the chart is stacked bars. Every text that comes
from data is XML-escaped.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from xml.sax.saxutils import escape

from shapely import wkt
from shapely.errors import ShapelyError
from shapely.geometry.base import BaseGeometry

#: Colours for parties in the chart and for the map layers (colour-blind safe set).
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442")
PATROL_COLOUR = "#0072b2"
AREA_COLOUR = "#d55e00"


@dataclass(frozen=True)
class Track:
    """One patrol's line on the map: its label and (lon, lat) points."""

    label: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Area:
    """One case's claimed area on the map: the number the report gives the case, its
    label and WKT geometry (lon lat)."""

    number: int
    label: str
    wkt: str


def _geometry(text: str) -> BaseGeometry | None:
    try:
        geometry = wkt.loads(text)
    except (ShapelyError, ValueError, TypeError):
        return None
    return None if geometry.is_empty else geometry


def _rings(geometry: BaseGeometry) -> Iterable[Sequence[tuple[float, float]]]:
    """Every outline of a geometry as coordinate lists (points become tiny crosses)."""
    kind = geometry.geom_type
    if kind == "Polygon":
        yield list(geometry.exterior.coords)  # type: ignore[attr-defined]
    elif kind in ("LineString", "LinearRing"):
        yield list(geometry.coords)
    elif kind == "Point":
        yield [geometry.coords[0]]
    elif hasattr(geometry, "geoms"):
        for part in geometry.geoms:
            yield from _rings(part)


def patrol_map(
    tracks: Sequence[Track], areas: Sequence[Area], *, width: int = 640, height: int = 420
) -> str:
    """An SVG map of patrol tracks (lines) and claimed areas (filled, numbered).

    Longitudes are scaled by the cosine of the middle latitude so shapes keep their
    proportions at these small extents; the scale bar gives kilometres.
    """
    shapes = [(area, _geometry(area.wkt)) for area in areas]
    shapes = [(area, geometry) for area, geometry in shapes if geometry is not None]
    xs: list[float] = []
    ys: list[float] = []
    for track in tracks:
        xs += [p[0] for p in track.points]
        ys += [p[1] for p in track.points]
    for _, geometry in shapes:
        minx, miny, maxx, maxy = geometry.bounds  # type: ignore[union-attr]
        xs += [minx, maxx]
        ys += [miny, maxy]
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="figure map" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        'aria-label="Map of patrol tracks and claimed areas">'
        f'<rect width="{width}" height="{height}" fill="#f7f8fa" stroke="#d8dde3"/>'
    )
    if not xs:
        empty = _text(width / 2, height / 2, "No patrols or claimed areas", "middle")
        return head + empty + "</svg>"
    middle = math.radians((min(ys) + max(ys)) / 2)
    stretch = max(math.cos(middle), 0.1)
    span_x = max((max(xs) - min(xs)) * stretch, 1e-4)
    span_y = max(max(ys) - min(ys), 1e-4)
    margin = 24
    scale = min((width - 2 * margin) / span_x, (height - 2 * margin - 30) / span_y)
    left = min(xs)
    top = max(ys)

    def at(lon: float, lat: float) -> tuple[float, float]:
        return margin + (lon - left) * stretch * scale, margin + (top - lat) * scale

    parts = [head]
    for area, geometry in shapes:
        parts.append(f"<g><title>{escape(area.label)}</title>")
        for ring in _rings(geometry):  # type: ignore[arg-type]
            points = [at(x, y) for x, y, *_ in ring]
            if len(points) == 1:
                x, y = points[0]
                parts.append(
                    f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{AREA_COLOUR}" '
                    f'fill-opacity="0.5" stroke="{AREA_COLOUR}"/>'
                )
            else:
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
                parts.append(
                    f'<polygon points="{path}" fill="{AREA_COLOUR}" fill-opacity="0.25" '
                    f'stroke="{AREA_COLOUR}" stroke-width="1.5"/>'
                )
        cx, cy = at(geometry.centroid.x, geometry.centroid.y)  # type: ignore[union-attr]
        parts.append(_text(cx, cy, str(area.number), "middle", weight="bold"))
        parts.append("</g>")
    for track in tracks:
        if len(track.points) < 2:
            continue
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in (at(*p) for p in track.points))
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{PATROL_COLOUR}" '
            f'stroke-width="1.6" stroke-opacity="0.8"><title>{escape(track.label)}</title>'
            "</polyline>"
        )
    parts.append(_scale_bar(scale, stretch, margin, height - 16))
    legend = "\u2014 patrol tracks   \u25a0 claimed areas (numbered as in the report)"
    parts.append(_text(width - margin, height - 12, legend, "end"))
    parts.append("</svg>")
    return "".join(parts)


def _scale_bar(scale: float, stretch: float, x: float, y: float) -> str:
    """A bar of a round number of kilometres (1 degree of latitude ≈ 111.32 km)."""
    pixels_per_km = scale / 111.32
    km = next((k for k in (0.5, 1, 2, 5, 10, 20, 50, 100, 200) if k * pixels_per_km >= 60), 500)
    length = km * pixels_per_km
    return (
        f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x + length:.1f}" y2="{y:.1f}" '
        'stroke="#1b1f24" stroke-width="2"/>' + _text(x + length + 6, y + 4, f"{km:g} km", "start")
    )


def _text(x: float, y: float, text: str, anchor: str, *, weight: str = "normal") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="11" '
        f'font-family="DejaVu Sans, Noto Sans, sans-serif" font-weight="{weight}" '
        f'fill="#1b1f24">{escape(text)}</text>'
    )


def claims_per_day(
    claims: Iterable[tuple[date | None, str]], *, width: int = 640, height: int = 260
) -> str:
    """Stacked bars: how many claims each party made each day (undated claims left out)."""
    counts: Counter[tuple[date, str]] = Counter(
        (day, party) for day, party in claims if day is not None
    )
    return counted_claims_per_day(counts, width=width, height=height)


def counted_claims_per_day(
    counts: Mapping[tuple[date, str], int],
    *,
    width: int = 640,
    height: int = 260,
    label: str = "Claims per day by party",
) -> str:
    """The same chart from counts already made (the dashboard's SQL `GROUP BY`)."""
    counts = {key: n for key, n in counts.items() if n > 0}
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="figure chart" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}">'
    )
    if not counts:
        return head + _text(width / 2, height / 2, "No dated claims", "middle") + "</svg>"
    first = min(day for day, _ in counts)
    last = max(day for day, _ in counts)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    parties = sorted({party for _, party in counts})
    colours = {party: PALETTE[n % len(PALETTE)] for n, party in enumerate(parties)}
    totals = [sum(counts.get((day, party), 0) for party in parties) for day in days]
    top = max(totals)
    left, bottom, legend = 36, height - 40, 18 * math.ceil(len(parties) / 3)
    plot_height = bottom - 12 - legend
    step = (width - left - 10) / len(days)
    bar = max(step * 0.7, 1.0)
    parts = [head, f'<rect width="{width}" height="{height}" fill="#fff"/>']
    for tick in range(top + 1):
        if top > 8 and tick % math.ceil(top / 5):
            continue
        y = bottom - tick / top * plot_height
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="#e4e7eb"/>'
        )
        parts.append(_text(left - 6, y + 4, str(tick), "end"))
    for n, day in enumerate(days):
        x = left + n * step + (step - bar) / 2
        base = float(bottom)
        for party in parties:
            value = counts.get((day, party), 0)
            if not value:
                continue
            h = value / top * plot_height
            base -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{colours[party]}"><title>{escape(party)}: {value} on {day}</title></rect>'
            )
        if len(days) <= 14 or n % math.ceil(len(days) / 10) == 0:
            parts.append(_text(x + bar / 2, bottom + 14, day.strftime("%d %b"), "middle"))
    for n, party in enumerate(parties):
        x = left + (n % 3) * ((width - left) / 3)
        y = 14 + 18 * (n // 3)
        parts.append(
            f'<rect x="{x:.1f}" y="{y - 9}" width="10" height="10" fill="{colours[party]}"/>'
        )
        parts.append(_text(x + 14, y, party, "start"))
    parts.append("</svg>")
    return "".join(parts)
