"""Gazetteer: GeoNames dump entries imported with 'watchline gazetteer import'.

Revision ID: 0002_gazetteer
Revises: 0001_core
Create Date: 2026-11-28

On PostgreSQL the point geometry gets a GiST index so QGIS and spatial queries can use it.
"""

import sqlalchemy as sa
from alembic import op

from watchline.store.types import Geometry

revision = "0002_gazetteer"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gazetteer_places",
        sa.Column("geonames_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("alt_names", sa.JSON, nullable=False),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
        sa.Column("precision", sa.String(16), nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("feature_kind", sa.String(16)),
        sa.Column("population", sa.BigInteger, nullable=False),
        sa.Column("geom", Geometry("POINT"), nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("line", sa.Integer),
    )
    op.create_index("ix_gazetteer_places_name", "gazetteer_places", ["name"])
    op.create_index("ix_gazetteer_places_country", "gazetteer_places", ["country"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_gazetteer_places_geom_gist ON gazetteer_places USING GIST (geom)"
        )


def downgrade() -> None:
    op.drop_table("gazetteer_places")
