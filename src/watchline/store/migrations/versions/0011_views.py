"""Views at archive scale: case summaries and the indexes keyset pages walk.

Revision ID: 0011_views
Revises: 0004_cases
Create Date: 2026-12-04

`case_summaries` is derived data (claim counts, parties, date span, current status,
area bbox per case): it is filled here for the cases a database already holds, by the
same code that keeps it true afterwards (`watchline.store.case_summaries.refresh`).
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_views"
down_revision = "0004_cases"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_summaries",
        sa.Column(
            "case_id",
            sa.String(40),
            sa.ForeignKey("cases.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("claims_for", sa.Integer, nullable=False),
        sa.Column("claims_against", sa.Integer, nullable=False),
        sa.Column("claims_context", sa.Integer, nullable=False),
        sa.Column("copies", sa.Integer, nullable=False),
        sa.Column("parties_for", sa.JSON, nullable=False),
        sa.Column("parties_against", sa.JSON, nullable=False),
        sa.Column("parties", sa.Text, nullable=False),
        sa.Column("first_stated", sa.Date),
        sa.Column("last_stated", sa.Date),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("verdict_at", sa.DateTime(timezone=True)),
        sa.Column("min_lon", sa.Float),
        sa.Column("min_lat", sa.Float),
        sa.Column("max_lon", sa.Float),
        sa.Column("max_lat", sa.Float),
        sa.Column("search", sa.Text, nullable=False),
    )
    op.create_index("ix_case_summaries_status", "case_summaries", ["status"])
    op.create_index(
        "ix_case_summaries_bbox", "case_summaries", ["min_lon", "max_lon", "min_lat", "max_lat"]
    )
    op.create_index("ix_cases_active_start_id", "cases", ["active", "start", "id"])
    op.create_index("ix_claims_stated_on_id", "claims", ["stated_on", "id"])
    op.create_index("ix_documents_published_at_id", "documents", ["published_at", "id"])

    from watchline.store import case_summaries

    case_summaries.refresh(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_documents_published_at_id", table_name="documents")
    op.drop_index("ix_claims_stated_on_id", table_name="claims")
    op.drop_index("ix_cases_active_start_id", table_name="cases")
    op.drop_table("case_summaries")
