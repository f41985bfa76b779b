"""The extraction contract (DESIGN.md): claims as one JSON object, or as a readable table."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from watchline.domain import Claim, PlaceMention


def to_contract(
    claims: list[Claim], *, document_id: str, published_at: datetime | None, language: str = "en"
) -> dict[str, Any]:
    """The contract's JSON object for one document's claims."""
    return {
        "document": {
            "id": document_id,
            "published_at": _utc(published_at),
            "language": language,
        },
        "claims": [_claim(c) for c in claims],
    }


def _utc(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds") + "Z"


def _day(value) -> str | None:
    return value.isoformat() if value is not None else None


def _claim(claim: Claim) -> dict[str, Any]:
    event = claim.event
    agent = event.agent
    return {
        "id": claim.id,
        "speaker": {
            "text": claim.speaker.text,
            "start": claim.speaker.start,
            "end": claim.speaker.end,
            "actor_id": claim.speaker.actor_id,
            "affiliation": claim.speaker.affiliation,
        },
        "act": claim.act.value,
        "cue": {"text": claim.cue.text, "start": claim.cue.start, "end": claim.cue.end},
        "content": {
            "text": claim.content.text,
            "start": claim.content.start,
            "end": claim.content.end,
        },
        "direct_quote": claim.direct_quote,
        "stated_on": _day(claim.stated_on),
        "event": {
            "type": event.type.value,
            "negated": event.negated,
            "agent": None
            if agent is None
            else {"text": agent.text, "actor_id": agent.actor_id, "affiliation": agent.affiliation},
            "agents": [
                {"text": a.text, "actor_id": a.actor_id, "affiliation": a.affiliation}
                for a in event.agents
            ],
            "places": [place_json(p) for p in event.places],
            "time": None
            if event.time is None
            else {
                "start": _day(event.time.start),
                "end": _day(event.time.end),
                "text": event.time.text,
                "start_time": _clock(event.time.start_time),
                "end_time": _clock(event.time.end_time),
            },
        },
        "responds_to": claim.responds_to,
        "confidence": claim.confidence,
    }


def _clock(value: time | None) -> str | None:
    """A local wall-clock time as "HH:MM", or None for the whole day."""
    return value.strftime("%H:%M") if value is not None else None


def place_json(place: PlaceMention) -> dict[str, Any]:
    """A place mention as the contract's JSON; the claim store keeps the same fields."""
    return {
        "text": place.text,
        "start": place.start,
        "end": place.end,
        "place_id": place.place_id,
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision.value if place.precision else None,
    }


def claims_table(claims: list[Claim], title: str | None = None):
    """A rich Table for people: one row per claim, the evidence shortened."""
    from rich.table import Table

    table = Table(title=title, show_lines=True, expand=True)
    for name in ("id", "speaker", "act", "event", "agent", "stated on", "content"):
        table.add_column(name, overflow="fold")
    for claim in claims:
        event = claim.event
        kind = ("not " if event.negated else "") + event.type.value
        agent = ", ".join(a.affiliation or a.text for a in event.agents) or "—"
        who = claim.speaker.text + (
            f" ({claim.speaker.affiliation})" if claim.speaker.affiliation else ""
        )
        quote = "“" if claim.direct_quote else ""
        unquote = "”" if claim.direct_quote else ""
        content = (
            claim.content.text if len(claim.content.text) < 160 else claim.content.text[:157] + "…"
        )
        table.add_row(
            claim.id,
            who,
            f"{claim.act.value} ({claim.cue.text})",
            kind,
            agent,
            _day(claim.stated_on) or "—",
            quote + content + unquote,
        )
    return table
