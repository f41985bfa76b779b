"""Hand-built theatres for linking tests: real place names, rough public coordinates.

The geometry is illustrative (a few points along each line), good enough to tell one
theatre from another and a village from the sector strip that lists its name.
"""

from __future__ import annotations

from pathlib import Path

from watchline.domain import PlaceMention, Precision
from watchline.geo.theatre import load_theatre, parse_theatre

ARM_AZE = load_theatre("arm-aze")  # packaged: Sotk is a village and a Gegharkunik alias

LOC = parse_theatre(
    {
        "id": "loc-test",
        "name": "India–Pakistan Line of Control (test)",
        "mission_actor": "un.unmogip",
        "countries": ["IND", "PAK"],
        "timezone": "Asia/Kolkata",
        "visibility_m": 3000,
        "area_of_responsibility": "POLYGON ((73.3 32.6, 74.6 32.6, 74.6 34.3, 75.6 34.4, "
        "75.6 35.0, 73.3 35.0, 73.3 32.6))",
        "border": "LINESTRING (74.40 32.80, 74.10 33.30, 73.95 33.70, 73.80 34.20, "
        "74.20 34.60, 74.90 34.70, 75.40 34.65)",
        "border_names": ["Line of Control", "LoC", "the border"],
        "sectors": [
            {
                "id": "poonch",
                "name": "Poonch",
                # The sector lists a village's name among its aliases: the trap of issue 9.
                "aliases": ["Poonch sector", "Krishna Ghati", "Nikial"],
                "country": "IND",
                "buffer_m": 3000,
                "line": "LINESTRING (74.10 33.30, 73.95 33.70, 73.80 34.20)",
            }
        ],
        "places": [
            {
                "id": "nikial",
                "name": "Nikial",
                "lat": 33.60,
                "lon": 74.12,
                "country": "IND",
                "kind": "village",
                "precision": "village",
            },
        ],
    },
    Path("."),
)

KOSOVO = parse_theatre(
    {
        "id": "kos-test",
        "name": "Kosovo–Serbia administrative boundary line (test)",
        "mission_actor": "eu.eulex",
        "countries": ["XKX", "SRB"],
        "timezone": "Europe/Belgrade",
        "visibility_m": 2000,
        "area_of_responsibility": "POLYGON ((20.2 42.3, 21.9 42.3, 21.9 43.35, 20.2 43.35, "
        "20.2 42.3))",
        "border": "LINESTRING (20.30 43.20, 20.74 43.19, 21.05 43.10, 21.25 42.95, "
        "21.65 42.70, 21.75 42.45)",
        "border_names": ["administrative boundary line", "ABL", "the border", "boundary"],
        "sectors": [
            {
                "id": "north",
                "name": "North",
                "aliases": ["northern boundary", "Jarinje"],
                "country": "XKX",
                "buffer_m": 3000,
                "line": "LINESTRING (20.30 43.20, 20.74 43.19, 21.05 43.10)",
            }
        ],
    },
    Path("."),
)

GEORGIA = parse_theatre(
    {
        "id": "geo-test",
        "name": "Georgia – South Ossetia ABL (test)",
        "mission_actor": "eu.eumm",
        "countries": ["GEO"],
        "timezone": "Asia/Tbilisi",
        "visibility_m": 2000,
        "area_of_responsibility": "POLYGON ((43.6 42.0, 44.6 42.0, 44.6 42.45, 43.6 42.45, "
        "43.6 42.0))",
        "border": "LINESTRING (43.70 42.30, 43.98 42.28, 44.10 42.17, 44.40 42.10)",
        "border_names": ["administrative boundary line", "ABL", "the boundary line"],
    },
    Path("."),
)


def place(
    name: str,
    lon: float,
    lat: float,
    country: str | None,
    precision: Precision | None = Precision.VILLAGE,
    place_id: str | None = None,
) -> PlaceMention:
    """A resolved mention, as the extractor would give it."""
    return PlaceMention(
        name, 0, len(name), place_id or name.lower(), lat, lon, precision, country, name
    )


def named(text: str, precision: Precision | None = None) -> PlaceMention:
    """A mention the gazetteer could not resolve: only the words."""
    return PlaceMention(text, 0, len(text), None, None, None, precision)


def border(text: str = "the border") -> PlaceMention:
    return PlaceMention(text, 0, len(text), None, None, None, Precision.BORDER)


# Villages (approximate public coordinates)
SOTK = place("Sotk", 45.8695, 40.2001, "ARM", place_id="theatre:arm-aze:sotk")
TEGH = place("Tegh", 46.4806, 39.5583, "ARM", place_id="theatre:arm-aze:tegh")
NIKIAL = place("Nikial", 74.12, 33.60, "IND")
JARINJE = place("Jarinje", 20.74, 43.19, "XKX")
ERGNETI = place("Ergneti", 43.98, 42.27, "GEO")
