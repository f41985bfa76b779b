"""Review: claim corrections, case merges and splits, workflow state and case history.

Revision ID: 0007_review
Revises: 0001_core
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_review"
down_revision = "0001_core"
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "claim_corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("claim_key", sa.String(200), nullable=False, index=True),
        sa.Column("claim_id", sa.String(64), nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("engine_value", sa.JSON, nullable=True),
        sa.Column("old_value", sa.JSON, nullable=True),
        sa.Column("value", sa.JSON, nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("created_at", STAMP, nullable=False, index=True),
    )
    op.create_table(
        "case_decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("case_id", sa.String(40), nullable=False, index=True),
        sa.Column("other", sa.String(200), nullable=False),
        sa.Column("case_key", sa.String(200), nullable=True),
        sa.Column("other_key", sa.String(200), nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
    )
    op.create_table(
        "case_reviews",
        sa.Column("case_id", sa.String(40), primary_key=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("assignee", sa.String(64), nullable=True),
        sa.Column("updated_at", STAMP, nullable=False),
    )
    op.create_table(
        "case_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(40), nullable=False, index=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("old", sa.Text, nullable=True),
        sa.Column("new", sa.Text, nullable=True),
        sa.Column("text", sa.Text, nullable=True),
        sa.Column("created_at", STAMP, nullable=False, index=True),
    )


def downgrade() -> None:
    for table in ("case_events", "case_reviews", "case_decisions", "claim_corrections"):
        op.drop_table(table)
