"""Observations and photos in the database: added once, found by place and time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import shapely
from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from watchline.domain import Modality, Observation, ObservationType
from watchline.observe.coverage import observation_geometry
from watchline.observe.observations import observation_id
from watchline.observe.times import utc
from watchline.store.extent import in_box
from watchline.store.tables.patrols import ObservationRow, PhotoRow

BBox = tuple[float, float, float, float]


class ObservationRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(
        self,
        observation: Observation,
        *,
        bearing_deg: float | None = None,
        distance_m: float | None = None,
        source_file: str | None = None,
    ) -> tuple[str, bool]:
        """Store `observation`; one with the same content (or id) adds nothing."""
        oid = observation.id or observation_id(observation)
        existing = self.session.scalar(select(ObservationRow.id).where(ObservationRow.id == oid))
        if existing is not None:
            return existing, False
        geom = observation_geometry(observation)
        bounds = geom.bounds if geom is not None else (None,) * 4
        observed = utc(observation.observed_at)
        self.session.add(
            ObservationRow(
                id=oid,
                patrol_id=observation.patrol_id,
                type=str(observation.type),
                modality=str(observation.modality),
                observed_at=observed,
                observed_ts=observed.timestamp(),
                lat=observation.lat,
                lon=observation.lon,
                geom=geom.wkt if geom is not None else None,
                minx=bounds[0],
                miny=bounds[1],
                maxx=bounds[2],
                maxy=bounds[3],
                bearing_deg=bearing_deg,
                distance_m=distance_m,
                count=observation.count,
                equipment=observation.equipment,
                notes=observation.notes,
                media=list(observation.media),
                source_file=source_file,
            )
        )
        self.session.flush()
        return oid, True

    def get(self, observation_id: str) -> Observation | None:
        row = self.session.scalar(select(ObservationRow).where(ObservationRow.id == observation_id))
        return None if row is None else to_observation(row)

    def list(
        self,
        *,
        patrol_id: str | None = None,
        type: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[Observation]:
        """Observations by time, optionally of one patrol, type or time window."""
        query = select(ObservationRow).order_by(ObservationRow.observed_at, ObservationRow.id)
        if patrol_id is not None:
            query = query.where(ObservationRow.patrol_id == patrol_id)
        if type is not None:
            query = query.where(ObservationRow.type == type)
        if start is not None:
            query = query.where(ObservationRow.observed_ts >= utc(start).timestamp())
        if end is not None:
            query = query.where(ObservationRow.observed_ts <= utc(end).timestamp())
        return [to_observation(r) for r in self.session.scalars(query)]

    def in_area(self, bbox: BBox, start: datetime, end: datetime) -> list[Observation]:
        """Observations with a place meeting `bbox`, made during [start, end]."""
        return self._select(self._in_area(bbox, start, end))

    def without_place(
        self, patrol_ids: Sequence[str], start: datetime, end: datetime
    ) -> list[Observation]:
        """Observations of these patrols that have no place, made during [start, end]."""
        return self._select(self._without_place(patrol_ids, start, end)) if patrol_ids else []

    def for_coverage(
        self, bbox: BBox, start: datetime, end: datetime, patrol_ids: Sequence[str]
    ) -> list[Observation]:
        """`in_area` and `without_place` together, in one query."""
        where = self._in_area(bbox, start, end)
        if patrol_ids:
            where = or_(where, self._without_place(patrol_ids, start, end))
        return self._select(where)

    def _select(self, where: ColumnElement[bool]) -> list[Observation]:
        query = select(ObservationRow).where(where).order_by(ObservationRow.num)
        return [to_observation(r) for r in self.session.scalars(query)]

    def _in_area(self, bbox: BBox, start: datetime, end: datetime) -> ColumnElement[bool]:
        s, e = utc(start).timestamp(), utc(end).timestamp()
        row = ObservationRow
        during = (row.observed_ts >= s, row.observed_ts <= e)
        return in_box(self.session, row, row.geom, "observations_rtree", bbox, (s, e), *during)

    def _without_place(
        self, patrol_ids: Sequence[str], start: datetime, end: datetime
    ) -> ColumnElement[bool]:
        return and_(
            ObservationRow.patrol_id.in_(list(patrol_ids)),
            ObservationRow.minx.is_(None),
            ObservationRow.observed_ts >= utc(start).timestamp(),
            ObservationRow.observed_ts <= utc(end).timestamp(),
        )

    def add_photo(
        self,
        sha256: str,
        filename: str,
        raw: bytes,
        taken_at: datetime | None,
        lat: float | None,
        lon: float | None,
    ) -> bool:
        """Keep a photo once, content-addressed by its sha256; True when new."""
        if self.session.get(PhotoRow, sha256) is not None:
            return False
        self.session.add(
            PhotoRow(sha256=sha256, filename=filename, raw=raw, taken_at=taken_at, lat=lat, lon=lon)
        )
        self.session.flush()
        return True


def to_observation(row: ObservationRow) -> Observation:
    area = None
    if row.geom is not None and shapely.from_wkt(row.geom).geom_type != "Point":
        area = row.geom
    return Observation(
        id=row.id,
        type=ObservationType(row.type),
        observed_at=utc(row.observed_at),
        modality=Modality(row.modality),
        patrol_id=row.patrol_id,
        lat=row.lat,
        lon=row.lon,
        area=area,
        count=row.count,
        equipment=row.equipment,
        notes=row.notes or "",
        media=tuple(row.media or ()),
    )
