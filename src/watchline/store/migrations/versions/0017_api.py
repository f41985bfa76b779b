"""The map of cases at archive scale: a spatial index on the case summaries' bbox.

Revision ID: 0017_api
Revises: 0011_views
Create Date: 2026-12-04

`/api/map/cases?bbox=…` asked for the cases whose area meets the view, newest first:
without a spatial index both databases walked every active case by date and compared
its bbox (5,000 cases: 11 ms on SQLite per map view). SQLite gets an R*Tree kept by
triggers, keyed by the summary's rowid; PostgreSQL a GiST index on the bbox as a box.
Existing summaries are indexed here.
"""

from alembic import op

revision = "0017_api"
down_revision = "0011_views"
branch_labels = None
depends_on = None

RTREE = "case_summaries_rtree"
VALUES = "new.rowid, new.min_lon, new.max_lon, new.min_lat, new.max_lat"
GUARD = "new.min_lon IS NOT NULL"

SQLITE = [
    f"CREATE VIRTUAL TABLE {RTREE} USING rtree(id, minx, maxx, miny, maxy)",
    f"CREATE TRIGGER {RTREE}_insert AFTER INSERT ON case_summaries WHEN {GUARD} BEGIN "
    f"INSERT INTO {RTREE} VALUES ({VALUES}); END",
    f"CREATE TRIGGER {RTREE}_update AFTER UPDATE ON case_summaries BEGIN "
    f"DELETE FROM {RTREE} WHERE id = old.rowid; "
    f"INSERT INTO {RTREE} SELECT {VALUES} WHERE {GUARD}; END",
    f"CREATE TRIGGER {RTREE}_delete AFTER DELETE ON case_summaries BEGIN "
    f"DELETE FROM {RTREE} WHERE id = old.rowid; END",
    f"INSERT INTO {RTREE} SELECT rowid, min_lon, max_lon, min_lat, max_lat "
    "FROM case_summaries WHERE min_lon IS NOT NULL",
]

POSTGRESQL = [
    "CREATE INDEX ix_case_summaries_bbox_gist ON case_summaries USING GIST "
    "(box(point(min_lon, min_lat), point(max_lon, max_lat)))",
]


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRESQL if postgresql else SQLITE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_case_summaries_bbox_gist")
        return
    for trigger in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {RTREE}_{trigger}")
    op.execute(f"DROP TABLE IF EXISTS {RTREE}")
