"""Cases and verdicts in the database.

`save_linkage` stores a linking run: cases are upserted by their stable id, and only the
cases, memberships and responses that differ from what is stored are written (a new
batch of claims rewrites the cases it changed, not the archive); cases the run no
longer produces are marked inactive rather than deleted, so that their verdict history
stays.
Verdicts are only ever added.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import shapely
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from watchline.domain import Case, Coverage, EventType, Evidence, Verdict, VerdictStatus
from watchline.errors import Errors, NotFound
from watchline.link.model import Linkage, Membership, Response, ResponseKind, Role
from watchline.store import case_summaries
from watchline.store.tables.cases import CaseClaimRow, CaseRow, ClaimResponseRow, VerdictRow


@dataclass(frozen=True)
class LinkCounts:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    retired: int = 0


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class CaseRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _members_by_case(self, scoped: set[str]) -> dict[str, dict[str, tuple[str, int]]]:
        """Stored memberships of the cases in `scoped`: claim id -> (role, position)."""
        members: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
        for row in self.session.scalars(select(CaseClaimRow)):
            if row.case_id in scoped:
                members[row.case_id][row.claim_id] = (row.role, row.position)
        return members

    def save_linkage(
        self,
        linkage: Linkage,
        now: datetime | None = None,
        *,
        kept_theatres: frozenset[str] = frozenset(),
        kept_claims: frozenset[str] = frozenset(),
    ) -> LinkCounts:
        """Store a linking run, writing only what differs from what is stored.

        `kept_theatres` were not linked again (nothing of theatres changed): their cases
        stay as stored, and `kept_claims` (their claims) keep their responses; every other
        stored case that the run no longer produces is retired.
        """
        now = now or datetime.now(UTC)
        rows = {
            row.id: row
            for row in self.session.scalars(select(CaseRow))
            if row.theatre_id is None or row.theatre_id not in kept_theatres
        }
        before = self._members_by_case(set(rows))
        positions = {cid: i for case in linkage.cases for i, cid in enumerate(case.claim_ids)}
        after: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
        for m in linkage.members:
            after[m.case_id][m.claim_id] = (str(m.role), positions[m.claim_id])
        new = changed = unchanged = 0
        for case in linkage.cases:
            row, scope = rows.get(case.id), linkage.scopes.get(case.id, "place")
            if row is None:
                new += 1
            elif _same(row, case, _pairs(before.get(case.id)), _pairs(after[case.id])):
                unchanged += 1
            else:
                changed += 1
            if row is None:
                self.session.add(_case_row(case, scope, now))
            elif not _stored_as(row, case, scope):
                _update_row(row, _case_row(case, scope, now))
        live = {case.id for case in linkage.cases}
        retired = [row for cid, row in rows.items() if cid not in live and row.active]
        for row in retired:
            row.active = False
        self._save_members(before, after, live | {row.id for row in retired})
        self._save_responses(linkage, kept_claims)
        self.session.flush()
        # The case list's summaries (Issue 13): rewritten for every case this run wrote
        # or retired, in the same transaction, so a list never shows a half-saved run.
        case_summaries.refresh(self.session, live | {row.id for row in retired})
        return LinkCounts(new, changed, unchanged, len(retired))

    def _save_members(
        self,
        before: dict[str, dict[str, tuple[str, int]]],
        after: dict[str, dict[str, tuple[str, int]]],
        case_ids: set[str],
    ) -> None:
        """Rewrite the memberships of the cases whose members, roles or order changed."""
        stale = [cid for cid in case_ids if before.get(cid, {}) != after.get(cid, {})]
        for chunk in _chunks(stale):
            self.session.execute(delete(CaseClaimRow).where(CaseClaimRow.case_id.in_(chunk)))
        self.session.flush()
        self.session.add_all(
            CaseClaimRow(case_id=cid, claim_id=claim_id, role=role, position=position)
            for cid in stale
            for claim_id, (role, position) in after.get(cid, {}).items()
        )

    def _save_responses(self, linkage: Linkage, kept_claims: frozenset[str]) -> None:
        """Replace the responses that differ, leaving those of kept claims alone."""
        answered = {r.claim_id for r in linkage.responses}
        copies = [
            Response(copy, original, ResponseKind.COPIES)
            for copy, original in linkage.copies.items()
            if copy not in answered
        ]
        wanted = {r.claim_id: (r.answers, str(r.kind)) for r in (*linkage.responses, *copies)}
        stored = {
            row.claim_id: (row.answers, row.kind)
            for row in self.session.scalars(select(ClaimResponseRow))
            if row.claim_id not in kept_claims
        }
        stale = [cid for cid, value in stored.items() if wanted.get(cid) != value]
        for chunk in _chunks(stale):
            self.session.execute(
                delete(ClaimResponseRow).where(ClaimResponseRow.claim_id.in_(chunk))
            )
        self.session.flush()
        self.session.add_all(
            ClaimResponseRow(claim_id=cid, answers=answers, kind=kind)
            for cid, (answers, kind) in wanted.items()
            if stored.get(cid) != (answers, kind)
        )

    def cases(self, active_only: bool = True, theatre_id: str | None = None) -> list[Case]:
        """Cases by start and id; only those of one theatre when `theatre_id` is given."""
        query = select(CaseRow).order_by(CaseRow.start, CaseRow.id)
        if active_only:
            query = query.where(CaseRow.active.is_(True))
        if theatre_id is not None:
            query = query.where(CaseRow.theatre_id == theatre_id)
        members = self._ordered_members()
        return [_case(row, members.get(row.id, ())) for row in self.session.scalars(query)]

    def get(self, case_id: str) -> Case:
        row = self.session.get(CaseRow, case_id)
        if row is None:
            raise NotFound(Errors.E010, case_id=case_id)
        return _case(row, tuple(m.claim_id for m in self.members_of(case_id)))

    def members_of(self, case_id: str) -> list[Membership]:
        """One case's claims with their roles, in case order (one indexed query)."""
        query = (
            select(CaseClaimRow)
            .where(CaseClaimRow.case_id == case_id)
            .order_by(CaseClaimRow.position, CaseClaimRow.claim_id)
        )
        return [
            Membership(r.case_id, r.claim_id, Role(r.role)) for r in self.session.scalars(query)
        ]

    def scopes(self) -> dict[str, str]:
        return {row.id: row.scope for row in self.session.scalars(select(CaseRow))}

    def _ordered_members(self) -> dict[str, tuple[str, ...]]:
        grouped: dict[str, list[CaseClaimRow]] = defaultdict(list)
        for row in self.session.scalars(select(CaseClaimRow)):
            grouped[row.case_id].append(row)
        return {
            cid: tuple(r.claim_id for r in sorted(rows, key=lambda r: (r.position, r.claim_id)))
            for cid, rows in grouped.items()
        }

    def memberships(self) -> list[Membership]:
        query = select(CaseClaimRow).order_by(CaseClaimRow.case_id, CaseClaimRow.position)
        return [
            Membership(r.case_id, r.claim_id, Role(r.role)) for r in self.session.scalars(query)
        ]

    def responses(self) -> list[Response]:
        query = select(ClaimResponseRow).order_by(ClaimResponseRow.claim_id)
        return [
            Response(r.claim_id, r.answers, ResponseKind(r.kind))
            for r in self.session.scalars(query)
        ]

    def add_verdict(self, verdict: Verdict, now: datetime | None = None) -> Verdict:
        if self.session.get(CaseRow, verdict.case_id) is None:
            raise NotFound(Errors.E010, case_id=verdict.case_id)
        row = _verdict_row(verdict, verdict.created_at or now or datetime.now(UTC))
        self.session.add(row)
        self.session.flush()
        case_summaries.refresh_status(self.session, verdict.case_id)  # the list's status
        return _verdict(row)

    def history(self, case_id: str) -> list[Verdict]:
        """Every verdict of a case, oldest first."""
        return self.histories([case_id]).get(case_id, [])

    def histories(self, case_ids: list[str] | None = None) -> dict[str, list[Verdict]]:
        query = select(VerdictRow).order_by(VerdictRow.created_at, VerdictRow.id)
        if case_ids is not None:
            query = query.where(VerdictRow.case_id.in_(case_ids))
        grouped: dict[str, list[Verdict]] = defaultdict(list)
        for row in self.session.scalars(query):
            grouped[row.case_id].append(_verdict(row))
        return dict(grouped)


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _pairs(members: dict[str, tuple[str, int]] | None) -> set[tuple[str, str]] | None:
    return None if members is None else {(cid, role) for cid, (role, _) in members.items()}


def _stored_as(row: CaseRow, case: Case, scope: str) -> bool:
    """Whether the stored row already says everything the run says of the case."""
    return (
        row.active
        and row.event_type == str(case.event_type)
        and (row.agent, row.start, row.end) == (case.agent, case.start, case.end)
        and _same_area(row.area, case.area)
        and row.scope == scope
        and list(row.place_ids or ()) == list(case.place_ids)
        and row.title == case.title
        and row.theatre_id == case.theatre_id
    )


def _same_area(stored: str | None, linked: str | None) -> bool:
    """PostGIS writes WKT its own way, so equal text is not needed, equal shapes are."""
    if stored == linked or stored is None or linked is None:
        return stored == linked
    return bool(shapely.equals_exact(shapely.from_wkt(stored), shapely.from_wkt(linked), 1e-9))


def _same(row: CaseRow, case: Case, before: set | None, after: set) -> bool:
    return (
        before == after
        and row.active
        and (row.start, row.end) == (case.start, case.end)
        and row.theatre_id == case.theatre_id
    )


def _update_row(row: CaseRow, fresh: CaseRow) -> None:
    """Give a stored row the values of `fresh` (same id), in place."""
    for column in CaseRow.__table__.columns:
        if column.key != "id":
            setattr(row, column.key, getattr(fresh, column.key))


def _case_row(case: Case, scope: str, now: datetime) -> CaseRow:
    return CaseRow(
        id=case.id,
        event_type=str(case.event_type),
        agent=case.agent,
        start=case.start,
        end=case.end,
        area=case.area,
        scope=scope,
        place_ids=list(case.place_ids),
        title=case.title,
        active=True,
        linked_at=now,
        theatre_id=case.theatre_id,
    )


def _case(row: CaseRow, claim_ids: tuple[str, ...]) -> Case:
    return Case(
        id=row.id,
        event_type=EventType(row.event_type),
        agent=row.agent,
        start=row.start,
        end=row.end,
        claim_ids=claim_ids,
        area=row.area,
        place_ids=tuple(row.place_ids or ()),
        title=row.title,
        theatre_id=row.theatre_id,
    )


def coverage_to_json(coverage: Coverage | None) -> dict[str, Any] | None:
    if coverage is None:
        return None
    return {
        "area_fraction": coverage.area_fraction,
        "hours": coverage.hours,
        "window_fraction": coverage.window_fraction,
        "patrol_ids": list(coverage.patrol_ids),
        "observation_ids": list(coverage.observation_ids),
        "per_patrol": dict(coverage.per_patrol),
        "in_sight_minutes": coverage.in_sight_minutes,
    }


def coverage_from_json(data: dict[str, Any] | None) -> Coverage | None:
    if data is None:
        return None
    return Coverage(
        area_fraction=data["area_fraction"],
        hours=data["hours"],
        window_fraction=data["window_fraction"],
        patrol_ids=tuple(data.get("patrol_ids") or ()),
        observation_ids=tuple(data.get("observation_ids") or ()),
        per_patrol=dict(data.get("per_patrol") or {}),
        in_sight_minutes=float(data.get("in_sight_minutes") or 0.0),
    )


def _verdict_row(verdict: Verdict, created_at: datetime) -> VerdictRow:
    return VerdictRow(
        case_id=verdict.case_id,
        status=str(verdict.status),
        confidence=float(verdict.confidence),
        rationale=verdict.rationale,
        author=verdict.author,
        reason=verdict.reason,
        coverage=coverage_to_json(verdict.coverage),
        evidence=[
            {"kind": e.kind, "ref": e.ref, "role": e.role, "summary": e.summary}
            for e in verdict.evidence
        ],
        created_at=created_at,
    )


def _verdict(row: VerdictRow) -> Verdict:
    return Verdict(
        case_id=row.case_id,
        status=VerdictStatus(row.status),
        confidence=row.confidence,
        rationale=row.rationale,
        coverage=coverage_from_json(row.coverage),
        evidence=tuple(Evidence(**item) for item in row.evidence or ()),
        author=row.author,
        reason=row.reason,
        created_at=utc(row.created_at),
    )
