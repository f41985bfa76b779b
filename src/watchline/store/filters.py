"""One filter object for every list: the API, the HTML pages and the map read the same.

`ViewFilter` holds what a request may narrow a list by (theatre, status, party, event
type, date range, text, bounding box) and which page it wants (an opaque cursor and a
capped page size). FastAPI fills it from the query string (`Annotated[ViewFilter,
Query()]`), so a malformed value (a limit of 10,000, a date that is no date) is a 422
with the field named; `checked` then refuses values that parse but mean nothing (an
unknown status or event type, an empty date range, an upside-down bounding box, a filter
the list cannot apply) with a coded error, before any query runs.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from watchline.domain import EventType, VerdictStatus
from watchline.errors import Errors, InputError

MAX_LIMIT = 200
DEFAULT_LIMIT = 50

T = TypeVar("T")

# Which filters each list can apply (the rest are refused with E914, never ignored).
APPLIES = {
    "cases": {"theatre", "status", "party", "event_type", "since", "until", "q", "bbox"},
    "claims": {"party", "event_type", "since", "until", "q"},
    "documents": {"since", "until", "q"},
    "map of cases": {"theatre", "status", "party", "event_type", "since", "until", "q", "bbox"},
}


class ViewFilter(BaseModel):
    """What a list request asks for; every field optional but the page size."""

    model_config = ConfigDict(str_strip_whitespace=True, frozen=True)

    theatre: str | None = Field(None, max_length=64, description="Theatre id, e.g. arm-aze.")
    status: str | None = Field(None, max_length=32, description="Current verdict status.")
    party: str | None = Field(
        None, max_length=100, description="A party on either side (affiliation, e.g. AZE)."
    )
    event_type: str | None = Field(None, max_length=32, description="attack, fortify, …")
    since: date | None = Field(None, description="From this day (inclusive).")
    until: date | None = Field(None, description="Up to this day (inclusive).")
    q: str | None = Field(None, max_length=200, description="Text to look for.")
    bbox: str | None = Field(None, max_length=100, description="west,south,east,north")
    cursor: str | None = Field(None, max_length=400, description="From a page's next/prev.")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Page size.")

    @model_validator(mode="before")
    @classmethod
    def _blank_is_absent(cls, data: Any) -> Any:
        """A form's empty field (`since=`) means no filter, not an invalid date."""
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if not (isinstance(v, str) and not v.strip())}
        return data

    def checked(self, listing: str) -> ViewFilter:
        """This filter, refused with a coded 422 when a value means nothing for `listing`."""
        given = {k for k in APPLIES["cases"] | APPLIES["claims"] if getattr(self, k)}
        extra = sorted(given - APPLIES[listing])
        if extra:
            raise InputError(
                Errors.E914,
                names=", ".join(repr(n) for n in extra),
                listing=listing,
                options=", ".join(sorted(APPLIES[listing])),
            )
        _ = self.verdict_status, self.event, self.box  # each raises its coded error
        if self.since and self.until and self.since > self.until:
            raise InputError(Errors.E912, since=self.since, until=self.until)
        if self.cursor:
            decode_cursor(self.cursor)
        return self

    @property
    def verdict_status(self) -> VerdictStatus | None:
        if not self.status:
            return None
        try:
            return VerdictStatus(self.status.lower().replace(" ", "_"))
        except ValueError:
            options = ", ".join(s.value for s in VerdictStatus)
            raise InputError(Errors.E403, value=self.status, options=options) from None

    @property
    def event(self) -> EventType | None:
        if not self.event_type:
            return None
        try:
            return EventType(self.event_type.lower())
        except ValueError:
            options = ", ".join(e.value for e in EventType)
            raise InputError(Errors.E910, value=self.event_type, options=options) from None

    @property
    def box(self) -> tuple[float, float, float, float] | None:
        """(west, south, east, north) in degrees, or None for no bound."""
        if not self.bbox:
            return None
        return parse_bbox(self.bbox)

    def query_string(self, **changes: Any) -> str:
        """This filter as a query string (for next/previous links), with `changes`."""
        from urllib.parse import urlencode

        values = {**self.model_dump(exclude_none=True), **changes}
        if values.get("limit") == DEFAULT_LIMIT:
            del values["limit"]
        return urlencode({k: str(v) for k, v in values.items() if v not in (None, "")})


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    parts = value.split(",")
    if len(parts) != 4:
        raise InputError(Errors.E913, value=value, reason=f"{len(parts)} numbers, not 4")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise InputError(Errors.E913, value=value, reason="not all numbers") from None
    if not all(-180 <= x <= 180 for x in (west, east)) or not all(
        -90 <= y <= 90 for y in (south, north)
    ):
        raise InputError(Errors.E913, value=value, reason="outside the globe")
    if not (west < east and south < north):
        raise InputError(Errors.E913, value=value, reason="west ≥ east or south ≥ north")
    return west, south, east, north


@dataclass(frozen=True)
class Cursor:
    """Where a page starts: after (`forward`) or before a row's sort key and id."""

    forward: bool
    key: date | datetime | None
    id: str


def encode_cursor(cursor: Cursor) -> str:
    key = cursor.key.isoformat() if cursor.key is not None else None
    kind = "t" if isinstance(cursor.key, datetime) else "d"
    body = json.dumps(["n" if cursor.forward else "p", kind, key, cursor.id])
    return base64.urlsafe_b64encode(body.encode()).decode().rstrip("=")


def decode_cursor(value: str) -> Cursor:
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        way, kind, key, ident = json.loads(raw)
        if way not in ("n", "p") or kind not in ("t", "d") or not isinstance(ident, str):
            raise ValueError(way)
        parse = datetime.fromisoformat if kind == "t" else date.fromisoformat
        return Cursor(way == "n", parse(key) if key is not None else None, ident)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise InputError(Errors.E911, value=value[:60]) from None


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list and the cursors of its neighbours (None at either end)."""

    items: list[T]
    next_cursor: str | None
    prev_cursor: str | None
