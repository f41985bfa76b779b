"""PLOVER-style events: the speech act and the reported event, actor and recipient."""

from __future__ import annotations

import json
from pathlib import Path

from casework_scenario import THEATRE
from exports_support import verified

from watchline.services.exports import export
from watchline.store import Database


def test_plover_maps_acts_and_events_to_plover_types(sqlite_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    summary = export(verified(sqlite_db), "plover", path, theatre=THEATRE)
    events = {e["watchline"]["claim_id"]: e for e in json.loads(path.read_text())["events"]}
    assert summary.counts == {"events": 5}
    accusation = events["aze:c1"]
    assert (accusation["event_type"], accusation["mode"]) == ("ACCUSE", "allege")
    assert accusation["actor"]["country"] == "AZE" and accusation["recipient"]["country"] == "ARM"
    assert accusation["reported_event"] == {
        "event_type": "MOBILIZE",
        "mode": "troops",
        "watchline_type": "mobilize",
        "negated": False,
    }
    assert accusation["source"]["url"] == "https://example.org/aze"
    assert accusation["watchline"]["verdict"] == "contradicted"
    assert (events["arm:c1"]["event_type"], events["arm:c1"]["mode"]) == ("REJECT", "deny")
    calm = events["eu:c2"]  # an assertion reports its event: 'other' has no PLOVER type
    assert (calm["event_type"], calm["recipient"]) == ("OTHER", None)
    tegh = events["aze2:c1"]
    assert tegh["reported_event"]["event_type"] == "MOBILIZE"
    assert tegh["reported_event"]["mode"] == "fortification"
    assert (tegh["location"]["name"], tegh["location"]["latitude"]) == ("Tegh", 40.02)
    assert tegh["event_date"] == "2024-04-01" and tegh["time_precision"] == 1
