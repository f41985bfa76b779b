"""`watchline ingest` and `watchline sources list`."""

from __future__ import annotations

import sys

import typer

from watchline.cli.app import app
from watchline.cli.context import database, handles_errors, parse_moment, settings
from watchline.domain import Source, SourceKind
from watchline.errors import Errors, InputError
from watchline.ingest.names import FORMATS

sources_app = typer.Typer(help="The sources documents come from.", no_args_is_help=True)
app.add_typer(sources_app, name="sources")


@app.command("ingest")
@handles_errors
def ingest_command(
    paths: list[str] = typer.Argument(..., help="Files, directories or http(s) URLs."),
    format: str = typer.Option(
        "auto", "--format", "-f", help=f"One of: {', '.join(FORMATS)}. 'auto' guesses."
    ),
    source: str | None = typer.Option(
        None, "--source", help="Name of the source of everything ingested (else its own)."
    ),
    source_kind: str | None = typer.Option(
        None, "--source-kind", help=f"Kind of --source: {', '.join(k.value for k in SourceKind)}."
    ),
    speaks_for: str | None = typer.Option(
        None, "--speaks-for", help="Actor id the source speaks for, e.g. aze.mod."
    ),
    follow: bool = typer.Option(
        False, "--follow", help="For feeds: fetch each item's page for its full text."
    ),
    published_at: str | None = typer.Option(
        None,
        "--published-at",
        metavar="DATETIME",
        help="Publication time of items that have none of their own (plain text, HTML "
        "without a date): ISO 8601 date (2024-04-01) or date-time with offset "
        "(2024-04-01T18:30+04:00); without an offset it is read as UTC.",
    ),
    follow_symlinks: bool = typer.Option(
        False,
        "--follow-symlinks",
        help="In folders, also read symbolic links that lead out of the folder.",
    ),
) -> None:
    """Ingest text, Markdown, HTML, RSS/Atom, URL lists, Telegram and X exports, JSON Lines."""
    given = None
    moment = parse_moment(published_at, "--published-at")
    if source_kind is not None:
        if source is None:
            raise typer.BadParameter("--source-kind needs --source NAME")
        given = Source(_kind(source_kind), source, speaks_for=speaks_for)
    from watchline.ingest import ingest

    with database() as db:
        report = ingest(
            db,
            paths,
            format=format,
            source=given,
            source_name=source,
            speaks_for=speaks_for,
            follow=follow,
            progress=sys.stderr.isatty(),
            max_file_bytes=settings().max_file_bytes,
            published_at=moment,
            follow_symlinks=follow_symlinks,
        )
    for problem in [*report.rejected, *report.notices]:
        typer.echo(problem.reason, err=True)
    typer.echo(report.summary())
    if report.rejected and not report.ingested and not report.duplicates:
        raise typer.Exit(1)


@sources_app.command("list")
@handles_errors
def sources_list() -> None:
    """Every source, the actor it speaks for and how many documents it holds."""
    from watchline.ingest.language import EXTRACTABLE
    from watchline.store.documents import SourceRepository, languages_by_source

    with database() as db, db.transaction() as session:
        rows = SourceRepository(session).list()
        languages = languages_by_source(session)
    if not rows:
        typer.echo("No sources yet. Add some with 'watchline ingest PATH'.")
        return
    unreadable: set[str] = set()
    for found, count in rows:
        speaks = found.speaks_for or "-"
        where = found.handle or found.url or ""
        by_language = languages.get((str(found.kind), found.name), {})
        unreadable.update(lang for lang in by_language if lang and lang not in EXTRACTABLE)
        mix = ", ".join(f"{lang or '?'} {n}" for lang, n in sorted(by_language.items(), key=_most))
        line = f"{found.kind}\t{found.name}\t{speaks}\t{count} documents\t{mix}\t{where}"
        typer.echo(line.rstrip())
    if unreadable:
        languages_text = ", ".join(sorted(unreadable))
        typer.echo(
            f"Stored but not extracted (extractor reads English and Russian): {languages_text}"
        )


def _most(item: tuple[str | None, int]) -> tuple[int, bool, str]:
    """Most frequent language first; undetected ('?') last among equals."""
    return (-item[1], item[0] is None, item[0] or "")


def _kind(value: str) -> SourceKind:
    try:
        return SourceKind(value)
    except ValueError:
        options = ", ".join(kind.value for kind in SourceKind)
        raise InputError(Errors.E216, value=value, options=options) from None
