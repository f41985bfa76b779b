"""`watchline extract FILE`: the claims of one text, as a table or the contract JSON."""

from __future__ import annotations

import json
import logging
from datetime import datetime, time
from pathlib import Path

import typer

from watchline.cli.app import app
from watchline.cli.context import handles_errors, parse_day, refuse_special_files, settings
from watchline.errors import Errors, InputError

FORMATS = ("table", "json")
LANGUAGES = ("en", "ru")


@app.command()
@handles_errors
def extract(
    file: Path = typer.Argument(..., help="A UTF-8 text file (one document)."),
    published_on: str | None = typer.Option(
        None,
        "--published-on",
        help="Publication date, YYYY-MM-DD (resolves 'on Sunday'; without it relative "
        "dates stay unresolved, with warning W101).",
    ),
    format: str = typer.Option("table", "--format", help="table (readable) or json (contract)."),
    theatre: str | None = typer.Option(
        None, "--theatre", help="Theatre profile name or YAML path (default: from settings)."
    ),
    language: str | None = typer.Option(
        None, "--language", help="en or ru (default: detected from the text)."
    ),
) -> None:
    """Extract attributed claims from FILE. Needs no database."""
    from watchline.extract.document import extract_file

    if format not in FORMATS:
        raise InputError(Errors.E005, value=format, options=", ".join(FORMATS))
    if language is not None and language not in LANGUAGES:
        raise InputError(Errors.E005, value=language, options=", ".join(LANGUAGES))
    refuse_special_files(file)  # a FIFO would block the read
    day = parse_day(published_on, "--published-on")
    config = settings()
    # The warnings are printed below, once each; without a handler of its own the
    # extractor's logger would print them a second time through logging's last resort.
    quiet = logging.NullHandler()
    logger = logging.getLogger("watchline.extract")
    logger.addHandler(quiet)
    try:
        result = extract_file(
            file,
            day,
            theatre=theatre or config.theatre,
            strict_theatre=theatre is not None,
            actors_file=config.actors_file,
            language=language,
        )
    finally:
        logger.removeHandler(quiet)
    if format == "json":
        published_at = datetime.combine(day, time()) if day else None
        typer.echo(json.dumps(result.contract(published_at), ensure_ascii=False))
        return
    from rich.console import Console

    from watchline.extract.contract import claims_table

    console = Console()
    console.print(claims_table(result.claims, title=f"{file.name}: {len(result.claims)} claims"))
    for warning in result.warnings:
        typer.echo(warning, err=True)
