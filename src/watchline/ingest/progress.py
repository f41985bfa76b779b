"""A progress bar for long runs (rich, on stderr), and nothing at all when not wanted."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

REFRESH_EVERY = 500


class Progress:
    """Files done out of all files, and items read so far."""

    def __init__(self, targets: int, enabled: bool) -> None:
        self._bar: RichProgress | None = None
        self._items = 0
        if enabled:
            self._bar = RichProgress(
                TextColumn("ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files, {task.fields[items]} items"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
            )
            self._task = self._bar.add_task("ingest", total=targets, items=0)

    def __enter__(self) -> Progress:
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
            self._bar.update(self._task, items=self._items)
            self._bar.stop()

    def item(self) -> None:
        self._items += 1
        if self._bar is not None and self._items % REFRESH_EVERY == 0:
            self._bar.update(self._task, items=self._items)

    def target(self) -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=1, items=self._items)
