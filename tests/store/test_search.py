"""Full-text search (0015_search): words and their beginnings, in any script, through the
FTS5 table or the GIN index; hostile query syntax is only text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from watchline.ingest import ingest
from watchline.store import Database
from watchline.store.filters import ViewFilter
from watchline.store.listing import document_page
from watchline.store.search import terms

TEXTS = [
    "Monitors saw a convoy build-up near Sotk on Sunday.",
    "Минобороны сообщило об обстреле позиций у села Тех.",
    "The ministry denied any troop movements; the border stayed calm.",
]


@pytest.fixture
def stored(db: Database, tmp_path: Path) -> Database:
    path = tmp_path / "items.jsonl"
    path.write_text(
        "\n".join(json.dumps({"text": t, "title": f"note {n}"}) for n, t in enumerate(TEXTS))
    )
    ingest(db, [path], format="jsonl", actor="test")
    return db


def _found(db: Database, q: str) -> list[str]:
    with db.transaction() as session:
        page = document_page(session, ViewFilter(q=q, limit=50))
        return sorted(row[0].text for row in page.items)


def test_words_and_their_beginnings_in_any_script(stored: Database) -> None:
    assert _found(stored, "convoy") == [TEXTS[0]]
    assert _found(stored, "BUILD") == [TEXTS[0]]  # "build-up": a word of it, any case
    assert _found(stored, "обстрел") == [TEXTS[1]]  # the beginning of "обстреле"
    assert _found(stored, "troop border") == [TEXTS[2]]  # every word, anywhere in the text
    assert _found(stored, "note") == sorted(TEXTS)  # titles are searched too
    assert _found(stored, "convoy ministry") == []


@pytest.mark.parametrize(
    "hostile", ['"; DROP TABLE claims; --', "NEAR(a b)", "*", "a OR b", "x AND NOT y", "::", "'"]
)
def test_query_syntax_is_only_text(stored: Database, hostile: str) -> None:
    found = _found(stored, hostile)  # never an FTS5 or tsquery syntax error
    assert isinstance(found, list)
    assert terms(hostile) == [w.lower() for w in terms(hostile)]
