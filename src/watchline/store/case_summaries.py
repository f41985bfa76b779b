"""Keep `case_summaries` true: claim counts, parties, date span, current status, bbox.

`refresh` rewrites the summaries of the given cases (all when None) from their
memberships, claims, verdicts and area; `CaseRepository.save_linkage` calls it for the
cases a run wrote or retired, `CaseRepository.add_verdict` calls `refresh_status` for the
one case. The current status follows `services.casework.current_verdict`: the newest
analyst verdict when an analyst has spoken, else the newest engine verdict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from datetime import date, datetime

import shapely.wkt
from shapely.errors import ShapelyError
from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.orm import Session

from watchline.store.tables.case_summaries import CaseSummaryRow
from watchline.store.tables.cases import CaseClaimRow, CaseRow, VerdictRow
from watchline.store.tables.claims import ClaimRow

ENGINE = "engine"  # the engine's verdicts' author (services.casework.ENGINE)
CHUNK = 500  # ids per IN (...): well under SQLite's bound-parameter limit


def _chunks(ids: list[str] | None) -> Iterator[list[str] | None]:
    if ids is None:
        yield None
        return
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def current_status(verdicts: Iterable[tuple[str, str, datetime]]) -> tuple[str, datetime | None]:
    """(status, when) of the current verdict among (author, status, created_at) oldest
    first; ("pending", None) without any."""
    engine = analyst = None
    for author, status, at in verdicts:
        if author == ENGINE:
            engine = (status, at)
        else:
            analyst = (status, at)
    return analyst or engine or ("pending", None)


def refresh(session: Session | Connection, case_ids: Collection[str] | None = None) -> int:
    """Rewrite the summaries of `case_ids` (every case when None); returns how many."""
    wanted = sorted(set(case_ids)) if case_ids is not None else None
    written = 0
    for chunk in _chunks(wanted):
        rows = _summaries(session, chunk)
        target = delete(CaseSummaryRow)
        if chunk is not None:
            target = target.where(CaseSummaryRow.case_id.in_(chunk))
        session.execute(target)
        if rows:
            session.execute(insert(CaseSummaryRow), rows)
        written += len(rows)
    return written


def refresh_status(session: Session, case_id: str) -> None:
    """The current status of one case again, after a verdict was added."""
    status, at = _statuses(session, [case_id]).get(case_id, ("pending", None))
    done = session.execute(
        update(CaseSummaryRow)
        .where(CaseSummaryRow.case_id == case_id)
        .values(status=status, verdict_at=at)
    )
    if not getattr(done, "rowcount", 0):
        refresh(session, [case_id])


def _statuses(
    session: Session | Connection, ids: list[str] | None
) -> dict[str, tuple[str, datetime | None]]:
    query = select(VerdictRow.case_id, VerdictRow.author, VerdictRow.status, VerdictRow.created_at)
    if ids is not None:
        query = query.where(VerdictRow.case_id.in_(ids))
    grouped: dict[str, list[tuple[str, str, datetime]]] = defaultdict(list)
    for case_id, author, status, at in session.execute(
        query.order_by(VerdictRow.created_at, VerdictRow.id)
    ):
        grouped[case_id].append((author, status, at))
    return {case_id: current_status(items) for case_id, items in grouped.items()}


def _summaries(session: Session | Connection, ids: list[str] | None) -> list[dict[str, object]]:
    cases = select(CaseRow.id, CaseRow.title, CaseRow.agent, CaseRow.event_type, CaseRow.area)
    members = (
        select(
            CaseClaimRow.case_id,
            CaseClaimRow.role,
            ClaimRow.affiliation,
            ClaimRow.speaker_text,
            ClaimRow.stated_on,
        )
        .join(ClaimRow, ClaimRow.id == CaseClaimRow.claim_id)
        .order_by(CaseClaimRow.case_id, CaseClaimRow.position, CaseClaimRow.claim_id)
    )
    if ids is not None:
        cases = cases.where(CaseRow.id.in_(ids))
        members = members.where(CaseClaimRow.case_id.in_(ids))
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    sides: dict[str, dict[str, dict[str, None]]] = defaultdict(lambda: defaultdict(dict))
    days: dict[str, list[date]] = defaultdict(list)
    for case_id, role, affiliation, speaker, stated_on in session.execute(members):
        counts[case_id][role] += 1
        if role in ("for", "against"):
            sides[case_id][role][affiliation or speaker] = None
        if stated_on is not None:
            days[case_id].append(stated_on)
    statuses = _statuses(session, ids)
    rows = []
    for case_id, title, agent, event_type, area in session.execute(cases):
        status, at = statuses.get(case_id, ("pending", None))
        parties_for = list(sides[case_id]["for"])
        parties_against = list(sides[case_id]["against"])
        every = list(dict.fromkeys(parties_for + parties_against))
        box = _bounds(area)
        rows.append(
            {
                "case_id": case_id,
                "claims_for": counts[case_id]["for"],
                "claims_against": counts[case_id]["against"],
                "claims_context": counts[case_id]["context"],
                "copies": counts[case_id]["copy"],
                "parties_for": parties_for,
                "parties_against": parties_against,
                "parties": "|" + "|".join(every) + "|" if every else "",
                "first_stated": min(days[case_id]) if days[case_id] else None,
                "last_stated": max(days[case_id]) if days[case_id] else None,
                "status": status,
                "verdict_at": at,
                "min_lon": box[0] if box else None,
                "min_lat": box[1] if box else None,
                "max_lon": box[2] if box else None,
                "max_lat": box[3] if box else None,
                "search": " ".join([title or "", agent or "", event_type, *every]).lower(),
            }
        )
    return rows


def _bounds(area: str | None) -> tuple[float, float, float, float] | None:
    if not area:
        return None
    try:
        shape = shapely.wkt.loads(area)
    except ShapelyError:
        return None
    return None if shape.is_empty else tuple(shape.bounds)  # type: ignore[return-value]
