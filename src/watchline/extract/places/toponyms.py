"""Toponyms of a text, checked against the actor dictionary, for people and programs.

`Gazetteer` (re-exported here) does the lookup; `places_in` adds what only the actor
dictionary knows: that "Miller" or "Stano" in this text is a person, not a hamlet.
`as_rows` gives what `watchline places` prints, so analysts can check the gazetteer.
"""

from __future__ import annotations

from typing import Any

from watchline.domain import ActorKind, PlaceMention
from watchline.extract.speakers.actors import ActorDictionary
from watchline.geo.gazetteer.lookup import Gazetteer

__all__ = ["Gazetteer", "as_rows", "places_in"]

NOT_PLACES = {ActorKind.PERSON, ActorKind.MEDIA, ActorKind.CHANNEL, ActorKind.MISSION}


def places_in(
    text: str, gazetteer: Gazetteer, actors: ActorDictionary | None = None
) -> list[PlaceMention]:
    """Every toponym in `text`; spans naming people, outlets or missions are skipped."""
    exclude = []
    if actors is not None:
        exclude = [
            (m.start, m.end)
            for m in actors.find(text)
            if m.actor.kind in NOT_PLACES or (m.actor.kind is ActorKind.MILITARY and " " in m.text)
        ]
    return gazetteer.find(text, exclude=exclude)


def as_rows(mentions: list[PlaceMention]) -> list[dict[str, Any]]:
    """One flat record per mention: span, chosen entry and precision."""
    rows = []
    for m in mentions:
        geonames_id = None
        if m.place_id and m.place_id.startswith("geonames:"):
            geonames_id = int(m.place_id.split(":", 1)[1])
        rows.append(
            {
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "place_id": m.place_id,
                "name": m.name,
                "geonames_id": geonames_id,
                "lat": None if m.lat is None else round(m.lat, 5),
                "lon": None if m.lon is None else round(m.lon, 5),
                "country": m.country,
                "precision": m.precision.value if m.precision else None,
            }
        )
    return rows
