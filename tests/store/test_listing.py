"""Keyset pages and case summaries on both dialects: every row once, in order, both ways.

A small archive written for these tests: nine cases over thirty claims, two cases
undated (their sort key is NULL, which SQLite and PostgreSQL order differently), so
the walk's two steps (dated, then undated) are both crossed by page boundaries.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from watchline.domain import (
    Act,
    Case,
    Claim,
    Document,
    Event,
    EventType,
    Source,
    SourceKind,
    Span,
    Speaker,
    Verdict,
    VerdictStatus,
)
from watchline.errors import InputError
from watchline.link.model import Linkage, Membership, Role
from watchline.store import Database
from watchline.store.cases import CaseRepository
from watchline.store.claims import ClaimRepository
from watchline.store.documents import DocumentRepository
from watchline.store.filters import ViewFilter
from watchline.store.listing import case_page, claim_page
from watchline.store.tables import CaseSummaryRow

PARTIES = ["ARM", "AZE", "EU"]


def _claim(n: int, party: str, day: date | None, negated: bool) -> Claim:
    text = f"forces dug trenches near Saltpan {n}" if n % 3 else f"drone seen over Old Mill {n}"
    return Claim(
        id=f"c{n}",
        speaker=Speaker(f"{party} spokesman", 0, 10, None, party),
        act=Act.DENY if negated else Act.ACCUSE,
        cue=Span("said", 11, 15),
        content=Span(text, 16, 16 + len(text)),
        event=Event(EventType.FORTIFY if n % 3 else EventType.ATTACK, negated=negated),
        stated_on=day,
    )


def _archive(db: Database) -> list[str]:
    """Nine cases (two undated) of three or four claims each; returns the case ids."""
    db.init()
    source = Source(SourceKind.NEWS, "test wire")
    cases, members = [], []
    with db.transaction() as session:
        for k in range(9):
            day = None if k in (3, 7) else date(2026, 3, 1 + k % 5)  # ties on purpose
            document = Document(
                key=f"wire:{k}",
                text=f"Wire item {k}.",
                raw=b"",
                source=source,
                published_at=datetime(2026, 3, 1 + k, tzinfo=UTC),
            )
            [(doc_id, _)] = DocumentRepository(session).add_many([document])
            claims = [
                _claim(k * 10 + j, PARTIES[(k + j) % 3], day, negated=j == 2)
                for j in range(3 + k % 2)
            ]
            stored = ClaimRepository(session).replace_for_document(doc_id, claims)
            case_id = f"case-{k}"
            cases.append(
                Case(
                    case_id,
                    claims[0].event.type,
                    "AZE",
                    day,
                    day,
                    tuple(c.id for c in stored),
                    area=f"POLYGON (({45 + k} 40, {45.5 + k} 40, {45.5 + k} 40.5, {45 + k} 40))",
                    title=f"Case {k} near Saltpan",
                    theatre_id="arm-aze" if k % 2 else "other",
                )
            )
            members += [
                Membership(case_id, c.id, Role.AGAINST if c.event.negated else Role.FOR)
                for c in stored
            ]
        CaseRepository(session).save_linkage(Linkage(tuple(cases), tuple(members), (), {}))
    return [c.id for c in cases]


def _walk(db: Database, listing, view: ViewFilter) -> tuple[list[str], list[list[str]]]:
    """Every id page by page forward, then the pages seen walking back from the end."""
    forward, pages, cursor = [], [], None
    with db.transaction() as session:
        while True:
            page = listing(session, view.model_copy(update={"cursor": cursor}))
            ids = [_id(row) for row in page.items]
            forward += ids
            pages.append(ids)
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        back, cursor = [], page.prev_cursor
        while cursor is not None:
            page = listing(session, view.model_copy(update={"cursor": cursor}))
            back.insert(0, [_id(row) for row in page.items])
            cursor = page.prev_cursor
    return forward, [*back, pages[-1]] if len(pages) > 1 else pages


def _id(row) -> str:
    return row[0].id


def test_case_pages_cover_every_case_once_in_order_both_ways(db: Database) -> None:
    ids = _archive(db)
    everything, _ = _walk(db, case_page, ViewFilter(limit=200))
    assert sorted(everything) == sorted(ids)
    # newest first, undated last (by id, descending)
    assert everything[-2:] == ["case-7", "case-3"]
    forward, pages = _walk(db, case_page, ViewFilter(limit=2))
    assert forward == everything
    assert [i for p in pages for i in p] == everything  # the walk back meets the same pages
    assert all(len(p) == 2 for p in pages[:-1])


def test_claim_pages_and_filters(db: Database) -> None:
    _archive(db)
    every, _ = _walk(db, claim_page, ViewFilter(limit=200))
    forward, _ = _walk(db, claim_page, ViewFilter(limit=3))
    assert forward == every and len(every) == len(set(every)) == 31
    saltpan, _ = _walk(db, claim_page, ViewFilter(q="SALTPAN", limit=4))
    with db.transaction() as session:
        page = claim_page(session, ViewFilter(q="saltpan", party="EU", limit=200))
    assert page.items and all(
        "saltpan" in r[0].content_text.lower() and r[0].affiliation == "EU" for r in page.items
    )
    assert 0 < len(saltpan) < len(every)


def test_case_filters_run_in_the_database(db: Database) -> None:
    _archive(db)

    def ids(**fields) -> set[str]:
        with db.transaction() as session:
            return {r[0].id for r in case_page(session, ViewFilter(limit=200, **fields)).items}

    assert ids(theatre="arm-aze") == {"case-1", "case-3", "case-5", "case-7"}
    assert ids(since=date(2026, 3, 5), until=date(2026, 3, 5)) == {"case-4"}
    assert ids(bbox="46.9,39.9,48.1,41") == {"case-2", "case-3"}
    assert ids(event_type="attack") == {"case-0", "case-3", "case-6"}  # claim k*10: k % 3 == 0
    assert ids(status="pending") == {f"case-{k}" for k in range(9)}
    assert ids(q="case 8 near") == {"case-8"}
    assert ids(party="EU") == {f"case-{k}" for k in range(9)}


def test_summaries_follow_linkage_and_verdicts(db: Database) -> None:
    _archive(db)
    with db.transaction() as session:
        summary = session.get(CaseSummaryRow, "case-1")
        assert (summary.claims_for, summary.claims_against) == (3, 1)
        assert summary.parties_for == ["AZE", "EU"] and summary.parties_against == ["ARM"]
        assert summary.status == "pending"
        repo = CaseRepository(session)
        repo.add_verdict(Verdict("case-1", VerdictStatus.CONTRADICTED, 0.8, "engine says"))
        assert session.get(CaseSummaryRow, "case-1").status == "contradicted"
        analyst = Verdict("case-1", VerdictStatus.DISPUTED, 0.9, "x", author="ana", reason="y")
        repo.add_verdict(analyst)
        repo.add_verdict(Verdict("case-1", VerdictStatus.CORROBORATED, 0.8, "engine again"))
        assert session.get(CaseSummaryRow, "case-1").status == "disputed"  # analyst stands


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"status": "maybe"}, "E403"),
        ({"event_type": "picnic"}, "E910"),
        ({"cursor": "not-a-cursor"}, "E911"),
        ({"since": date(2026, 3, 5), "until": date(2026, 3, 1)}, "E912"),
        ({"bbox": "46,40,45,41"}, "E913"),
        ({"bbox": "1,2,3"}, "E913"),
        ({"bbox": "a,b,c,d"}, "E913"),
        ({"bbox": "0,-95,1,1"}, "E913"),
    ],
)
def test_meaningless_filters_are_coded_errors(fields: dict, code: str) -> None:
    with pytest.raises(InputError) as raised:
        ViewFilter(**fields).checked("cases")
    assert raised.value.code == code and raised.value.status == 422


def test_a_filter_a_list_cannot_apply_is_refused() -> None:
    with pytest.raises(InputError) as raised:
        ViewFilter(status="corroborated").checked("documents")
    assert raised.value.code == "E914" and "'status'" in raised.value.message


def test_the_migration_fills_summaries_for_cases_already_stored(sqlite_db: Database) -> None:
    """0011_views on a database that held cases before it: every case gets its summary."""
    from alembic import command
    from sqlalchemy import inspect

    from watchline.store.db import alembic_config

    _archive(sqlite_db)
    with sqlite_db.transaction() as session:
        before = {r.case_id: (r.claims_for, r.parties) for r in session.query(CaseSummaryRow)}
    cfg = alembic_config(sqlite_db.url)
    with sqlite_db.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0011_views@-2")  # 0017_api (built on it), then 0011_views
    assert "case_summaries" not in inspect(sqlite_db.engine).get_table_names()
    sqlite_db.init()
    with sqlite_db.transaction() as session:
        after = {r.case_id: (r.claims_for, r.parties) for r in session.query(CaseSummaryRow)}
    assert len(before) == 9 and after == before
