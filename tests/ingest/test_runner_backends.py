"""Every format into both backends: what goes in comes back the same on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from watchline.ingest import ingest
from watchline.store import Database
from watchline.store.documents import DocumentRepository


def test_runner_all_formats_round_trip(db: Database, inputs) -> None:
    paths = [
        inputs / "telegram" / "result.json",
        inputs / "x" / "data" / "tweets.js",
        inputs / "feeds" / "mod.rss",
        inputs / "html" / "article.html",
        inputs / "jsonl" / "items.jsonl",
        inputs / "text",
    ]
    first = ingest(db, paths)
    again = ingest(db, paths)
    assert first.ingested == 6 + 5 + 2 + 1 + 4 + 2
    assert (again.ingested, again.duplicates) == (0, first.ingested + 1)  # + the JSONL repeat
    with db.transaction() as session:
        repository = DocumentRepository(session)
        assert repository.count() == first.ingested
        by_key = {d.key: d for d in repository.list()}
    message = by_key["telegram:1712345678:4"]
    assert message.published_at == datetime(2024, 3, 31, 9, 5, tzinfo=UTC)
    assert message.meta["revised_at"] == "2024-03-31T09:30:00+00:00"
    assert message.raw in (inputs / "telegram" / "result.json").read_bytes()
    assert "\x00" not in by_key["telegram:1712345678:9"].text
    assert by_key["x:1774412345678901600"].language == "hy"
