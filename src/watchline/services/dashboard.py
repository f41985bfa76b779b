"""What the dashboard shows, each figure from one SQL aggregate or one bounded query.

The dashboard is opened many times a day on databases of hundreds of thousands of
claims, so nothing here loads every claim or case: counts are `GROUP BY`s, lists have a
`LIMIT`, and the chart's window is a bounded number of days ending at the newest stated
day (a mission's data is often days old when it is read, so "today" would show nothing).
Claims of a document that was since edited are left out: its newest version's claims
stand for it, as everywhere else. Where an analyst corrected a claim (its act, event
type, agent or dates), the figures that field feeds count the corrected value
(`services.dashboard_corrections`); the stated day and the speaker are the evidence
itself and are not correctable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, case, exists, func, select
from sqlalchemy.orm import Session, aliased

from watchline.services.dashboard_corrections import corrected_values, window_counts
from watchline.store import Database
from watchline.store.cases import utc
from watchline.store.tables import (
    CaseReviewRow,
    CaseRow,
    ClaimRow,
    DocumentRow,
    SourceRow,
    VerdictRow,
)

ENGINE = "engine"  # the author of the engine's verdicts (services.casework.ENGINE)
NO_VERDICT = "no_verdict"
NEWEST_CLAIMS = 10
UNASSIGNED_SHOWN = 10
MAX_DAYS = 366
T = TypeVar("T")


@dataclass(frozen=True)
class NewClaim:
    id: str
    document_id: str
    speaker: str
    affiliation: str | None
    act: str
    event_type: str
    content: str
    stated_on: date | None
    published_at: datetime | None
    source: str


@dataclass(frozen=True)
class OpenCase:
    id: str
    title: str
    event_type: str
    start: date | None
    state: str


@dataclass(frozen=True)
class Dashboard:
    first_day: date | None
    last_day: date | None
    per_day: dict[tuple[date, str], int]  # (stated day, party) -> claims
    # (day of the alleged event, party said to act) -> claims stated in the window,
    # with the analysts' corrected dates and agents
    alleged: dict[tuple[date, str], int]
    verdicts: dict[str, int]  # current verdict status (or no_verdict) -> active cases
    states: dict[str, int]  # review state of open (unpublished) active cases -> count
    open_cases: int
    unassigned: int
    unassigned_cases: tuple[OpenCase, ...]
    newest: tuple[NewClaim, ...]


def current_documents():
    """A WHERE clause: the claim's document is its item's newest version."""
    newer = aliased(DocumentRow)
    return ~exists().where(
        newer.key == DocumentRow.key,
        newer.version > DocumentRow.version,
    )


def chart_window(session: Session, days: int) -> tuple[date | None, date | None]:
    """The last `days` stated days (first, last); (None, None) without dated claims."""
    days = max(1, min(days, MAX_DAYS))
    last = session.scalar(  # walks the stated_on index from its end: no scan
        select(ClaimRow.stated_on)
        .join(DocumentRow, DocumentRow.id == ClaimRow.document_id)
        .where(ClaimRow.stated_on.is_not(None), current_documents())
        .order_by(ClaimRow.stated_on.desc())
        .limit(1)
    )
    if last is None:
        return None, None
    return last - timedelta(days=days - 1), last


def claims_per_day(session: Session, days: int) -> tuple[date | None, date | None, dict]:
    """(first day, last day, {(day, party): count}) over the last `days` stated days."""
    first, last = chart_window(session, days)
    if first is None or last is None:
        return None, None, {}
    return first, last, window_counts(session, first, last)[0]


def _current_verdict_ids():
    """Per case, the id of its current verdict: the newest analyst verdict, else the
    newest engine verdict (the rule of services.casework.current_verdict)."""
    analyst = func.max(case((VerdictRow.author != ENGINE, VerdictRow.id)))
    return (
        select(
            VerdictRow.case_id.label("case_id"),
            func.coalesce(analyst, func.max(VerdictRow.id)).label("verdict_id"),
        )
        .group_by(VerdictRow.case_id)
        .subquery()
    )


def verdicts_by_status(session: Session) -> dict[str, int]:
    """Active cases by their current verdict's status; cases without one as no_verdict."""
    current = _current_verdict_ids()
    status = func.coalesce(VerdictRow.status, NO_VERDICT)
    query = (
        select(status, func.count())
        .select_from(CaseRow)
        .outerjoin(current, current.c.case_id == CaseRow.id)
        .outerjoin(VerdictRow, VerdictRow.id == current.c.verdict_id)
        .where(CaseRow.active.is_(True))
        .group_by(status)
    )
    return {str(s): int(n) for s, n in session.execute(query)}


def review_counts(session: Session) -> tuple[dict[str, int], int, int]:
    """(open cases by review state, open cases, open cases nobody is assigned)."""
    state = func.coalesce(CaseReviewRow.state, "new")
    joined = (
        select(state, func.count(), func.count(CaseReviewRow.assignee))
        .select_from(CaseRow)
        .outerjoin(CaseReviewRow, CaseReviewRow.case_id == CaseRow.id)
        .where(CaseRow.active.is_(True), state != "published")
        .group_by(state)
    )
    states: dict[str, int] = {}
    total = assigned = 0
    for name, n, with_assignee in session.execute(joined):
        states[str(name)] = int(n)
        total += int(n)
        assigned += int(with_assignee)
    return states, total, total - assigned


def unassigned_cases(session: Session, limit: int = UNASSIGNED_SHOWN) -> tuple[OpenCase, ...]:
    """The newest open cases that nobody has (by the day of their event; undated last)."""
    state = func.coalesce(CaseReviewRow.state, "new")
    query = (
        select(CaseRow.id, CaseRow.title, CaseRow.event_type, CaseRow.start, state)
        .outerjoin(CaseReviewRow, CaseReviewRow.case_id == CaseRow.id)
        .where(
            CaseRow.active.is_(True),
            state != "published",
            CaseReviewRow.assignee.is_(None),
        )
    )
    return _dated_first(session, query, CaseRow.start, CaseRow.id, limit, OpenCase)


def _dated_first(
    session: Session, query: Select[Any], moment: Any, key: Any, limit: int, make: Callable[..., T]
) -> tuple[T, ...]:
    """The newest `limit` rows by `moment`, undated ones after them: two index-ordered
    queries, because `ORDER BY moment IS NULL, moment` makes a database sort every row."""
    dated = query.where(moment.is_not(None)).order_by(moment.desc(), key.desc()).limit(limit)
    rows = [make(*tuple(row)) for row in session.execute(dated)]
    if len(rows) < limit:
        undated = query.where(moment.is_(None)).order_by(key.desc()).limit(limit - len(rows))
        rows += [make(*tuple(row)) for row in session.execute(undated)]
    return tuple(rows)


def newest_claims(session: Session, limit: int = NEWEST_CLAIMS) -> tuple[NewClaim, ...]:
    """The claims of the most recently published documents (undated documents last).

    First the newest `limit` documents that have claims (walking the published_at
    index), then their claims: a join ordered by the document's time would sort them all.
    """
    has_claims = exists().where(ClaimRow.document_id == DocumentRow.id)
    documents = select(DocumentRow.id).where(current_documents(), has_claims)
    ids = list(
        session.scalars(
            documents.where(DocumentRow.published_at.is_not(None))
            .order_by(DocumentRow.published_at.desc())
            .limit(limit)
        )
    )
    if len(ids) < limit:
        undated = documents.where(DocumentRow.published_at.is_(None))
        ids += session.scalars(undated.order_by(DocumentRow.id.desc()).limit(limit - len(ids)))
    query = (
        select(
            ClaimRow.id,
            ClaimRow.document_id,
            ClaimRow.speaker_text,
            ClaimRow.affiliation,
            ClaimRow.act,
            ClaimRow.event_type,
            ClaimRow.content_text,
            ClaimRow.stated_on,
            DocumentRow.published_at,
            SourceRow.name,
        )
        .join(DocumentRow, DocumentRow.id == ClaimRow.document_id)
        .join(SourceRow, SourceRow.id == DocumentRow.source_id)
        .where(ClaimRow.document_id.in_(ids))
    )
    claims = [NewClaim(*tuple(row)) for row in session.execute(query)]
    fixed = corrected_values(session, [c.id for c in claims])
    claims = [
        replace(c, act=fixed[c.id][0], event_type=fixed[c.id][1]) if c.id in fixed else c
        for c in claims
    ]
    far_past = datetime.min.replace(tzinfo=UTC)

    def newest_first(claim: NewClaim) -> tuple[bool, datetime, str, str]:
        published = utc(claim.published_at) if claim.published_at else far_past
        return (claim.published_at is not None, published, claim.document_id, claim.id)

    return tuple(sorted(claims, key=newest_first, reverse=True)[:limit])


def dashboard(db: Database, days: int = 30) -> Dashboard:
    """Every figure of the dashboard, read in one transaction (one consistent view)."""
    with db.transaction() as session:
        first, last = chart_window(session, days)
        per_day, alleged = window_counts(session, first, last) if first and last else ({}, {})
        states, open_total, unassigned = review_counts(session)
        return Dashboard(
            first_day=first,
            last_day=last,
            per_day=per_day,
            alleged=alleged,
            verdicts=verdicts_by_status(session),
            states=states,
            open_cases=open_total,
            unassigned=unassigned,
            unassigned_cases=unassigned_cases(session),
            newest=newest_claims(session),
        )
