"""`watchline init`: create or upgrade the database."""

from __future__ import annotations

import typer

from watchline.cli.app import app
from watchline.cli.context import database, handles_errors


@app.command()
@handles_errors
def init() -> None:
    """Create the database (or upgrade it to the newest schema). Safe to run again."""
    with database(require_init=False) as db:
        db.init()
        typer.echo(f"Database ready: {db.safe_url}")
