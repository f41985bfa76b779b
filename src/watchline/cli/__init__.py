"""Watchline's command line: a thin Typer layer over the library.

Each command module registers its commands with `watchline.cli.app.app`; each command
parses options and calls one library function.
"""

from __future__ import annotations

import importlib
import sys

import typer

from watchline.cli.app import app

COMMAND_MODULES = (
    "core",
    "claims",
    "ingest",
    "cases",
    "observe",
    "extract",
    "gazetteer",
    "users",
    "audit",
    "signing",
    "publish",
    "export",
    "review",
)


def _register() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(f"watchline.cli.{name}")


def main() -> None:
    """Run the CLI; a usage mistake is one line on stderr and exit status 2."""
    _register()
    try:
        result = app(standalone_mode=False)
    except typer.Abort:
        print("watchline: aborted.", file=sys.stderr)
        sys.exit(1)
    except Exception as exc:
        # Typer vendors click, so its UsageError family is recognised by name.
        if not any(k.__name__ == "UsageError" for k in type(exc).__mro__):
            raise
        if type(exc).__name__ == "NoArgsIsHelpError":
            print(exc.ctx.get_help() if getattr(exc, "ctx", None) else exc)
            sys.exit(0)
        context = getattr(exc, "ctx", None)
        command = context.command_path if context is not None else "watchline"
        print(f"watchline: {exc.format_message()} See '{command} --help'.", file=sys.stderr)
        sys.exit(getattr(exc, "exit_code", 2))
    sys.exit(result if isinstance(result, int) else 0)


_register()

__all__ = ["app", "main"]
