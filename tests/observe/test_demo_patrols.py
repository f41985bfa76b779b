"""The demo patrol log: reproducible, importable, covering the border but not Tegh."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from watchline.geo.theatre import load_theatre
from watchline.observe.demo_log import write_demo_log
from watchline.services.demo_patrols import DEMO_PATROLS, import_demo_patrols
from watchline.store import Database
from watchline.store.observations import ObservationRepository
from watchline.store.patrols import PatrolRepository, coverage_of

YEREVAN = ZoneInfo("Asia/Yerevan")
DAY = (datetime(2024, 3, 31, tzinfo=YEREVAN), datetime(2024, 4, 1, tzinfo=YEREVAN))
TEGH = "POINT (46.483 39.557)"


def test_demo_patrols_files_are_reproducible(tmp_path: Path) -> None:
    for written in write_demo_log(tmp_path):
        committed = DEMO_PATROLS / written.relative_to(tmp_path)
        assert written.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")


def test_demo_patrols_readme_says_illustrative() -> None:
    text = (DEMO_PATROLS / "README.md").read_text(encoding="utf-8")
    assert "ILLUSTRATIVE" in text and "not" in text


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}")
    db.init()
    summary = import_demo_patrols(db)
    assert summary.patrols.ok and summary.observations.ok
    return db


def test_demo_patrols_import_once(demo_db: Database) -> None:
    again = import_demo_patrols(demo_db)
    assert again.patrols.added == [] and again.observations.added == []
    with demo_db.transaction() as session:
        patrols = PatrolRepository(session).list(with_track=False)
        findings = ObservationRepository(session).list()
    assert 6 <= len(patrols) <= 8
    for patrol in patrols:
        assert patrol.start.astimezone(YEREVAN).hour >= 6
        assert patrol.end.astimezone(YEREVAN).hour < 20
    kinds = sorted({f.type.value for f in findings})
    assert kinds == ["exercise", "nothing_unusual"]
    assert all(f.patrol_id for f in findings)


def test_demo_patrols_cover_the_border_on_31_march(demo_db: Database) -> None:
    theatre = load_theatre("arm-aze")
    with demo_db.transaction() as session:
        cov = coverage_of(session, theatre.border, *DAY, theatre.visibility_m)
    assert cov.area_fraction > 0.75
    assert len(cov.patrol_ids) >= 6
    assert len(cov.observation_ids) >= 18


def test_demo_patrols_leave_tegh_uncovered(demo_db: Database) -> None:
    with demo_db.transaction() as session:
        cov = coverage_of(session, TEGH, DAY[0], datetime(2024, 4, 2, tzinfo=UTC), 5000)
    assert cov.area_fraction == 0.0 and cov.patrol_ids == ()
