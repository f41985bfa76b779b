"""The box-and-time filter shared by the repositories whose rows carry an extent.

Patrols and observations both store a lon/lat bounding box (minx … maxy) and a time
range in an R-tree (SQLite) or a geometry with a GiST index (PostgreSQL). Both narrow a
query the same way: the index first, then the exact comparison on the row's columns.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, func, text
from sqlalchemy.orm import Session


def in_box(
    session: Session,
    row: Any,
    geom: Any,
    rtree: str,
    bbox: tuple[float, float, float, float],
    span: tuple[float, float],
    *during: ColumnElement[bool],
) -> ColumnElement[bool]:
    """Rows of `row` (a table with minx … maxy and num) overlapping `bbox` and `during`.

    `span` (start, end as POSIX seconds) narrows the SQLite R-tree `rtree` by its t0/t1;
    `geom` is the column the PostgreSQL `&&` operator compares with the box."""
    minx, miny, maxx, maxy = bbox
    s, e = span
    exact = and_(row.minx <= maxx, row.maxx >= minx, row.miny <= maxy, row.maxy >= miny, *during)
    if session.get_bind().dialect.name == "postgresql":
        envelope = func.ST_MakeEnvelope(minx, miny, maxx, maxy, 4326)
        return and_(geom.op("&&")(envelope), exact)
    ids = text(
        f"SELECT id FROM {rtree} WHERE minx <= :maxx AND maxx >= :minx "
        "AND miny <= :maxy AND maxy >= :miny AND t0 <= :e AND t1 >= :s"
    ).bindparams(minx=minx, miny=miny, maxx=maxx, maxy=maxy, s=s, e=e)
    return and_(row.num.in_(ids.columns(id=row.num.type)), exact)
