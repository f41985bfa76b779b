"""A progress bar for long link and verify runs (rich, on stderr), or nothing at all.

Like ingest's (`watchline.ingest.progress`): shown only when asked for, which the CLI
does on a terminal or with `--progress`; tests and pipes see nothing.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

REFRESH_EVERY = 200


class StepProgress:
    """Items done out of a total that may grow (one theatre's claims after another)."""

    def __init__(self, label: str, unit: str, enabled: bool) -> None:
        self._bar: Any = None
        self._done = 0
        self._shown = 0
        if enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn(label),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn(unit),
                TimeElapsedColumn(),
                console=Console(stderr=True),
            )
            self._task = self._bar.add_task(label, total=0)

    def __enter__(self) -> StepProgress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=self._done)
            self._bar.stop()

    def expect(self, more: int) -> None:
        """Add `more` items to the total."""
        if self._bar is not None:
            total = self._bar.tasks[0].total or 0
            self._bar.update(self._task, total=total + more)

    def advance(self, n: int = 1) -> None:
        self._done += n
        if self._bar is not None and self._done - self._shown >= REFRESH_EVERY:
            self._shown = self._done
            self._bar.update(self._task, completed=self._done)
