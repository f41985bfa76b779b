"""Places of a claim: the gazetteer's mentions that fall inside its content."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from watchline.domain import PlaceMention, Precision


def place_mentions(
    found: Sequence[Any], start: int, end: int, actors: Sequence[Any] = ()
) -> list[PlaceMention]:
    """The mentions within text[start:end], as domain `PlaceMention`s (document indices).

    A name that acts in the statement ("accused Armenia of …", "Brussels and Washington")
    is an actor there, not a place: mentions overlapping `actors` are left out.
    """
    taken = [(a.start, a.end) for a in actors if hasattr(a, "start")]
    return [
        _domain(m)
        for m in found
        if start <= m.start
        and m.end <= end
        and not any(s < m.end and m.start < e for s, e in taken)
    ]


def _domain(mention) -> PlaceMention:
    if isinstance(mention, PlaceMention):
        return mention
    place = getattr(mention, "place", None)
    precision = getattr(mention, "precision", None) or getattr(place, "precision", None)
    return PlaceMention(
        text=mention.text,
        start=mention.start,
        end=mention.end,
        place_id=getattr(mention, "place_id", None) or getattr(place, "id", None),
        lat=getattr(mention, "lat", None) or getattr(place, "lat", None),
        lon=getattr(mention, "lon", None) or getattr(place, "lon", None),
        precision=Precision(precision) if precision else None,
        country=getattr(mention, "country", None) or getattr(place, "country", None),
        name=getattr(mention, "name", None) or getattr(place, "name", None),
    )
