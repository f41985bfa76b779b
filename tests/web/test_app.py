"""The web app over the demo database: JSON API, pages, errors, analyst overrides."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def client(demo_app, login):
    """A test client of the app over a private copy of the demo database, logged in as
    an analyst."""
    with TestClient(demo_app) as test_client:
        yield login(demo_app, "analyst", test_client)


def _contradicted(client: TestClient) -> dict:
    cases = client.get("/api/cases", params={"status": "contradicted"}).json()
    assert len(cases) >= 1
    return cases[0]


def test_app_health_reports_schema(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body == {"ok": True, "database": "sqlite", "schema_current": True}


def test_app_cases_json_carries_evidence(client: TestClient) -> None:
    case = _contradicted(client)
    assert case["status"] == "contradicted"
    assert case["verdict"]["coverage"]["patrol_ids"]
    assert case["verdict"]["evidence"]
    assert {c["affiliation"] for c in case["claims_against"]} >= {"ARM", "EU"}
    assert case["verdict"]["rationale"].startswith("Contradicted")


def test_app_unknown_case_is_coded_404(client: TestClient) -> None:
    response = client.get("/api/cases/case-nope")
    assert response.status_code == 404
    assert response.json()["code"] == "E010"


def test_app_bad_status_filter_is_coded_error(client: TestClient) -> None:
    response = client.get("/api/cases", params={"status": "maybe"})
    assert response.status_code == 422
    assert response.json()["code"].startswith("E")


def test_app_override_keeps_engine_verdict_in_history(client: TestClient) -> None:
    case = _contradicted(client)
    response = client.post(
        f"/api/cases/{case['id']}/verdicts",
        json={"status": "disputed", "reason": "Footage under review", "author": "someone else"},
        headers={"X-CSRF-Token": client.csrf},
    )
    assert response.status_code == 201
    after = client.get(f"/api/cases/{case['id']}").json()
    assert after["status"] == "disputed"
    # the logged-in user, never a typed name
    assert [v["author"] for v in after["history"]] == ["engine", "test-analyst"]


def test_app_pages_render(client: TestClient) -> None:
    case = _contradicted(client)
    listing = client.get("/cases")
    assert listing.status_code == 200
    assert case["id"] in listing.text
    page = client.get(f"/cases/{case['id']}")
    assert "contradicted" in page.text
    assert "/static/vendor/leaflet/leaflet.js" in page.text
    document_id = case["claims_for"][0]["document_id"]
    doc = client.get(f"/documents/{document_id}")
    assert '<mark class="claim"' in doc.text
    assert client.get("/patrols").status_code == 200


def test_app_map_layers_are_geojson(client: TestClient) -> None:
    theatre = client.get("/api/map/theatre").json()
    assert {f["properties"]["layer"] for f in theatre["features"]} >= {"border", "base"}
    patrols = client.get("/api/map/patrols").json()
    assert patrols["features"] and patrols["features"][0]["geometry"]["type"] == "LineString"
    case = _contradicted(client)
    area = client.get(f"/api/map/cases/{case['id']}").json()
    assert area["features"][0]["properties"]["layer"] == "case"


def test_app_openapi_documents_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/cases" in paths and "/api/cases/{case_id}/verdicts" in paths


def test_app_document_claims_follow_the_contract(client: TestClient) -> None:
    documents = client.get("/api/documents").json()
    assert documents and all(len(d["sha256"]) == 64 for d in documents)
    body = client.get(f"/api/documents/{documents[0]['id']}/claims").json()
    assert body["document"]["id"] == documents[0]["id"]
    for claim in body["claims"]:
        assert {"speaker", "act", "cue", "content", "event", "stated_on"} <= set(claim)


def test_app_unknown_document_is_coded_404(client: TestClient) -> None:
    response = client.get("/api/documents/nope/claims")
    assert response.status_code == 404
    assert response.json()["code"].startswith("E")


def test_app_invalid_body_is_coded_error(client: TestClient) -> None:
    case = _contradicted(client)
    response = client.post(
        f"/api/cases/{case['id']}/verdicts",
        json={"status": "disputed"},
        headers={"X-CSRF-Token": client.csrf},
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "E013" and "reason" in body["message"]
