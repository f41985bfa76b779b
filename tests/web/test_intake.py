"""Intake uploads through the app: patrol tracks, findings with photos, documents.

Real files through the real importers into a real (migrated) database; hostile uploads
(huge, wrong type, NUL bytes, an image/HTML polyglot) are refused with their codes.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image

from watchline.settings import Settings
from watchline.web import create_app

from .conftest import log_in

FIXTURES = Path(__file__).parents[1] / "fixtures"
GPX = (FIXTURES / "observe/patrols/jermuk.gpx").read_bytes()


@pytest.fixture
def app(db):
    application = create_app(Settings(database_url="sqlite://", max_file_bytes=200_000), db=db)
    yield application


def _jpeg(color: str = "red") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), color).save(out, "JPEG")
    return out.getvalue()


def test_a_monitor_uploads_tracks_and_a_reupload_adds_nothing(app) -> None:
    client = log_in(app, "monitor")
    files = [("files", ("jermuk.gpx", GPX)), ("files", ("broken.gpx", b"<gpx><trk>"))]
    first = client.post("/intake/patrols", data={"csrf_token": client.csrf}, files=files)
    assert first.status_code == 200
    assert "Imported 1 patrol(s)" in first.text
    assert re.search(r"<code>E30\d</code> E30\d: broken\.gpx", first.text), first.text
    assert "watchline-intake-" not in first.text  # names the upload, not the temp folder
    again = client.post(
        "/api/intake/patrols",
        headers={"X-CSRF-Token": client.csrf},
        files=[("files", ("jermuk.gpx", GPX))],
    )
    report = again.json()
    assert report["added"] == [] and len(report["duplicates"]) == 1


def test_hostile_uploads_are_refused_with_codes(app) -> None:
    client = log_in(app, "monitor")
    headers = {"X-CSRF-Token": client.csrf}
    huge = client.post(
        "/api/intake/patrols", headers=headers, files=[("files", ("big.gpx", b"x" * 400_000))]
    )
    assert huge.status_code == 413 and huge.json()["code"] == "E730"
    nul = client.post(
        "/api/intake/patrols", headers=headers, files=[("files", ("nul.csv", b"a\x00b\x00" * 50))]
    )
    assert nul.status_code == 200 and nul.json()["rejected"][0]["code"].startswith("E3")
    wrong = client.post(
        "/api/intake/patrols", headers=headers, files=[("files", ("x.exe", b"MZ\x90\x00"))]
    )
    assert wrong.json()["rejected"][0]["code"] == "E309"
    empty = client.post("/api/intake/patrols", headers=headers, data={"team": "a"})
    assert empty.status_code == 422 and empty.json()["code"] == "E732"


def test_a_finding_with_a_photo_is_stored_and_served_safely(app) -> None:
    client = log_in(app, "monitor")
    headers = {"X-CSRF-Token": client.csrf}
    client.post("/api/intake/patrols", headers=headers, files=[("files", ("jermuk.gpx", GPX))])
    fields = {
        "type": "nothing_unusual",
        "modality": "seen",
        "time": "2024-03-31T09:15",
        "lat": "39.86",
        "lon": "45.71",
        "patrol": "Team Jermuk 2",
        "notes": "<b>calm</b>",
    }
    photo = _jpeg()
    made = client.post(
        "/api/intake/findings",
        headers=headers,
        data=fields,
        files=[("photos", ("p1.jpg", photo, "image/jpeg"))],
    )
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["created"] and len(body["photos"]) == 1
    again = client.post(
        "/api/intake/findings", headers=headers, data=fields, files=[("photos", ("p1.jpg", photo))]
    )
    assert again.json()["created"] is False
    served = client.get(f"/intake/photo?sha256={body['photos'][0]}")
    assert served.status_code == 200 and served.content == photo  # nothing stripped
    assert served.headers["content-type"] == "image/jpeg"
    assert served.headers["x-content-type-options"] == "nosniff"
    anonymous = TestClient(app).get(
        f"/intake/photo?sha256={body['photos'][0]}", follow_redirects=False
    )
    assert anonymous.status_code == 303 and anonymous.headers["location"].startswith("/login")
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    for name, data, code in (
        ("x.svg", svg, "E735"),
        ("poly.jpg", photo + b"<html><script>alert(1)</script></html>", "E735"),
        ("x.png", _png(), "E734"),
        ("cut.jpg", photo[: len(photo) // 2], "E734"),
    ):
        refused = client.post(
            "/api/intake/findings", headers=headers, data=fields, files=[("photos", (name, data))]
        )
        assert refused.json().get("code") == code, (name, refused.text)
    bad_place = client.post("/api/intake/findings", headers=headers, data={**fields, "lat": "x"})
    assert bad_place.json()["code"] == "E737"


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, "PNG")
    return out.getvalue()


def test_an_analyst_ingests_and_sees_each_rejected_item(app) -> None:
    client = log_in(app, "analyst")
    lines = (
        b'{"text": "The ministry said the night was calm.", '
        b'"published_at": "2024-04-01T06:00:00Z"}\n'
        b"{not json\n"
    )
    page = client.post(
        "/intake/documents",
        data={"csrf_token": client.csrf},
        files=[("files", ("items.jsonl", lines))],
    )
    assert page.status_code == 200
    assert "ingested 1" in page.text and "items.jsonl" in page.text
    assert re.search(r"<code>E20\d</code>", page.text), page.text
    monitor = log_in(app, "monitor")
    assert monitor.get("/intake/documents").status_code == 403
