"""Situation reports: every case with its verdict, coverage, evidence and claims.

Reports render the same `CaseView`s as the CLI and the web pages, so what is published
is exactly what analysts saw. HTML is self-contained (inline CSS, no scripts, no
external fonts) so it can be mailed or archived as one file; Markdown suits statements.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from watchline import __version__
from watchline.domain import Theatre
from watchline.errors import Errors, WatchlineError
from watchline.publish.templating import make_environment

FORMATS = ("html", "md")
SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def render_report(
    views: Sequence[object],
    *,
    theatre: Theatre | None = None,
    fmt: str = "html",
    title: str | None = None,
    generated_at: datetime | None = None,
) -> str:
    """The report text for `views` (case views from `services.views.case_views`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    template = make_environment().get_template(f"report.{fmt}.j2")
    generated = generated_at or datetime.now(UTC)
    counts: dict[str, int] = {}
    for view in views:
        counts[view.status.value] = counts.get(view.status.value, 0) + 1
    return template.render(
        views=views,
        theatre=theatre,
        title=title or f"Situation report — {theatre.name if theatre else 'all cases'}",
        generated=generated.strftime("%Y-%m-%d %H:%M UTC"),
        counts=counts,
        version=__version__,
    )


def write_report(
    views: Sequence[object],
    path: Path,
    *,
    theatre: Theatre | None = None,
    fmt: str | None = None,
    create_folder: bool = True,
) -> Path:
    """Write the report to `path` atomically; the format follows the suffix unless given.

    The text goes to a temporary file in the same folder, then replaces `path` in one
    step, so a failure never leaves a half-written report or a stray file. With
    `create_folder=False` (the CLI) a missing folder is an error, not created.
    """
    if create_folder:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WatchlineError(Errors.E019, path=path, reason=exc.strerror or exc) from None
    check_output(path)
    fmt = format_for(path, fmt)
    text = render_report(views, theatre=theatre, fmt=fmt)
    _write_atomically(path, text)
    return path


def format_for(path: Path, fmt: str | None = None) -> str:
    """The format given, else the one the file's extension names. An extension that
    names none is refused: `-o sitrep.pdf` once wrote HTML under a .pdf name."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise WatchlineError(Errors.E005, value=fmt, options=", ".join(FORMATS))
        return fmt
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        options = " and ".join(FORMATS)
        raise WatchlineError(Errors.E800, path=path, suffix=path.suffix, options=options)
    return found


def check_output(path: Path) -> None:
    """Refuse, before anything is rendered or written, a path the report cannot take:
    a folder, something that is not a regular file, a missing or read-only folder."""
    folder = path.parent
    if path.is_dir():
        raise WatchlineError(Errors.E019, path=path, reason="it is a folder; name a file in it")
    if path.exists() and not path.is_file():
        raise WatchlineError(Errors.E019, path=path, reason="it is not a regular file")
    if not folder.exists():
        raise WatchlineError(Errors.E019, path=path, reason=f"the folder {folder} does not exist")
    if not folder.is_dir():
        raise WatchlineError(Errors.E019, path=path, reason=f"{folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise WatchlineError(Errors.E019, path=path, reason="permission denied")


def _write_atomically(path: Path, text: str) -> None:
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path))  # mkstemp makes 0600; a report is shared
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            reason = exc.strerror or exc
            raise WatchlineError(Errors.E019, path=path, reason=reason) from None
        raise


def _mode_for(path: Path) -> int:
    """The permissions the report gets: those of the file it replaces, else the umask's."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
