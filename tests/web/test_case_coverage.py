"""One case's covered part on its page: the shapes of what its verdict counted as
coverage (the API the map reads, then drawn in Chromium), and none for a case that no
patrol covered, said in words."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely
from fastapi.testclient import TestClient
from shapely.geometry import shape

from watchline.geo.geometry import projection_for
from watchline.geo.theatre import load_theatre
from watchline.observe.coverage import area_geometry
from watchline.services.case_coverage import covered_part
from watchline.services.views import case_view
from watchline.verify import VerifyPolicy, observable_area

from .conftest import PASSWORD, LiveServer

HOSTILE = "<img src=x onerror=alert(1)>"
LEAFLET = Path("src/watchline/web/static/vendor/leaflet/leaflet.js")


@pytest.fixture
def client(demo_app, login):
    with TestClient(demo_app) as test_client:
        yield login(demo_app, "analyst", test_client)


def _case(client: TestClient, status: str) -> dict:
    return client.get("/api/cases", params={"status": status}).json()[0]


def _by_layer(features: list[dict], layer: str) -> list[dict]:
    return [f for f in features if f["properties"]["layer"] == layer]


def test_case_coverage_layer_is_what_the_verdict_counted(client, demo_app) -> None:
    case = _case(client, "contradicted")
    coverage = client.get(f"/api/cases/{case['id']}").json()["verdict"]["coverage"]
    layer = client.get(f"/api/map/cases/{case['id']}/coverage").json()
    assert layer["covered"] is True and layer["status"] == "contradicted"
    features = layer["features"]
    footprints = _by_layer(features, "coverage")
    tracks = _by_layer(features, "coverage_track")
    findings = _by_layer(features, "coverage_finding")
    assert {f["properties"]["patrol"] for f in footprints} == set(coverage["patrol_ids"])
    assert {f["properties"]["patrol"] for f in tracks} == set(coverage["patrol_ids"])
    assert sorted(f["properties"]["id"] for f in findings) == sorted(coverage["observation_ids"])

    view = case_view(demo_app.state.db, case["id"])
    area_wkt = observable_area(view.case, load_theatre("arm-aze"), VerifyPolicy(), view.scope).wkt
    area = area_geometry(area_wkt)
    union = shapely.union_all([shape(f["geometry"]) for f in footprints])
    assert union.difference(area).area <= 1e-9 * area.area  # inside the case area only
    # what was in sight at all holds at least what was in sight long enough
    assert union.area / area.area >= coverage["area_fraction"] - 0.01
    proj = projection_for(area)
    for track in tracks:  # the tracks where they had the area in sight
        vis = load_theatre("arm-aze").visibility_m
        assert proj.forward(shape(track["geometry"])).distance(proj.forward(area)) <= vis + 1
    for f in footprints:
        assert f["properties"]["share"] == pytest.approx(
            coverage["per_patrol"][f["properties"]["patrol"]]
        )


def test_case_coverage_none_for_a_not_covered_case(client) -> None:
    case = _case(client, "not_covered")
    layer = client.get(f"/api/map/cases/{case['id']}/coverage").json()
    assert layer["covered"] is False and layer["features"] == []
    page = client.get(f"/cases/{case['id']}").text
    assert "No covered part to draw: no patrol had this case" in page
    assert f"/api/map/cases/{case['id']}/coverage" in page
    covered = client.get(f"/cases/{_case(client, 'contradicted')['id']}").text
    assert "Drawn in teal on the map: the covered part" in covered
    assert "No covered part to draw" not in covered


def test_case_coverage_follows_the_stored_verdict_not_a_new_measure(demo_app, client) -> None:
    """The layer draws the patrols the verdict counted, read from the verdict: one taken
    out of its stored coverage is no longer drawn, though its track is still there."""
    from sqlalchemy import select

    from watchline.store.tables import VerdictRow

    case = _case(client, "contradicted")
    view = case_view(demo_app.state.db, case["id"])
    dropped, *kept = view.coverage.patrol_ids
    with demo_app.state.db.transaction() as session:
        rows = session.scalars(select(VerdictRow).where(VerdictRow.case_id == case["id"]))
        for row in rows:
            row.coverage = {**row.coverage, "patrol_ids": kept}
    view = case_view(demo_app.state.db, case["id"])
    part = covered_part(demo_app.state.db, view, load_theatre("arm-aze"))
    drawn = {f["properties"]["patrol"] for f in part.features if "patrol" in f["properties"]}
    assert drawn == set(kept) and dropped not in drawn
    every = {p["properties"]["id"] for p in client.get("/api/map/patrols").json()["features"]}
    assert dropped in every


def test_case_coverage_unknown_case_is_e010(client) -> None:
    missing = client.get("/api/map/cases/case-nope/coverage")
    assert missing.status_code == 404 and missing.json()["code"] == "E010"


def _open_case(page, live, case_id: str) -> None:
    page.goto(f"{live.url}/login?next=/cases/{case_id}")
    page.fill("input[name=name]", "coverage-analyst")
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**/cases/{case_id}")
    page.wait_for_selector("#map[data-ready=true]", timeout=15_000)


@pytest.mark.skipif(not LEAFLET.exists(), reason="Leaflet is not installed (make web-assets)")
def test_browser_case_map_draws_the_covered_part(browser, demo_app, client) -> None:
    from sqlalchemy import update

    from watchline.services.accounts import add_user
    from watchline.store.tables.patrols import PatrolRow

    add_user(demo_app.state.db, "coverage-analyst", "analyst", PASSWORD)
    covered, uncovered = _case(client, "contradicted"), _case(client, "not_covered")
    verdict = client.get(f"/api/cases/{covered['id']}").json()["verdict"]
    covered_patrols = verdict["coverage"]["patrol_ids"]
    with demo_app.state.db.transaction() as session:  # a hostile team name on every patrol
        session.execute(update(PatrolRow).values(team=HOSTILE))
    with LiveServer(demo_app) as live:
        page = browser.new_page()
        errors: list[str] = []
        dialogs: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        _open_case(page, live, covered["id"])
        assert page.locator("#map").get_attribute("data-covered") == "true"
        teal = page.locator('#map path.leaflet-interactive[stroke="#0e9384"]')
        assert teal.count() >= 2  # footprints, tracks and findings in the covered style
        assert "covered part (the verdict's coverage)" in page.locator(".map-legend").inner_text()
        footprints = page.locator('#map path[stroke="#0e9384"][stroke-dasharray="4 3"]')
        assert footprints.count() == len(covered_patrols)
        tips = []
        for n in range(footprints.count()):  # each footprint's own tooltip, as Leaflet opens it
            footprints.nth(n).dispatch_event("mouseover")
            tips += page.locator(".leaflet-tooltip").all_inner_texts()
        assert tips and all(tip.startswith(f"covered: {HOSTILE}") for tip in tips), tips
        assert page.locator(".leaflet-tooltip img").count() == 0 and dialogs == []
        page.goto(f"{live.url}/cases/{uncovered['id']}")
        page.wait_for_selector("#map[data-ready=true]", timeout=15_000)
        assert page.locator("#map").get_attribute("data-covered") == "false"
        assert page.locator('#map path.leaflet-interactive[stroke="#0e9384"]').count() == 0
        assert "covered part" not in page.locator(".map-legend").inner_text()
        assert "No covered part to draw" in page.locator(".coverage-note").inner_text()
        assert not errors, errors
        page.close()
