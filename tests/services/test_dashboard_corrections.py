"""The dashboard counts the analysts' corrections: a corrected agent or date moves the
alleged-events chart, a corrected act or event type shows in the newest claims."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from watchline.services.dashboard import dashboard
from watchline.services.dashboard_corrections import event_day_and_party
from watchline.services.review import correct_claim
from watchline.store import Database
from watchline.store.claims import ClaimRepository


@pytest.fixture
def db(demo_run, tmp_path: Path):
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


def test_dashboard_counts_a_corrected_agent_and_date(db: Database) -> None:
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


def test_dashboard_newest_claims_show_corrected_act_and_type(db: Database) -> None:
    newest = dashboard(db).newest[0]
    act = "appeal" if newest.act != "appeal" else "warn"
    kind = "diplomacy" if newest.event_type != "diplomacy" else "other"
    correct_claim(db, newest.id, "act", act, "It is an appeal", "analyst1")
    correct_claim(db, newest.id, "event_type", kind, "Talks, not troops", "analyst1")
    shown = {c.id: c for c in dashboard(db).newest}[newest.id]
    assert (shown.act, shown.event_type) == (act, kind)
