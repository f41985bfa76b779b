"""Core tables: sources, documents, claims.

Revision ID: 0001_core
Revises:
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # Geometry columns need PostGIS; a role without the right to create it gets a clear
        # error here, before any table exists ("CREATE EXTENSION postgis" as a superuser).
        op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("handle", sa.String(300)),
        sa.Column("speaks_for", sa.String(100)),
        sa.UniqueConstraint("kind", "name", name="uq_sources_kind_name"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("key", sa.String(600), nullable=False),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("published_at", sa.DateTime(timezone=True)),
        sa.Column("retrieved_at", sa.DateTime(timezone=True)),
        sa.Column("language", sa.String(16)),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("text_sha256", sa.String(64)),
        sa.Column("revised_at", sa.DateTime(timezone=True)),
        sa.Column("forwarded_from", sa.Text),
        sa.Column("reply_to", sa.Text),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("previous_id", sa.String(40), sa.ForeignKey("documents.id")),
        sa.Column("media", sa.JSON, nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.UniqueConstraint("key", "version", name="uq_documents_key_version"),
    )
    op.create_index("ix_documents_source_id", "documents", ["source_id"])
    op.create_index("ix_documents_published_at", "documents", ["published_at"])
    op.create_index("ix_documents_sha256", "documents", ["sha256"])
    op.create_table(
        "claims",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "document_id",
            sa.String(40),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("speaker_text", sa.Text, nullable=False),
        sa.Column("speaker_start", sa.Integer, nullable=False),
        sa.Column("speaker_end", sa.Integer, nullable=False),
        sa.Column("actor_id", sa.String(100)),
        sa.Column("affiliation", sa.String(16)),
        sa.Column("act", sa.String(16), nullable=False),
        sa.Column("cue_text", sa.Text, nullable=False),
        sa.Column("cue_start", sa.Integer, nullable=False),
        sa.Column("cue_end", sa.Integer, nullable=False),
        sa.Column("content_text", sa.Text, nullable=False),
        sa.Column("content_start", sa.Integer, nullable=False),
        sa.Column("content_end", sa.Integer, nullable=False),
        sa.Column("direct_quote", sa.Boolean, nullable=False),
        sa.Column("stated_on", sa.Date),
        sa.Column("event_type", sa.String(32), nullable=False),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("event", sa.JSON, nullable=False),
        sa.Column("responds_to", sa.String(64)),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
    )
    for column in ("document_id", "actor_id", "affiliation", "stated_on", "event_type"):
        op.create_index(f"ix_claims_{column}", "claims", [column])


def downgrade() -> None:
    op.drop_table("claims")
    op.drop_table("documents")
    op.drop_table("sources")
