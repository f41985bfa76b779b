"""Wild GPS fixes are dropped before a track becomes a patrol, in several theatres.

The theatres are built here (a small area of responsibility round a real crossing), so
the tests depend on nothing but the rule: a patrol vehicle does not exceed 200 km/h
between fixes, nor jump away from its track and straight back.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
import shapely

from watchline.domain import Theatre
from watchline.errors import WatchlineError
from watchline.observe.formats import RawPoint, RawTrack
from watchline.observe.outliers import plausible
from watchline.observe.validate import PatrolMeta, check_track
from watchline.services.patrols import import_patrols
from watchline.store import Database
from watchline.store.patrols import PatrolRepository, coverage_of
from watchline.store.tables.patrols import PatrolRow


def theatre(tid: str, zone: str, lon: float, lat: float) -> Theatre:
    """A theatre whose area of responsibility is a 1°-square round (lon, lat)."""
    box = shapely.box(lon - 0.5, lat - 0.5, lon + 0.5, lat + 0.5).wkt
    line = f"LINESTRING ({lon - 0.4} {lat}, {lon + 0.4} {lat})"
    return Theatre(tid, tid, "mission", ("AA", "BB"), zone, 2000.0, box, line)


THEATRES = {
    "cyprus-buffer-zone": theatre("cyp", "Asia/Nicosia", 33.36, 35.17),  # Ledra crossing
    "loc-uri": theatre("loc", "Asia/Kolkata", 74.03, 34.08),
    "south-ossetia-abl-ergneti": theatre("geo", "Asia/Tbilisi", 43.99, 42.27),
    "kosovo-jarinje": theatre("kos", "Europe/Belgrade", 20.62, 43.25),
}
T0 = datetime(2024, 5, 2, 6, 0, tzinfo=UTC)


def start_of(where: Theatre) -> tuple[float, float]:
    """The west end of the theatre's line, where the test patrols set out."""
    first = where.border.split("(")[1].split(",")[0]
    lon, lat = (float(v) for v in first.split())
    return lon, lat


def drive(lon: float, lat: float, n: int = 12, step_deg: float = 0.004, minutes: float = 5):
    """A patrol driving east at about 5 km/h per 0.004° every 5 minutes."""
    return [
        RawPoint(lon + i * step_deg, lat, T0 + timedelta(minutes=minutes * i)) for i in range(n)
    ]


def checked(points: list[RawPoint], where: Theatre, name: str = "track.gpx"):
    return check_track(Path(name), RawTrack(points=points), PatrolMeta(), where)


@pytest.mark.parametrize("name", sorted(THEATRES))
def test_outliers_a_point_in_the_sahara_is_dropped_and_named(name: str) -> None:
    where = THEATRES[name]
    lon0, lat0 = start_of(where)
    points = drive(lon0, lat0)
    points[5] = RawPoint(1.0, 2.0, points[5].time)
    result = checked(points, where)
    assert len(result.patrol.track) == 11
    assert all(p.lon > 10 for p in result.patrol.track)
    (warning,) = [w for w in result.warnings if w.startswith("W302")]
    assert "dropped 1 point(s)" in warning and "point 6, lat 2.0, lon 1.0" in warning


@pytest.mark.parametrize("name", sorted(THEATRES))
def test_outliers_a_wild_first_point_does_not_poison_the_track(name: str) -> None:
    where = THEATRES[name]
    lon0, lat0 = start_of(where)
    points = drive(lon0, lat0)
    points[0] = RawPoint(0.0, 0.0, points[0].time)
    result = checked(points, where)
    assert [round(p.lon, 3) for p in result.patrol.track] == [round(p.lon, 3) for p in points[1:]]
    assert result.patrol.start == points[1].time


def test_outliers_a_quick_jump_away_and_back_is_a_glitch() -> None:
    """On the Line of Control near Uri, fixes every minute; one fix 3 km north (180 km/h
    there and back, under the ceiling) is a glitch, not a manoeuvre."""
    where = THEATRES["loc-uri"]
    points = drive(74.0, 34.08, n=10, step_deg=0.001, minutes=1)
    points[4] = RawPoint(points[4].lon, 34.08 + 0.027, points[4].time)
    result = checked(points, where)
    assert len(result.patrol.track) == 9
    assert max(p.lat for p in result.patrol.track) == pytest.approx(34.08)


def test_outliers_a_slow_dead_end_and_back_and_a_fast_road_are_kept() -> None:
    """Near Jarinje a patrol drives 2 km up a dead end and back (slow), then 150 km/h on
    a straight road: both are real driving and stay."""
    where = THEATRES["kosovo-jarinje"]
    slow = [
        RawPoint(20.62, 43.25, T0),
        RawPoint(20.62, 43.268, T0 + timedelta(minutes=5)),
        RawPoint(20.62, 43.25, T0 + timedelta(minutes=10)),
    ]
    fast = [
        RawPoint(20.62 + 0.0185 * i, 43.25, T0 + timedelta(minutes=10 + i)) for i in range(1, 6)
    ]
    repeated = [RawPoint(fast[-1].lon + 0.0003, 43.25, fast[-1].time)]
    result = checked(slow + fast + repeated, where)
    assert len(result.patrol.track) == 9
    assert not [w for w in result.warnings if w.startswith("W302")]


def test_outliers_a_track_mostly_wild_is_refused() -> None:
    """Along the South Ossetia ABL, fixes 5 km apart every 10 s: the clock is wrong, and
    no subset of the points is a drive worth keeping."""
    where = THEATRES["south-ossetia-abl-ergneti"]
    points = [RawPoint(43.8 + 0.06 * i, 42.27, T0 + timedelta(seconds=10 * i)) for i in range(9)]
    with pytest.raises(WatchlineError) as err:
        checked(points, where)
    assert err.value.code == "E318" and "200 km/h" in err.value.message


def test_outliers_vectorised_path_is_fast_on_a_long_clean_track() -> None:
    n = 200_000
    t = np.arange(n, dtype=float)
    lon, lat = 33.3 + t * 1e-5, np.full(n, 35.17)
    assert plausible(lon, lat, t).all()
    lon[n // 2] = 1.0
    keep = plausible(lon, lat, t)
    assert (~keep).sum() == 1 and not keep[n // 2]


def test_outliers_never_reach_the_store_or_coverage(db: Database, tmp_path: Path) -> None:
    """Jermuk patrol on the Armenia–Azerbaijan border with one fix at (lon 1, lat 2):
    the stored track, its extent and the Sahara's coverage all ignore it."""
    rows = [
        f"{39.84 + 0.002 * i},{45.67 + 0.003 * i},2024-03-31T05:{5 * i:02d}:00Z" for i in range(10)
    ]
    rows[4] = "2.0,1.0,2024-03-31T05:20:00Z"
    track = tmp_path / "jermuk-wild.csv"
    track.write_text("lat,lon,time\n" + "\n".join(rows) + "\n", encoding="utf-8")
    report = import_patrols(db, [track])
    assert report.ok and report.points == 9
    assert [w[:4] for w in report.warnings] == ["W302"]
    with db.transaction() as session:
        (patrol,) = PatrolRepository(session).list()
        assert min(p.lon for p in patrol.track) > 45
        row = session.query(PatrolRow).one()
        assert row.minx > 45 and row.miny > 39
        sahara = coverage_of(
            session, "POINT (1 2)", T0.replace(month=3, day=31, hour=0), T0, 2000.0
        )
    assert not sahara.patrol_ids and sahara.area_fraction == 0
