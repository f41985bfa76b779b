"""Cases remember their theatre: one database may hold several theatres.

Revision ID: 0005_case_theatre
Revises: 0004_cases
Create Date: 2026-12-02

Cases linked before this revision get NULL: the next `watchline link` fills it in.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_case_theatre"
down_revision = "0004_cases"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("theatre_id", sa.String(64), nullable=True))
    op.create_index("ix_cases_theatre_id", "cases", ["theatre_id"])


def downgrade() -> None:
    op.drop_index("ix_cases_theatre_id", table_name="cases")
    with op.batch_alter_table("cases") as batch:  # SQLite rebuilds the table
        batch.drop_column("theatre_id")
