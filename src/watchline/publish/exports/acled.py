"""Claims as CSV with ACLED-style columns, one row per claim of each selected case.

ACLED rows are events; ours are claims about events, so Watchline reads the columns as:
`actor1` the party said to have acted (the event's agent), `actor2` the party making the
claim (the speaker), `source` the outlet that published it, `notes` the claim's text with
the case verdict. Watchline's own ids and fields follow the ACLED columns.

Spreadsheet safety: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
return would be run as a formula by Excel or LibreOffice (CSV injection), and the claims
come from hostile sources. Such cells get a leading apostrophe, which spreadsheets show
as text; the `csv` module does the quoting.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from watchline.domain import PlaceMention, Precision
from watchline.publish.exports.data import ExportData
from watchline.publish.exports.places import GEO_PRECISION, event_day, first_place

if TYPE_CHECKING:
    from watchline.services.views import CaseView, ClaimView

COLUMNS = (
    "event_date",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "source",
    "notes",
    "watchline_claim_id",
    "watchline_case_id",
    "watchline_document_id",
    "verdict",
    "role",
    "act",
    "event_type",
    "negated",
    "stated_on",
    "source_url",
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The value as text, with a leading apostrophe where a spreadsheet would run it."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _where(place: PlaceMention | None) -> dict[str, object]:
    if place is None:
        return {"country": "", "admin1": "", "location": "", "latitude": "", "longitude": ""}
    name = place.name or place.text
    has_point = place.lat is not None and place.lon is not None
    return {
        "country": place.country or "",
        "admin1": name if place.precision is Precision.REGION else "",
        "location": name,
        "latitude": f"{place.lat:.5f}" if has_point else "",
        "longitude": f"{place.lon:.5f}" if has_point else "",
        "geo_precision": GEO_PRECISION[place.precision] if place.precision else "",
    }


def _row(view: CaseView, claim: ClaimView, data: ExportData) -> dict[str, object]:
    full = data.claims.get(claim.id)
    day, time_precision = event_day(full, claim.stated_on)
    agent = full.event.agent if full is not None else None
    verdict = view.status.value
    return {
        "event_date": day.isoformat() if day else "",
        "actor1": (agent.affiliation or agent.text) if agent else view.case.agent or "",
        "actor2": claim.speaker,
        **_where(first_place(full)),
        "time_precision": time_precision or "",
        "source": claim.source or "",
        "notes": f"{claim.content.strip()} [case {view.case.id}: {verdict}]",
        "watchline_claim_id": claim.id,
        "watchline_case_id": view.case.id,
        "watchline_document_id": claim.document_id or "",
        "verdict": verdict,
        "role": claim.role,
        "act": claim.act,
        "event_type": claim.event_type,
        "negated": "true" if claim.negated else "false",
        "stated_on": claim.stated_on.isoformat() if claim.stated_on else "",
        "source_url": claim.document_url or "",
    }


def write(data: ExportData, path: Path) -> dict[str, int]:
    rows = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        table = csv.DictWriter(out, fieldnames=COLUMNS, restval="")
        table.writeheader()
        for view, claim in data.case_claims():
            table.writerow({k: safe_cell(v) for k, v in _row(view, claim, data).items()})
            rows += 1
    return {"claims": rows}
