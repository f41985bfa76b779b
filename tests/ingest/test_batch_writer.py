"""The batch writer: a row the database refuses costs that row only, never a half batch."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from watchline.ingest import ingest
from watchline.store import Database
from watchline.store.documents import DocumentRepository

TRIGGERS = {
    "sqlite": [
        """CREATE TRIGGER refuse_poison BEFORE INSERT ON documents
           WHEN NEW.text LIKE '%poison%' BEGIN SELECT RAISE(ABORT, 'poisoned row'); END"""
    ],
    "postgresql": [
        """CREATE FUNCTION refuse_poison() RETURNS trigger AS $$
           BEGIN IF NEW.text LIKE '%poison%' THEN RAISE EXCEPTION 'poisoned row'; END IF;
           RETURN NEW; END $$ LANGUAGE plpgsql""",
        """CREATE TRIGGER refuse_poison BEFORE INSERT ON documents
           FOR EACH ROW EXECUTE FUNCTION refuse_poison()""",
    ],
}


@pytest.fixture
def poisoned(db: Database) -> Database:
    """A database that refuses any document whose text mentions poison (a real trigger)."""
    with db.transaction() as session:
        for statement in TRIGGERS[db.dialect]:
            session.execute(text(statement))
    return db


def test_batch_refused_row_is_rejected_rest_stored(poisoned: Database, tmp_path) -> None:
    lines = [f'{{"text": "Report number {n} from the border."}}' for n in range(5)]
    lines[2] = '{"text": "A poison pen letter."}'
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(lines))
    report = ingest(poisoned, [path], batch_size=10)
    assert report.ingested == 4
    assert [r.code for r in report.rejected] == ["E215"]
    assert "poisoned row" in report.rejected[0].reason
    with poisoned.transaction() as session:
        assert DocumentRepository(session).count() == 4


def test_batch_size_does_not_change_the_result(sqlite_db: Database, tmp_path) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(f'{{"text": "Item {n % 7} of the list."}}' for n in range(30)))
    report = ingest(sqlite_db, [path], batch_size=4)
    assert (report.ingested, report.duplicates) == (7, 23)
    assert len(set(report.documents)) == 7
