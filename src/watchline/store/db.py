"""The database: engine, transactional sessions and schema migrations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from watchline.errors import Errors, WatchlineError
from watchline.store.sqlite_file import check_sqlite_file, sqlite_file

MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str, pool_size: int = 5) -> Engine:
    """An engine for `url`; SQLite files get foreign keys and WAL switched on (several
    processes may serve one file: readers never block the writer, writers wait their
    turn for up to 10 s). PostgreSQL keeps `pool_size` connections, twice as many more
    when busy."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=pool_size, max_overflow=2 * pool_size)


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


class Database:
    """One Watchline database. Nothing connects until a method needs to."""

    def __init__(self, url: str, pool_size: int = 5) -> None:
        self.url = url
        self.engine = make_engine(url, pool_size)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def init(self) -> None:
        """Create or upgrade the schema to the newest migrations (idempotent).

        Each capability keeps its own migration branch off `0001_core`, so the target is
        every head. What is not a Watchline database (another file, another program's
        SQLite, a newer schema) is refused before anything is written.
        """
        cfg = alembic_config(self.url)
        exists = self._check_file(must_exist=False)
        with self.errors_said_plainly():
            if exists:
                with self.engine.connect() as connection:
                    self._check_schema(connection)
            with self.engine.begin() as connection:
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, "heads")

    def is_current(self) -> bool:
        """Whether the schema is at every head this version knows (False if uninitialised)."""
        with self.errors_said_plainly(), self.engine.connect() as connection:
            current = self._check_schema(connection)
        return current == self._heads()

    def require_current(self) -> None:
        """Refuse to work on anything but a database `watchline init` has prepared.

        Every command that opens the database comes through here (or `init`), so a
        wrong file, a damaged one and a newer schema each get their own coded error.
        """
        self._check_file(must_exist=True)
        with self.errors_said_plainly(), self.engine.connect() as connection:
            current = self._check_schema(connection)
        if not current:
            raise WatchlineError(Errors.E006, url=self.safe_url)
        if current != self._heads():
            shown = ", ".join(sorted(current))
            raise WatchlineError(Errors.E022, url=self.safe_url, revision=shown)

    def _heads(self) -> set[str]:
        return set(ScriptDirectory.from_config(alembic_config(self.url)).get_heads())

    def _check_file(self, *, must_exist: bool) -> bool:
        """Check a SQLite file before SQLite opens it; True when it exists already."""
        path = sqlite_file(self.engine.url)
        return True if path is None else check_sqlite_file(path, must_exist=must_exist)

    def _check_schema(self, connection: Connection) -> set[str]:
        """The revisions the database is at; refuses ones this version does not know
        (a newer Watchline's) and SQLite files that hold another program's tables."""
        current = set(MigrationContext.configure(connection).get_current_heads())
        script = ScriptDirectory.from_config(alembic_config(self.url))
        known = {revision.revision for revision in script.walk_revisions()}
        unknown = sorted(current - known)
        if unknown:
            newest = ", ".join(sorted(script.get_heads()))
            raise WatchlineError(
                Errors.E016, url=self.safe_url, revision=", ".join(unknown), known=newest
            )
        if not current and self.dialect == "sqlite":
            tables = [t for t in inspect(connection).get_table_names() if t != "alembic_version"]
            if tables:
                shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
                raise WatchlineError(Errors.E017, path=self._where(), tables=shown)
        return current

    def _where(self) -> str:
        path = sqlite_file(self.engine.url)
        return str(path) if path is not None else self.safe_url

    @contextmanager
    def errors_said_plainly(self) -> Iterator[None]:
        """Driver errors as coded messages: a file SQLite cannot read as a database
        (E014), a damaged one (E015), one that cannot be opened or written (E011)."""
        try:
            yield
        except OperationalError as exc:
            raise WatchlineError(Errors.E011, url=self.safe_url, reason=exc.orig) from exc
        except DatabaseError as exc:
            reason = str(exc.orig)
            if "file is not a database" in reason:
                raise WatchlineError(Errors.E014, path=self._where(), reason=reason) from exc
            if "malformed" in reason or "corrupt" in reason:
                raise WatchlineError(Errors.E015, path=self._where(), reason=reason) from exc
            raise

    @property
    def safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together or not at all."""
        with self._sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
