"""Importing GeoNames dumps into the database: atomic per file, never duplicated."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from watchline.errors import InputError, WatchlineError
from watchline.geo.gazetteer.text import name_keys
from watchline.store import Database
from watchline.store.gazetteer import has_stored_places, import_dumps, stored_places

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "gazetteer" / "AM-sample.txt"


def test_gazetteer_store_import_is_idempotent(db: Database) -> None:
    assert not has_stored_places(db)
    first = import_dumps(db, [SAMPLE])[0]
    assert (first.lines, first.added, len(first.errors)) == (9, 6, 3)
    again = import_dumps(db, [SAMPLE])[0]
    assert again.added == 0
    places = {p.name: p for p in stored_places(db)}
    assert len(places) == 6
    assert places["Kirants"].id == "geonames:99900001"
    assert places["Kirants"].lat == 41.04


def test_gazetteer_store_geometry_is_a_point(db: Database) -> None:
    import_dumps(db, [SAMPLE])
    with db.engine.connect() as conn:
        if db.dialect == "postgresql":
            query = "SELECT ST_AsText(geom), ST_SRID(geom) FROM gazetteer_places"
            row = conn.execute(text(query + " WHERE geonames_id = 99900001")).one()
            assert tuple(row) == ("POINT(45.1 41.04)", 4326)
        else:
            query = "SELECT geom FROM gazetteer_places WHERE geonames_id = 99900001"
            assert conn.execute(text(query)).scalar() == "POINT (45.1 41.04)"


def test_gazetteer_store_bad_file_imports_nothing(db: Database, tmp_path: Path) -> None:
    bad = tmp_path / "XX.txt"
    bad.write_bytes(SAMPLE.read_bytes() + b"\xff broken tail\n")
    with pytest.raises(InputError) as info:
        import_dumps(db, [bad])
    assert info.value.code == "E003"
    assert not has_stored_places(db)


def test_gazetteer_store_missing_database_file_has_no_places(tmp_path: Path) -> None:
    missing = Database(f"sqlite:///{tmp_path / 'absent.db'}")
    assert stored_places(missing) == []
    assert not (tmp_path / "absent.db").exists()
    missing.dispose()


def test_gazetteer_store_loads_only_the_names_asked_for(db: Database) -> None:
    import_dumps(db, [SAMPLE])
    found = stored_places(db, name_keys("Fire near Karki and in Tavush Province."))
    assert sorted(p.name for p in found) == ["Tavush Province", "Tigranashen"]
    assert stored_places(db, set()) == []


def test_gazetteer_store_migration_backfills_names(tmp_path: Path) -> None:
    from alembic import command

    from watchline.store.db import alembic_config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    database = Database(url)
    database.init()
    with database.engine.begin() as connection:
        config = alembic_config(url)
        config.attributes["connection"] = connection
        command.downgrade(config, "0002_gazetteer")  # as before the name index existed
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO gazetteer_places (geonames_id, name, alt_names, lat, lon, precision,"
                " population, geom) VALUES (1, 'Kirants', '[\"Киранц\"]', 41.04, 45.1,"
                " 'village', 0, 'POINT (45.1 41.04)')"
            )
        )
    with pytest.raises(WatchlineError) as info:
        stored_places(database, {"kirants"})
    assert info.value.code == "E006"
    database.init()
    assert [p.name for p in stored_places(database, {"киранц"})] == ["Kirants"]
    database.dispose()
