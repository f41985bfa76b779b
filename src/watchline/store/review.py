"""Review records in the database, and how corrections change a claim.

`corrected_claims` is what linking, verification and views read: the stored claims with
the newest correction of each field applied. The engine's claims stay as extracted, so
re-extraction replaces them freely and the corrections, keyed by `claim_key`, come back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from watchline.domain import Act, Agent, Claim, EventType, PlaceMention, Precision, TimeWindow
from watchline.link.decisions import Decision
from watchline.store.cases import utc
from watchline.store.claims import ClaimRepository
from watchline.store.tables.review import (
    CaseDecisionRow,
    CaseEventRow,
    CaseReviewRow,
    ClaimCorrectionRow,
)

FIELDS = ("act", "event_type", "agent", "places", "dates")


def claim_key(claim: Claim) -> str:
    """What identifies a claim across extraction runs: its document and evidence spans."""
    return (
        f"{claim.document_id}|{claim.cue.start}-{claim.cue.end}"
        f"|{claim.content.start}-{claim.content.end}"
    )


def claim_keys(session: Session, claim_ids: Iterable[str]) -> list[str]:
    """`claim_key` of each claim of `claim_ids` that exists, in that order, from one
    query over the key's own columns (a case page must not load its claims one by one)."""
    from watchline.store.tables import ClaimRow

    wanted = list(claim_ids)
    query = select(
        ClaimRow.id, ClaimRow.document_id, ClaimRow.cue_start, ClaimRow.cue_end,
        ClaimRow.content_start, ClaimRow.content_end,
    ).where(ClaimRow.id.in_(wanted))  # fmt: skip
    found = {
        row.id: f"{row.document_id}|{row.cue_start}-{row.cue_end}"
        f"|{row.content_start}-{row.content_end}"
        for row in session.execute(query)
    }
    return [found[c] for c in wanted if c in found]


def field_value(claim: Claim, field: str) -> Any:
    """A claim's value of a correctable field, as the JSON a correction stores."""
    event = claim.event
    if field == "act":
        return str(claim.act)
    if field == "event_type":
        return str(event.type)
    if field == "agent":
        agent = event.agent
        return (
            None
            if agent is None
            else {"text": agent.text, "actor_id": agent.actor_id, "affiliation": agent.affiliation}
        )
    if field == "places":
        return [
            {
                "text": p.name or p.text,
                "place_id": p.place_id,
                "lat": p.lat,
                "lon": p.lon,
                "precision": str(p.precision) if p.precision else None,
            }
            for p in event.places
        ]
    time = event.time
    start = time.start if time else None
    end = time.end if time else None
    return {"start": start.isoformat() if start else None, "end": end.isoformat() if end else None}


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def apply_correction(claim: Claim, field: str, value: Any) -> Claim:
    """The claim with one field set to a correction's value."""
    event = claim.event
    if field == "act":
        return replace(claim, act=Act(value))
    if field == "event_type":
        return replace(claim, event=replace(event, type=EventType(value)))
    if field == "agent":  # the one agent: linking reads `agents` too, so it is replaced
        agent = Agent(**value) if value else None
        agents = (agent,) if agent else ()
        return replace(claim, event=replace(event, agent=agent, agents=agents))
    if field == "places":  # no offsets: a corrected place is not a span of the text
        places = tuple(
            PlaceMention(
                p["text"],
                0,
                0,
                p.get("place_id"),
                p.get("lat"),
                p.get("lon"),
                Precision(p["precision"]) if p.get("precision") else None,
                name=p["text"],
            )
            for p in value
        )
        return replace(claim, event=replace(event, places=places))
    start, end = _day(value.get("start")), _day(value.get("end"))
    if start is None and end is None:  # the analyst says the text gives no date
        return replace(claim, event=replace(event, time=None))
    text = event.time.text if event.time else None  # whole days: the hours were the engine's
    window = TimeWindow(start or end, end or start, text)
    return replace(claim, event=replace(event, time=window))


class ReviewRepository:
    """Review records over one session; the caller's transaction decides when they stay."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def corrections(self, keys: Iterable[str] | None = None) -> list[ClaimCorrectionRow]:
        """Every correction, oldest first (the last of each field is the one in force)."""
        query = select(ClaimCorrectionRow).order_by(
            ClaimCorrectionRow.created_at, ClaimCorrectionRow.id
        )
        if keys is not None:
            query = query.where(ClaimCorrectionRow.claim_key.in_(list(keys)))
        return list(self.session.scalars(query))

    def in_force(
        self, keys: Iterable[str] | None = None, fields: Iterable[str] | None = None
    ) -> dict[str, dict[str, Any]]:
        """claim key -> field -> corrected value (plain columns: read on every page); of
        the claims with `keys` only (a page reads its own claims'), and of `fields` only
        (the dashboard reads the few it counts), when given."""
        query = select(
            ClaimCorrectionRow.claim_key, ClaimCorrectionRow.field, ClaimCorrectionRow.value
        ).order_by(ClaimCorrectionRow.created_at, ClaimCorrectionRow.id)
        if keys is not None:
            query = query.where(ClaimCorrectionRow.claim_key.in_(list(keys)))
        if fields is not None:
            query = query.where(ClaimCorrectionRow.field.in_(list(fields)))
        found: dict[str, dict[str, Any]] = {}
        for key, field, value in self.session.execute(query):
            found.setdefault(key, {})[field] = value
        return found

    def add_correction(self, row: ClaimCorrectionRow) -> ClaimCorrectionRow:
        self.session.add(row)
        self.session.flush()
        return row

    def decisions(self) -> list[CaseDecisionRow]:
        query = select(CaseDecisionRow).order_by(CaseDecisionRow.created_at, CaseDecisionRow.id)
        return list(self.session.scalars(query))

    def link_decisions(self) -> list[Decision]:
        """The decisions as linking applies them, oldest first."""
        return [
            Decision(d.kind, d.case_id, d.other, d.case_key, d.other_key) for d in self.decisions()
        ]

    def add_decision(
        self,
        kind: str,
        case_id: str,
        other: str,
        reason: str,
        author: str,
        *,
        case_key: str | None = None,
        other_key: str | None = None,
    ) -> None:
        self.session.add(
            CaseDecisionRow(
                kind=kind,
                case_id=case_id,
                other=other,
                case_key=case_key,
                other_key=other_key,
                reason=reason,
                author=author,
                created_at=datetime.now(UTC),
            )
        )
        self.session.flush()

    def state(self, case_id: str) -> CaseReviewRow | None:
        return self.session.get(CaseReviewRow, case_id)

    def states(self, case_ids: Iterable[str] | None = None) -> dict[str, CaseReviewRow]:
        """Review rows by case: of `case_ids` only (a page of the list), else all."""
        query = select(CaseReviewRow)
        if case_ids is not None:
            query = query.where(CaseReviewRow.case_id.in_(list(case_ids)))
        return {row.case_id: row for row in self.session.scalars(query)}

    def set_state(self, case_id: str, state: str, assignee: str | None) -> None:
        self.session.merge(
            CaseReviewRow(
                case_id=case_id, state=state, assignee=assignee, updated_at=datetime.now(UTC)
            )
        )
        self.session.flush()

    def add_event(
        self,
        case_id: str,
        kind: str,
        author: str,
        *,
        old: str | None = None,
        new: str | None = None,
        text: str | None = None,
    ) -> None:
        self.session.add(
            CaseEventRow(
                case_id=case_id,
                kind=kind,
                author=author,
                old=old,
                new=new,
                text=text,
                created_at=datetime.now(UTC),
            )
        )
        self.session.flush()

    def events(self, case_id: str) -> list[dict[str, Any]]:
        query = (
            select(CaseEventRow)
            .where(CaseEventRow.case_id == case_id)
            .order_by(CaseEventRow.created_at, CaseEventRow.id)
        )
        return [
            {
                "kind": r.kind,
                "author": r.author,
                "old": r.old,
                "new": r.new,
                "text": r.text,
                "created_at": utc(r.created_at).isoformat(),
            }
            for r in self.session.scalars(query)
        ]


def corrected(claims: Iterable[Claim], in_force: dict[str, dict[str, Any]]) -> list[Claim]:
    """The claims with the corrections in force applied, in the same order."""
    result = []
    for claim in claims:
        for field, value in in_force.get(claim_key(claim), {}).items():
            claim = apply_correction(claim, field, value)
        result.append(claim)
    return result


def corrected_claims(session: Session) -> list[Claim]:
    """Every stored claim as the analysts corrected it (what casework reads)."""
    return corrected(ClaimRepository(session).list(), ReviewRepository(session).in_force())
