"""Hostile or malformed bodies on the review API answer a coded error, never a 500."""

from __future__ import annotations

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from watchline.services.accounts import add_user, issue_token

NUMBERS = st.integers() | st.floats(allow_nan=False, allow_infinity=False)
JSON = st.recursive(
    st.none() | st.booleans() | NUMBERS | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                   max_size=4),
    max_leaves=10,
)  # fmt: skip
FIELDS = st.sampled_from(["act", "event_type", "agent", "places", "dates"]) | st.text(max_size=50)
ROUTES = st.sampled_from(["corrections", "comments", "assignee", "state", "merge", "split"])


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(route=ROUTES, field=FIELDS, value=JSON, text=st.text(max_size=60), other=JSON)
def test_review_api_never_answers_500(demo_app, route, field, value, text, other) -> None:
    db = demo_app.state.db
    if not getattr(demo_app.state, "fuzz_token", None):
        add_user(db, "fuzzer", "admin")
        demo_app.state.fuzz_token = issue_token(db, "fuzzer")
    headers = {"Authorization": f"Bearer {demo_app.state.fuzz_token}"}
    with TestClient(demo_app, raise_server_exceptions=False) as client:
        case = client.get("/api/cases", headers=headers).json()[0]
        claim_id = case["claims_for"][0]["id"] if case["claims_for"] else "x:c1"
        if route == "corrections":
            answer = client.post(
                f"/api/claims/{claim_id}/corrections",
                headers=headers,
                json={"field": field, "value": value, "reason": text or "r"},
            )
        elif route in ("comments", "merge", "split"):
            body = {"text": text, "other": other, "claim_id": other, "reason": text}
            answer = client.post(f"/api/cases/{case['id']}/{route}", headers=headers, json=body)
        else:
            body = {"assignee": other, "state": other if isinstance(other, str) else text}
            answer = client.put(f"/api/cases/{case['id']}/{route}", headers=headers, json=body)
    assert answer.status_code < 500, (route, answer.text)
    if answer.status_code >= 400:
        assert answer.json()["code"].startswith("E")
