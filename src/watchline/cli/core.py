"""Commands that wire the whole loop: init, demo, serve, report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from watchline.cli.app import app
from watchline.cli.context import database, handles_errors, settings

if TYPE_CHECKING:
    from watchline.store import Database


@app.command()
@handles_errors
def init() -> None:
    """Create the database (or upgrade it to the newest schema). Safe to run again."""
    with database(require_init=False) as db:
        db.init()
        typer.echo(f"Database ready: {db.safe_url}")


@app.command()
@handles_errors
def demo(
    out: Path = typer.Option(
        Path("demo-out"),
        help="Folder for the demo database and report (recreated each run) and its key (kept).",
    ),
    serve_app: bool = typer.Option(
        True, "--serve/--no-serve", help="Serve the web app on 127.0.0.1 afterwards."
    ),
    port: int = typer.Option(8000, min=1, max=65535, help="Port for the web app."),
) -> None:
    """Run the whole loop on the illustrative demo scenario in a fresh SQLite database."""
    from watchline.cli.cases import render_cases
    from watchline.services.demo import run_demo

    result = run_demo(out, say=typer.echo)
    typer.echo("")
    typer.echo(render_cases(result.views))
    typer.echo("")
    typer.echo(f"Report: {result.report}")
    for bundle in result.bundles:
        typer.echo(f"Signature: {bundle} (key {result.key_id}, a demo key)")
    if result.bundles:
        typer.echo(
            f"Check a copy: watchline verify-publication {result.report} --key {result.public_key}"
        )
    typer.echo(f"Database: {result.database_url}")
    typer.echo("Logins for the web app (this demo database only):")
    for name, role, password in result.logins:
        typer.echo(f"  {role:<10} {name:<16} {password}")
    if serve_app:
        _serve(result.database_url, "127.0.0.1", port)


@app.command()
@handles_errors
def serve(
    host: str = typer.Option(None, help="Interface to listen on (default from settings)."),
    port: int = typer.Option(None, min=1, max=65535, help="Port (default from settings)."),
    workers: int = typer.Option(
        None,
        min=1,
        max=64,
        help="Worker processes (default from settings: one per CPU core). A team's app "
        "serves from several; each has its own database connections.",
    ),
) -> None:
    """Serve the web app (cases, documents, patrols, API at /docs) over the database."""
    from watchline.web.serving import default_workers
    from watchline.web.tiles import tile_source

    config = settings()
    tile_source(config)  # a bad WATCHLINE_TILE_URL refuses to start (E760), before anything
    with database():
        pass
    count = workers or config.workers or default_workers()
    _serve(config.database_url, host or config.host, port or config.port, count)


def _serve(database_url: str, host: str, port: int, workers: int = 1) -> None:
    from watchline.web.serving import serve

    typer.echo(f"Serving on http://{host}:{port}/ with {workers} worker(s) (Ctrl+C to stop)")
    serve(database_url, host, port, workers)


@app.command()
@handles_errors
def report(
    output: Path = typer.Option(Path("report.html"), "--output", "-o", help="File to write."),
    fmt: str = typer.Option(
        None,
        "--format",
        help="html, md or pdf (default: from the suffix: .html, .htm, .md, .pdf).",
    ),
    status: str = typer.Option(None, help="Only cases with this verdict status."),
    sign: Path | None = typer.Option(
        None, "--sign", help="Sign the report with this private key (writes FILE.sig.json)."
    ),
    start: str = typer.Option(
        None, "--from", help="First day of the period (YYYY-MM-DD); cases and patrols that meet it."
    ),
    end: str = typer.Option(None, "--to", help="Last day of the period (YYYY-MM-DD), inclusive."),
) -> None:
    """Write a situation report: per case the claims and responses, coverage, verdict,
    rationale and evidence; a map of the patrols and claimed places; claims per day."""
    from watchline.cli.context import parse_day
    from watchline.geo.theatre import load_theatre
    from watchline.publish.keys import load_private_key
    from watchline.publish.period import Period
    from watchline.publish.report import check_output, format_for, write_report
    from watchline.services.reports import report_content

    period = Period(parse_day(start, "--from"), parse_day(end, "--to"))
    check_output(output)
    fmt = format_for(output, fmt)  # before the database is read: a bad -o costs nothing
    if sign is not None:
        load_private_key(sign)  # so does a bad key
    theatre = load_theatre(settings().theatre)
    with database() as db:
        content = report_content(db, period=period, status=status)
        path = write_report(
            content.views,
            output,
            theatre=theatre,
            fmt=fmt,
            create_folder=False,
            patrols=content.patrols,
            period=period,
        )
        typer.echo(
            f"Wrote {len(content.views)} cases and {len(content.patrols)} patrols "
            f"({period.label()}) to {path}"
        )
        if content.undated:
            typer.echo(f"{content.undated} undated cases are not in a dated period.")
        if sign is not None:
            _sign_report(db, path, sign)


def _sign_report(db: Database, path: Path, key: Path) -> None:
    """Sign the written report and note the publication in the audit log."""
    from watchline.cli.signing import echo_signed
    from watchline.publish.signing import read_bundle
    from watchline.services import audit

    facts = read_bundle(echo_signed(path, key))
    details = {"sha256": facts.sha256, "size": facts.size, "key_id": facts.key_id}
    with db.transaction() as session:
        audit.record(session, audit.local_actor(), "publication.sign", "report", path.name, details)
