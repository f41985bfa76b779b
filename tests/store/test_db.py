"""The database opens, migrates idempotently and keeps geometry as WKT on both backends."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import shapely.wkt
from alembic.script import ScriptDirectory
from shapely.geometry import LineString
from sqlalchemy import Column, MetaData, String, Table, insert, select, text

from watchline.errors import WatchlineError
from watchline.store import Database
from watchline.store.db import alembic_config
from watchline.store.types import Geometry


def test_db_init_is_idempotent(db: Database) -> None:
    db.init()
    assert db.is_current()


def test_db_refuses_uninitialised(tmp_path) -> None:
    fresh = Database(f"sqlite:///{tmp_path / 'empty.db'}")
    with pytest.raises(WatchlineError) as err:
        fresh.require_current()
    assert err.value.code == "E006"
    assert "watchline init" in err.value.message


def test_db_geometry_round_trips_wkt(db: Database) -> None:
    meta = MetaData()
    table = Table(
        "geom_probe",
        meta,
        Column("id", String, primary_key=True),
        Column("g", Geometry("LINESTRING")),
    )
    meta.create_all(db.engine)
    with db.transaction() as session:
        session.execute(insert(table).values(id="a", g="LINESTRING (45 40, 46 41)"))
    with db.transaction() as session:
        wkt = session.execute(select(table.c.g)).scalar_one()
    assert shapely.wkt.loads(wkt).equals(LineString([(45, 40), (46, 41)]))


def test_db_transaction_rolls_back_on_error(db: Database) -> None:
    from watchline.store.tables import SourceRow

    with pytest.raises(RuntimeError), db.transaction() as session:
        session.add(SourceRow(kind="news", name="Probe"))
        session.flush()
        raise RuntimeError("boom")
    with db.transaction() as session:
        assert session.scalars(select(SourceRow)).all() == []


# --- What lies at the database path: every wrong thing has its own coded error. ---


def _code(db: Database, action: str = "require_current") -> WatchlineError:
    with pytest.raises(WatchlineError) as err:
        getattr(db, action)()
    db.dispose()
    return err.value


@pytest.mark.parametrize("action", ["require_current", "init"])
def test_db_refuses_a_file_that_is_not_a_database(tmp_path, action: str) -> None:
    path = tmp_path / "demo.db"
    notes = b"Patrol notes, Cyprus buffer zone sector 2: nothing unusual near Pyla.\n"
    path.write_bytes(notes)
    error = _code(Database(f"sqlite:///{path}"), action)
    assert error.code == "E014" and str(path) in error.message
    assert "not a SQLite database" in error.message and "watchline init" in error.message
    assert path.read_bytes() == notes  # init never writes into it
    assert not list(tmp_path.glob("demo.db-*"))  # nor leaves a journal beside it


def test_db_refuses_truncated_databases(db: Database, tmp_path) -> None:
    if db.dialect != "sqlite":
        pytest.skip("a file-level check")
    source = Path(db.engine.url.database or "")
    db.dispose()
    whole = source.read_bytes()
    for size in (60, len(whole) // 2):
        cut = tmp_path / f"cut-{size}.db"
        cut.write_bytes(whole[:size])
        for action in ("require_current", "init"):
            error = _code(Database(f"sqlite:///{cut}"), action)
            assert error.code == "E015" and "truncated" in error.message, error.message
        assert cut.stat().st_size == size


def _set_revision(db: Database, old: str, new: str) -> None:
    with db.engine.begin() as connection:
        connection.execute(
            text("UPDATE alembic_version SET version_num = :new WHERE version_num = :old"),
            {"new": new, "old": old},
        )
    db.dispose()


def _a_head(db: Database) -> str:
    return sorted(ScriptDirectory.from_config(alembic_config(db.url)).get_heads())[0]


def test_db_refuses_a_newer_schema_even_to_init(db: Database) -> None:
    _set_revision(db, _a_head(db), "0999_from_the_future")
    for action in ("require_current", "init"):
        error = _code(db, action)
        assert error.code == "E016" and "0999_from_the_future" in error.message
        assert "newer Watchline" in error.message and "Upgrade Watchline" in error.message


def test_db_an_older_schema_says_upgrade_with_init(db: Database) -> None:
    head = _a_head(db)
    script = ScriptDirectory.from_config(alembic_config(db.url))
    parent = script.get_revision(head).down_revision
    assert isinstance(parent, str)
    _set_revision(db, head, parent)
    error = _code(db)
    assert error.code == "E022" and "watchline init" in error.message


def test_db_refuses_another_programs_sqlite(tmp_path) -> None:
    path = tmp_path / "inventory.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE checkpoints (name TEXT, lat REAL, lon REAL)")
    for action in ("require_current", "init"):
        error = _code(Database(f"sqlite:///{path}"), action)
        assert error.code == "E017" and "checkpoints" in error.message
    with sqlite3.connect(path) as connection:
        tables = connection.execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == [("checkpoints",)]  # init created nothing in it


def test_db_refuses_a_folder_and_a_missing_file_is_not_created(tmp_path) -> None:
    error = _code(Database(f"sqlite:///{tmp_path}"))
    assert error.code == "E018" and "a folder" in error.message
    missing = tmp_path / "missing.db"
    error = _code(Database(f"sqlite:///{missing}"))
    assert error.code == "E006" and not missing.exists()
    nowhere = tmp_path / "no" / "such" / "folder.db"
    error = _code(Database(f"sqlite:///{nowhere}"), "init")
    assert error.code == "E011" and "does not exist" in error.message


def test_db_damage_found_later_is_a_coded_error(db: Database) -> None:
    if db.dialect != "sqlite":
        pytest.skip("a file-level check")
    path = Path(db.engine.url.database or "")
    db.dispose()
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 3] = b"\xa5" * (4096 * 2)  # pages 2 and 3 overwritten
    path.write_bytes(bytes(data))
    damaged = Database(f"sqlite:///{path}")
    with (
        pytest.raises(WatchlineError) as err,
        damaged.errors_said_plainly(),
        damaged.engine.connect() as connection,
    ):
        connection.execute(text("SELECT count(*) FROM documents")).all()
        connection.execute(text("PRAGMA integrity_check")).all()
    damaged.dispose()
    assert err.value.code == "E015", err.value.message
