"""The casework scenario, linked and verified, plus hostile statements, for export tests."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from casework_scenario import A01, THEATRE, add_patrols, add_statement
from sqlalchemy import select, update

from watchline.domain import Act, EventType
from watchline.services.casework import link_all, verify_all
from watchline.store import Database
from watchline.store.claims import ClaimRepository
from watchline.store.tables import DocumentRow, SourceRow
from watchline.verify.simulation import make_claim, village

KIRANTS = village("Kirants", 45.2, 40.03, "ARM")


def verified(db: Database) -> Database:
    """The scenario: a contradicted build-up on 31 March, an uncovered fortification
    near Tegh on 1 April, three patrols and one finding."""
    for doc in ("aze", "arm", "eu", "aze2"):
        add_statement(db, doc)
    add_patrols(db)
    relink(db)
    return db


def relink(db: Database) -> None:
    link_all(db, THEATRE, theatres=[THEATRE])
    verify_all(db, THEATRE)


def add_hostile(db: Database, content: str, speaker: str = "AZE", url: str | None = None) -> None:
    """A statement whose text (and speaker name) come from a hostile channel."""
    claim = make_claim(
        "c1",
        speaker,
        Act.ACCUSE,
        EventType.ATTACK,
        "ARM",
        A01,
        places=(KIRANTS,),
        event_day=A01,
        content=content,
    )
    text = claim.content.text
    with db.transaction() as session:
        source = session.scalars(select(SourceRow).where(SourceRow.name == "hostile")).first()
        if source is None:
            source = SourceRow(kind="telegram", name="hostile")
            session.add(source)
            session.flush()
        session.add(
            DocumentRow(
                id="hostile",
                key="demo:hostile",
                source_id=source.id,
                published_at=datetime(2024, 4, 1, 21, tzinfo=UTC),
                url=url,
                text=text,
                raw=text.encode(),
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                media=[],
                meta={},
            )
        )
        session.flush()
        ClaimRepository(session).replace_for_document("hostile", [claim])


def set_url(db: Database, document_id: str, url: str | None) -> None:
    with db.transaction() as session:
        session.execute(update(DocumentRow).where(DocumentRow.id == document_id).values(url=url))
