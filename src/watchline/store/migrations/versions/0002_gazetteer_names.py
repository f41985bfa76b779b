"""Gazetteer: an index of every folded name of the imported GeoNames entries.

Revision ID: 0002_gazetteer_names
Revises: 0002_gazetteer
Create Date: 2026-11-28

`watchline places` and the extractor look a text's names up here instead of loading a
whole allCountries import into memory.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_gazetteer_names"
down_revision = "0002_gazetteer"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gazetteer_names",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column(
            "geonames_id",
            sa.BigInteger,
            sa.ForeignKey("gazetteer_places.geonames_id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_index("ix_gazetteer_names_geonames_id", "gazetteer_names", ["geonames_id"])
    # Entries imported before this revision get their names now.
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT geonames_id, name, alt_names FROM gazetteer_places"))
    names = _names(rows)
    if names:
        table = sa.table("gazetteer_names", sa.column("key"), sa.column("geonames_id"))
        op.bulk_insert(table, names)


def _names(rows) -> list[dict]:
    import json

    from watchline.geo.gazetteer.index import fold

    found = set()
    for geonames_id, name, alt_names in rows:
        alternates = json.loads(alt_names) if isinstance(alt_names, str) else alt_names or []
        for each in (name, *alternates):
            if fold(each):
                found.add((fold(each)[:200], geonames_id))
    return [{"key": key, "geonames_id": gid} for key, gid in sorted(found)]


def downgrade() -> None:
    op.drop_table("gazetteer_names")
