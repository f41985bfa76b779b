"""Lists that do not grow with the archive: pages, filters, bad parameters, map bounds.

Over the demo database: walking /api/cases a case at a time meets every case once, the
HTML list links to its neighbours, every malformed or meaningless parameter is a coded
422 (never a 500), map layers keep to the bounding box, and no list request reads the
claims table at all.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event


@pytest.fixture
def client(demo_app, login):
    with TestClient(demo_app) as test_client:
        yield login(demo_app, "analyst", test_client)


def _walk(client: TestClient, path: str, **params) -> list[list[str]]:
    pages, cursor = [], None
    while True:
        answer = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert answer.status_code == 200, answer.text
        pages.append([item["id"] for item in answer.json()])
        cursor = answer.headers.get("X-Next-Cursor")
        if cursor is None:
            return pages
        assert 'rel="next"' in answer.headers["Link"]


def test_case_pages_meet_every_case_once(client: TestClient) -> None:
    everything = [c["id"] for c in client.get("/api/cases", params={"limit": 200}).json()]
    assert len(everything) >= 3
    pages = _walk(client, "/api/cases", limit=1, detail="summary")
    assert [p[0] for p in pages] == everything and all(len(p) == 1 for p in pages)
    second = client.get("/api/cases", params={"limit": 1, "cursor": _cursor(client, 1)})
    back = client.get("/api/cases", params={"limit": 1, "cursor": second.headers["X-Prev-Cursor"]})
    assert [c["id"] for c in back.json()] == everything[:1]
    assert "X-Prev-Cursor" not in back.headers  # the first page has no previous one


def _cursor(client: TestClient, limit: int) -> str:
    return client.get("/api/cases", params={"limit": limit}).headers["X-Next-Cursor"]


def test_case_summaries_carry_counts_not_claims(client: TestClient) -> None:
    full = {c["id"]: c for c in client.get("/api/cases").json()}
    for summary in client.get("/api/cases", params={"detail": "summary"}).json():
        case = full[summary["id"]]
        assert "claims_for" in case and isinstance(summary["claims_for"], int)
        assert summary["claims_for"] == len(case["claims_for"])
        assert summary["claims_against"] == len(case["claims_against"])
        assert summary["status"] == case["status"]
        assert summary["parties"] == case["parties"]


def test_case_filters_agree_with_the_cases(client: TestClient) -> None:
    every = client.get("/api/cases").json()
    for case in every:
        kind = case["event_type"]
        found = client.get("/api/cases", params={"event_type": kind, "detail": "summary"}).json()
        assert {c["id"] for c in found} == {c["id"] for c in every if c["event_type"] == kind}
    party = every[0]["parties"]["for"][0]
    found = {c["id"] for c in client.get("/api/cases", params={"party": party}).json()}
    assert found == {
        c["id"] for c in every if party in c["parties"]["for"] + c["parties"]["against"]
    }
    day = every[0]["start"]
    found = {c["id"] for c in client.get("/api/cases", params={"since": day, "until": day}).json()}
    assert every[0]["id"] in found
    assert client.get("/api/cases", params={"q": "no such words here"}).json() == []


def test_the_case_list_page_links_to_its_neighbours(client: TestClient) -> None:
    first = client.get("/cases", params={"limit": 1})
    assert first.status_code == 200
    [next_url] = re.findall(r'<a rel="next" href="([^"]+)"', first.text)
    assert 'rel="prev"' not in first.text
    second = client.get(next_url.replace("&amp;", "&"))
    assert second.status_code == 200 and 'rel="prev"' in second.text
    ids = [re.findall(r'href="/cases/([^"]+)"', page.text)[0] for page in (first, second)]
    assert ids[0] != ids[1]
    blank = client.get("/cases", params={"status": "", "since": "", "q": ""})  # a plain form
    assert blank.status_code == 200


BAD = [
    ("/api/cases", {"limit": 0}, "E013"),
    ("/api/cases", {"limit": 100000}, "E013"),
    ("/api/cases", {"limit": "many"}, "E013"),
    ("/api/cases", {"since": "yesterday"}, "E013"),
    ("/api/cases", {"status": "maybe"}, "E403"),
    ("/api/cases", {"event_type": "picnic"}, "E910"),
    ("/api/cases", {"cursor": "bm90IGEgY3Vyc29y"}, "E911"),
    ("/api/cases", {"since": "2026-05-02", "until": "2026-05-01"}, "E912"),
    ("/api/cases", {"detail": "everything"}, "E013"),
    ("/api/map/cases", {"bbox": "47,40,46,41"}, "E913"),
    ("/api/map/cases", {"zoom": 40}, "E013"),
    ("/api/map/patrols", {"bbox": "x"}, "E913"),
    ("/api/documents", {"status": "corroborated"}, "E914"),
    ("/api/documents", {"limit": -1}, "E013"),
    ("/api/claims", {"theatre": "arm-aze"}, "E914"),
    ("/api/claims", {"q": "x" * 500}, "E013"),
]


@pytest.mark.parametrize(("path", "params", "code"), BAD)
def test_bad_list_parameters_are_coded_422s(client, path, params, code) -> None:
    answer = client.get(path, params=params)
    assert answer.status_code == 422, answer.text
    assert answer.json()["code"] == code


def test_bad_parameters_on_a_page_are_an_html_422(client: TestClient) -> None:
    answer = client.get("/cases", params={"event_type": "picnic"}, headers={"Accept": "text/html"})
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("text/html") and "E910" in answer.text


def test_claim_search_and_document_pages(client: TestClient) -> None:
    every = client.get("/api/claims", params={"limit": 200}).json()
    assert every
    word = every[0]["content"].split()[-1]
    found = client.get("/api/claims", params={"q": word.upper()}).json()
    assert found and all(word.lower() in c["content"].lower() for c in found)
    walked = [i for page in _walk(client, "/api/claims", limit=2) for i in page]
    assert walked == [c["id"] for c in every]
    documents = [d["id"] for d in client.get("/api/documents", params={"limit": 200}).json()]
    assert [i for page in _walk(client, "/api/documents", limit=3) for i in page] == documents
    assert 'rel="next"' in client.get("/documents", params={"limit": 1}).text


def test_map_layers_keep_to_the_bounding_box(client: TestClient) -> None:
    layer = client.get("/api/map/cases").json()
    assert layer["features"] and layer["truncated"] is False
    assert {f["properties"]["layer"] for f in layer["features"]} == {"case"}
    assert all(f["properties"]["status"] for f in layer["features"])
    far = client.get("/api/map/cases", params={"bbox": "-10,-10,-9,-9"}).json()
    assert far["features"] == []
    west, south, east, north = _bounds(layer["features"][0]["geometry"])
    near = client.get(
        "/api/map/cases", params={"bbox": f"{west},{south},{east},{north}", "zoom": 3}
    ).json()
    assert layer["features"][0]["properties"]["id"] in {
        f["properties"]["id"] for f in near["features"]
    }
    patrols = client.get("/api/map/patrols", params={"bbox": "-10,-10,-9,-9"}).json()
    assert patrols["features"] == []
    coarse = client.get("/api/map/patrols", params={"zoom": 5}).json()["features"]
    fine = client.get("/api/map/patrols", params={"zoom": 18}).json()["features"]
    assert len(coarse) == len(fine) > 0
    points = sum(len(f["geometry"]["coordinates"]) for f in coarse)
    assert points < sum(len(f["geometry"]["coordinates"]) for f in fine)  # simplified


def _bounds(geometry: dict) -> tuple[float, float, float, float]:
    from shapely.geometry import shape

    return shape(geometry).bounds


@pytest.mark.parametrize(
    "path", ["/cases", "/api/cases?detail=summary", "/api/map/cases", "/api/documents"]
)
def test_list_requests_never_read_the_claims_table(demo_app, client, path) -> None:
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement.lower())

    engine = demo_app.state.db.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert statements and not [s for s in statements if re.search(r"\bfrom claims\b", s)]


def test_a_case_page_reads_only_its_own_claims(demo_app, client) -> None:
    case_id = client.get("/api/cases", params={"limit": 1}).json()[0]["id"]
    statements: list[str] = []
    engine = demo_app.state.db.engine

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement.lower())

    event.listen(engine, "before_cursor_execute", seen)
    try:
        assert client.get(f"/cases/{case_id}").status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    reads = [s for s in statements if re.search(r"\bfrom (claims|case_claims)\b", s)]
    assert reads and [s for s in reads if not re.search(r"\bwhere\b", s)] == []


def test_a_damaged_case_area_is_a_null_geometry_not_a_500(demo_app, client) -> None:
    from sqlalchemy import text

    case_id = client.get("/api/map/cases").json()["features"][0]["properties"]["id"]
    with demo_app.state.db.engine.begin() as connection:
        connection.execute(
            text("UPDATE cases SET area = 'POLYGON ((1 2' WHERE id = :id"), {"id": case_id}
        )
    answer = client.get("/api/map/cases")
    assert answer.status_code == 200
    [damaged] = [f for f in answer.json()["features"] if f["properties"]["id"] == case_id]
    assert damaged["geometry"] is None


def test_map_findings_layer_is_bounded_by_the_view(demo_app, client) -> None:
    every = client.get("/api/map/observations").json()
    assert every["features"] and every["truncated"] is False
    assert {f["properties"]["layer"] for f in every["features"]} == {"observation"}
    assert all(f["geometry"] for f in every["features"])
    far = client.get("/api/map/observations", params={"bbox": "10,10,11,11"}).json()
    assert far["features"] == []
    bad = client.get("/api/map/observations", params={"bbox": "west"})
    assert bad.status_code == 422


def test_patrols_page_lists_point_counts_without_loading_tracks(demo_app, client) -> None:
    page = client.get("/patrols").text
    counts = [int(n) for n in re.findall(r"<td>(\d+)</td></tr>", page)]
    assert counts and all(n > 0 for n in counts)  # the demo's tracks have points
