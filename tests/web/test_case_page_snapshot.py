"""The case page reads its view, review and timeline in one transaction, and shows what
it showed when each part read its own: compared with those slow-path functions on the
demo case after a correction, a comment and an assignment."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from watchline.services.accounts import add_user, issue_token, list_users
from watchline.services.timeline import case_timeline
from watchline.services.views import case_view
from watchline.services.workflow import case_review
from watchline.store.tables import CaseRow
from watchline.web.auth import Caller
from watchline.web.routers.pages import case_page_context


def _others_by_full_sort(db, case_id: str) -> list[tuple[str, str]]:
    with db.transaction() as session:
        this = session.get(CaseRow, case_id)
        distance = func.abs(func.julianday(CaseRow.start) - func.julianday(this.start))
        query = (
            select(CaseRow.id, CaseRow.title)
            .where(CaseRow.active, CaseRow.id != case_id, CaseRow.theatre_id == this.theatre_id)
            .order_by(CaseRow.start.is_(None), distance, CaseRow.id)
            .limit(50)
        )
        return [(i, t) for i, t in session.execute(query)]


def test_case_page_shows_what_the_separate_reads_showed(demo_app, login) -> None:
    db = demo_app.state.db
    add_user(db, "ana", "analyst")
    ana = {"Authorization": f"Bearer {issue_token(db, 'ana')}"}
    with TestClient(demo_app) as client:
        browser = login(demo_app, "analyst", client)
        cases = client.get("/api/cases", headers=ana).json()
        claim_id = next(c for c in cases if c["claims_for"])["claims_for"][0]["id"]
        form = {"field": "act", "value": "warn", "reason": "a warning, not an accusation",
                "csrf_token": browser.csrf}  # fmt: skip
        assert client.post(f"/claims/{claim_id}/corrections", data=form).status_code == 200
        cases = client.get("/api/cases", headers=ana).json()
        case_id = next(c["id"] for c in cases if claim_id in {x["id"] for x in c["claims_for"]})
        comment = {"text": "Patrol log of the 31st to be checked"}
        posted = client.post(f"/api/cases/{case_id}/comments", json=comment, headers=ana)
        assert posted.status_code == 201, posted.text
        assigned = client.put(f"/api/cases/{case_id}/assignee", json={"assignee": "ana"},
                              headers=ana)  # fmt: skip
        assert assigned.status_code == 200, assigned.text
        page = client.get(f"/cases/{case_id}", headers=ana)
        assert page.status_code == 200 and "Patrol log of the 31st" in page.text
        assert "a warning, not an accusation" in page.text
    [user] = [u for u in list_users(db) if u.name == "ana"]
    fast = case_page_context(db, case_id, Caller(user, None))
    review = case_review(db, case_id)
    assert fast["view"] == case_view(db, case_id)
    assert fast["review"] == review
    assert [e.kind for e in review.history] == ["correction", "comment", "assign"]
    assert fast["timeline"] == case_timeline(db, case_id)  # reads the review itself
    assert fast["users"] == [u.name for u in list_users(db) if not u.disabled]
    assert fast["others"] == _others_by_full_sort(db, case_id)
    assert fast["moves"] == ["in_review"]
