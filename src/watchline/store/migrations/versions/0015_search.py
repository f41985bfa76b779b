"""Full-text search over claims and documents: SQLite FTS5 tables kept by triggers,
PostgreSQL GIN indexes on `to_tsvector('simple', …)` (no language stemming: the archive
mixes languages and names).

Revision ID: 0015_search
Revises: 0001_core
Create Date: 2026-12-04
"""

from alembic import op

revision = "0015_search"
down_revision = "0001_core"
branch_labels = None
depends_on = None

TOKENIZE = "unicode61 remove_diacritics 2"

SQLITE = [
    f"""CREATE VIRTUAL TABLE claims_fts USING fts5(content_text, content='claims',
        content_rowid='rowid', tokenize='{TOKENIZE}')""",
    """CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, content_text) VALUES (new.rowid, new.content_text); END""",
    """CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, content_text)
        VALUES ('delete', old.rowid, old.content_text); END""",
    """CREATE TRIGGER claims_fts_update AFTER UPDATE OF content_text ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, content_text)
        VALUES ('delete', old.rowid, old.content_text);
        INSERT INTO claims_fts(rowid, content_text) VALUES (new.rowid, new.content_text); END""",
    "INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')",
    f"""CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents',
        content_rowid='rowid', tokenize='{TOKENIZE}')""",
    """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END""",
    """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text); END""",
    """CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END""",
    "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
]

POSTGRES = [
    "CREATE INDEX ix_claims_fts ON claims USING gin (to_tsvector('simple', content_text))",
    """CREATE INDEX ix_documents_fts ON documents
        USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text))""",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in SQLITE if dialect == "sqlite" else POSTGRES:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("claims", "documents"):
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {name}_fts_{event}")
            op.execute(f"DROP TABLE IF EXISTS {name}_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_claims_fts")
        op.execute("DROP INDEX IF EXISTS ix_documents_fts")
