"""The Typer application every command module registers with."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="watchline",
    help="Watchline: set public claims against a monitoring mission's observations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from watchline import __version__

        typer.echo(f"watchline {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Watchline: set public claims against a monitoring mission's observations."""
