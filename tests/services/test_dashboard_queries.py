"""The dashboard's and the timeline's SQL on SQLite and PostgreSQL, over rows written
here: the counts must be the ones a reader would make by hand from the same rows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from watchline.errors import WatchlineError
from watchline.services.dashboard import dashboard
from watchline.services.timeline import PAGE_SIZE, case_timeline, theatre_timeline
from watchline.store.tables import (
    CaseClaimRow,
    CaseEventRow,
    CaseReviewRow,
    CaseRow,
    ClaimRow,
    DocumentRow,
    SourceRow,
    VerdictRow,
)

DAY = date(2024, 3, 10)
NOW = datetime(2024, 3, 12, 9, 30, tzinfo=UTC)


def _document(session, doc_id: str, key: str, version: int, source_id: int, hours: int):
    session.add(
        DocumentRow(
            id=doc_id,
            key=key,
            source_id=source_id,
            text=f"Text of {doc_id}",
            raw=b"raw",
            sha256=doc_id.ljust(64, "0"),
            version=version,
            published_at=NOW - timedelta(hours=hours),
        )
    )


def _claim(session, claim_id: str, doc_id: str, party: str | None, day: date | None):
    session.add(
        ClaimRow(
            id=claim_id,
            document_id=doc_id,
            speaker_text="The ministry <b>spokesman</b>",
            speaker_start=0,
            speaker_end=5,
            affiliation=party,
            act="accuse",
            cue_text="said",
            cue_start=6,
            cue_end=10,
            content_text=f"shelling near the village ({claim_id})",
            content_start=11,
            content_end=40,
            stated_on=day,
            event_type="attack",
            event={},
            confidence=0.9,
            extractor_version="test",
        )
    )


def _case(session, case_id: str, active: bool = True) -> None:
    session.add(
        CaseRow(
            id=case_id,
            event_type="attack",
            start=DAY,
            scope="point",
            place_ids=[],
            title=f"Case {case_id}",
            active=active,
            linked_at=NOW,
        )
    )


def _verdict(session, case_id: str, status: str, author: str, minutes: int) -> None:
    session.add(
        VerdictRow(
            case_id=case_id,
            status=status,
            confidence=0.7,
            rationale=f"{status} by {author}",
            author=author,
            evidence=[],
            created_at=NOW + timedelta(minutes=minutes),
        )
    )


@pytest.fixture
def filled(db):
    """Two parties over three days, an edited document, four cases in three states."""
    with db.transaction() as session:
        session.add(SourceRow(id=1, kind="web", name="Ministry site"))
        session.flush()
        _document(session, "d-old", "item-1", 1, 1, hours=30)
        _document(session, "d-new", "item-1", 2, 1, hours=20)  # d-old's newer version
        _document(session, "d-2", "item-2", 1, 1, hours=2)
        session.flush()
        _claim(session, "c-old", "d-old", "AZE", DAY)  # left out: its document was edited
        _claim(session, "c-1", "d-new", "AZE", DAY)
        _claim(session, "c-2", "d-new", "ARM", DAY)
        _claim(session, "c-3", "d-2", "ARM", DAY + timedelta(days=2))
        _claim(session, "c-4", "d-2", None, DAY + timedelta(days=2))
        _claim(session, "c-5", "d-2", "ARM", DAY - timedelta(days=40))  # before the window
        for case_id in ("k1", "k2", "k3", "k4"):
            _case(session, case_id)
        _case(session, "gone", active=False)
        session.flush()
        session.add(CaseClaimRow(case_id="k1", claim_id="c-1", role="for", position=0))
        session.add(CaseClaimRow(case_id="k1", claim_id="c-2", role="against", position=1))
        _verdict(session, "k1", "contradicted", "engine", 0)
        _verdict(session, "k1", "disputed", "analyst1", 5)  # the analyst's stands ...
        _verdict(session, "k1", "corroborated", "engine", 10)  # ... over a later engine one
        _verdict(session, "k2", "not_covered", "engine", 1)
        _verdict(session, "k2", "corroborated", "engine", 2)
        _verdict(session, "k3", "corroborated", "engine", 3)
        _verdict(session, "gone", "contradicted", "engine", 4)
        session.add(
            CaseReviewRow(case_id="k1", state="in_review", assignee="analyst1", updated_at=NOW)
        )
        session.add(CaseReviewRow(case_id="k2", state="published", assignee=None, updated_at=NOW))
        session.add(CaseReviewRow(case_id="k3", state="verified", assignee=None, updated_at=NOW))
        session.add(
            CaseEventRow(
                case_id="k1",
                kind="assign",
                author="lead",
                old=None,
                new="analyst1",
                created_at=NOW + timedelta(minutes=7),
            )
        )
        session.add(
            CaseEventRow(
                case_id="k1",
                kind="comment",
                author="analyst1",
                text="<script>alert(1)</script>",
                created_at=NOW + timedelta(minutes=8),
            )
        )
    return db


def test_dashboard_counts_from_sql(filled) -> None:
    board = dashboard(filled, days=30)
    assert (board.first_day, board.last_day) == (DAY - timedelta(days=27), DAY + timedelta(2))
    assert board.per_day == {
        (DAY, "AZE"): 1,
        (DAY, "ARM"): 1,
        (DAY + timedelta(days=2), "ARM"): 1,
        (DAY + timedelta(days=2), "unaffiliated"): 1,
    }
    # k1: the analyst's disputed; k2, k3: newest engine; k4: none; "gone" is inactive
    assert board.verdicts == {"disputed": 1, "corroborated": 2, "no_verdict": 1}
    assert board.states == {"in_review": 1, "verified": 1, "new": 1}  # k2 is published
    assert (board.open_cases, board.unassigned) == (3, 2)
    assert {c.id for c in board.unassigned_cases} == {"k3", "k4"}
    newest = [c.id for c in board.newest]
    assert "c-old" not in newest and len(newest) == 5
    assert newest[:3] == ["c-5", "c-4", "c-3"]  # document d-2 was published last


def test_dashboard_window_is_bounded(filled) -> None:
    assert dashboard(filled, days=1).per_day == {
        (DAY + timedelta(days=2), "ARM"): 1,
        (DAY + timedelta(days=2), "unaffiliated"): 1,
    }
    assert len(dashboard(filled, days=10_000).per_day) == 5  # capped at 366 days


def test_dashboard_of_an_empty_database(db) -> None:
    board = dashboard(db)
    assert board.per_day == {} and board.last_day is None
    assert board.verdicts == {} and board.open_cases == 0 and board.newest == ()


def test_case_timeline_in_time_order(filled) -> None:
    entries = case_timeline(filled, "k1")
    kinds = [e.kind for e in entries]
    assert kinds == ["claim", "claim", "verdict", "verdict", "review", "review", "verdict"]
    assert [e.at for e in entries] == sorted(e.at for e in entries)
    assert entries[5].detail == "<script>alert(1)</script>"  # kept as text; the page escapes
    assert entries[3].author == "analyst1"


def test_theatre_timeline_newest_first_and_paged(filled) -> None:
    page = theatre_timeline(filled, DAY - timedelta(days=1), NOW.date() + timedelta(days=1))
    # 4 claims in the window (not c-old: its document was edited), 6 verdicts of active
    # cases, 2 review events
    assert page.total == 4 + 6 + 2
    assert [e.at for e in page.entries] == sorted((e.at for e in page.entries), reverse=True)
    assert page.entries[0].kind == "verdict"
    assert page.pages == 1 and len(page.entries) == page.total < PAGE_SIZE


def test_theatre_timeline_refuses_a_bad_window(filled) -> None:
    with pytest.raises(WatchlineError) as err:
        theatre_timeline(filled, DAY, DAY - timedelta(days=1))
    assert err.value.code == "E750"
    with pytest.raises(WatchlineError) as err:
        theatre_timeline(filled, DAY, DAY + timedelta(days=400))
    assert err.value.code == "E750"
    with pytest.raises(WatchlineError) as err:
        theatre_timeline(filled, page=201)
    assert err.value.code == "E751"


def test_theatre_timeline_counts_are_capped(filled, monkeypatch) -> None:
    import watchline.services.timeline as timeline

    monkeypatch.setattr(timeline, "COUNT_CAP", 3)  # each source counted up to 4 rows
    page = theatre_timeline(filled, DAY - timedelta(days=1), NOW.date() + timedelta(days=1))
    assert page.more and page.total == 4 + 4 + 2  # claims and verdicts capped, events not
    assert len(page.entries) == 4 + 6 + 2  # the page itself is whole
