"""Browser hardening: CSP and companion headers on every response, pages without inline
script or style, hostile data escaped, only http(s) links, Swagger UI served locally."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from watchline.publish.templating import safe_url
from watchline.web.security import CONTENT_SECURITY_POLICY

EXPECTED_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
HEADERS = {
    "content-security-policy": EXPECTED_CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}
HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
HOSTILE_TEAM = "<img src=x onerror=alert(1)>"


@pytest.fixture
def client(demo_app, login):
    with TestClient(demo_app) as test_client:
        yield login(demo_app, "analyst", test_client)


@pytest.fixture
def anonymous(demo_app):
    with TestClient(demo_app, raise_server_exceptions=False) as test_client:
        yield test_client


def _assert_headers(response) -> None:
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value, (response.request.url, name)


def _a_case(client: TestClient) -> dict:
    cases = client.get("/api/cases", params={"status": "contradicted"}).json()
    assert cases
    return cases[0]


class _Inline(HTMLParser):
    """Collects what a strict CSP would block, and every link target."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name.lower(): value for name, value in attrs}
        if tag == "script" and not names.get("src"):
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> block")
        for name in names:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name == "style":
                self.problems.append(f"<{tag} style=…>")
        for name in ("href", "src", "action", "formaction"):
            if names.get(name):
                self.links.append(names[name])
                if tag != "a" and re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//)", names[name]):
                    self.problems.append(f"<{tag} {name}> not from this site: {names[name]}")


def _check_page(html: str) -> list[str]:
    parser = _Inline()
    parser.feed(html)
    for link in parser.links:
        scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):", link)
        if scheme and scheme.group(1).lower() not in ("http", "https"):
            parser.problems.append(f"link with scheme {scheme.group(1)}: {link}")
    return parser.problems


def _main_pages(client: TestClient) -> list[str]:
    case = _a_case(client)
    document_id = case["claims_for"][0]["document_id"]
    return [
        "/cases",
        "/cases?status=contradicted",
        f"/cases/{case['id']}",
        f"/claims/{case['claims_for'][0]['id']}",  # the review page, with its forms
        "/documents",
        f"/documents/{document_id}",
        "/patrols",
        "/docs",
    ]


def test_security_policy_is_the_documented_one() -> None:
    assert CONTENT_SECURITY_POLICY == EXPECTED_CSP


def test_security_headers_on_every_kind_of_response(client, anonymous, demo_app) -> None:
    case = _a_case(client)
    responses = [
        client.get("/api/health"),  # API, JSON
        client.get("/api/cases"),
        client.get("/openapi.json"),
        client.get("/cases"),  # page
        client.get(f"/cases/{case['id']}"),
        client.get("/docs"),
        client.get("/static/watchline.css"),  # static files
        client.get("/static/map.js"),
        client.get("/static/swagger/swagger-ui.css"),
        client.get("/static/nope.css"),  # static 404
        client.get("/api/cases/case-nope"),  # domain error, JSON
        client.get("/api/cases", params={"status": "maybe"}),  # 4xx JSON
        client.get("/cases/case-nope", headers=HTML),  # HTML error page
        client.get("/no/such/page", headers=HTML),
        client.get("/no/such/page"),
        anonymous.get("/api/cases"),  # 401
        anonymous.get("/cases", follow_redirects=False),  # redirect to the login
        anonymous.get("/login"),
    ]
    for response in responses:
        _assert_headers(response)
    assert {r.status_code for r in responses} >= {200, 404, 422}


def test_security_headers_on_unexpected_server_errors(demo_app) -> None:
    @demo_app.get("/api/boom", include_in_schema=False)
    def boom() -> None:
        raise RuntimeError("boom")

    with TestClient(demo_app, raise_server_exceptions=False) as client:
        response = client.get("/api/boom")
    assert response.status_code == 500
    _assert_headers(response)


def test_security_api_errors_stay_json_for_browsers(client) -> None:
    response = client.get("/api/cases/case-nope", headers=HTML)
    assert response.status_code == 404
    assert response.json()["code"] == "E010"
    response = client.get("/api/cases", params={"status": "maybe"}, headers=HTML)
    assert response.status_code == 422
    assert response.json()["code"].startswith("E")


def test_security_page_errors_are_html_for_browsers(client) -> None:
    response = client.get("/cases/case-nope", headers=HTML)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "404" in response.text and "E010" in response.text
    assert not _check_page(response.text)
    missing = client.get("/no/such/page", headers=HTML)
    assert missing.status_code == 404 and "<html" in missing.text
    # without a preference for HTML (scripts, curl) the JSON answer stays
    assert client.get("/cases/case-nope").json()["code"] == "E010"
    assert client.get("/no/such/page").json() == {"detail": "Not Found"}


def test_security_page_validation_error_is_html_for_browsers(client) -> None:
    case = _a_case(client)
    response = client.post(
        f"/cases/{case['id']}/verdict",
        data={"csrf_token": client.csrf},  # status and reason missing
        headers=HTML,
        follow_redirects=False,
    )
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    # the case page again, the reason beside its override form (web.form_errors)
    assert '<p class="form-error" role="alert">The request is not valid:' in response.text
    assert "status: Field required" in response.text
    _assert_headers(response)


def test_security_pages_have_no_inline_script_style_or_handlers(client, anonymous) -> None:
    for path in _main_pages(client):
        response = client.get(path)
        assert response.status_code == 200, path
        assert _check_page(response.text) == [], path
    login = anonymous.get("/login")
    assert _check_page(login.text) == []


def test_security_docs_page_is_served_locally(client) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assert not re.search(r"https?://", response.text), "a CDN or other remote reference"
    assert "/openapi.json" in response.text
    parser = _Inline()
    parser.feed(response.text)
    assets = [link for link in parser.links if link.endswith((".js", ".css"))]
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    assert any(a.endswith("swagger-ui.css") for a in assets)
    assert "/static/swagger-init.js" in assets
    for asset in assets:
        served = client.get(asset)
        assert served.status_code == 200, asset
        assert len(served.content) > 100, asset
    init = client.get("/static/swagger-init.js").text
    assert "SwaggerUIBundle" in init and "#swagger-ui" in init
    assert client.get("/redoc").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/x",
        "/relative",
        "http://[",
        "",
    ],
)
def test_security_safe_url_refuses_other_schemes(url: str) -> None:
    assert safe_url(url) is None


@pytest.mark.parametrize("url", ["https://example.org/a?b=1", "HTTP://example.org", " http://x.y "])
def test_security_safe_url_keeps_http_links(url: str) -> None:
    assert safe_url(url) == url.strip()


def _set_document_urls(demo_app, client) -> tuple[dict, str, str]:
    """The first contradicted case; its first supporting document gets a javascript: URL,
    another document an https one."""
    case = _a_case(client)
    bad_id = case["claims_for"][0]["document_id"]
    others = [d["id"] for d in client.get("/api/documents").json() if d["id"] != bad_id]
    good_id = others[0]
    with demo_app.state.db.engine.begin() as connection:
        connection.execute(
            text("UPDATE documents SET url = :url WHERE id = :id"),
            {"url": "javascript:alert(1)", "id": bad_id},
        )
        connection.execute(
            text("UPDATE documents SET url = :url WHERE id = :id"),
            {"url": "https://news.example/item?a=1&b=2", "id": good_id},
        )
    return case, bad_id, good_id


def test_security_javascript_document_url_is_never_a_link(demo_app, client) -> None:
    case, bad_id, good_id = _set_document_urls(demo_app, client)
    for path in (f"/documents/{bad_id}", f"/cases/{case['id']}"):
        page = client.get(path).text
        assert 'href="javascript' not in page.lower(), path
        assert "javascript:alert(1)" in page, path  # shown, as text
        assert _check_page(page) == [], path
    good = client.get(f"/documents/{good_id}").text
    assert 'href="https://news.example/item?a=1&amp;b=2"' in good


def test_security_hostile_team_name_is_escaped_everywhere(demo_app, client) -> None:
    with demo_app.state.db.engine.begin() as connection:
        connection.execute(text("UPDATE patrols SET team = :team"), {"team": HOSTILE_TEAM})
    patrols = client.get("/patrols").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in patrols
    for path in _main_pages(client):
        page = client.get(path).text
        assert "<img" not in page, path
        assert _check_page(page) == [], path
    # the map layer carries the text as data; map.js sets it with textContent
    layer = client.get("/api/map/patrols").json()
    assert {f["properties"]["team"] for f in layer["features"]} == {HOSTILE_TEAM}


def test_security_map_script_never_builds_html_from_data() -> None:
    from pathlib import Path

    import watchline.web

    script = (Path(watchline.web.__file__).parent / "static" / "map.js").read_text()
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert "textContent" in script
    assert "bindTooltip(label(f))" in script


# --- in a real browser: the policy blocks nothing the app needs, and data stays text ---


@pytest.fixture
def live(demo_app):
    from .conftest import LiveServer

    with LiveServer(demo_app) as server:
        yield server


def _browser_page(browser, live, demo_app):
    """A logged-in page that records script errors and CSP violations."""
    from watchline.services.accounts import add_user

    from .conftest import PASSWORD

    add_user(demo_app.state.db, "csp-analyst", "analyst", PASSWORD)
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"error: {exc}"))
    page.on(
        "console",
        lambda msg: (
            problems.append(f"console: {msg.text}")
            if "Content Security Policy" in msg.text or msg.type == "error"
            else None
        ),
    )
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{live.url}/login?next=/cases")
    page.fill("input[name=name]", "csp-analyst")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.login button[type=submit]").click()
    page.wait_for_url("**/cases")
    return page, problems, dialogs


def test_browser_pages_run_under_the_policy(browser, live, demo_app) -> None:
    with demo_app.state.db.engine.begin() as connection:
        connection.execute(text("UPDATE patrols SET team = :team"), {"team": HOSTILE_TEAM})
    page, problems, dialogs = _browser_page(browser, live, demo_app)
    page.get_by_role("combobox").select_option("contradicted")  # watchline.js, no onchange
    page.wait_for_url("**/cases?status=contradicted")
    page.goto(f"{live.url}/patrols")
    page.wait_for_selector("#map[data-ready=true]", timeout=10_000)
    page.locator("#map path.leaflet-interactive").last.dispatch_event("mouseover")  # a track
    tooltip = page.wait_for_selector(".leaflet-tooltip", timeout=5_000)
    assert tooltip.text_content().startswith("patrol")  # tracks are drawn on top
    assert HOSTILE_TEAM in tooltip.text_content()
    assert page.locator(".leaflet-tooltip img").count() == 0
    assert page.locator("img[src=x]").count() == 0
    page.goto(f"{live.url}/docs")
    page.wait_for_selector("#swagger-ui .opblock", timeout=15_000)
    assert page.locator("#swagger-ui .opblock").count() > 0
    assert not dialogs, dialogs
    assert not problems, problems
    page.close()


def test_security_docs_page_needs_a_login_like_the_schema(anonymous) -> None:
    response = anonymous.get("/docs", follow_redirects=False)
    assert response.status_code in (303, 401)
    _assert_headers(response)
