"""Timelines: one case's story in time order, and the theatre's, newest first, by page.

A case's timeline puts side by side what is otherwise on four tables: the days its
claims were stated, its verdict history, its review history (assignments, moves,
comments, corrections) and the patrols its current verdict counts as coverage. The
theatre's timeline does the same for every case within a window of days; each of its
sources is read newest first with a `LIMIT` of what the page needs, so a page costs the
same whatever the database holds (and the window and the page number are bounded).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session

from watchline.domain import Verdict
from watchline.errors import Errors, InputError
from watchline.services.casework import current_verdict
from watchline.services.dashboard import current_documents
from watchline.store import Database
from watchline.store.cases import CaseRepository, utc
from watchline.store.cases import _verdict as verdict_of
from watchline.store.tables import (
    CaseClaimRow,
    CaseEventRow,
    CaseRow,
    ClaimRow,
    DocumentRow,
    PatrolRow,
    VerdictRow,
)

if TYPE_CHECKING:
    from watchline.services.workflow import CaseReview

PAGE_SIZE = 50
MAX_PAGES = 200
MAX_WINDOW_DAYS = 366
DEFAULT_WINDOW_DAYS = 30
COUNT_CAP = PAGE_SIZE * MAX_PAGES  # entries counted per source: what can be paged to


@dataclass(frozen=True)
class Entry:
    """One line of a timeline. `day_only`: the time is a day (a claim's stated day)."""

    at: datetime
    kind: str  # claim | verdict | review | correction | patrol
    title: str
    detail: str = ""
    author: str | None = None
    href: str | None = None
    day_only: bool = False


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def _claim_entry(row: ClaimRow) -> Entry:
    speaker = row.speaker_text + (f" ({row.affiliation})" if row.affiliation else "")
    stated = row.stated_on or date.min
    return Entry(
        _day_start(stated),
        "claim",
        f"{speaker} {row.act}: {row.event_type.replace('_', ' ')}",
        row.content_text,
        href=f"/documents/{row.document_id}",
        day_only=True,
    )


def _verdict_entry(verdict: Verdict) -> Entry:
    detail = verdict.reason or verdict.rationale
    return Entry(
        utc(verdict.created_at),
        "verdict",
        f"Verdict {verdict.status.value.replace('_', ' ')} ({verdict.confidence:.0%})",
        detail,
        verdict.author,
        f"/cases/{verdict.case_id}",
    )


def _event_title(kind: str, old: object, new: object) -> str:
    if kind == "state":
        return f"Moved from {old or 'new'} to {new}"
    if kind == "assign":
        return f"Assigned to {new}" if new else f"Unassigned (was {old})"
    if kind == "comment":
        return "Comment"
    return kind.capitalize()


def _event_entry(row: CaseEventRow) -> Entry:
    return Entry(
        utc(row.created_at),
        "review",
        _event_title(row.kind, row.old, row.new),
        row.text or "",
        row.author,
        f"/cases/{row.case_id}",
    )


def _patrol_entry(row: PatrolRow) -> Entry:
    start, end = utc(row.start_at), utc(row.end_at)
    return Entry(
        start,
        "patrol",
        f"Patrol {row.team}",
        f"{start:%Y-%m-%d %H:%M}–{end:%H:%M} UTC, {row.point_count} points"
        + (f", from {row.base}" if row.base else ""),
        href="/patrols",
    )


def case_timeline(
    db: Database, case_id: str, review: CaseReview | None = None
) -> tuple[Entry, ...]:
    """Everything that happened to one case, oldest first (E: the case's own error when
    there is no such case)."""
    with db.transaction() as session:
        return timeline_in(session, case_id, review)


def timeline_in(
    session: Session,
    case_id: str,
    review: CaseReview | None = None,
    history: Sequence[Verdict] | None = None,
) -> tuple[Entry, ...]:
    """`case_timeline` inside the caller's transaction. `review` and `history` (its
    verdicts, oldest first): what the caller has read already (the case page shows
    them too; reading them twice doubled the page's cost)."""
    from watchline.services.workflow import review_in

    if review is None:
        CaseRepository(session).get(case_id)  # E010 (a review was read of an active case)
    claims = session.scalars(
        select(ClaimRow)
        .join(CaseClaimRow, CaseClaimRow.claim_id == ClaimRow.id)
        .where(CaseClaimRow.case_id == case_id)
    ).all()
    if history is None:
        rows = session.scalars(
            select(VerdictRow)
            .where(VerdictRow.case_id == case_id)
            .order_by(VerdictRow.created_at, VerdictRow.id)
        )
        history = [verdict_of(row) for row in rows]
    entries = [_claim_entry(c) for c in claims if c.stated_on is not None]
    entries += [_verdict_entry(v) for v in history]
    current = current_verdict(list(history))
    patrol_ids = list(current.coverage.patrol_ids) if current and current.coverage else []
    if patrol_ids:
        patrols = session.scalars(select(PatrolRow).where(PatrolRow.id.in_(patrol_ids)))
        entries += [_patrol_entry(p) for p in patrols]
    for item in (review or review_in(session, case_id)).history:
        if item.kind == "correction":
            title = f"Corrected {item.field} of claim {item.claim_id}: {item.old} → {item.new}"
            entries.append(Entry(utc(item.at), "correction", title, item.text or "", item.author))
        else:
            text = _event_title(item.kind, item.old, item.new)
            entries.append(Entry(utc(item.at), "review", text, item.text or "", item.author))
    order = {"patrol": 0, "claim": 1, "verdict": 2, "review": 3, "correction": 4}
    return tuple(sorted(entries, key=lambda e: (e.at, order.get(e.kind, 9))))


@dataclass(frozen=True)
class TimelinePage:
    start: date
    end: date
    page: int
    pages: int
    total: int  # counted up to COUNT_CAP per source: a count costs what a page does
    entries: tuple[Entry, ...]
    more: bool = False  # more entries than can be paged to: narrow the window


def window(start: date | None, end: date | None, newest: date | None) -> tuple[date, date]:
    """The window asked for, or the last 30 days up to `end` (default: the newest
    stated day, else today); E750 when it is upside down or too long."""
    end = end or (start + timedelta(days=DEFAULT_WINDOW_DAYS - 1) if start else None)
    end = end or newest or datetime.now(UTC).date()
    start = start or end - timedelta(days=DEFAULT_WINDOW_DAYS - 1)
    if start > end:
        raise InputError(Errors.E750, start=start, end=end, reason="from is after to",
                         limit=MAX_WINDOW_DAYS)  # fmt: skip
    if (end - start).days + 1 > MAX_WINDOW_DAYS:
        reason = f"that is {(end - start).days + 1} days"
        raise InputError(Errors.E750, start=start, end=end, reason=reason, limit=MAX_WINDOW_DAYS)
    return start, end


def theatre_timeline(
    db: Database, start: date | None = None, end: date | None = None, page: int = 1
) -> TimelinePage:
    """One page of every claim, verdict, review event and patrol in the window, newest
    first (E751 past page 200: narrow the window instead)."""
    if page > MAX_PAGES:
        raise InputError(Errors.E751, page=page, limit=MAX_PAGES)
    page = max(page, 1)
    with db.transaction() as session:
        newest = session.scalar(select(func.max(ClaimRow.stated_on)))
        first, last = window(start, end, newest)
        entries, total = _page(session, first, last, page)
    pages = max(1, min(MAX_PAGES, -(-total // PAGE_SIZE)))
    return TimelinePage(first, last, page, pages, total, entries, total > COUNT_CAP)


def _page(session: Session, first: date, last: date, page: int) -> tuple[tuple[Entry, ...], int]:
    since, until = _day_start(first), _day_start(last + timedelta(days=1))
    need = page * PAGE_SIZE
    active = select(CaseRow.id).where(CaseRow.active.is_(True))
    sources: list[tuple[Any, Any, Any, Callable[[Any], Entry]]] = [
        (
            select(ClaimRow)
            .join(DocumentRow, DocumentRow.id == ClaimRow.document_id)
            .where(ClaimRow.stated_on.between(first, last), current_documents()),
            ClaimRow.stated_on,
            ClaimRow.id,
            _claim_entry,
        ),
        (
            select(VerdictRow).where(
                VerdictRow.created_at >= since,
                VerdictRow.created_at < until,
                VerdictRow.case_id.in_(active),
            ),
            VerdictRow.created_at,
            VerdictRow.id,
            lambda row: _verdict_entry(verdict_of(row)),
        ),
        (
            select(CaseEventRow).where(
                CaseEventRow.created_at >= since, CaseEventRow.created_at < until
            ),
            CaseEventRow.created_at,
            CaseEventRow.id,
            _event_entry,
        ),
        (
            select(PatrolRow).where(PatrolRow.start_at >= since, PatrolRow.start_at < until),
            PatrolRow.start_at,
            PatrolRow.num,
            _patrol_entry,
        ),
    ]
    total = 0
    streams = []
    for query, moment, key, make in sources:
        counted = query.with_only_columns(literal(1)).limit(COUNT_CAP + 1).subquery()
        total += session.scalar(select(func.count()).select_from(counted)) or 0
        rows = session.scalars(query.order_by(moment.desc(), key.desc()).limit(need)).all()
        streams.append([make(row) for row in rows])
    merged = heapq.merge(*streams, key=lambda e: e.at, reverse=True)
    return tuple(islice(merged, need - PAGE_SIZE, need)), total
