"""What an ingest run reports: counts, rejected items with reasons, notices."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Self

from watchline.errors import Errors


@dataclass(frozen=True)
class Rejection:
    """One item (or whole file) left out, and why: `reason` is the coded message."""

    path: str
    item: str
    reason: str

    @classmethod
    def of(cls, path: str, item: str, error: Errors, **details: object) -> Self:
        return cls(path, item, error.format(path=path, item=item, **details))

    @property
    def code(self) -> str:
        """The error code the reason starts with, e.g. 'E204'."""
        return self.reason.split(":", 1)[0]

    def __str__(self) -> str:
        return self.reason


@dataclass(frozen=True)
class Notice(Rejection):
    """Something wrong with an item that was kept anyway (e.g. an unreadable date)."""


@dataclass(frozen=True)
class Skipped:
    """An item left out on purpose (a Telegram service message, an empty post)."""

    path: str
    item: str
    why: str


@dataclass(frozen=True)
class Unchanged:
    """A fetched address the server says has not changed since the last fetch."""

    url: str


@dataclass
class IngestReport:
    ingested: int = 0
    duplicates: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    notices: list[Notice] = field(default_factory=list)
    not_extractable: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """'ingested N, duplicates N, rejected N', then what else happened, if anything."""
        line = (
            f"ingested {self.ingested}, duplicates {self.duplicates}, rejected {len(self.rejected)}"
        )
        extras = []
        if self.skipped:
            reasons = ", ".join(f"{n} {why}" for why, n in sorted(self.skipped.items()))
            extras.append(f"skipped {sum(self.skipped.values())} ({reasons})")
        if self.not_extractable:
            langs = ", ".join(f"{lang} {n}" for lang, n in self.not_extractable.most_common())
            extras.append(
                f"{sum(self.not_extractable.values())} not extractable by language ({langs})"
            )
        if self.notices:
            extras.append(f"{len(self.notices)} notices")
        return "; ".join([line, *extras])
