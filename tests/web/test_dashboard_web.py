"""The dashboard and the timelines as pages: what they show of the demo, that `/`
leads to the dashboard, that hostile text stays text, and clear errors for bad windows."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from .test_security_headers import HTML, _check_page

HOSTILE = '<img src=x onerror=alert(1)><script>alert("t")</script>'


@pytest.fixture
def client(demo_app, login):
    with TestClient(demo_app) as test_client:
        yield login(demo_app, "analyst", test_client)


def _case_id(client: TestClient) -> str:
    return client.get("/api/cases", params={"status": "contradicted"}).json()[0]["id"]


def test_dashboard_shows_the_demo(client) -> None:
    home = client.get("/", follow_redirects=False)
    assert home.status_code == 307 and home.headers["location"] == "/dashboard"
    page = client.get("/dashboard")
    assert page.status_code == 200
    html = page.text
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="figure chart"' in html
    assert "<rect x=" in html  # bars were drawn
    assert 'href="/dashboard">Dashboard</a>' in html  # in the top navigation
    assert 'class="open-total">4<' in html  # the demo's four cases, none published yet
    assert 'class="unassigned-total">4<' in html
    assert html.count('<a href="/claims/') == 10  # newest claims
    for status in ("contradicted", "corroborated", "not_covered", "unobservable"):
        assert f'<a href="/cases?status={status}">' in html
    assert _check_page(html) == []


def test_dashboard_follows_review_work(client) -> None:
    case_id = _case_id(client)
    client.post(f"/cases/{case_id}/assign", data={"assignee": "test-analyst",
                "csrf_token": client.csrf})  # fmt: skip
    html = client.get("/dashboard").text
    assert 'class="unassigned-total">3<' in html
    assert f'href="/cases/{case_id}"' not in html.split("Unassigned, newest first")[1]


def test_timelines_of_a_case_and_the_theatre(client) -> None:
    case_id = _case_id(client)
    client.post(f"/cases/{case_id}/comments", data={"text": "Checked the imagery",
                "csrf_token": client.csrf})  # fmt: skip
    case_page = client.get(f"/cases/{case_id}").text
    section = case_page.split('id="timeline"')[1]
    assert 'class="entry claim"' in section and 'class="entry verdict"' in section
    assert "Checked the imagery" in section and 'class="entry patrol"' in section
    theatre = client.get("/timeline", params={"from": "2024-03-01", "to": "2024-04-05"})
    assert theatre.status_code == 200
    assert 'class="entry claim"' in theatre.text and 'class="entry patrol"' in theatre.text
    assert _check_page(theatre.text) == [] and _check_page(case_page) == []


def test_timeline_pages_and_window_errors(client) -> None:
    bad = client.get("/timeline", params={"from": "2024-04-05", "to": "2024-03-01"},
                     headers=HTML)  # fmt: skip
    assert bad.status_code == 422 and "E750" in bad.text and "<html" in bad.text.lower()
    far = client.get("/timeline", params={"page": 999})
    assert far.status_code == 422 and far.json()["code"] == "E751"
    odd = client.get("/timeline", params={"from": "yesterday"})
    assert odd.status_code == 422 and odd.json()["code"] == "E013"


def test_dashboard_and_timelines_escape_hostile_text(demo_app, client) -> None:
    case_id = _case_id(client)
    client.post(f"/cases/{case_id}/comments", data={"text": HOSTILE, "csrf_token": client.csrf})
    with demo_app.state.db.engine.begin() as connection:
        for statement in (
            "UPDATE claims SET speaker_text = :t, content_text = :t, affiliation = 'X<b>'",
            "UPDATE patrols SET team = :t",
            "UPDATE sources SET name = :t || id",
            "UPDATE cases SET title = :t",
            "UPDATE verdicts SET rationale = :t, author = :t",
        ):
            connection.execute(text(statement), {"t": HOSTILE})
    pages = ["/dashboard", "/timeline?from=2024-03-01&to=2024-04-05", f"/cases/{case_id}",
             f"/timeline?from={__import__('datetime').date.today()}"]  # fmt: skip
    for path in pages:
        html = client.get(path).text
        assert "<img" not in html and "<script>alert" not in html, path
        assert "X<b>" not in html, path  # the party, also inside the SVG chart
        assert _check_page(html) == [], path
    assert "&lt;img src=x onerror=alert(1)&gt;" in client.get("/dashboard").text


def test_dashboard_alleged_chart_follows_a_correction_made_in_the_app(client) -> None:
    import re

    def alleged(html: str) -> str:
        return re.search(r'aria-label="Alleged events per day[^"]*">(.*?)</svg>', html, re.S)[1]

    before = alleged(client.get("/dashboard").text)
    claim = client.get("/api/cases", params={"status": "contradicted"}).json()[0]["claims_for"][0]
    sent = {"field": "agent", "value": "none", "reason": "No party is named",
            "csrf_token": client.csrf}  # fmt: skip
    done = client.post(f"/claims/{claim['id']}/corrections", data=sent, follow_redirects=False)
    assert done.status_code == 303
    after = alleged(client.get("/dashboard").text)
    assert after != before  # a bar moved from the party to "unattributed"
