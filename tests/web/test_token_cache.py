"""API tokens checked once per few seconds: a revoked token is refused within
`TOKEN_CACHE_S`, an unknown one is never remembered, and only digests are kept."""

from __future__ import annotations

from fastapi.testclient import TestClient

from watchline.services.accounts import add_user, issue_token, list_tokens, revoke_token
from watchline.settings import Settings
from watchline.store import Database
from watchline.web import create_app
from watchline.web.token_cache import TOKEN_CACHE_S, TokenCache


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_token_cache_a_revoked_token_is_refused_within_the_documented_delay(
    sqlite_db: Database,
) -> None:
    add_user(sqlite_db, "scripter", "analyst", "a long test password")
    token = issue_token(sqlite_db, "scripter")
    app = create_app(Settings(database_url=sqlite_db.url), db=sqlite_db)
    clock = Clock()
    app.state.token_cache = TokenCache(clock=clock)
    client = TestClient(app, headers={"Authorization": f"Bearer {token}"})
    assert client.get("/api/me").json()["name"] == "scripter"
    [info] = list_tokens(sqlite_db, "scripter")
    revoke_token(sqlite_db, "scripter", info.id)
    clock.now += TOKEN_CACHE_S - 0.5
    assert client.get("/api/me").status_code == 200  # still trusted: checked < 5 s ago
    clock.now += 1.0
    refused = client.get("/api/me")
    assert refused.status_code == 401 and refused.json()["code"] == "E605"
    clock.now += 100.0
    assert client.get("/api/me").status_code == 401  # and stays refused


def test_token_cache_remembers_valid_digests_only() -> None:
    clock = Clock()
    cache = TokenCache(clock=clock, size=2)
    asked: list[str] = []

    def look_up(token: str):
        asked.append(token)
        return None if token == "wrong" else object()

    assert cache.user("wrong", look_up) is None
    assert cache.user("wrong", look_up) is None
    assert asked == ["wrong", "wrong"]  # an unknown token is looked up every time
    first = cache.user("good", look_up)
    assert cache.user("good", look_up) is first and asked.count("good") == 1
    assert all("good" not in key for key in cache._users)  # digests, not tokens
    for n in range(5):  # more live tokens than it holds: it never grows past its size
        cache.user(f"other-{n}", look_up)
        assert len(cache._users) <= 2
