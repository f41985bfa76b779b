"""Shared fixtures: a real, freshly migrated database per test.

`db` runs each test on SQLite (a file in the test's temp dir) and, when
WATCHLINE_TEST_DATABASE_URL names a PostgreSQL + PostGIS server, also on a fresh
PostgreSQL database cloned from a migrated template.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from watchline.store import Database

PG_URL = os.environ.get("WATCHLINE_TEST_DATABASE_URL")
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _admin_engine():
    url = make_url(PG_URL).set(database="postgres")
    return create_engine(url, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated PostGIS database that each test clones (fast, isolated)."""
    if not PG_URL:
        pytest.skip("set WATCHLINE_TEST_DATABASE_URL to run PostgreSQL tests")
    name = f"wl_template_{uuid.uuid4().hex[:8]}"
    admin = _admin_engine()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))
    engine.dispose()
    db = Database(url)
    db.init()
    db.dispose()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _pg_database(template: str) -> Iterator[Database]:
    name = f"wl_test_{uuid.uuid4().hex[:10]}"
    admin = _admin_engine()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    db = Database(url)
    try:
        yield db
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty database: SQLite always, PostgreSQL when a URL is given."""
    if request.param == "sqlite":
        database = Database(f"sqlite:///{tmp_path / 'watchline.db'}")
        database.init()
        yield database
        database.dispose()
    else:
        template = request.getfixturevalue("pg_template")
        yield from _pg_database(template)


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """A migrated SQLite database only, for tests that do not depend on the backend."""
    database = Database(f"sqlite:///{tmp_path / 'watchline.db'}")
    database.init()
    yield database
    database.dispose()


@pytest.fixture
def db_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point the CLI at a fresh SQLite file (not yet initialised) and return its URL."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("WATCHLINE_DATABASE_URL", url)
    monkeypatch.chdir(tmp_path)
    return url


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory):
    """The whole demo loop, run once per test session into its own folder."""
    from watchline.services.demo import run_demo

    out = tmp_path_factory.mktemp("demo")
    return run_demo(out, say=lambda _line: None)


@pytest.fixture
def make_archive():
    """`make_archive(db, claims=400, cases=40)`: the API benchmark's generated archive
    (documents, claims, cases with areas, one verdict each; claims a multiple of 4) in
    `db`; returns its Archive (case ids and an analyst's API token)."""
    import sys

    benchmarks = str(Path(__file__).parents[1] / "benchmarks")
    if benchmarks not in sys.path:
        sys.path.insert(0, benchmarks)
    from bench_api import load_archive

    def build(db: Database, claims: int = 400, cases: int = 40):
        return load_archive(db, claims, cases)

    return build
