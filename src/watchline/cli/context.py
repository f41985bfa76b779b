"""What every command needs: settings, the database, clean error exits."""

from __future__ import annotations

import math
import stat
import sys
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import typer

from watchline.errors import Errors, InputError, WatchlineError
from watchline.files import file_kind

if TYPE_CHECKING:
    from watchline.settings import Settings
    from watchline.store import Database

P = ParamSpec("P")
R = TypeVar("R")


def settings() -> Settings:
    """The settings; a bad value (environment or watchline.toml) is a coded line."""
    from pydantic import ValidationError

    from watchline.settings import DEFAULT_CONFIG, Settings  # pydantic-settings: when used

    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = ".".join(str(part) for part in first["loc"]) or "settings"
        reason = str(first["msg"])[:120]
        raise WatchlineError(Errors.E023, name=name, reason=reason, env=name.upper()) from None
    except tomllib.TOMLDecodeError as exc:
        raise WatchlineError(Errors.E024, path=DEFAULT_CONFIG, reason=str(exc)[:120]) from None


@contextmanager
def database(require_init: bool = True) -> Iterator[Database]:
    """The configured database; refuses one that 'watchline init' has not prepared."""
    from watchline.store import Database  # alembic and SQLAlchemy: only when needed

    db = Database(settings().database_url)
    try:
        if require_init:
            db.require_current()
        with db.errors_said_plainly():
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


def parse_moment(value: str | None, option: str) -> date | datetime | None:
    """An ISO 8601 date (a `date`: day precision) or date-time (aware, in UTC).

    A date-time without an offset is read as UTC, as --help says.
    """
    if value is None:
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        reason = str(exc)
        if "offset" in reason:
            reason = "the UTC offset must lie within ±24 hours"
        reason = reason[:80] or "not ISO 8601"
        raise WatchlineError(Errors.E020, value=value[:80], option=option, reason=reason) from None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        reason = "out of range once turned into UTC"
        raise WatchlineError(Errors.E020, value=value[:80], option=option, reason=reason) from None


def refuse_special_files(*paths: Path) -> None:
    """Refuse, without opening it, a path that is a pipe, socket or device: reading a
    FIFO blocks until someone writes to it. Missing paths are left to the command."""
    for path in paths:
        try:
            mode = path.stat().st_mode
        except OSError:
            continue
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise InputError(Errors.E219, path=path, kind=file_kind(mode))


def finite_positive(param: typer.CallbackParam, value: float | None) -> float | None:
    """A Typer callback for distances: NaN, infinities, zero and negatives are refused."""
    if value is not None and not (math.isfinite(value) and value > 0):
        option = (param.opts or [param.name or "value"])[0]
        reason = "give a positive number of metres"
        raise typer.BadParameter(Errors.E021.format(option=option, value=value, reason=reason))
    return value


def echo_err(message: str) -> None:
    print(message, file=sys.stderr)
