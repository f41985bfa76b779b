"""Ingest: the HTTP cache that makes re-fetching feeds and pages conditional.

Revision ID: 0002_ingest
Revises: 0001_core
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_ingest"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "http_cache",
        sa.Column("url", sa.String(2000), primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("status", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64)),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("http_cache")
