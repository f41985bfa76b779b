"""What an analyst types into a correction, checked and turned into the stored value.

Forms and the API send text (a select's value, lines of places, two dates); this module
turns it into the JSON `store.review.apply_correction` reads, or an E701 naming what is
wrong. Agents come from the actor dictionary and places from the theatre profile (or
coordinates given by hand), so a correction never invents an actor or a place silently.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from shapely import wkt

from watchline.domain import Act, Actor, EventType, Precision, Theatre
from watchline.errors import Errors, InputError
from watchline.store.review import FIELDS

MAX_PLACES = 20
COORDINATES = re.compile(
    r"^(?P<name>.+?)\s*@\s*(?P<lat>-?\d+(?:\.\d+)?)\s*,\s*(?P<lon>-?\d+(?:\.\d+)?)$"
)


def _bad(claim_id: str, field: str, value: object, reason: str) -> InputError:
    return InputError(Errors.E701, value=str(value)[:80], field=field, claim_id=claim_id,
                      reason=reason)  # fmt: skip


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


@lru_cache(maxsize=1)
def _actors() -> tuple[Actor, ...]:
    from watchline.extract.speakers.actors_data import PACKAGED, entries_from

    return tuple(entry.actor for entry in entries_from(PACKAGED))


def find_actor(text: str) -> Actor | None:
    """An actor by id, name or alias (any case) from the packaged dictionary."""
    wanted = text.strip().casefold()
    for actor in _actors():
        names = (actor.id, actor.name, *actor.aliases)
        if any(n.casefold() == wanted for n in names):
            return actor
    return None


def _choice(claim_id: str, field: str, value: object, options: type[Act] | type[EventType]) -> str:
    text = _text(value).lower().replace(" ", "_")
    if text not in {o.value for o in options}:
        choices = ", ".join(o.value for o in options)
        raise _bad(claim_id, field, value, f"choose one of {choices}")
    return text


def _agent(claim_id: str, value: object) -> dict[str, Any] | None:
    if isinstance(value, dict):
        value = value.get("actor_id") or value.get("text")
    if value is not None and not isinstance(value, str):
        raise _bad(claim_id, "agent", value, "give an actor id, name or 'none'")
    text = _text(value)
    if not text or text.lower() == "none":
        return None  # the analyst says no doer is named
    actor = find_actor(text)
    if actor is None:
        raise _bad(claim_id, "agent", value, "it is not in the actor dictionary; give an actor "
                   "id such as 'arm' or 'aze.mod', or 'none'")  # fmt: skip
    return {"text": actor.name, "actor_id": actor.id, "affiliation": actor.affiliation}


def _known_place(theatre: Theatre | None, name: str) -> dict[str, Any] | None:
    wanted = name.casefold()
    borders = {n.casefold() for n in theatre.border_names} if theatre else set()
    if wanted in borders or wanted == "the border":
        return {"text": name, "place_id": None, "lat": None, "lon": None,
                "precision": Precision.BORDER.value}  # fmt: skip
    if theatre is None:
        return None
    for place in theatre.places:
        if wanted in {n.casefold() for n in (place.name, *place.alt_names)}:
            return {"text": place.name, "place_id": place.id, "lat": place.lat,
                    "lon": place.lon, "precision": place.precision.value}  # fmt: skip
    for sector in theatre.sectors:
        if wanted in {n.casefold() for n in (sector.name, *sector.aliases)}:
            middle = wkt.loads(sector.geometry).representative_point()
            return {"text": sector.name, "place_id": sector.id, "lat": middle.y,
                    "lon": middle.x, "precision": Precision.SECTOR.value}  # fmt: skip
    return None


def _place(claim_id: str, line: str, theatre: Theatre | None) -> dict[str, Any]:
    given = COORDINATES.match(line)
    if given:
        lat, lon = float(given["lat"]), float(given["lon"])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise _bad(claim_id, "places", line, "latitude is -90..90 and longitude -180..180")
        return {"text": given["name"].strip(), "place_id": None, "lat": lat, "lon": lon,
                "precision": Precision.POINT.value}  # fmt: skip
    known = _known_place(theatre, line)
    if known is None:
        raise _bad(claim_id, "places", line, "the theatre profile has no such place; give its "
                   "coordinates as 'Name @ lat, lon'")  # fmt: skip
    return known


def _places(claim_id: str, value: object, theatre: Theatre | None) -> list[dict[str, Any]]:
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(claim_id, "places", value, "give one place per line")
    lines = [v.strip() for v in value if v.strip()]
    if len(lines) > MAX_PLACES:
        raise _bad(claim_id, "places", f"{len(lines)} places", f"at most {MAX_PLACES}")
    return [_place(claim_id, line, theatre) for line in lines]


def _day(claim_id: str, value: object) -> str | None:
    text = _text(value)
    if not text:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise _bad(claim_id, "dates", value, "dates are YYYY-MM-DD") from None


def _dates(claim_id: str, value: object) -> dict[str, str | None]:
    if not isinstance(value, dict):
        raise _bad(claim_id, "dates", value, "give a start and an end date")
    start, end = _day(claim_id, value.get("start")), _day(claim_id, value.get("end"))
    if start and end and end < start:
        raise _bad(claim_id, "dates", f"{start}..{end}", "the end is before the start")
    return {"start": start, "end": end}


def parse_field(field: str) -> str:
    wanted = field.strip().lower().replace(" ", "_")
    if wanted not in FIELDS:
        raise InputError(Errors.E700, field=field[:40], options=", ".join(FIELDS))
    return wanted


def correction_value(claim_id: str, field: str, value: object, theatre: Theatre | None) -> Any:
    """The checked value of a correction of `field` (E700, E701 when it is not one)."""
    if field == "act":
        return _choice(claim_id, field, value, Act)
    if field == "event_type":
        return _choice(claim_id, "event type", value, EventType)
    if field == "agent":
        return _agent(claim_id, value)
    if field == "places":
        return _places(claim_id, value, theatre)
    if field == "dates":
        return _dates(claim_id, value)
    raise InputError(Errors.E700, field=field[:40], options=", ".join(FIELDS))


def shown(field: str, value: Any) -> str:
    """A stored value as a page shows it."""
    if field == "agent":
        if not value:
            return "none named"
        return f"{value.get('text')} ({value.get('affiliation') or value.get('actor_id') or '?'})"
    if field == "places":
        return "; ".join(_place_line(p) for p in value or []) or "no place"
    if field == "dates":
        start, end = (value or {}).get("start"), (value or {}).get("end")
        if not start and not end:
            return "no date"
        return str(start) if start == end or not end else f"{start or '?'} – {end}"
    return str(value).replace("_", " ")


def _place_line(place: dict[str, Any]) -> str:
    if place.get("lat") is None or place.get("lon") is None:
        return str(place.get("text"))
    return f"{place.get('text')} @ {place['lat']}, {place['lon']}"


def form_text(field: str, value: Any) -> str:
    """A stored value as a form field is filled with, so sending it back changes nothing."""
    if field == "agent":
        return (value or {}).get("actor_id") or "none"
    if field == "places":
        return "\n".join(_place_line(p) for p in value or [])
    if field == "dates":
        return ""  # two date inputs, filled from the value itself
    return str(value)
