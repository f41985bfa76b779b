"""Every route × every role, from the app's own route table: no route skips its check.

Each route must declare a `Need` (web.auth); this walk calls it as the anonymous
public, with each role's API token and, for unsafe methods, with a browser session with
and without its CSRF token. A route added without a `Need` fails the first test.
"""

from __future__ import annotations

import contextlib
import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Mount

from watchline.accounts import Role, allowed
from watchline.errors import WatchlineError
from watchline.services.accounts import add_user, issue_token
from watchline.web.auth import Need

PUBLIC_MOUNTS = {"/static", "/static/swagger"}  # stylesheets, scripts, fonts: no data


def _needs(route: APIRoute) -> list[Need]:
    found, pending = [], list(route.dependant.dependencies)
    while pending:
        dep = pending.pop()
        if isinstance(dep.call, Need):
            found.append(dep.call)
        pending += dep.dependencies
    return found


def flat_routes(routes, prefix: str = "") -> list:
    """Every route, with included routers opened up (newer FastAPI keeps an included
    router as one entry whose `original_router` holds its routes)."""
    found = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            extra = getattr(getattr(route, "include_context", None), "prefix", "") or ""
            found += flat_routes(inner.routes, prefix + extra)
        elif prefix and isinstance(route, APIRoute):
            raise AssertionError(f"an include prefix {prefix!r} this walk cannot apply")
        else:
            found.append(route)
    return found


def _routes(app) -> list[tuple[APIRoute, str]]:
    return [
        (r, m)
        for r in flat_routes(app.routes)
        if isinstance(r, APIRoute)
        for m in sorted(r.methods)
    ]


def test_every_route_declares_what_it_needs(demo_app) -> None:
    routes = flat_routes(demo_app.routes)
    assert len(routes) > 15  # the walk sees the included routers' routes too
    for route in routes:
        if isinstance(route, Mount):
            assert route.path in PUBLIC_MOUNTS, route.path
            continue
        assert isinstance(route, APIRoute), f"{route.path} is not checked (no Need)"
        assert len(_needs(route)) == 1, f"{route.path} declares {len(_needs(route))} Needs"


@pytest.fixture
def ids(demo_app) -> dict[str, str]:
    with TestClient(demo_app) as client:
        token = _token(demo_app, Role.ADMIN)
        headers = {"Authorization": f"Bearer {token}"}
        case = client.get("/api/cases", headers=headers).json()[0]
        document = client.get("/api/documents", headers=headers).json()[0]["id"]
    from watchline.services.statements import draft

    claim = (case["claims_for"] + case["claims_against"])[0]["id"]
    statement = draft(demo_app.state.db, case["id"], "route-walk").id
    return {
        "case_id": case["id"],
        "document_id": document,
        "claim_id": claim,
        "publication_id": statement,
    }


def _token(app, role: Role) -> str:
    name = f"walk-{role}"
    with contextlib.suppress(WatchlineError):  # added by an earlier fixture of this test
        add_user(app.state.db, name, role)
    return issue_token(app.state.db, name)


def _path(route: APIRoute, ids: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: ids[m.group(1)], route.path)


def _call(client: TestClient, method: str, path: str, headers: dict[str, str]):
    if method in ("GET", "HEAD"):
        return client.request(method, path, headers=headers, follow_redirects=False)
    return client.request(method, path, headers=headers, json={}, follow_redirects=False)


def test_every_route_answers_each_role_as_its_need_says(demo_app, ids) -> None:
    tokens = {role: _token(demo_app, role) for role in Role}
    with TestClient(demo_app) as client:
        for route, method in _routes(demo_app):
            [need] = _needs(route)
            path = _path(route, ids)
            anonymous = _call(client, method, path, {})
            if need.permission is None:
                assert anonymous.status_code not in (401, 403), (method, path)
            elif method == "GET" and not path.startswith("/api"):
                assert anonymous.status_code == 303, (method, path)
                assert anonymous.headers["location"].startswith("/login?next=")
            else:
                assert anonymous.status_code == 401, (method, path, anonymous.text)
            for role, token in tokens.items():
                answer = _call(client, method, path, {"Authorization": f"Bearer {token}"})
                ok = need.permission is None or allowed(role, need.permission)
                if ok:
                    assert answer.status_code not in (401, 403), (role, method, path)
                else:
                    assert answer.status_code == 403, (role, method, path, answer.text)
                    assert answer.json()["code"] == "E606"


def test_a_browser_post_needs_the_sessions_csrf_token(demo_app, login, ids) -> None:
    with TestClient(demo_app) as client:
        login(demo_app, "analyst", client)
        path = f"/cases/{ids['case_id']}/verdict"
        form = {"status": "disputed", "reason": "footage under review"}
        refused = client.post(path, data=form, follow_redirects=False)
        assert refused.status_code == 403 and refused.json()["code"] == "E607"
        forged = client.post(path, data={**form, "csrf_token": "x" * 43}, follow_redirects=False)
        assert forged.status_code == 403
        done = client.post(path, data={**form, "csrf_token": client.csrf}, follow_redirects=False)
        assert done.status_code == 303
        history = client.get(f"/api/cases/{ids['case_id']}").json()["history"]
        assert history[-1]["author"] == "test-analyst"


def test_a_disabled_user_is_out_at_once(demo_app, login) -> None:
    from watchline.services.accounts import disable_user

    with TestClient(demo_app) as client:
        login(demo_app, "monitor", client)
        assert client.get("/api/cases").status_code == 200
        disable_user(demo_app.state.db, "test-monitor")
        assert client.get("/api/cases").status_code == 401


def test_logins_are_rate_limited_and_say_so(demo_app) -> None:
    add_user(demo_app.state.db, "slow", "analyst", "the right password")
    with TestClient(demo_app) as client:
        for _ in range(5):
            wrong = client.post("/login", data={"name": "slow", "password": "wrong password"})
            assert wrong.status_code == 401 and "E610" in wrong.text
        blocked = client.post("/login", data={"name": "slow", "password": "the right password"})
        assert blocked.status_code == 429 and "E608" in blocked.text


def test_login_goes_back_only_to_this_site(demo_app) -> None:
    add_user(demo_app.state.db, "nav", "analyst", "the right password")
    with TestClient(demo_app) as client:
        for target in ("https://evil.example/", "//evil.example", "/\\evil.example"):
            data = {"name": "nav", "password": "the right password", "next": target}
            answer = client.post("/login", data=data, follow_redirects=False)
            assert answer.status_code == 303 and answer.headers["location"] == "/cases"
            cookie = answer.headers["set-cookie"].lower()
            assert "httponly" in cookie and "samesite=strict" in cookie
