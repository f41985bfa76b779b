"""What every command needs: settings, the database, clean error exits."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import wraps
from typing import ParamSpec, TypeVar

import typer

from watchline.errors import Errors, WatchlineError
from watchline.settings import Settings
from watchline.store import Database

P = ParamSpec("P")
R = TypeVar("R")


def settings() -> Settings:
    return Settings()


@contextmanager
def database(require_init: bool = True) -> Iterator[Database]:
    """The configured database; refuses one that 'watchline init' has not prepared."""
    db = Database(settings().database_url)
    try:
        if require_init:
            db.require_current()
        yield db
    finally:
        db.dispose()


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error to stderr and return the exit to raise."""
    typer.echo(f"watchline: {message}", err=True)
    return typer.Exit(code)


def handles_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn domain errors into a one-line message and exit status 1, no traceback."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except WatchlineError as exc:
            raise fail(exc.message) from None

    return wrapper


def parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise WatchlineError(Errors.E004, value=value, option=option) from None


def echo_err(message: str) -> None:
    print(message, file=sys.stderr)
