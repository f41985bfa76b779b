"""Review in the app: forms with CSRF under the logged-in user, JSON twins, role rules,
and everything an analyst writes shown escaped."""

from __future__ import annotations

from fastapi.testclient import TestClient

from watchline.services.accounts import add_user, issue_token


def _build_up(client: TestClient) -> dict:
    cases = client.get("/api/cases").json()
    return next(c for c in cases if c["claims_for"] and c["event_type"] == "mobilize")


def test_review_form_corrects_a_claim_under_the_users_name(demo_app, login) -> None:
    with TestClient(demo_app) as client:
        login(demo_app, "analyst", client)
        claim_id = _build_up(client)["claims_for"][0]["id"]
        page = client.get(f"/claims/{claim_id}")
        assert page.status_code == 200 and 'name="csrf_token"' in page.text
        form = {"field": "event_type", "value": "exercise", "reason": "they were drills",
                "author": "someone else"}  # fmt: skip
        refused = client.post(f"/claims/{claim_id}/corrections", data=form)
        assert refused.status_code == 403  # no CSRF token
        sent = {**form, "csrf_token": client.csrf}
        done = client.post(f"/claims/{claim_id}/corrections", data=sent, follow_redirects=False)
        assert done.status_code == 303
        review = client.get(f"/api/claims/{claim_id}/review").json()
        assert review["fields"]["event_type"] == {"value": "exercise", "engine": "mobilize"}
        [fix] = review["corrections"]
        assert (fix["author"], fix["reason"]) == ("test-analyst", "they were drills")
        page = client.get(f"/claims/{claim_id}").text
        assert "corrected" in page and "they were drills" in page and "test-analyst" in page
        bad = client.post(f"/claims/{claim_id}/corrections",
                          data={**form, "value": "picnic", "csrf_token": client.csrf},
                          headers={"accept": "text/html"})  # fmt: skip
        assert bad.status_code == 422 and "E701" in bad.text and "<html" in bad.text


def test_review_api_merge_state_and_history(demo_app) -> None:
    add_user(demo_app.state.db, "ana", "analyst")
    add_user(demo_app.state.db, "pub", "publisher")
    add_user(demo_app.state.db, "mo", "monitor")
    ana = {"Authorization": f"Bearer {issue_token(demo_app.state.db, 'ana')}"}
    pub = {"Authorization": f"Bearer {issue_token(demo_app.state.db, 'pub')}"}
    mo = {"Authorization": f"Bearer {issue_token(demo_app.state.db, 'mo')}"}
    with TestClient(demo_app) as client:
        cases = client.get("/api/cases", headers=ana).json()
        keep, gone = cases[0]["id"], cases[1]["id"]
        body = {"other": gone, "reason": "one episode"}
        assert client.post(f"/api/cases/{keep}/merge", json=body, headers=mo).status_code == 403
        assert client.post(f"/api/cases/{keep}/merge", json=body).status_code == 401
        merged = client.post(f"/api/cases/{keep}/merge", json=body, headers=ana)
        assert merged.status_code == 200, merged.text
        ids = {c["id"] for c in client.get("/api/cases", headers=ana).json()}
        assert keep in ids and gone not in ids and len(ids) == len(cases) - 1
        state = f"/api/cases/{keep}/state"
        assert client.put(state, json={"state": "in_review"}, headers=mo).status_code == 403
        assert client.put(state, json={"state": "in_review"}, headers=ana).status_code == 200
        assert client.put(state, json={"state": "verified"}, headers=ana).status_code == 200
        early = client.put(state, json={"state": "published"}, headers=ana)
        assert early.status_code == 403 and early.json()["code"] == "E704"
        done = client.put(state, json={"state": "published"}, headers=pub).json()
        assert done["state"] == "published"
        assert [(h["kind"], h["author"]) for h in done["history"]] == [
            ("merge", "ana"), ("state", "ana"), ("state", "ana"), ("state", "pub")]  # fmt: skip
        wrong = client.put(state, json={"state": "new"}, headers=ana)
        assert wrong.status_code == 422 and wrong.json()["code"] == "E703"


def test_review_what_analysts_write_is_escaped(demo_app, login) -> None:
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    with TestClient(demo_app) as client:
        login(demo_app, "analyst", client)
        case_id = client.get("/api/cases").json()[0]["id"]
        headers = {"X-CSRF-Token": client.csrf}
        assert client.post(f"/api/cases/{case_id}/comments", json={"text": hostile},
                           headers=headers).status_code == 201  # fmt: skip
        assigned = client.put(f"/api/cases/{case_id}/assignee", json={"assignee": "nobody"},
                              headers=headers)  # fmt: skip
        assert assigned.status_code == 422 and assigned.json()["code"] == "E707"
        page = client.get(f"/cases/{case_id}").text
        assert hostile not in page and "&lt;script&gt;" in page
        assert "test-analyst" in page and "commented" in page


def test_review_case_page_offers_each_role_only_its_moves(demo_app, login) -> None:
    with TestClient(demo_app) as analyst, TestClient(demo_app) as publisher:
        login(demo_app, "analyst", analyst)
        login(demo_app, "publisher", publisher)
        case_id = analyst.get("/api/cases").json()[0]["id"]
        for state in ("in_review", "verified"):
            moved = analyst.post(f"/cases/{case_id}/state", follow_redirects=False,
                                 data={"state": state, "csrf_token": analyst.csrf})  # fmt: skip
            assert moved.status_code == 303 and moved.headers["location"].endswith("#review")
        mine = analyst.get(f"/cases/{case_id}").text
        theirs = publisher.get(f"/cases/{case_id}").text
        assert "Move to in review" in mine and "Move to published" not in mine
        assert "Move to published" in theirs and "Move to in review" not in theirs
        assert "Merge cases" not in theirs and "Merge cases" in mine  # analysts' work
        form = {"state": "published", "csrf_token": publisher.csrf}
        done = publisher.post(f"/cases/{case_id}/state", data=form)
        assert done.status_code == 200 and "published" in done.text
        listed = analyst.get("/cases").text
        assert 'class="state published"' in listed and "unassigned" in listed
