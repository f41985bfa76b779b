"""Accounts: users with roles, API tokens and browser sessions (digests only).

Revision ID: 0006_accounts
Revises: 0001_core
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_accounts"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    for table in ("api_tokens", "web_sessions"):
        columns = [
            sa.Column("digest", sa.String(64), primary_key=True),
            sa.Column(
                "user_id",
                sa.Integer,
                sa.ForeignKey("users.id", ondelete="CASCADE"),
                nullable=False,
                index=True,
            ),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        ]
        if table == "api_tokens":
            columns.append(sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True))
        else:
            columns.append(sa.Column("csrf", sa.String(64), nullable=False))
            columns.append(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False))
        op.create_table(table, *columns)


def downgrade() -> None:
    op.drop_table("web_sessions")
    op.drop_table("api_tokens")
    op.drop_table("users")
