"""Extraction runs: which extractor version processed which document.

Revision ID: 0005_extractions
Revises: 0001_core
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_extractions"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "extractions",
        sa.Column(
            "document_id",
            sa.String(40),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("extractor_version", sa.String(32), nullable=False),
        sa.Column("extracted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claims", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("extractions")
