"""Patrols, observations and photos, with spatial and time indexes.

On PostgreSQL the track, its extent (bbox grown by the patrol's own visibility, what
candidate searches use: five vertices, never detoasted) and observation geometries get
GiST indexes. SQLite here cannot
load SpatiaLite, so each spatial table gets an R*Tree over (x, y, time) fed from its bbox
and time columns by triggers; the R*Tree key is the row's integer `num`.

Revision ID: 0003_patrols
Revises: 0001_core
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from watchline.store.types import Geometry

revision = "0003_patrols"
down_revision = "0001_core"
branch_labels = None
depends_on = None

RTREES = {
    # table: (rtree, time column used as both ends, or (start, end) columns)
    "patrols": ("patrols_rtree", ("start_ts", "end_ts")),
    "observations": ("observations_rtree", ("observed_ts", "observed_ts")),
}


def upgrade() -> None:
    tz = sa.DateTime(timezone=True)
    op.create_table(
        "patrols",
        sa.Column("num", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(40), nullable=False, unique=True),
        sa.Column("team", sa.String(200), nullable=False),
        sa.Column("base", sa.String(200)),
        sa.Column("vehicle", sa.String(200)),
        sa.Column("visibility_m", sa.Float),
        sa.Column("start_at", tz, nullable=False),
        sa.Column("end_at", tz, nullable=False),
        sa.Column("start_ts", sa.Float, nullable=False),
        sa.Column("end_ts", sa.Float, nullable=False),
        sa.Column("track", Geometry("LINESTRING"), nullable=False),
        sa.Column("extent", Geometry("POLYGON"), nullable=False),
        *(sa.Column(c, sa.Float, nullable=False) for c in ("minx", "miny", "maxx", "maxy")),
        sa.Column("point_count", sa.Integer, nullable=False),
        sa.Column("points", sa.LargeBinary, nullable=False),
        sa.Column("simple_points", sa.LargeBinary, nullable=False),
        sa.Column("footprint", sa.LargeBinary),
        sa.Column("footprint_m", sa.Float),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("raw_sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("source_file", sa.Text),
        sa.Column("imported_at", tz, nullable=False),
    )
    op.create_index("ix_patrols_start_at", "patrols", ["start_at"])
    op.create_index("ix_patrols_end_at", "patrols", ["end_at"])
    op.create_table(
        "observations",
        sa.Column("num", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(40), nullable=False, unique=True),
        sa.Column("patrol_id", sa.String(40), sa.ForeignKey("patrols.id", ondelete="SET NULL")),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("observed_at", tz, nullable=False),
        sa.Column("observed_ts", sa.Float, nullable=False),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("geom", Geometry("GEOMETRY")),
        *(sa.Column(c, sa.Float) for c in ("minx", "miny", "maxx", "maxy")),
        sa.Column("bearing_deg", sa.Float),
        sa.Column("distance_m", sa.Float),
        sa.Column("count", sa.Integer),
        sa.Column("equipment", sa.Text),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("media", sa.JSON, nullable=False),
        sa.Column("source_file", sa.Text),
    )
    for column in ("patrol_id", "type", "observed_at"):
        op.create_index(f"ix_observations_{column}", "observations", [column])
    op.create_table(
        "photos",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("filename", sa.Text, nullable=False),
        sa.Column("taken_at", tz),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("raw", sa.LargeBinary, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_patrols_track_gist ON patrols USING GIST (track)")
        op.execute("CREATE INDEX ix_patrols_extent_gist ON patrols USING GIST (extent)")
        op.execute("CREATE INDEX ix_observations_geom_gist ON observations USING GIST (geom)")
    else:
        for table, (rtree, times) in RTREES.items():
            _sqlite_rtree(table, rtree, times)


def _sqlite_rtree(table: str, rtree: str, times: tuple[str, str]) -> None:
    t0, t1 = times
    op.execute(f"CREATE VIRTUAL TABLE {rtree} USING rtree(id, minx, maxx, miny, maxy, t0, t1)")
    values = f"new.num, new.minx, new.maxx, new.miny, new.maxy, new.{t0}, new.{t1}"
    guard = "WHEN new.minx IS NOT NULL"
    op.execute(
        f"CREATE TRIGGER {rtree}_insert AFTER INSERT ON {table} {guard} BEGIN "
        f"INSERT INTO {rtree} VALUES ({values}); END"
    )
    op.execute(
        f"CREATE TRIGGER {rtree}_update AFTER UPDATE ON {table} BEGIN "
        f"DELETE FROM {rtree} WHERE id = old.num; "
        f"INSERT INTO {rtree} SELECT {values} WHERE new.minx IS NOT NULL; END"
    )
    op.execute(
        f"CREATE TRIGGER {rtree}_delete AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM {rtree} WHERE id = old.num; END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        for rtree, _ in RTREES.values():
            op.execute(f"DROP TABLE IF EXISTS {rtree}")
    op.drop_table("photos")
    op.drop_table("observations")
    op.drop_table("patrols")
