"""Fetching: user agent, retries with backoff, conditional GET, rate limit, limits."""

from __future__ import annotations

import pytest
from ingest_support import FAST, Reply

from watchline.errors import InputError
from watchline.ingest import Fetcher, FetchOptions
from watchline.ingest.fetch import USER_AGENT

PAGE = b"<html><body><article><p>" + b"The border was calm all day. " * 5 + b"</p></article>"


@pytest.fixture
def fetcher(sqlite_db):
    waits: list[float] = []
    fetcher = Fetcher(sqlite_db, FAST, max_bytes=10_000, sleep=waits.append)
    fetcher.waits = waits
    yield fetcher
    fetcher.close()


def test_fetch_sends_user_agent(fetcher, site) -> None:
    site.routes["/p"] = Reply(200, PAGE)
    fetched = fetcher.get(site.url("/p"))
    assert fetched.status == 200 and fetched.data == PAGE
    assert site.asked("/p")[0]["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("Watchline/") and "monitoring mission tool" in USER_AGENT


def test_fetch_retries_with_backoff(fetcher, site) -> None:
    site.routes["/flaky"] = [Reply(503), Reply(502), Reply(200, PAGE)]
    assert fetcher.get(site.url("/flaky")).data == PAGE
    assert len(site.asked("/flaky")) == 3
    assert fetcher.waits == [FAST.backoff_s, FAST.backoff_s * 2]


def test_fetch_honours_retry_after(fetcher, site) -> None:
    site.routes["/busy"] = [Reply(429, headers={"Retry-After": "3"}), Reply(200, PAGE)]
    fetcher.get(site.url("/busy"))
    assert fetcher.waits == [3.0]


def test_fetch_gives_up_after_retries(fetcher, site) -> None:
    site.routes["/down"] = Reply(500)
    with pytest.raises(InputError) as err:
        fetcher.get(site.url("/down"))
    assert err.value.code == "E208" and "3 attempt(s)" in err.value.message
    assert len(site.asked("/down")) == FAST.retries + 1


def test_fetch_does_not_retry_not_found(fetcher, site) -> None:
    with pytest.raises(InputError) as err:
        fetcher.get(site.url("/missing"))
    assert "HTTP 404" in err.value.message and len(site.asked("/missing")) == 1


def test_fetch_conditional_get_after_commit(fetcher, site, sqlite_db) -> None:
    site.routes["/c"] = Reply(
        200, PAGE, {"ETag": '"abc"', "Last-Modified": "Sun, 31 Mar 2024 10:00:00 GMT"}
    )
    fetcher.get(site.url("/c"))
    fetcher.get(site.url("/c"))
    assert "if-none-match" not in site.asked("/c")[1]  # nothing remembered until stored
    with sqlite_db.transaction() as session:
        fetcher.save_pending(session)
    fetcher.get(site.url("/c"))
    third = site.asked("/c")[2]
    assert third["if-none-match"] == '"abc"'
    assert third["if-modified-since"] == "Sun, 31 Mar 2024 10:00:00 GMT"


def test_fetch_rate_limit_per_host(sqlite_db, site) -> None:
    waits: list[float] = []
    polite = FetchOptions(retries=0, per_host_interval_s=30.0)
    fetcher = Fetcher(sqlite_db, polite, sleep=waits.append)
    site.routes["/a"] = Reply(200, PAGE)
    fetcher.get(site.url("/a"))
    fetcher.get(site.url("/a"))
    fetcher.close()
    assert len(waits) == 1 and 29.0 < waits[0] <= 30.0


def test_fetch_refuses_over_large_and_other_schemes(fetcher, site) -> None:
    site.routes["/big"] = Reply(200, b"x" * 20_000)
    with pytest.raises(InputError) as err:
        fetcher.get(site.url("/big"))
    assert err.value.code == "E007"
    with pytest.raises(InputError) as err:
        fetcher.get("file:///etc/passwd")
    assert err.value.code == "E213"
