"""Situation reports: every case with its verdict, coverage, evidence and claims.

Reports render the same `CaseView`s as the CLI and the web pages, so what is published
is exactly what analysts saw. HTML is self-contained (inline CSS and SVG figures, no
scripts, no external fonts) so it can be mailed or archived as one file; PDF is that
HTML laid out for paper; Markdown suits statements. Evidence is printed in full, never
folded away: a report is read on paper and disputed line by line.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from markupsafe import Markup

from watchline import __version__
from watchline.domain import Patrol, Theatre
from watchline.errors import Errors, WatchlineError
from watchline.publish import figures
from watchline.publish.period import Period
from watchline.publish.templating import make_environment

FORMATS = ("html", "md", "pdf")
SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".pdf": "pdf"}
#: Points kept per patrol track on the map: enough to show the route at report scale.
MAP_POINTS_PER_TRACK = 400


def render_report(
    views: Sequence[Any],
    *,
    theatre: Theatre | None = None,
    fmt: str = "html",
    title: str | None = None,
    generated_at: datetime | None = None,
    patrols: Sequence[Patrol] = (),
    period: Period | None = None,
) -> str:
    """The report text (HTML or Markdown) for `views` (from `services.views.case_views`),
    with the map of `patrols` and the claimed areas and the claims-per-day chart."""
    if fmt not in ("html", "md"):
        raise ValueError(f"render_report writes html or md, not {fmt!r}; see render_pdf")
    template = make_environment().get_template(f"report.{fmt}.j2")
    generated = generated_at or datetime.now(UTC)
    period = period or Period()
    counts = Counter(view.status.value for view in views)
    daily = list(party_days(views, period))
    heading = theatre.name if theatre else "all cases"
    return template.render(
        views=views,
        theatre=theatre,
        title=title or f"Situation report — {heading}",
        period=period,
        generated=generated.strftime("%Y-%m-%d %H:%M UTC"),
        counts=dict(counts),
        version=__version__,
        patrols=patrols,
        map_svg=Markup(patrol_map(views, patrols)) if fmt == "html" else "",
        chart_svg=Markup(figures.claims_per_day(daily)) if fmt == "html" else "",
        daily=sorted(Counter(daily).items(), key=lambda item: (item[0][0], item[0][1])),
    )


def render_pdf(views: Sequence[Any], **options: Any) -> bytes:
    """The report as PDF: the HTML report laid out by WeasyPrint (E801 without it)."""
    from watchline.publish.pdf import html_to_pdf

    return html_to_pdf(render_report(views, fmt="html", **options))


def party_days(views: Iterable[Any], period: Period) -> Iterable[tuple[date, str]]:
    """(day, party) for each dated claim for or against a case within the period —
    copies and context are not claims of their own."""
    for view in views:
        for claim in (*view.claims_for, *view.claims_against):
            if claim.stated_on is not None and period.contains(claim.stated_on):
                yield claim.stated_on, claim.affiliation or "unaffiliated"


def patrol_map(views: Sequence[Any], patrols: Sequence[Patrol]) -> str:
    """The SVG map: each patrol's track (thinned) and each case's area, numbered as
    the cases are in the report."""
    tracks = []
    for patrol in patrols:
        points = [(p.lon, p.lat) for p in patrol.track]
        step = max(1, len(points) // MAP_POINTS_PER_TRACK)
        thinned = points[::step] + points[-1:] if len(points) > 1 else points
        label = f"{patrol.team}, {patrol.start:%d %b %H:%M}–{patrol.end:%H:%M} UTC"
        tracks.append(figures.Track(label, tuple(thinned)))
    areas = [
        figures.Area(number, view.case.title or view.case.id, view.case.area)
        for number, view in enumerate(views, 1)
        if view.case.area
    ]
    return figures.patrol_map(tracks, areas)


def write_report(
    views: Sequence[Any],
    path: Path,
    *,
    theatre: Theatre | None = None,
    fmt: str | None = None,
    create_folder: bool = True,
    patrols: Sequence[Patrol] = (),
    period: Period | None = None,
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
    options: dict[str, Any] = {"theatre": theatre, "patrols": patrols, "period": period}
    if fmt == "pdf":
        _write_atomically(path, render_pdf(views, **options))
    else:
        _write_atomically(path, render_report(views, fmt=fmt, **options).encode("utf-8"))
    return path


def write_bytes(path: Path, data: bytes) -> Path:
    """Write any published file (a statement) atomically, as reports are written."""
    check_output(path)
    _write_atomically(path, data)
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
        options = ", ".join(FORMATS)
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


def _write_atomically(path: Path, data: bytes) -> None:
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
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
