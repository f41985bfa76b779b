"""A bad form comes back as its own page: the coded error beside the form that was sent,
the typed values kept (never the CSRF token, a password or a file), 400/422, and the
session's CSRF token still good for sending it again."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from starlette.datastructures import FormData

from watchline.web.form_errors import kept_values

from .conftest import PASSWORD, LiveServer

HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
HOSTILE = '<script>alert("kept")</script>'


@pytest.fixture
def client(demo_app, login):
    with TestClient(demo_app) as test_client:
        yield login(demo_app, "analyst", test_client)


def _case_id(client: TestClient) -> str:
    return client.get("/api/cases", params={"status": "contradicted"}).json()[0]["id"]


def _errors(html: str) -> list[str]:
    return re.findall(r'<p class="form-error" role="alert">(.*?)</p>', html, re.S)


def _post(client: TestClient, path: str, data: dict[str, str]):
    sent = {**data, "csrf_token": client.csrf}
    return client.post(path, data=sent, headers=HTML, follow_redirects=False)


def test_form_errors_override_comes_back_with_reason_kept(client) -> None:
    case_id = _case_id(client)
    bad = _post(client, f"/cases/{case_id}/verdict", {"status": "contradicted", "reason": " "})
    assert bad.status_code == 422 and bad.headers["content-type"].startswith("text/html")
    [error] = _errors(bad.text)
    assert error.startswith("E402: A verdict set by an analyst needs a reason")
    # the error sits with the override form, which shows what was chosen
    form = bad.text.split('class="form-error"')[1].split("</form>")[0]
    assert 'action="/cases/' + case_id + '/verdict"' in form
    assert '<option value="contradicted" selected>' in form
    assert 'name="csrf_token" value="' + client.csrf + '"' in bad.text  # same token
    again = _post(client, f"/cases/{case_id}/verdict", {"status": "disputed", "reason": "Asked"})
    assert again.status_code == 303  # the token still works


def test_form_errors_correction_shows_next_to_its_field_only(client) -> None:
    claim_id = client.get("/api/cases").json()[0]["claims_for"][0]["id"]
    data = {"field": "agent", "value": HOSTILE, "reason": f"why {HOSTILE}"}
    bad = _post(client, f"/claims/{claim_id}/corrections", data)
    assert bad.status_code == 422
    [error] = _errors(bad.text)
    assert error.startswith("E701: ") and "&lt;script&gt;" in error
    # beside the agent form, not beside the other four
    agent_form = bad.text.split(error)[1].split("</form>")[0]
    assert '<input type="hidden" name="field" value="agent">' in agent_form
    assert 'value="&lt;script&gt;alert(&#34;kept&#34;)&lt;/script&gt;"' in agent_form
    assert 'value="why &lt;script&gt;' in agent_form
    assert HOSTILE not in bad.text  # everything typed comes back escaped
    assert "csrf_token" not in agent_form.split('name="csrf_token"')[1].split(">")[0]


def test_form_errors_comment_and_finding_keep_what_was_typed(demo_app, login) -> None:
    with TestClient(demo_app) as analyst:
        login(demo_app, "analyst", analyst)
        case_id = _case_id(analyst)
        long = "x" * 2001
        bad = _post(analyst, f"/cases/{case_id}/comments", {"text": long})
        assert bad.status_code == 422 and _errors(bad.text)[0].startswith("E708")
        assert f">{long}</textarea>" in bad.text
    with TestClient(demo_app) as monitor:
        login(demo_app, "monitor", monitor)
        typed = {"type": "mobilize", "modality": "heard", "time": "2024-03-31T10:00",
                 "patrol": "", "team": "Team Kilo", "lat": "north-ish", "lon": "45.6",
                 "count": "3", "notes": "Engines heard behind the ridge"}  # fmt: skip
        bad = monitor.post("/intake/findings", data={**typed, "csrf_token": monitor.csrf},
                           headers=HTML)  # fmt: skip
        assert bad.status_code in (400, 422) and len(_errors(bad.text)) == 1
        assert 'value="north-ish"' in bad.text and ">Engines heard behind the ridge<" in bad.text
        assert '<option value="heard" selected>' in bad.text
        assert '<option value="mobilize" selected>' in bad.text


def test_form_errors_not_about_the_form_keep_the_error_page(client) -> None:
    missing = _post(client, "/cases/case-nope/verdict", {"status": "disputed", "reason": "r"})
    assert missing.status_code == 404 and "error-page" in missing.text
    forged = client.post(f"/cases/{_case_id(client)}/comments", data={"text": "hi"}, headers=HTML)
    assert forged.status_code == 403 and not _errors(forged.text)  # no CSRF token


def test_form_errors_api_answers_stay_json(client) -> None:
    case_id = _case_id(client)
    sent = {"status": "disputed", "reason": " ", "csrf_token": client.csrf}
    plain = client.post(f"/cases/{case_id}/verdict", data=sent, follow_redirects=False)
    assert plain.status_code == 422 and plain.json()["code"] == "E402"


def test_form_errors_never_keep_tokens_passwords_or_files() -> None:
    from starlette.datastructures import UploadFile

    form = FormData(
        [("csrf_token", "t"), ("password", "p"), ("new_password", "q"), ("team", "Kilo"),
         ("files", UploadFile(file=None, filename="a.gpx"))]  # type: ignore[arg-type]
    )  # fmt: skip
    assert kept_values(form) == {"team": "Kilo"}
    assert kept_values(None) == {}


def test_browser_correction_error_in_the_form_then_sent_again(browser, demo_app) -> None:
    from watchline.services.accounts import add_user

    add_user(demo_app.state.db, "forms-analyst", "analyst", PASSWORD)
    with LiveServer(demo_app) as live:
        page = browser.new_page()
        page.goto(f"{live.url}/login?next=/cases")
        page.fill("input[name=name]", "forms-analyst")
        page.fill("input[name=password]", PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url("**/cases")
        claim_id = page.evaluate(
            "fetch('/api/cases').then(r => r.json()).then(c => c[0].claims_for[0].id)"
        )
        page.goto(f"{live.url}/claims/{claim_id}")
        form = page.locator("form.correction").filter(has=page.locator("input[value=agent]"))
        form.locator("input[name=value]").fill("no-such-party")
        form.locator("input[name=reason]").fill("The text names another unit")
        form.get_by_role("button").click()
        page.wait_for_selector("p.form-error")
        assert page.locator("p.form-error").count() == 1
        assert "E701" in page.locator("p.form-error").inner_text()
        form = page.locator("form.correction").filter(has=page.locator("input[value=agent]"))
        assert form.locator("input[name=value]").input_value() == "no-such-party"
        assert form.locator("input[name=reason]").input_value() == "The text names another unit"
        form.locator("input[name=value]").fill("none")  # the analyst fixes it and resends
        form.get_by_role("button").click()
        page.wait_for_url(f"**/claims/{claim_id}#history")
        assert page.locator("p.form-error").count() == 0
        assert "The text names another unit" in page.locator("section.history").inner_text()
        page.close()


def test_form_errors_document_upload_keeps_fields_not_the_file(demo_app, login) -> None:
    with TestClient(demo_app) as analyst:
        login(demo_app, "analyst", analyst)
        data = {"format": "text", "source_name": "Ministry site", "speaks_for": "aze.mod",
                "published_on": "31/03/2024", "csrf_token": analyst.csrf}  # fmt: skip
        files = {"files": ("statement.txt", b"The ministry said the border was calm.")}
        bad = analyst.post("/intake/documents", data=data, files=files, headers=HTML)
        assert bad.status_code == 422
        [error] = _errors(bad.text)
        assert error.startswith("E312") and "31/03/2024" in error
        assert 'value="Ministry site"' in bad.text and 'value="aze.mod"' in bad.text
        assert '<option value="text" selected>' in bad.text
        assert "statement.txt" not in bad.text  # a file is never sent back
