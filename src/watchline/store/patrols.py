"""Patrols in the database: store once per raw file, find by place and time, coverage.

Candidate search is index-driven: an R*Tree over (x, y, time) on SQLite, the GiST index
on the track plus the time indexes on PostGIS. Coverage then runs on the simplified
tracks and precomputed footprints of the candidates only.
"""

from __future__ import annotations

import hashlib
import math
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import shapely
from sqlalchemy import ColumnElement, select, text
from sqlalchemy.orm import Session

from watchline.domain import Coverage, Patrol
from watchline.geo.geometry import LocalProjection
from watchline.observe.coverage import (
    PatrolTrack,
    area_geometry,
    coverage_of_tracks,
    footprint_of,
)
from watchline.observe.times import utc
from watchline.observe.tracks import TrackArrays
from watchline.store.extent import in_box
from watchline.store.observations import ObservationRepository
from watchline.store.tables.patrols import PatrolRow

SIMPLIFY_M = 25.0  # tolerance of the coverage copy of a track: far below any visibility
DEFAULT_VISIBILITY_M = 2000.0
METRES_PER_DEGREE = 111_320.0
BBox = tuple[float, float, float, float]  # minx, miny, maxx, maxy (lon/lat)


def pack(track: TrackArrays) -> bytes:
    return np.column_stack((track.lon, track.lat, track.t)).astype("<f8").tobytes()


def unpack(blob: bytes) -> TrackArrays:
    data = np.frombuffer(blob, dtype="<f8").reshape(-1, 3)
    return TrackArrays(data[:, 0], data[:, 1], data[:, 2])


def expand(bbox: BBox, metres: float) -> BBox:
    """`bbox` grown by `metres` on every side."""
    minx, miny, maxx, maxy = bbox
    dy = metres / METRES_PER_DEGREE
    lat = max(abs(miny), abs(maxy))
    dx = metres / (METRES_PER_DEGREE * max(0.01, math.cos(math.radians(min(lat + dy, 89.9)))))
    return minx - dx, miny - dy, maxx + dx, maxy + dy


_COLUMNS = "p.id, p.visibility_m, p.simple_points, p.footprint, p.footprint_m"
_EXACT = (
    "p.minx <= :maxx AND p.maxx >= :minx AND p.miny <= :maxy AND p.maxy >= :miny "
    "AND p.start_ts <= :e AND p.end_ts >= :s"
)
CANDIDATES_SQLITE = text(
    f"SELECT {_COLUMNS} FROM patrols_rtree r JOIN patrols p ON p.num = r.id "
    "WHERE r.minx <= :maxx AND r.maxx >= :minx AND r.miny <= :maxy AND r.maxy >= :miny "
    f"AND r.t0 <= :e AND r.t1 >= :s AND {_EXACT} ORDER BY p.num"
)
CANDIDATES_PG = text(
    f"SELECT {_COLUMNS} FROM patrols p "
    "WHERE p.extent && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326) "
    f"AND {_EXACT} ORDER BY p.num"
)


class PatrolRepository:
    """Patrols of one session; `default_visibility_m` sizes the stored footprints."""

    def __init__(self, session: Session, default_visibility_m: float = DEFAULT_VISIBILITY_M):
        self.session = session
        self.default_visibility_m = default_visibility_m

    def add(self, patrol: Patrol, raw: bytes) -> tuple[str, bool]:
        """Store `patrol` with its raw file; the same file again adds nothing."""
        sha = hashlib.sha256(raw).hexdigest()
        existing = self.session.scalar(select(PatrolRow.id).where(PatrolRow.raw_sha256 == sha))
        if existing is not None:
            return existing, False
        pid = patrol.id or f"patrol-{sha[:12]}"
        self.session.add(self._row(patrol, pid, sha, raw))
        self.session.flush()
        return pid, True

    def _row(self, patrol: Patrol, pid: str, sha: str, raw: bytes) -> PatrolRow:
        track = TrackArrays.of(patrol.track)
        proj = LocalProjection(float(np.mean(track.lat)))
        simple = track.simplified(proj.kx, proj.ky, SIMPLIFY_M)
        vis = patrol.visibility_m or self.default_visibility_m
        footprint = footprint_of(simple.line(), vis, proj)
        coords = np.column_stack((track.lon, track.lat))
        bounds = (track.lon.min(), track.lat.min(), track.lon.max(), track.lat.max())
        reach = tuple(float(v) for v in expand(bounds, patrol.visibility_m or 0.0))
        if len(coords) == 1:
            coords = np.vstack((coords, coords))
        return PatrolRow(
            id=pid,
            team=patrol.team,
            base=patrol.base,
            vehicle=patrol.vehicle,
            visibility_m=patrol.visibility_m,
            start_at=utc(patrol.start),
            end_at=utc(patrol.end),
            start_ts=float(track.t[0]),
            end_ts=float(track.t[-1]),
            track=shapely.LineString(coords).wkt,
            minx=reach[0],
            miny=reach[1],
            maxx=reach[2],
            maxy=reach[3],
            extent=shapely.box(*reach).wkt,
            point_count=len(track),
            points=pack(track),
            simple_points=pack(simple),
            footprint=shapely.to_wkb(footprint),
            footprint_m=vis,
            raw=raw,
            raw_sha256=sha,
            source_file=patrol.source_file,
            imported_at=datetime.now(UTC),
        )

    def get(self, patrol_id: str) -> Patrol | None:
        row = self.session.scalar(select(PatrolRow).where(PatrolRow.id == patrol_id))
        return None if row is None else to_patrol(row)

    def find(self, ref: str) -> Patrol | None:
        """The patrol with id `ref`, or else the one imported from a file named `ref`."""
        found = self.get(ref)
        if found is not None:
            return found
        query = select(PatrolRow).where(PatrolRow.source_file == Path(ref).name)
        rows = self.session.scalars(query.order_by(PatrolRow.num.desc()).limit(1)).all()
        return to_patrol(rows[0]) if rows else None

    def from_file(self, name: str) -> list[Patrol]:
        """Every patrol imported from a file named `name` (a folder part is ignored)."""
        query = select(PatrolRow).where(PatrolRow.source_file == Path(name).name)
        return [to_patrol(r) for r in self.session.scalars(query.order_by(PatrolRow.num))]

    def overlapping(self, start: datetime, end: datetime) -> list[Patrol]:
        """Every patrol whose time meets [start, end], by start time (findings look up
        a team's patrols of one day with it)."""
        s, e = utc(start).timestamp(), utc(end).timestamp()
        query = select(PatrolRow).where(PatrolRow.start_ts <= e, PatrolRow.end_ts >= s)
        rows = self.session.scalars(query.order_by(PatrolRow.start_at, PatrolRow.id))
        return [to_patrol(r) for r in rows]

    def list(self, *, with_track: bool = True) -> list[Patrol]:
        """Every patrol by start time; `with_track=False` leaves the tracks empty."""
        rows = self.session.scalars(select(PatrolRow).order_by(PatrolRow.start_at, PatrolRow.id))
        return [to_patrol(r, with_track=with_track) for r in rows]

    def raw_of(self, patrol_id: str) -> bytes | None:
        return self.session.scalar(select(PatrolRow.raw).where(PatrolRow.id == patrol_id))

    def candidates(self, bbox: BBox, start: datetime, end: datetime) -> list[Patrol]:
        """Patrols whose reach (track bbox grown by the patrol's own visibility, if it
        has one) meets `bbox` and whose time meets [start, end]."""
        query = select(PatrolRow).where(self._near(bbox, start, end)).order_by(PatrolRow.num)
        return [to_patrol(r) for r in self.session.scalars(query)]

    def candidate_tracks(self, bbox: BBox, start: datetime, end: datetime) -> list[PatrolTrack]:
        """Like `candidates`, as simplified tracks with their footprints, for coverage.

        This runs once per coverage query, so it is one plain SQL statement."""
        minx, miny, maxx, maxy = bbox
        params = {
            "minx": minx,
            "miny": miny,
            "maxx": maxx,
            "maxy": maxy,
            "s": utc(start).timestamp(),
            "e": utc(end).timestamp(),
        }
        pg = self.session.get_bind().dialect.name == "postgresql"
        rows = self.session.execute(CANDIDATES_PG if pg else CANDIDATES_SQLITE, params)
        return [
            PatrolTrack(pid, unpack(simple), vis, shapely.from_wkb(fp) if fp else None, fp_m)
            for pid, vis, simple, fp, fp_m in rows
        ]

    def _near(self, bbox: BBox, start: datetime, end: datetime) -> ColumnElement[bool]:
        s, e = utc(start).timestamp(), utc(end).timestamp()
        row = PatrolRow
        during = (row.start_ts <= e, row.end_ts >= s)
        return in_box(self.session, row, row.extent, "patrols_rtree", bbox, (s, e), *during)

    def observations_in(self, bbox: BBox, start: datetime, end: datetime) -> list:
        """Observations in `bbox` during [start, end] (see ObservationRepository)."""
        return ObservationRepository(self.session).in_area(bbox, start, end)


def to_patrol(row: PatrolRow, *, with_track: bool = True) -> Patrol:
    return Patrol(
        id=row.id,
        team=row.team,
        start=utc(row.start_at),
        end=utc(row.end_at),
        track=unpack(row.points).points() if with_track else (),
        base=row.base,
        vehicle=row.vehicle,
        visibility_m=row.visibility_m,
        raw_sha256=row.raw_sha256,
        source_file=row.source_file,
    )


def coverage_of(
    session: Session,
    area_wkt: str,
    start: datetime,
    end: datetime,
    visibility_m: float,
    *,
    min_minutes: float = 0.0,
) -> Coverage:
    """Coverage of an area (WKT: point, line or polygon) in [start, end] by the stored
    patrols, with the observations inside it; patrols' own visibility wins."""
    area = area_geometry(area_wkt)
    repo = PatrolRepository(session, visibility_m)
    tracks = repo.candidate_tracks(expand(area.bounds, visibility_m), start, end)
    found = ObservationRepository(session).for_coverage(
        area.bounds, start, end, [t.id for t in tracks]
    )
    tracks = [_usable_footprint(t, visibility_m) for t in tracks]
    return coverage_of_tracks(
        area, utc(start), utc(end), tracks, found, visibility_m, min_minutes=min_minutes
    )


def _usable_footprint(track: PatrolTrack, visibility_m: float) -> PatrolTrack:
    """Drop a stored footprint drawn for another visibility than this query's."""
    vis = track.visibility_m or visibility_m
    if track.footprint is not None and track.footprint_m != vis:
        return PatrolTrack(track.id, track.track, track.visibility_m, None)
    return track
