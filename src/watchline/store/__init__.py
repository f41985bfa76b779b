"""Storage: SQLAlchemy tables, repositories and Alembic migrations.

SQLite (one file) is the embedded default; PostgreSQL + PostGIS serves teams through the
same code. Geometry is WKT in Python, `geometry(…, 4326)` with GiST indexes on PostGIS,
and text plus bbox columns with an R*Tree index on SQLite.
"""

from watchline.store.db import Database

__all__ = ["Database"]
