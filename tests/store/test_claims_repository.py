"""ClaimRepository: a document's claims are replaced atomically and round-trip exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from watchline.domain import (
    Act,
    Agent,
    Claim,
    Event,
    EventType,
    PlaceMention,
    Precision,
    Span,
    Speaker,
    TimeWindow,
)
from watchline.errors import NotFound
from watchline.store import Database
from watchline.store.claims import ClaimRepository
from watchline.store.tables import ClaimRow, DocumentRow, SourceRow

TEXT = "Azerbaijan's Ministry of Defence accused Armenia of massing troops near Tegh."


def _document(db: Database, doc_id: str) -> None:
    with db.transaction() as session:
        source = session.scalars(select(SourceRow).where(SourceRow.name == "Wire")).first()
        if source is None:
            source = SourceRow(kind="news", name="Wire")
            session.add(source)
            session.flush()
        session.add(
            DocumentRow(
                id=doc_id,
                key=f"key-{doc_id}",
                source_id=source.id,
                published_at=datetime(2024, 3, 31, 9, tzinfo=UTC),
                text=TEXT,
                raw=TEXT.encode(),
                sha256="0" * 64,
                media=[],
                meta={},
            )
        )


def _claim(local_id: str, act: Act = Act.ACCUSE, responds_to: str | None = None) -> Claim:
    return Claim(
        id=local_id,
        speaker=Speaker("Azerbaijan's Ministry of Defence", 0, 32, "aze.mod", "AZE"),
        act=act,
        cue=Span("accused", 33, 40),
        content=Span("Armenia of massing troops near Tegh", 41, 76),
        event=Event(
            type=EventType.MOBILIZE,
            negated=act is Act.DENY,
            agent=Agent("Armenia", "arm", "ARM"),
            places=(PlaceMention("Tegh", 72, 76, "tegh", 39.56, 46.48, Precision.VILLAGE, "ARM"),),
            time=TimeWindow(date(2024, 3, 31), date(2024, 3, 31), "on Sunday"),
        ),
        stated_on=date(2024, 3, 31),
        responds_to=responds_to,
        confidence=0.9,
        extractor_version="test-1",
        meta={"note": "hand-made"},
    )


def test_claims_round_trip(db: Database) -> None:
    _document(db, "d1")
    with db.transaction() as session:
        stored = ClaimRepository(session).replace_for_document("d1", [_claim("c1")])
    with db.transaction() as session:
        loaded = ClaimRepository(session).get("d1:c1")
    assert stored[0] == loaded
    assert loaded.event.places[0].precision is Precision.VILLAGE
    assert loaded.event.time == TimeWindow(date(2024, 3, 31), date(2024, 3, 31), "on Sunday")
    assert loaded.meta == {"note": "hand-made"}
    assert loaded.document_id == "d1"


def test_claims_replace_never_duplicates(db: Database) -> None:
    _document(db, "d1")
    claims = [_claim("c1"), _claim("c2", Act.DENY, responds_to="c1")]
    for _ in range(3):
        with db.transaction() as session:
            ClaimRepository(session).replace_for_document("d1", claims)
    with db.transaction() as session:
        stored = ClaimRepository(session).list()
    assert [claim.id for claim in stored] == ["d1:c1", "d1:c2"]
    assert stored[1].responds_to == "d1:c1"


def test_claims_replace_is_atomic(db: Database) -> None:
    _document(db, "d1")
    with db.transaction() as session:
        ClaimRepository(session).replace_for_document("d1", [_claim("c1")])
    with pytest.raises(RuntimeError), db.transaction() as session:
        ClaimRepository(session).replace_for_document("d1", [_claim("c7"), _claim("c8")])
        raise RuntimeError("crash half-way")
    with db.transaction() as session:
        assert [row.id for row in session.scalars(select(ClaimRow))] == ["d1:c1"]


def test_claims_list_filters_by_document(db: Database) -> None:
    _document(db, "d1")
    _document(db, "d2")
    with db.transaction() as session:
        repo = ClaimRepository(session)
        repo.replace_for_document("d1", [_claim("c1")])
        repo.replace_for_document("d2", [_claim("c1"), _claim("c2")])
    with db.transaction() as session:
        repo = ClaimRepository(session)
        assert [c.id for c in repo.list(document_ids=["d2"])] == ["d2:c1", "d2:c2"]
        assert repo.count() == 3


def test_claims_get_unknown_names_the_id(db: Database) -> None:
    with db.transaction() as session, pytest.raises(NotFound) as err:
        ClaimRepository(session).get("nope:c1")
    assert err.value.code == "E400"
    assert "nope:c1" in err.value.message
