"""Where a claim is about, as shapes: place mentions buffered by how precise they are.

Distances are in metres through a local equirectangular projection (x = R·λ·cos φ0,
y = R·φ): over a few hundred kilometres it is within a few per cent, which is far finer
than the vagueness of "near Tegh". "The border" is special: it is the theatre's border
line buffered into a zone, and a claim placed only "on the border" overlaps anything in
that zone. A claim whose places the extractor could not resolve, but whose words name the
border ("along the conditional border"), is placed on the border.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import shapely
import shapely.wkt
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from watchline.domain import Claim, PlaceMention, Precision, Theatre
from watchline.link.model import LinkOptions

METRES_PER_DEGREE = 6_371_008.8 * math.pi / 180.0
SIMPLIFY_DEG = 0.0003  # ~30 m: a case area needs no finer outline, and stays small as WKT
SETTLEMENTS = (Precision.POINT, Precision.VILLAGE, Precision.CITY)


def buffer_m(geom: BaseGeometry, metres: float) -> BaseGeometry:
    """Buffer a lon/lat geometry by `metres`; the result is lon/lat again."""
    _, miny, _, maxy = geom.bounds
    kx = METRES_PER_DEGREE * math.cos(math.radians((miny + maxy) / 2.0))
    ky = METRES_PER_DEGREE
    metric = shapely.transform(geom, lambda xy: xy * (kx, ky))
    return shapely.transform(metric.buffer(metres, quad_segs=8), lambda xy: xy / (kx, ky))


@dataclass(frozen=True)
class Footprint:
    """The places of one claim: specific shapes, "the border", or nowhere in particular."""

    shapes: tuple[BaseGeometry, ...] = ()
    border: bool = False
    place_ids: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # the places as written (or named in the gazetteer)

    @property
    def anywhere(self) -> bool:
        return not self.shapes and not self.border


class Gazetteer:
    """Resolves place mentions to shapes, using the theatre's sectors and border."""

    def __init__(self, theatre: Theatre | None, options: LinkOptions) -> None:
        self.options = options
        self.theatre = theatre
        self.border_zone: BaseGeometry | None = None
        self.sectors: dict[str, BaseGeometry] = {}  # sector names and aliases
        self.sector_ids: dict[str, BaseGeometry] = {}  # gazetteer ids of sectors
        self.settlements: dict[str, tuple[float, float, str]] = {}  # lon, lat, precision
        self.reach: BaseGeometry | None = None
        self._buffers: dict[tuple[float, float, str], BaseGeometry] = {}
        if theatre is not None and theatre.area_of_responsibility:
            aor = shapely.wkt.loads(theatre.area_of_responsibility)
            self.reach = buffer_m(aor, options.theatre_reach_m)
        names = theatre.border_names if theatre and theatre.border_names else ("border",)
        self.border_words = re.compile(
            r"\b(?:"
            + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            + r")\b",
            re.IGNORECASE,
        )
        if theatre is not None:
            if theatre.border:
                self.border_zone = buffer_m(
                    shapely.wkt.loads(theatre.border), options.border_zone_m
                )
            for sector in theatre.sectors:
                shape = shapely.wkt.loads(sector.geometry)
                if shape.geom_type in ("LineString", "MultiLineString", "Point"):
                    shape = buffer_m(shape, options.border_zone_m)
                for name in (sector.id, sector.name, *sector.aliases):
                    self.sectors[name.casefold()] = shape
                self.sector_ids[f"theatre:{theatre.id}:{sector.id}".casefold()] = shape
                self.sector_ids[sector.id.casefold()] = shape
            for place in theatre.places:
                if place.precision in SETTLEMENTS:
                    where = (place.lon, place.lat, str(place.precision))
                    for name in (place.name, *place.alt_names):
                        self.settlements.setdefault(name.casefold(), where)

    def _sector(self, mention: PlaceMention) -> BaseGeometry | None:
        """The theatre sector the mention names: by resolved id first, then by name."""
        if mention.place_id and mention.place_id.casefold() in self.sector_ids:
            return self.sector_ids[mention.place_id.casefold()]
        for name in (mention.name, mention.text):
            if name and name.casefold() in self.sectors:
                return self.sectors[name.casefold()]
        return None

    def _settlement(self, mention: PlaceMention) -> tuple[float, float, str] | None:
        """Where a named settlement is: its resolved point, else the theatre's own list."""
        if mention.lat is not None and mention.lon is not None:
            return (mention.lon, mention.lat, str(mention.precision or Precision.VILLAGE))
        for name in (mention.name, mention.text):
            if name and name.casefold() in self.settlements:
                return self.settlements[name.casefold()]
        return None

    def outside_theatre(self, mention: PlaceMention) -> bool:
        """A place in another country or far from the theatre ("Armenia" read as the town
        in Colombia) says nothing about where on this border something happened."""
        theatre = self.theatre
        if theatre is None:
            return False
        if mention.country and theatre.countries and mention.country not in theatre.countries:
            return True
        if self.reach is None or mention.lat is None or mention.lon is None:
            return False
        return not self.reach.contains(Point(mention.lon, mention.lat))

    def shape(self, mention: PlaceMention) -> BaseGeometry | None:
        """A mention's shape; None for "the border", a country, or an unresolved name.

        The narrowest reading wins: a village, town or point (with coordinates, or found
        by name among the theatre's places) is that settlement even when a sector lists
        its name as an alias ("Sotk" the village, not the Sotk sector's 60 km strip). A
        sector's shape is used only when the mention is the sector: resolved as one
        (precision sector/region or the sector's gazetteer id), or a bare name that no
        settlement of the theatre bears.
        """
        precision = mention.precision
        if precision in (Precision.BORDER, Precision.COUNTRY):
            return None
        if self.outside_theatre(mention):
            return None
        if precision in SETTLEMENTS:
            return self._around(self._settlement(mention))
        is_sector_id = bool(mention.place_id) and (
            str(mention.place_id).casefold() in self.sector_ids
        )
        if precision in (Precision.SECTOR, Precision.REGION) or is_sector_id:
            sector = self._sector(mention)
            if sector is not None:
                return sector
            if mention.lat is None or mention.lon is None:
                return None
            return self._around((mention.lon, mention.lat, str(precision or Precision.SECTOR)))
        settlement = self._settlement(mention)  # precision unknown: a settlement first
        if settlement is not None:
            return self._around(settlement)
        return self._sector(mention)

    def _is_broad(self, mention: PlaceMention, shape: BaseGeometry) -> bool:
        """A sector or region: a stretch that a named settlement inside it narrows down."""
        if mention.precision in (Precision.SECTOR, Precision.REGION):
            return True
        return any(shape is sector for sector in self.sector_ids.values())

    def _around(self, where: tuple[float, float, str] | None) -> BaseGeometry | None:
        """A point buffered by the radius its precision implies (cached: few places recur)."""
        if where is None:
            return None
        if where not in self._buffers:
            lon, lat, precision = where
            radius = self.options.radius_m.get(precision, self.options.radius_m["village"])
            self._buffers[where] = buffer_m(Point(lon, lat), radius)
        return self._buffers[where]

    def footprint(self, claim: Claim) -> Footprint:
        """The claim's places as shapes, narrowest reading first.

        A broad shape (a sector or region) that contains a settlement the same claim names
        is dropped: "in the Sotk direction, at Sotk" is about the village, and the case
        area must not widen to the whole strip.
        """
        found: list[tuple[PlaceMention, BaseGeometry]] = []
        border = False
        kept: list[PlaceMention] = []
        for mention in claim.event.places:
            shape = self.shape(mention)
            if shape is not None:
                found.append((mention, shape))
            elif mention.precision is Precision.BORDER:
                border = True
                kept.append(mention)
        broad = [self._is_broad(mention, shape) for mention, shape in found]
        points = [
            Point(where[0], where[1])
            for (mention, _), wide in zip(found, broad, strict=True)
            if not wide and (where := self._settlement(mention))
        ]
        shapes: list[BaseGeometry] = []
        for (mention, shape), wide in zip(found, broad, strict=True):
            if wide and any(shape.contains(point) for point in points):
                continue
            shapes.append(shape)
            kept.append(mention)
        ids = tuple(sorted({m.place_id or m.text for m in kept}))
        if not kept and self.border_words.search(claim.content.text):
            border, ids = True, ("the border",)  # "…along the border" with no place resolved
        names = tuple(dict.fromkeys(m.name or m.text for m in kept)) or (
            ("the border",) if border else ()
        )
        return Footprint(tuple(shapes), border, ids, names)

    def on_border(self, shapes: Sequence[BaseGeometry]) -> bool:
        if self.border_zone is None:
            return True  # no theatre: "the border" cannot be placed, so it excludes nothing
        return any(shape.intersects(self.border_zone) for shape in shapes)

    def overlap(self, a: Footprint, b: Footprint) -> bool:
        """Whether two claims can be about the same place."""
        if a.anywhere or b.anywhere:
            return True
        if a.border and b.border:
            return True
        if any(x.intersects(y) for x in a.shapes for y in b.shapes):
            return True
        if a.border and self.on_border(b.shapes):
            return True
        return b.border and self.on_border(a.shapes)

    def area(self, footprints: Sequence[Footprint]) -> BaseGeometry | None:
        """The case area: the specific places if any claim names one, else the border zone."""
        shapes = [shape for fp in footprints for shape in fp.shapes]
        if shapes:
            return shapely.union_all(shapes).simplify(SIMPLIFY_DEG)
        if any(fp.border for fp in footprints):
            return self.border_zone.simplify(SIMPLIFY_DEG) if self.border_zone else None
        return None
