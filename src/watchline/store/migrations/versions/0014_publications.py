"""Statements drafted from verdicts and published by the mission.

Revision ID: 0014_publications
Revises: 0001_core
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_publications"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "publications",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("case_id", sa.String(64), nullable=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("verdict_status", sa.String(32), nullable=True),
        sa.Column("drafted_by", sa.String(128), nullable=False),
        sa.Column("drafted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.String(128), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("signature", sa.Text, nullable=True),
    )
    op.create_index("ix_publications_case_id", "publications", ["case_id"])
    op.create_index("ix_publications_status", "publications", ["status"])
    op.create_index("ix_publications_published_at", "publications", ["published_at"])


def downgrade() -> None:
    op.drop_table("publications")
