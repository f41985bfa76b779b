"""Blocking: the few earlier claims and open cases a claim could possibly meet.

Linking compares a claim only with claims and cases of the same event type, near enough
in time and place. Rather than test every pair, each claim is filed under *keys* —
grid cells its places' bounding boxes touch, and three markers: "anywhere" (no place),
"the border", and "near the border" (a shape inside the border zone) — and a query
asks only the keys that could overlap. The keys are chosen so that
`Gazetteer.overlap(a, b)` implies a shared key (intersecting shapes have intersecting
bounding boxes, hence a common cell), so blocking never loses a match: it is an exact
superset, and every rule still makes its own full check on what blocking returns.

Claims are processed in a fixed order by day, so each key's list is sorted by day and
a query for "since day D" is a bisection. Results come back in processing order, which
is what the rules' tie-breaks rely on.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

from watchline.link.geo import Footprint, Gazetteer

CELL_DEG = 0.1  # about 11 km: a village buffer touches one to four cells
ANYWHERE, BORDER, NEAR_BORDER = "anywhere", "border", "near-border"
T = TypeVar("T")
PlaceKey = Hashable


def _cells(footprint: Footprint) -> set[PlaceKey]:
    cells: set[PlaceKey] = set()
    for shape in footprint.shapes:
        minx, miny, maxx, maxy = shape.bounds
        for i in range(math.floor(minx / CELL_DEG), math.floor(maxx / CELL_DEG) + 1):
            for j in range(math.floor(miny / CELL_DEG), math.floor(maxy / CELL_DEG) + 1):
                cells.add((i, j))
    return cells


class PlaceKeys:
    """The keys a footprint is filed under, and the keys a query for it must ask."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        # Shapes are cached by the gazetteer (few places recur), so their ids name them.
        self._shapes: dict[tuple[int, ...], tuple[frozenset[PlaceKey], bool]] = {}

    def _of_shapes(self, footprint: Footprint) -> tuple[frozenset[PlaceKey], bool]:
        """The cells a footprint's shapes touch, and whether one is in the border zone."""
        key = tuple(id(shape) for shape in footprint.shapes)
        if key not in self._shapes:
            near = bool(footprint.shapes) and self.gazetteer.on_border(footprint.shapes)
            self._shapes[key] = (frozenset(_cells(footprint)), near)
        return self._shapes[key]

    def filed(self, footprint: Footprint) -> set[PlaceKey]:
        cells, near = self._of_shapes(footprint)
        keys = set(cells)
        if footprint.anywhere:
            keys.add(ANYWHERE)
        if footprint.border:
            keys.add(BORDER)
        if near:
            keys.add(NEAR_BORDER)
        return keys

    def asked(self, footprint: Footprint) -> set[PlaceKey] | None:
        """Keys to ask; None when the footprint overlaps everything ("anywhere")."""
        if footprint.anywhere:
            return None
        cells, near = self._of_shapes(footprint)
        keys = set(cells) | {ANYWHERE}
        if footprint.border:
            keys |= {BORDER, NEAR_BORDER}
        if near:
            keys.add(BORDER)
        return keys


class DayIndex(Generic[T]):
    """Items filed under keys in processing order, each with its day (an ordinal)."""

    def __init__(self) -> None:
        self._days: dict[Hashable, list[int]] = {}
        self._items: dict[Hashable, list[tuple[int, T]]] = {}

    def add(self, keys: Iterable[Hashable], day: int, seq: int, item: T) -> None:
        for key in keys:
            self._days.setdefault(key, []).append(day)
            self._items.setdefault(key, []).append((seq, item))

    def since(self, keys: Iterable[Hashable], day: int) -> list[T]:
        """Items under any of `keys` filed on `day` or later, in processing order."""
        found: dict[int, T] = {}
        for key in keys:
            days = self._days.get(key)
            if not days:
                continue
            for seq, item in self._items[key][bisect_left(days, day) :]:
                found[seq] = item
        return [found[seq] for seq in sorted(found)]
