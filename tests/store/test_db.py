"""The database opens, migrates idempotently and keeps geometry as WKT on both backends."""

from __future__ import annotations

import pytest
import shapely.wkt
from shapely.geometry import LineString
from sqlalchemy import Column, MetaData, String, Table, insert, select

from watchline.errors import WatchlineError
from watchline.store import Database
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
