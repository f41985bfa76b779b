"""Book-keeping for one `Gazetteer.find` call, in time linear in the text.

Which characters are already taken by a mention, which countries the places near a name
lie in, and which doubtful names sit in a list next to an accepted place.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter

from watchline.domain import Place, Precision
from watchline.geo.gazetteer import text as gt
from watchline.geo.gazetteer.index import fold
from watchline.geo.geometry import distance_m

NEARBY = 400  # characters: places this close are taken to be in the same story
LIST_GAP = 6  # at most ", and " between two listed names
JOINERS = {",", "and", ", and", "or"}
FAR_FLUNG_M = 1_500_000  # a small town this far from every other place is another one
FAR_FLUNG_TOWN = 50_000  # ... when smaller than this (bigger towns are news themselves)

Found = list[tuple[gt.Piece, Place]]


class Cover:
    """Character positions already claimed by a mention."""

    def __init__(self, size: int) -> None:
        self._mask = bytearray(size)

    def add(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return self._mask.find(1, start, end) != -1


class Neighbours:
    """The countries of accepted places, by position, for settling ambiguous names."""

    def __init__(self, accepted: Found) -> None:
        items = sorted(
            (piece.start, fold(piece.text), place.country)
            for piece, place in accepted
            if place.country
        )
        self._starts = [start for start, _, _ in items]
        self._items = items
        self._countries = Counter(country for _, _, country in items)
        self._by_name = Counter((key, country) for _, key, country in items)

    def around(self, piece: gt.Piece) -> set[str]:
        """Countries of other places near `piece`; of all other places when none is near."""
        key = fold(piece.text)
        lo = bisect_left(self._starts, piece.start - NEARBY)
        hi = bisect_right(self._starts, piece.start + NEARBY)
        near = {country for _, k, country in self._items[lo:hi] if k != key}
        if near:
            return near
        return {c for c, n in self._countries.items() if n - self._by_name[(key, c)] > 0}


def listed(text: str, accepted: Found, pending: Found) -> Found:
    """Doubtful names listed with accepted places of the same country ("Kupiansk,
    Vovchansk and Lyman"), never a country or a name followed by a number ("March 3")."""
    ends = {p.end: place.country for p, place in accepted}
    starts = {p.start: place.country for p, place in accepted}
    joined: Found = []
    for piece, place in sorted(pending, key=lambda item: item[0].start):
        if place.precision is Precision.COUNTRY or gt.dated(text, piece.end):
            continue
        left = any(
            ends.get(e) == place.country and _joins(text[e : piece.start])
            for e in range(max(0, piece.start - LIST_GAP), piece.start + 1)
        )
        right = any(
            starts.get(s) == place.country and _joins(text[piece.end : s])
            for s in range(piece.end, piece.end + LIST_GAP + 1)
        )
        if left or right:
            joined.append((piece, place))
            ends[piece.end] = place.country
            starts[piece.start] = place.country
    return joined


def _joins(between: str) -> bool:
    return between.strip() in JOINERS


def far_flung(accepted: Found, named: set[str], preferred: set[str]) -> Found:
    """Drop small towns far from everything else the text places, in a country it names
    nowhere: "Hays" in a story on Yemen is not Kansas, "Serian" near Sialkot not Borneo.

    Needs two other places with coordinates to judge by; countries, regions and the
    theatre's own places are never dropped.
    """
    points = [(piece, place) for piece, place in accepted if place.lat is not None]
    countries = Counter(place.country for _, place in accepted if place.country)
    kept: Found = []
    for piece, place in accepted:
        others = [p for q, p in points if fold(q.text) != fold(piece.text)]
        doubtful = (
            place.precision in (Precision.CITY, Precision.VILLAGE)
            and place.id.startswith("geonames:")
            and (place.population or 0) < FAR_FLUNG_TOWN
            and place.country not in named
            and place.country not in preferred
            and countries[place.country or ""] <= 1
            and len(others) >= 2
        )
        if doubtful and all(
            distance_m(place.lon, place.lat, other.lon, other.lat) > FAR_FLUNG_M
            for other in others
            if other.lon is not None and other.lat is not None
        ):
            continue
        kept.append((piece, place))
    return kept
