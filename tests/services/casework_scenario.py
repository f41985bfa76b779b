"""A small, hand-built scenario in a real database: statements, claims, patrols, findings.

It retells the 31 March 2024 episode on a toy straight border (lon 45–46 at lat 40):
Azerbaijan accuses Armenia of a build-up along the border, Armenia and the mission deny
it, three patrols drive the whole border that day and report nothing unusual; on 1 April
Azerbaijan speaks of fortifications near a village where no patrol went.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from watchline.domain import (
    Act,
    EventType,
    Observation,
    ObservationType,
    Patrol,
    TrackPoint,
)
from watchline.domain.theatre import Base
from watchline.store import Database
from watchline.store.claims import ClaimRepository
from watchline.store.observations import ObservationRepository
from watchline.store.patrols import PatrolRepository
from watchline.store.tables import DocumentRow, SourceRow
from watchline.verify.simulation import BORDER, make_claim, toy_theatre, village

D31, A01 = date(2024, 3, 31), date(2024, 4, 1)
TEGH = village("Tegh", 45.5, 40.02, "ARM")
THEATRE = toy_theatre(
    "POLYGON ((44.9 39.98, 46.1 39.98, 46.1 40.4, 44.9 40.4, 44.9 39.98))",
    bases=(Base("jermuk", "Jermuk", 40.2, 45.7), Base("ijevan", "Ijevan", 40.3, 45.2)),
)

STATEMENTS = {
    "aze": ("Azerbaijani wire", datetime(2024, 3, 31, 9, tzinfo=UTC)),
    "arm": ("Armenian wire", datetime(2024, 3, 31, 13, tzinfo=UTC)),
    "eu": ("EU Mission", datetime(2024, 3, 31, 17, tzinfo=UTC)),
    "aze2": ("Azerbaijani wire", datetime(2024, 4, 1, 19, tzinfo=UTC)),
    "aze3": ("Azerbaijani wire", datetime(2024, 4, 1, 20, tzinfo=UTC)),
}


def claims_of(doc: str):
    return {
        "aze": [make_claim("c1", "AZE", Act.ACCUSE, EventType.MOBILIZE, "ARM", D31,
                           places=(BORDER,), content="Armenia of concentrating troops")],
        "arm": [make_claim("c1", "ARM", Act.DENY, EventType.MOBILIZE, "ARM", D31,
                           content="the accusations")],
        "eu": [
            make_claim("c1", "EU", Act.DENY, EventType.MOBILIZE, "ARM", D31, places=(BORDER,),
                       content="no unusual military movements were observed"),
            make_claim("c2", "EU", Act.ASSERT, EventType.OTHER, None, D31, places=(BORDER,),
                       content="the situation on the border was calm and quiet"),
        ],
        "aze2": [make_claim("c1", "AZE", Act.ACCUSE, EventType.FORTIFY, "ARM", A01,
                            places=(TEGH,), event_day=A01,
                            content="Armenia of building fortifications near Tegh")],
        "aze3": [make_claim("c1", "AZE", Act.ACCUSE, EventType.MOBILIZE, "ARM", A01,
                            places=(BORDER,), event_day=A01,
                            content="Armenia of continuing to concentrate its troops")],
    }[doc]  # fmt: skip


def add_statement(db: Database, doc: str) -> None:
    name, published = STATEMENTS[doc]
    text = " ".join(c.content.text for c in claims_of(doc))
    with db.transaction() as session:
        source = session.scalars(select(SourceRow).where(SourceRow.name == name)).first()
        if source is None:
            source = SourceRow(kind="news", name=name)
            session.add(source)
            session.flush()
        session.add(
            DocumentRow(
                id=doc,
                key=f"demo:{doc}",
                source_id=source.id,
                published_at=published,
                url=f"https://example.org/{doc}",
                text=text,
                raw=text.encode(),
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                media=[],
                meta={},
            )
        )
        session.flush()
        ClaimRepository(session).replace_for_document(doc, claims_of(doc))


def add_patrols(db: Database) -> None:
    """Three patrols along the border on 31 March, 09:00–19:00 Yerevan time."""
    start = datetime(2024, 3, 31, 5, tzinfo=UTC)
    end = start + timedelta(hours=10)
    with db.transaction() as session:
        repo = PatrolRepository(session, 2000)
        for i, (lon0, lon1, base) in enumerate(
            [(45.0, 45.35, "ijevan"), (45.33, 45.68, "jermuk"), (45.66, 46.0, "jermuk")]
        ):
            steps = 20
            track = tuple(
                TrackPoint(
                    lon0 + (lon1 - lon0) * k / steps, 40.01, start + (end - start) * k / steps
                )
                for k in range(steps + 1)
            )
            patrol = Patrol(f"p{i}", f"team {i}", start, end, track, base=base)
            repo.add(patrol, f"patrol {i}".encode())
        ObservationRepository(session).add(
            Observation(
                "o1",
                ObservationType.NOTHING_UNUSUAL,
                datetime(2024, 3, 31, 8, tzinfo=UTC),
                patrol_id="p1",
                lat=40.01,
                lon=45.5,
                notes="no unusual movement",
            )
        )
