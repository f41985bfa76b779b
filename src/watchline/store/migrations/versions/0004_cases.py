"""Cases, case membership, claim responses and the append-only verdict history.

Revision ID: 0004_cases
Revises: 0001_core
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from watchline.store.types import Geometry

revision = "0004_cases"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("event_type", sa.String(32), nullable=False),
        sa.Column("agent", sa.String(100)),
        sa.Column("start", sa.Date),
        sa.Column("end", sa.Date),
        sa.Column("area", Geometry("GEOMETRY")),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("place_ids", sa.JSON, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_cases_event_type", "cases", ["event_type"])
    op.create_index("ix_cases_start", "cases", ["start"])
    op.create_index("ix_cases_active", "cases", ["active"])
    op.create_table(
        "case_claims",
        sa.Column(
            "case_id",
            sa.String(40),
            sa.ForeignKey("cases.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "claim_id",
            sa.String(64),
            sa.ForeignKey("claims.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_case_claims_claim_id", "case_claims", ["claim_id"])
    op.create_table(
        "claim_responses",
        sa.Column(
            "claim_id",
            sa.String(64),
            sa.ForeignKey("claims.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "answers", sa.String(64), sa.ForeignKey("claims.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("kind", sa.String(16), nullable=False),
    )
    op.create_index("ix_claim_responses_answers", "claim_responses", ["answers"])
    op.create_table(
        "verdicts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(40), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("rationale", sa.Text, nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("coverage", sa.JSON),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_verdicts_case_id", "verdicts", ["case_id"])
    op.create_index("ix_verdicts_created_at", "verdicts", ["created_at"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_cases_area_gist ON cases USING GIST (area)")


def downgrade() -> None:
    op.drop_table("verdicts")
    op.drop_table("claim_responses")
    op.drop_table("case_claims")
    op.drop_table("cases")
