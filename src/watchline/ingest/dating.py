"""`--published-at`: a publication time for items that do not carry their own.

A plain text file or a page without a date has no publication time, and without one the
extractor cannot resolve "on Saturday". The user may state it; it is given only to items
with none (an item's own time always wins) and marked in `meta` as given, not found.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time

from watchline.domain import Document
from watchline.ingest.context import Item


@dataclass(frozen=True)
class Dating:
    """The stated publication time (UTC) and whether it is a whole day."""

    moment: datetime | None = None
    day_only: bool = False

    @classmethod
    def of(cls, value: date | datetime | None) -> Dating:
        """A `date` is that day at midnight UTC; a naive `datetime` is read as UTC."""
        if value is None:
            return cls()
        if isinstance(value, datetime):
            aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
            return cls(aware.astimezone(UTC))
        return cls(datetime.combine(value, time(0), tzinfo=UTC), day_only=True)

    def apply(self, item: Item) -> Item:
        """`item` with the stated time when it is a document without a time of its own."""
        if self.moment is None or not isinstance(item, Document):
            return item
        if item.published_at is not None:
            return item
        meta: dict[str, object] = {**item.meta, "published_at_given": True}
        if self.day_only:
            meta["published_precision"] = "day"
        return replace(item, published_at=self.moment, meta=meta)
