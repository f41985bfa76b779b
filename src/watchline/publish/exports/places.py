"""Where and when a claim says its event happened, in the terms event datasets use."""

from __future__ import annotations

from datetime import date

from watchline.domain import Claim, PlaceMention, Precision

# ACLED's geo_precision: 1 the named town itself, 2 near it or part of a region,
# 3 only a province or larger region is known.
GEO_PRECISION = {
    Precision.POINT: 1,
    Precision.VILLAGE: 1,
    Precision.CITY: 1,
    Precision.SECTOR: 2,
    Precision.BORDER: 2,
    Precision.REGION: 3,
    Precision.COUNTRY: 3,
}


def located(claim: Claim | None) -> list[PlaceMention]:
    """The claim's places that have coordinates, in the order the text names them."""
    if claim is None:
        return []
    return [p for p in claim.event.places if p.lat is not None and p.lon is not None]


def first_place(claim: Claim | None) -> PlaceMention | None:
    """The first located place, else the first named one, else None."""
    if claim is None:
        return None
    places = located(claim) or list(claim.event.places)
    return places[0] if places else None


def event_day(claim: Claim | None, stated_on: date | None) -> tuple[date | None, int | None]:
    """The event's first day and ACLED's time_precision: 1 a day, 2 a week, 3 longer.

    Without a time window the statement's own date stands in, known to within a week.
    """
    window = claim.event.time if claim is not None else None
    if window is not None and window.start is not None:
        end = window.end or window.start
        days = (end - window.start).days
        return window.start, 1 if days == 0 else 2 if days <= 7 else 3
    if stated_on is not None:
        return stated_on, 2
    return None, None
