"""The hand-written migrations build exactly the schema the table models describe."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import watchline.store.tables  # noqa: F401  (registers every table)
from watchline.store import Database
from watchline.store.base import Base

# Not described by models: SQLite's R*Tree index and FTS5 tables, PostGIS's own catalogue,
# and the GiST and full-text GIN indexes that the migrations create on PostgreSQL only.
UNMODELLED = ("_rtree", "spatial_ref_sys", "_gist", "_fts")


def _meaningful(diff: object) -> bool:
    if isinstance(diff, tuple) and diff and diff[0] in ("remove_table", "remove_index"):
        return not any(marker in (diff[1].name or "") for marker in UNMODELLED)
    return True


# Reflection does not know PostGIS's type; the types themselves are not compared here.
@pytest.mark.filterwarnings("ignore:Did not recognize type 'geometry'")
def test_migrations_match_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        diffs = [d for d in compare_metadata(context, Base.metadata) if _meaningful(d)]
    assert diffs == [], "a table model and its migration disagree; write a migration"
