"""The dashboard counts the analysts' corrections: a corrected agent or date moves the
alleged-events chart, a corrected act or event type shows in the newest claims."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from watchline.services.dashboard import dashboard
from watchline.services.dashboard_corrections import event_day_and_party
from watchline.services.review import correct_claim
from watchline.store import Database
from watchline.store.claims import ClaimRepository


@pytest.fixture
def demo_db(demo_run, tmp_path: Path):
    db_file = tmp_path / "demo.db"
    shutil.copy(demo_run.database_url.removeprefix("sqlite:///"), db_file)
    database = Database(f"sqlite:///{db_file}")
    yield database
    database.dispose()


def _dated_claim(db: Database, board):
    """A claim stated in the dashboard's window whose event has a day and a party."""
    with db.transaction() as session:
        claims = ClaimRepository(session).list()
    for claim in claims:
        key = event_day_and_party(claim)
        stated = claim.stated_on
        if key and key[1] == "ARM" and stated and board.first_day <= stated <= board.last_day:
            return claim, key
    pytest.fail("the demo has no dated claim about Armenia in the dashboard's window")


def test_dashboard_counts_a_corrected_agent_and_date(demo_db: Database) -> None:
    db = demo_db
    before = dashboard(db)
    claim, (day, party) = _dated_claim(db, before)
    assert before.alleged[(day, party)] >= 1
    correct_claim(db, claim.id, "agent", "aze", "It was Azerbaijan's own unit", "analyst1")
    moved = dashboard(db)
    assert moved.alleged.get((day, "ARM"), 0) == before.alleged[(day, "ARM")] - 1
    assert moved.alleged.get((day, "AZE"), 0) == before.alleged.get((day, "AZE"), 0) + 1
    assert sum(moved.alleged.values()) == sum(before.alleged.values())

    later = day + timedelta(days=3)
    dates = {"start": later.isoformat(), "end": later.isoformat()}
    correct_claim(db, claim.id, "dates", dates, "The text dates it three days later", "analyst1")
    again = dashboard(db)
    assert again.alleged.get((day, "AZE"), 0) == moved.alleged[(day, "AZE")] - 1
    assert again.alleged.get((later, "AZE"), 0) == moved.alleged.get((later, "AZE"), 0) + 1
    assert again.per_day == before.per_day  # stated day and speaker: not correctable


def test_dashboard_newest_claims_show_corrected_act_and_type(demo_db: Database) -> None:
    db = demo_db
    newest = dashboard(db).newest[0]
    act = "appeal" if newest.act != "appeal" else "warn"
    kind = "diplomacy" if newest.event_type != "diplomacy" else "other"
    correct_claim(db, newest.id, "act", act, "It is an appeal", "analyst1")
    correct_claim(db, newest.id, "event_type", kind, "Talks, not troops", "analyst1")
    shown = {c.id: c for c in dashboard(db).newest}[newest.id]
    assert (shown.act, shown.event_type) == (act, kind)


def _row(claim_id: str, doc_id: str, agent: str | None, day: str | None, offset: int):
    from watchline.store.tables import ClaimRow

    event = {
        "agent": {"text": agent, "actor_id": None, "affiliation": agent} if agent else None,
        "agents": [],
        "places": [],
        "time": {"start": day, "end": day, "text": None, "start_time": None, "end_time": None}
        if day
        else None,
        "meta": {},
    }
    return ClaimRow(
        id=claim_id, document_id=doc_id, speaker_text="The ministry", speaker_start=0,
        speaker_end=12, affiliation="AZE", act="accuse", cue_text="said", cue_start=offset,
        cue_end=offset + 4, content_text=f"troops massed ({claim_id})", content_start=offset + 5,
        content_end=offset + 20, stated_on=date(2024, 3, 31), event_type="mobilize",
        event=event, confidence=0.9, extractor_version="test",
    )  # fmt: skip


def test_dashboard_alleged_counts_on_both_backends(db: Database) -> None:
    """Rows written here, on SQLite and PostgreSQL: the JSON grouping and the overlay of
    one corrected agent give the counts a reader makes by hand."""
    from watchline.services.dashboard_corrections import alleged_per_day
    from watchline.store.review import claim_key
    from watchline.store.tables import ClaimCorrectionRow, DocumentRow, SourceRow

    with db.transaction() as session:
        session.add(SourceRow(id=1, kind="web", name="Ministry site"))
        session.flush()
        session.add(DocumentRow(id="d1", key="k1", source_id=1, text="t", raw=b"r",
                                sha256="d1".ljust(64, "0"), version=1))  # fmt: skip
        session.flush()
        rows = [
            _row("c1", "d1", "ARM", "2024-03-30", 0),
            _row("c2", "d1", "ARM", "2024-03-30", 40),
            _row("c3", "d1", None, "2024-03-31", 80),
            _row("c4", "d1", "ARM", None, 120),  # undated: not on the chart
        ]
        session.add_all(rows)
        session.flush()
        from watchline.store.claims import row_to_claim

        key = claim_key(row_to_claim(rows[1]))
        session.add(ClaimCorrectionRow(
            claim_key=key, claim_id="c2", field="agent", engine_value=None, old_value=None,
            value={"text": "Azerbaijan", "actor_id": "aze", "affiliation": "AZE"},
            reason="misread", author="analyst1", created_at=datetime(2024, 4, 1, tzinfo=UTC),
        ))  # fmt: skip
    with db.transaction() as session:
        counts = alleged_per_day(session, date(2024, 3, 1), date(2024, 3, 31))
    assert counts == {
        (date(2024, 3, 30), "ARM"): 1,
        (date(2024, 3, 30), "AZE"): 1,  # c2, its agent corrected
        (date(2024, 3, 31), "unattributed"): 1,
    }
