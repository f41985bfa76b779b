"""Claims in the database: save a document's claims atomically, list them, get one.

Extractors number claims per document ("c1", "c2" …), so the repository qualifies each
id with its document ("<document_id>:c1") before storing it: ids are then unique across
the whole database and stable across re-runs, which is what case memberships and
`responds_to` links need. Saving a document's claims replaces the claims an earlier run
stored for that document, so re-extracting never duplicates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from datetime import time as clock
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from watchline.domain import (
    Act,
    Agent,
    Claim,
    Event,
    EventType,
    PlaceMention,
    Precision,
    Span,
    Speaker,
    TimeWindow,
)
from watchline.errors import Errors, NotFound
from watchline.extract.contract import place_json
from watchline.store.tables.claims import ClaimRow

ID_SEPARATOR = ":"


def qualified_id(document_id: str, claim_id: str) -> str:
    """The database-wide id of a claim numbered `claim_id` inside `document_id`."""
    prefix = f"{document_id}{ID_SEPARATOR}"
    return claim_id if claim_id.startswith(prefix) else prefix + claim_id


class ClaimRepository:
    """Claims over one session; the caller's transaction decides when they are kept."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def replace_for_document(self, document_id: str, claims: Sequence[Claim]) -> list[Claim]:
        """Store `claims` as the claims of `document_id`, dropping an earlier run's.

        Returns the claims as stored (with qualified ids and `responds_to` links inside
        the document rewritten to them).
        """
        local = {claim.id for claim in claims}
        stored = [_qualify(claim, document_id, local) for claim in claims]
        dropped = self.session.execute(delete(ClaimRow).where(ClaimRow.document_id == document_id))
        if getattr(dropped, "rowcount", 0):
            # Their case memberships went with them (ON DELETE CASCADE), even when the new
            # claims are the same: the next `link` must not trust its stored digests.
            from watchline.store.tables.digests import DigestRow

            self.session.execute(delete(DigestRow).where(DigestRow.scope == "link"))
        self.session.flush()
        self.session.add_all(claim_to_row(claim, document_id) for claim in stored)
        self.session.flush()
        return stored

    def get(self, claim_id: str) -> Claim:
        row = self.session.get(ClaimRow, claim_id)
        if row is None:
            raise NotFound(Errors.E400, claim_id=claim_id)
        return row_to_claim(row)

    def list(
        self,
        document_ids: Iterable[str] | None = None,
        since: date | None = None,
    ) -> list[Claim]:
        """Claims in a stable order (statement date, document, id)."""
        query = select(ClaimRow)
        if document_ids is not None:
            query = query.where(ClaimRow.document_id.in_(list(document_ids)))
        if since is not None:
            query = query.where(ClaimRow.stated_on >= since)
        query = query.order_by(ClaimRow.stated_on, ClaimRow.document_id, ClaimRow.id)
        return [row_to_claim(row) for row in self.session.scalars(query)]

    def count(self) -> int:
        return len(self.session.scalars(select(ClaimRow.id)).all())


def _qualify(claim: Claim, document_id: str, local_ids: set[str]) -> Claim:
    responds_to = claim.responds_to
    if responds_to is not None and responds_to in local_ids:
        responds_to = qualified_id(document_id, responds_to)
    return replace(
        claim,
        id=qualified_id(document_id, claim.id),
        document_id=document_id,
        responds_to=responds_to,
    )


def claim_to_row(claim: Claim, document_id: str) -> ClaimRow:
    return ClaimRow(
        id=claim.id,
        document_id=document_id,
        speaker_text=claim.speaker.text,
        speaker_start=claim.speaker.start,
        speaker_end=claim.speaker.end,
        actor_id=claim.speaker.actor_id,
        affiliation=claim.speaker.affiliation,
        act=str(claim.act),
        cue_text=claim.cue.text,
        cue_start=claim.cue.start,
        cue_end=claim.cue.end,
        content_text=claim.content.text,
        content_start=claim.content.start,
        content_end=claim.content.end,
        direct_quote=claim.direct_quote,
        stated_on=claim.stated_on,
        event_type=str(claim.event.type),
        negated=claim.event.negated,
        event=event_to_json(claim.event, claim.meta),
        responds_to=claim.responds_to,
        confidence=float(claim.confidence),
        extractor_version=claim.extractor_version[:32],
    )


def row_to_claim(row: ClaimRow) -> Claim:
    data = row.event or {}
    return Claim(
        id=row.id,
        speaker=Speaker(
            row.speaker_text, row.speaker_start, row.speaker_end, row.actor_id, row.affiliation
        ),
        act=Act(row.act),
        cue=Span(row.cue_text, row.cue_start, row.cue_end),
        content=Span(row.content_text, row.content_start, row.content_end),
        event=event_from_json(row.event_type, row.negated, data),
        direct_quote=row.direct_quote,
        stated_on=row.stated_on,
        responds_to=row.responds_to,
        confidence=row.confidence,
        extractor_version=row.extractor_version,
        document_id=row.document_id,
        meta=dict(data.get("meta") or {}),
    )


def _agent_json(agent: Agent) -> dict[str, Any]:
    return {"text": agent.text, "actor_id": agent.actor_id, "affiliation": agent.affiliation}


def _place_json(place: PlaceMention) -> dict[str, Any]:
    return {**place_json(place), "country": place.country, "name": place.name}


def event_to_json(event: Event, meta: dict[str, object] | None = None) -> dict[str, Any]:
    """The parts of an event that have no column of their own, as plain JSON."""
    time = event.time
    return {
        "agent": _agent_json(event.agent) if event.agent else None,
        "agents": [_agent_json(agent) for agent in event.agents],
        "places": [_place_json(place) for place in event.places],
        "time": None
        if time is None
        else {
            "start": time.start.isoformat() if time.start else None,
            "end": time.end.isoformat() if time.end else None,
            "text": time.text,
            "start_time": time.start_time.isoformat("minutes") if time.start_time else None,
            "end_time": time.end_time.isoformat("minutes") if time.end_time else None,
        },
        "meta": dict(meta or {}),
    }


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _clock(value: str | None) -> clock | None:
    return clock.fromisoformat(value) if value else None


def event_from_json(event_type: str, negated: bool, data: dict[str, Any]) -> Event:
    agent = data.get("agent")
    time = data.get("time")
    return Event(
        type=EventType(event_type),
        negated=negated,
        agent=Agent(**agent) if agent else None,
        agents=tuple(Agent(**item) for item in data.get("agents") or ()),
        places=tuple(
            PlaceMention(
                **{k: v for k, v in place.items() if k != "precision"},
                precision=Precision(place["precision"]) if place.get("precision") else None,
            )
            for place in data.get("places") or ()
        ),
        time=None
        if time is None
        else TimeWindow(
            _day(time.get("start")),
            _day(time.get("end")),
            time.get("text"),
            _clock(time.get("start_time")),
            _clock(time.get("end_time")),
        ),
    )
