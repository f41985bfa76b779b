"""DocumentRepository: stored once, versions for edits, round trips on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from watchline.domain import Document, Source, SourceKind
from watchline.errors import NotFound
from watchline.store import Database
from watchline.store.documents import (
    DocumentRepository,
    SourceRepository,
    document_id,
    languages_by_source,
)

CHANNEL = Source(SourceKind.TELEGRAM, "Border Watch AM", handle="1712345678")
POSTED = datetime(2024, 3, 31, 9, 5, tzinfo=UTC)


def _message(text: str, edited: datetime | None = None, key: str = "telegram:1:4") -> Document:
    meta: dict[str, object] = {"chat_id": 1}
    if edited is not None:
        meta["revised_at"] = edited.isoformat()
    return Document(
        key=key,
        text=text,
        raw=text.encode(),
        source=CHANNEL,
        published_at=POSTED,
        retrieved_at=POSTED + timedelta(days=2),
        url="https://t.me/borderwatch/4",
        language="en",
        author="Border Watch AM",
        reply_to="telegram:1:2",
        media=("photos/photo_1.jpg",),
        meta=meta,
    )


def test_documents_round_trip(db: Database) -> None:
    document = _message("A convoy of trucks on the road to Kapan.")
    with db.transaction() as session:
        doc_id, created = DocumentRepository(session).add(document)
    with db.transaction() as session:
        loaded = DocumentRepository(session).get(doc_id)
    assert created and doc_id == document_id(document.key)
    assert loaded.id == doc_id
    assert loaded.published_at == POSTED and loaded.published_at.tzinfo is not None
    assert (loaded.text, loaded.raw, loaded.sha256) == (
        document.text,
        document.raw,
        document.sha256,
    )
    assert (loaded.media, loaded.reply_to, loaded.source) == (
        document.media,
        "telegram:1:2",
        CHANNEL,
    )


def test_documents_same_item_twice_is_a_duplicate(db: Database) -> None:
    document = _message("A convoy of trucks on the road to Kapan.")
    with db.transaction() as session:
        first = DocumentRepository(session).add(document)
    with db.transaction() as session:
        second = DocumentRepository(session).add(document)
        assert DocumentRepository(session).count() == 1
    assert second == (first[0], False)


def test_documents_edit_becomes_linked_version(db: Database) -> None:
    original = _message("Trucks on the road to Kapan.")
    edited = _message("Trucks on the road to Kapan: scheduled drills.", POSTED + timedelta(hours=1))
    with db.transaction() as session:
        first_id, _ = DocumentRepository(session).add(original)
    with db.transaction() as session:
        second_id, created = DocumentRepository(session).add(edited)
    with db.transaction() as session:
        versions = DocumentRepository(session).versions(original.key)
    assert created and second_id != first_id
    assert [v.version for v in versions] == [1, 2]
    assert versions[1].meta["previous_id"] == first_id
    assert versions[0].text == original.text  # never overwritten
    with db.transaction() as session:
        repository = DocumentRepository(session)
        assert len(repository.list()) == 2
        assert [d.id for d in repository.list(latest_only=True)] == [second_id]


@pytest.mark.parametrize(
    ("edited_offset", "created"),
    [(timedelta(hours=-1), False), (timedelta(0), False), (timedelta(minutes=1), True)],
)
def test_documents_older_copy_is_not_a_new_version(
    db: Database, edited_offset: timedelta, created: bool
) -> None:
    newest = POSTED + timedelta(hours=2)
    with db.transaction() as session:
        DocumentRepository(session).add(_message("Latest text.", newest))
    with db.transaction() as session:
        _, was_created = DocumentRepository(session).add(
            _message("Some other text.", newest + edited_offset)
        )
    assert was_created is created


def test_documents_batch_with_repeated_keys(db: Database) -> None:
    batch = [_message("One.", key="k1"), _message("One.", key="k1"), _message("Two.", key="k2")]
    with db.transaction() as session:
        results = DocumentRepository(session).add_many(batch)
    assert [created for _, created in results] == [True, False, True]
    assert results[0][0] == results[1][0]


def test_documents_list_since_and_limit(db: Database) -> None:
    with db.transaction() as session:
        repo = DocumentRepository(session)
        for day in range(3):
            moment = POSTED + timedelta(days=day)
            repo.add(Document(f"k{day}", f"Text {day}.", b"x", CHANNEL, published_at=moment))
        repo.add(Document("undated", "No date.", b"y", CHANNEL))
    with db.transaction() as session:
        repo = DocumentRepository(session)
        assert [d.key for d in repo.list()] == ["k0", "k1", "k2", "undated"]
        assert [d.key for d in repo.list(since=POSTED + timedelta(days=1))] == ["k1", "k2"]
        assert len(repo.list(limit=2)) == 2


def test_documents_get_unknown_id(db: Database) -> None:
    with db.transaction() as session, pytest.raises(NotFound) as err:
        DocumentRepository(session).get("dnope")
    assert err.value.code == "E214"


def test_documents_sources_registered_once(db: Database) -> None:
    with db.transaction() as session:
        repo = SourceRepository(session)
        first = repo.register(CHANNEL)
        again = repo.register(Source(SourceKind.TELEGRAM, "Border Watch AM", speaks_for="arm.mod"))
    with db.transaction() as session:
        listed = SourceRepository(session).list()
    assert first == again
    assert [(source.name, source.speaks_for, count) for source, count in listed] == [
        ("Border Watch AM", "arm.mod", 0)
    ]


def test_documents_languages_by_source(db: Database) -> None:
    with db.transaction() as session:
        repo = DocumentRepository(session)
        for n, language in enumerate(["en", "en", "ru", None]):
            repo.add(Document(f"k{n}", f"Text {n}.", b"x", CHANNEL, language=language))
    with db.transaction() as session:
        counts = languages_by_source(session)
    assert counts == {("telegram", "Border Watch AM"): {"en": 2, "ru": 1, None: 1}}
