"""Pages of cases, claims and documents, filtered and ordered in the database.

Every list is newest first and paged by keyset (the last row's sort key and id, in an
opaque cursor), so page 400 costs what page 1 does and rows added meanwhile never shift
a page. A sort key may be NULL (an undated case or claim): those rows come after every
dated one, ordered by id, and the walk runs in two index-ordered steps (dated, then
undated) so that it is the same on SQLite and PostgreSQL, whose NULL orders differ.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, defer

from watchline.store.extent import summaries_in_box
from watchline.store.filters import Cursor, Page, ViewFilter, decode_cursor, encode_cursor
from watchline.store.search import claims_matching, documents_matching
from watchline.store.tables.case_summaries import CaseSummaryRow
from watchline.store.tables.cases import CaseRow
from watchline.store.tables.claims import ClaimRow
from watchline.store.tables.documents import DocumentRow

Column = InstrumentedAttribute[Any]


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def keyset_page(
    session: Session,
    query: Select[Any],
    key: Column,
    ident: Column,
    cursor: str | None,
    limit: int,
    key_of: Callable[[Any], Any],
    id_of: Callable[[Any], str],
) -> Page[Any]:
    """One page of `query` ordered by (`key` desc, NULLs last, `ident` desc).

    `key_of`/`id_of` read a result row's sort key and id (for the cursors).
    """
    at = decode_cursor(cursor) if cursor else None
    if at is None or at.forward:
        rows = _walk(session, query, key, ident, at, limit + 1, forward=True)
        more = len(rows) > limit
        rows = rows[:limit]
        has_next, has_prev = more, at is not None and bool(rows)
    else:
        rows = _walk(session, query, key, ident, at, limit + 1, forward=False)
        has_prev = len(rows) > limit
        rows = list(reversed(rows[:limit]))
        has_next = True
    first, last = (rows[0], rows[-1]) if rows else (None, None)
    return Page(
        items=list(rows),
        next_cursor=encode_cursor(Cursor(True, key_of(last), id_of(last)))
        if has_next and last is not None
        else None,
        prev_cursor=encode_cursor(Cursor(False, key_of(first), id_of(first)))
        if has_prev and first is not None
        else None,
    )


def _walk(
    session: Session,
    query: Select[Any],
    key: Column,
    ident: Column,
    at: Cursor | None,
    wanted: int,
    *,
    forward: bool,
) -> Sequence[Any]:
    """Up to `wanted` rows from the cursor on, in walking order (forward: newest first)."""
    dated = query.where(key.is_not(None))
    undated = query.where(key.is_(None))
    if at is not None and at.key is not None:
        after = or_(key < at.key, and_(key == at.key, ident < at.id))
        before = or_(key > at.key, and_(key == at.key, ident > at.id))
        dated = dated.where(after if forward else before)
    elif at is not None:  # the cursor is among the undated rows
        undated = undated.where(ident < at.id if forward else ident > at.id)
    among_undated = at is not None and at.key is None
    if forward:  # dated rows (none left after an undated cursor), then undated ones
        steps = [] if among_undated else [dated.order_by(key.desc(), ident.desc())]
        steps.append(undated.order_by(ident.desc()))
    else:  # back towards the newest: undated rows first (only from an undated cursor)
        steps = [undated.order_by(ident.asc())] if among_undated or at is None else []
        steps.append(dated.order_by(key.asc(), ident.asc()))
    rows: list[Any] = []
    for step in steps:
        if len(rows) >= wanted:
            break
        rows += session.execute(step.limit(wanted - len(rows))).all()
    return rows


def case_page(session: Session, view: ViewFilter) -> Page[Any]:
    """Active cases with their summaries: rows of (CaseRow, CaseSummaryRow)."""
    query = (
        select(CaseRow, CaseSummaryRow)
        .join(CaseSummaryRow, CaseSummaryRow.case_id == CaseRow.id)
        .options(defer(CaseRow.area))  # the list never draws the area
    )
    query = query.where(*case_conditions(view, session))
    return keyset_page(
        session,
        query,
        CaseRow.start,
        CaseRow.id,
        view.cursor,
        view.limit,
        lambda row: row[0].start,
        lambda row: row[0].id,
    )


def case_conditions(view: ViewFilter, session: Session | None = None) -> list[ColumnElement[bool]]:
    """The filter as WHERE conditions over `cases` joined with `case_summaries`; with a
    `session`, a bbox is looked up in the spatial index first (`summaries_in_box`)."""
    box = view.box
    spatial = summaries_in_box(session, box) if session is not None and box else None
    found: list[ColumnElement[bool]] = [spatial.active if spatial else CaseRow.active.is_(True)]
    if spatial is not None:
        found.append(spatial.condition)
    if view.theatre:
        found.append(CaseRow.theatre_id == view.theatre)
    if view.verdict_status is not None:
        found.append(CaseSummaryRow.status == view.verdict_status.value)
    if view.event is not None:
        found.append(CaseRow.event_type == view.event.value)
    if view.party:
        found.append(CaseSummaryRow.parties.contains(f"|{view.party}|", autoescape=True))
    if view.since:
        found.append(func.coalesce(CaseRow.end, CaseRow.start) >= view.since)
    if view.until:
        found.append(CaseRow.start <= view.until)
    if view.q:
        found.append(CaseSummaryRow.search.contains(view.q.lower(), autoescape=True))
    if box is not None:
        west, south, east, north = box
        found += [
            CaseSummaryRow.min_lon <= east,
            CaseSummaryRow.max_lon >= west,
            CaseSummaryRow.min_lat <= north,
            CaseSummaryRow.max_lat >= south,
        ]
    return found


def claim_page(session: Session, view: ViewFilter) -> Page[Any]:
    """Claims newest first (rows of one ClaimRow), filtered by party, type, days, text."""
    query = select(ClaimRow)
    if view.party:
        query = query.where(ClaimRow.affiliation == view.party)
    if view.event is not None:
        query = query.where(ClaimRow.event_type == view.event.value)
    if view.since:
        query = query.where(ClaimRow.stated_on >= view.since)
    if view.until:
        query = query.where(ClaimRow.stated_on <= view.until)
    if view.q:
        query = query.where(claims_matching(_dialect(session), view.q, session))
    return keyset_page(
        session,
        query,
        ClaimRow.stated_on,
        ClaimRow.id,
        view.cursor,
        view.limit,
        lambda row: row[0].stated_on,
        lambda row: row[0].id,
    )


def document_page(session: Session, view: ViewFilter) -> Page[Any]:
    """Documents newest first (rows of one DocumentRow), by publication day and title."""
    from datetime import UTC, datetime, time, timedelta

    query = select(DocumentRow)
    if view.since:
        query = query.where(DocumentRow.published_at >= datetime.combine(view.since, time(), UTC))
    if view.until:
        end = datetime.combine(view.until + timedelta(days=1), time(), UTC)
        query = query.where(DocumentRow.published_at < end)
    if view.q:
        query = query.where(documents_matching(_dialect(session), view.q))
    return keyset_page(
        session,
        query,
        DocumentRow.published_at,
        DocumentRow.id,
        view.cursor,
        view.limit,
        lambda row: row[0].published_at,
        lambda row: row[0].id,
    )
