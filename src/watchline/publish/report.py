"""Situation reports: every case with its verdict, coverage, evidence and claims.

Reports render the same `CaseView`s as the CLI and the web pages, so what is published
is exactly what analysts saw. HTML is self-contained (inline CSS, no scripts, no
external fonts) so it can be mailed or archived as one file; Markdown suits statements.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from watchline import __version__
from watchline.domain import Theatre
from watchline.publish.templating import make_environment

FORMATS = ("html", "md")


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
) -> Path:
    """Write the report to `path`; the format follows the suffix unless given."""
    fmt = fmt or ("md" if path.suffix.lower() in (".md", ".markdown") else "html")
    path.parent.mkdir(parents=True, exist_ok=True)
    text = render_report(views, theatre=theatre, fmt=fmt)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path
