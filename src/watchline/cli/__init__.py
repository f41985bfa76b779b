"""Watchline's command line: a thin Typer layer over the library.

Each command module registers its commands with `watchline.cli.app.app`; each command
parses options and calls one library function.
"""

from __future__ import annotations

import importlib

from watchline.cli.app import app

COMMAND_MODULES = ("core", "claims", "ingest", "cases", "observe", "extract")


def _register() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(f"watchline.cli.{name}")


def main() -> None:
    _register()
    app()


_register()

__all__ = ["app", "main"]
