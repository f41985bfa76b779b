"""Digests of incremental link and verify work (see store/tables/digests.py).

Revision ID: 0012_link
Revises: 0001_core
Create Date: 2026-12-04

An empty table means "nothing done yet": the next `watchline link` and `verify` do
everything once and remember what they saw.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_link"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "work_digests",
        sa.Column("scope", sa.String(16), primary_key=True),
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("details", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("work_digests")
