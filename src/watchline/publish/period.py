"""The period a situation report covers (`--from` / `--to`, both days inclusive)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from watchline.errors import Errors, WatchlineError


@dataclass(frozen=True)
class Period:
    """Days from `start` to `end`, inclusive; an open side is unbounded."""

    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise WatchlineError(Errors.E802, start=self.start, end=self.end)

    @property
    def bounded(self) -> bool:
        return self.start is not None or self.end is not None

    def overlaps(self, first: date | None, last: date | None) -> bool:
        """Whether days `first`..`last` meet the period. Undated things meet only an
        unbounded period: a report for March cannot claim an undated case."""
        if not self.bounded:
            return True
        if first is None and last is None:
            return False
        first = first or last
        last = last or first
        assert first is not None and last is not None
        if self.start and last < self.start:
            return False
        return not (self.end and first > self.end)

    def contains(self, day: date | None) -> bool:
        return self.overlaps(day, day) if day is not None else not self.bounded

    def label(self) -> str:
        """How the report's heading names the period."""
        if self.start and self.end:
            if self.start == self.end:
                return self.start.strftime("%d %b %Y")
            return f"{self.start:%d %b %Y} – {self.end:%d %b %Y}"
        if self.start:
            return f"from {self.start:%d %b %Y}"
        if self.end:
            return f"until {self.end:%d %b %Y}"
        return "all dates"
