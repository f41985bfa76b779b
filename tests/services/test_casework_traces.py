"""verify_all over a real database: claimed hours, and a later inspection of the place."""

from __future__ import annotations

import hashlib
import math
from datetime import UTC, date, datetime, time, timedelta

from casework_scenario import TEGH, THEATRE

from watchline.domain import (
    Act,
    EventType,
    Observation,
    ObservationType,
    Patrol,
    TrackPoint,
    VerdictStatus,
)
from watchline.services.casework import link_all, verify_all
from watchline.services.views import case_views
from watchline.store import Database
from watchline.store.claims import ClaimRepository
from watchline.store.observations import ObservationRepository
from watchline.store.patrols import PatrolRepository
from watchline.store.tables import DocumentRow, SourceRow
from watchline.verify.simulation import make_claim

D31 = date(2024, 3, 31)


def shelling_claim(db: Database, kind: EventType = EventType.ATTACK) -> None:
    """Azerbaijan: Tegh shelled overnight, 22:00 on 31 March to 04:00 on 1 April."""
    claim = make_claim(
        "c1", "AZE", Act.ACCUSE, kind, "ARM", D31 + timedelta(days=1), places=(TEGH,),
        event_day=D31, event_end=D31 + timedelta(days=1), start_time=time(22),
        end_time=time(4), content="Armenian forces of shelling Tegh overnight",
    )  # fmt: skip
    text = claim.content.text
    with db.transaction() as session:
        source = SourceRow(kind="news", name="Azerbaijani wire")
        session.add(source)
        session.flush()
        session.add(
            DocumentRow(
                id="aze-night", key="t:aze-night", source_id=source.id,
                published_at=datetime(2024, 4, 1, 6, tzinfo=UTC), url="https://example.org/n",
                text=text, raw=text.encode(), sha256=hashlib.sha256(text.encode()).hexdigest(),
                media=[], meta={},
            )
        )  # fmt: skip
        session.flush()
        ClaimRepository(session).replace_for_document("aze-night", [claim])


def patrol_at_tegh(
    db: Database, start: datetime, minutes: int, finding: ObservationType, posts: int = 0
) -> None:
    """A patrol driving slowly to and fro through Tegh (1.3 km each side) for `minutes`,
    reporting `finding` there: a village area (3 km around it) is more than one look.
    With `posts`, as many teams stand instead at posts 1.3 km east and west of it."""
    lon, lat = TEGH.lon or 0.0, TEGH.lat or 0.0
    times = [start + timedelta(minutes=m) for m in range(0, minutes + 1, 2)]
    if posts:
        tracks = [
            tuple(TrackPoint(lon + dx, lat, t) for t in times) for dx in (-0.015, 0.015)[:posts]
        ]
    else:
        phase = [math.sin(m / minutes * 2 * math.pi) for m in range(0, minutes + 1, 2)]
        tracks = [
            tuple(TrackPoint(lon + 0.015 * p, lat, t) for p, t in zip(phase, times, strict=True))
        ]
    with db.transaction() as session:
        for i, track in enumerate(tracks):
            PatrolRepository(session, 2000).add(
                Patrol(f"p{i}", f"team {i}", track[0].time, track[-1].time, track, base="jermuk"),
                f"patrol {i} at {start}".encode(),
            )
        ObservationRepository(session).add(
            Observation(
                "o9", finding, start + timedelta(minutes=10), patrol_id="p0",
                lat=TEGH.lat, lon=TEGH.lon, notes="no damage, no craters",
            )
        )  # fmt: skip


def verdict_of(db: Database):
    link_all(db, THEATRE, theatres=[THEATRE])
    verify_all(db, THEATRE)
    (view,) = case_views(db)
    return view.verdict


def test_next_morning_inspection_contradicts_overnight_shelling(db: Database) -> None:
    shelling_claim(db)
    patrol_at_tegh(db, datetime(2024, 4, 1, 4, 10, tzinfo=UTC), 40, ObservationType.NOTHING_UNUSUAL)
    verdict = verdict_of(db)
    assert verdict.status is VerdictStatus.CONTRADICTED, verdict.rationale
    assert "an inspection at Tegh at 08:20 on 1 Apr 2024, 4 h after the claimed time" in (
        verdict.rationale
    )


def test_a_morning_inspection_says_nothing_of_overnight_troops(db: Database) -> None:
    shelling_claim(db, EventType.MOBILIZE)
    patrol_at_tegh(db, datetime(2024, 4, 1, 4, 10, tzinfo=UTC), 40, ObservationType.NOTHING_UNUSUAL)
    assert verdict_of(db).status is VerdictStatus.NOT_COVERED


def test_an_afternoon_patrol_says_nothing_of_the_night_before(db: Database) -> None:
    """Patrols at Tegh on 31 March 10:00–16:00 local: hours outside the claimed night."""
    shelling_claim(db, EventType.MOBILIZE)
    patrol_at_tegh(db, datetime(2024, 3, 31, 6, tzinfo=UTC), 360, ObservationType.NOTHING_UNUSUAL)
    verdict = verdict_of(db)
    assert verdict.status is VerdictStatus.NOT_COVERED, verdict.rationale
    assert "between 22:00 on 31 Mar 2024 and 04:00 on 1 Apr 2024" in verdict.rationale


def test_a_night_patrol_in_sight_contradicts_the_night(db: Database) -> None:
    shelling_claim(db, EventType.MOBILIZE)
    night = datetime(2024, 3, 31, 18, tzinfo=UTC)
    patrol_at_tegh(db, night, 420, ObservationType.NOTHING_UNUSUAL, posts=2)
    verdict = verdict_of(db)
    assert verdict.status is VerdictStatus.CONTRADICTED, verdict.rationale
    assert "patrols had Tegh in sight for" in verdict.rationale


def patrol_north_of_tegh(db: Database, start: datetime, minutes: int, north_km: float) -> None:
    """A patrol driving to and fro 5 km east–west along a line `north_km` north of Tegh,
    reporting nothing unusual where it is: it sees the northern part of "near Tegh"."""
    lon, lat = TEGH.lon or 0.0, (TEGH.lat or 0.0) + north_km / 111.2
    half = 2.5 / (111.2 * math.cos(math.radians(lat)))
    steps = range(0, minutes + 1, 2)
    track = tuple(
        TrackPoint(
            lon + half * math.sin(m / minutes * 4 * math.pi), lat, start + timedelta(minutes=m)
        )
        for m in steps
    )
    with db.transaction() as session:
        PatrolRepository(session, 2000).add(
            Patrol("pn", "north team", track[0].time, track[-1].time, track, base="jermuk"),
            b"patrol north of Tegh",
        )
        ObservationRepository(session).add(
            Observation(
                "on", ObservationType.NOTHING_UNUSUAL, start + timedelta(minutes=10),
                patrol_id="pn", lat=lat, lon=lon, notes="nothing unusual on the road",
            )
        )  # fmt: skip


def test_a_look_along_the_edge_of_the_area_is_not_an_inspection_of_the_village(
    db: Database,
) -> None:
    """Earthworks at Tegh: a patrol 1.8 km north of it for an hour the next days has more
    than half of the 3 km around Tegh in sight but not the village itself — trenches
    dug at the village could stand in the half it did not see."""
    shelling_claim(db, EventType.FORTIFY)
    patrol_north_of_tegh(db, datetime(2024, 4, 2, 6, tzinfo=UTC), 60, 1.8)
    verdict = verdict_of(db)
    assert verdict.status is VerdictStatus.NOT_COVERED, verdict.rationale


def test_a_drive_through_the_village_inspects_its_earthworks(db: Database) -> None:
    shelling_claim(db, EventType.FORTIFY)
    patrol_at_tegh(db, datetime(2024, 4, 2, 6, tzinfo=UTC), 60, ObservationType.NOTHING_UNUSUAL)
    verdict = verdict_of(db)
    assert verdict.status is VerdictStatus.CONTRADICTED, verdict.rationale
