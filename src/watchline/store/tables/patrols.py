"""Patrols, their observations and photos.

Tracks are kept three ways: the full track as a LINESTRING geometry (what QGIS opens),
the points with their times as a packed float64 array (lon, lat, epoch seconds), and a
simplified copy with a precomputed visibility footprint for fast coverage queries. On
SQLite the bbox/time columns feed an R*Tree index kept in sync by triggers (see the
0003_patrols migration); on PostGIS the geometry columns carry GiST indexes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from watchline.store.base import Base
from watchline.store.types import Geometry


class PatrolRow(Base):
    __tablename__ = "patrols"

    num: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(40), unique=True)
    team: Mapped[str] = mapped_column(String(200))
    base: Mapped[str | None] = mapped_column(String(200))
    vehicle: Mapped[str | None] = mapped_column(String(200))
    visibility_m: Mapped[float | None] = mapped_column(Float)
    start_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    end_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    start_ts: Mapped[float] = mapped_column(Float)
    end_ts: Mapped[float] = mapped_column(Float)
    track: Mapped[str] = mapped_column(Geometry("LINESTRING"))
    extent: Mapped[str] = mapped_column(Geometry("POLYGON"))  # bbox grown by own visibility
    minx: Mapped[float] = mapped_column(Float)
    miny: Mapped[float] = mapped_column(Float)
    maxx: Mapped[float] = mapped_column(Float)
    maxy: Mapped[float] = mapped_column(Float)
    point_count: Mapped[int] = mapped_column(Integer)
    points: Mapped[bytes] = mapped_column(LargeBinary)
    simple_points: Mapped[bytes] = mapped_column(LargeBinary)
    footprint: Mapped[bytes | None] = mapped_column(LargeBinary)
    footprint_m: Mapped[float | None] = mapped_column(Float)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    raw_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source_file: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ObservationRow(Base):
    __tablename__ = "observations"

    num: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(40), unique=True)
    patrol_id: Mapped[str | None] = mapped_column(
        ForeignKey("patrols.id", ondelete="SET NULL"), index=True
    )
    type: Mapped[str] = mapped_column(String(32), index=True)
    modality: Mapped[str] = mapped_column(String(16))
    observed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    observed_ts: Mapped[float] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geom: Mapped[str | None] = mapped_column(Geometry("GEOMETRY"))
    minx: Mapped[float | None] = mapped_column(Float)
    miny: Mapped[float | None] = mapped_column(Float)
    maxx: Mapped[float | None] = mapped_column(Float)
    maxy: Mapped[float | None] = mapped_column(Float)
    bearing_deg: Mapped[float | None] = mapped_column(Float)
    distance_m: Mapped[float | None] = mapped_column(Float)
    count: Mapped[int | None] = mapped_column(Integer)
    equipment: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")
    media: Mapped[list[str]] = mapped_column(JSON, default=list)
    source_file: Mapped[str | None] = mapped_column(Text)


class PhotoRow(Base):
    __tablename__ = "photos"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    filename: Mapped[str] = mapped_column(Text)
    taken_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
