"""PLOVER-style events as JSON: one event per claim of each selected case.

A claim is a statement about an event, so each record has two PLOVER readings:

- `event_type`/`mode`: what the statement *does*, from the speech act (table `SPEECH_ACTS`
  below). An accusation is ACCUSE (actor: the speaker, recipient: the accused), a denial
  REJECT, an appeal REQUEST. An assertion or confirmation reports the event itself, so
  it takes the reported event's type (MOBILIZE, ASSAULT, CONSULT …) with the alleged doer
  as actor — unless it says the event did *not* happen, which is REJECT.
- `reported_event`: the event the statement is about, with the PLOVER type and mode that
  `data/ontology.yaml` gives each Watchline event type (mobilize → MOBILIZE/troops,
  attack → ASSAULT, provocation → THREATEN/provocation, diplomacy → CONSULT …).

| act     | event_type | mode    | actor   | recipient |
|---------|------------|---------|---------|-----------|
| accuse  | ACCUSE     | allege  | speaker | agent     |
| warn    | ACCUSE     | warn    | speaker | agent     |
| deny    | REJECT     | deny    | speaker | agent     |
| appeal  | REQUEST    | appeal  | speaker | agent     |
| assert  | (reported) | (its)   | agent   | —         |
| confirm | (reported) | (its)   | agent   | —         |
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from watchline.publish.exports.data import ExportData
from watchline.publish.exports.places import event_day, first_place

if TYPE_CHECKING:
    from watchline.services.views import CaseView, ClaimView

SPEECH_ACTS: dict[str, tuple[str, str]] = {
    "accuse": ("ACCUSE", "allege"),
    "warn": ("ACCUSE", "warn"),
    "deny": ("REJECT", "deny"),
    "appeal": ("REQUEST", "appeal"),
}
REPORTING_ACTS = ("assert", "confirm")


def _party(name: str | None, actor_id: str | None, country: str | None) -> dict[str, Any] | None:
    if not (name or actor_id or country):
        return None
    return {"name": name, "actor_id": actor_id, "country": country}


def plover_event(view: CaseView, claim: ClaimView, data: ExportData) -> dict[str, Any]:
    """The PLOVER-style record of one claim in one case."""
    full = data.claims.get(claim.id)
    agent = full.event.agent if full is not None else None
    doer = _party(agent.text, agent.actor_id, agent.affiliation) if agent else None
    if doer is None and view.case.agent:
        doer = _party(None, None, view.case.agent)
    speaker = _party(claim.speaker, claim.actor_id, claim.affiliation)
    reported_type, reported_mode = data.plover.get(claim.event_type, ("OTHER", None))
    mode: str | None
    if claim.act in SPEECH_ACTS:
        event_type, mode = SPEECH_ACTS[claim.act]
        actor, recipient = speaker, doer
    elif claim.negated:
        (event_type, mode), actor, recipient = ("REJECT", "deny"), speaker, doer
    else:
        event_type, mode, actor, recipient = reported_type, reported_mode, doer or speaker, None
    day, time_precision = event_day(full, claim.stated_on)
    place = first_place(full)
    return {
        "id": f"watchline:claim:{claim.id}",
        "event_date": day.isoformat() if day else None,
        "time_precision": time_precision,
        "event_type": event_type,
        "mode": mode,
        "actor": actor,
        "recipient": recipient,
        "reported_event": {
            "event_type": reported_type,
            "mode": reported_mode,
            "watchline_type": claim.event_type,
            "negated": claim.negated,
        },
        "location": None
        if place is None
        else {
            "name": place.name or place.text,
            "latitude": place.lat,
            "longitude": place.lon,
            "precision": str(place.precision) if place.precision else None,
            "country": place.country,
        },
        "source": {
            "name": claim.source,
            "url": claim.document_url,
            "published_at": claim.published_at.isoformat() if claim.published_at else None,
            "speaker": claim.speaker,
        },
        "text": claim.content.strip(),
        "watchline": {
            "claim_id": claim.id,
            "case_id": view.case.id,
            "document_id": claim.document_id,
            "act": claim.act,
            "role": claim.role,
            "verdict": view.status.value,
        },
    }


def write(data: ExportData, path: Path) -> dict[str, int]:
    events = [plover_event(view, claim, data) for view, claim in data.case_claims()]
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"format": "PLOVER-style events (Watchline)", "events": events}, out,
                  ensure_ascii=False, indent=2)  # fmt: skip
        out.write("\n")
    return {"events": len(events)}
