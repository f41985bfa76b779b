"""Fetching feeds and pages politely: timeouts, retries with backoff, a clear user
agent, a per-host rate limit and conditional GET (ETag / Last-Modified).

Validators are remembered in the `http_cache` table, but only written in the same
transaction as the documents a fetch produced, so a failed batch never leaves the cache
claiming that something was stored.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx
from sqlalchemy.orm import Session

from watchline import __version__
from watchline.errors import Errors, InputError
from watchline.store import Database
from watchline.store.tables import HttpCacheRow

USER_AGENT = f"Watchline/{__version__} (+monitoring mission tool)"
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_CACHED_URL = 2000  # the cache table's key width; longer URLs are simply not cached


@dataclass(frozen=True)
class FetchOptions:
    """How patient and how polite fetching is; tests shrink the delays."""

    timeout_s: float = 20.0
    retries: int = 3
    backoff_s: float = 1.0
    max_backoff_s: float = 60.0
    per_host_interval_s: float = 1.0
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Fetched:
    """A response: status 200 with its body, or 304 (unchanged) with none."""

    url: str
    status: int
    data: bytes
    retrieved_at: datetime
    content_type: str | None = None
    last_modified: str | None = None


def is_url(value: str) -> bool:
    """Whether `value` is meant as a web address (http:// or https://)."""
    try:
        return urlsplit(value).scheme in ("http", "https")
    except ValueError:  # e.g. "http://[::1": unbalanced IPv6 brackets
        return value.lower().startswith(("http://", "https://"))


class Fetcher:
    def __init__(
        self,
        db: Database,
        options: FetchOptions | None = None,
        max_bytes: int = 200 * 1024 * 1024,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.db = db
        self.options = options or FetchOptions()
        self.max_bytes = max_bytes
        self.sleep = sleep
        self.pending: dict[str, HttpCacheRow] = {}
        self._last_request: dict[str, float] = {}
        self._http: httpx.Client | None = None

    def get(self, url: str) -> Fetched:
        """Fetch `url`; raises InputError (E208, E213, E007) when it cannot be had."""
        if not is_url(url):
            raise InputError(Errors.E213, url=url)
        try:
            urlsplit(url)
            httpx.URL(url)
        except (httpx.InvalidURL, ValueError) as exc:
            raise InputError(Errors.E223, url=url[:200], reason=str(exc)[:80]) from None
        headers = self._validators(url)
        attempts = self.options.retries + 1
        for attempt in range(attempts):
            self._wait_for_host(url)
            try:
                response, body = self._request(url, headers)
            except httpx.TransportError as exc:
                failure, delay = f"{type(exc).__name__}: {exc}", None
            else:
                if response.status_code in (200, 304):
                    return self._fetched(url, response, body)
                failure = f"HTTP {response.status_code} {response.reason_phrase}"
                if response.status_code not in RETRY_STATUSES:
                    raise InputError(Errors.E208, url=url, attempts=attempt + 1, reason=failure)
                delay = _retry_after(response)
            if attempt + 1 < attempts:
                backoff = self.options.backoff_s * 2**attempt
                self.sleep(min(self.options.max_backoff_s, delay or backoff))
        raise InputError(Errors.E208, url=url, attempts=attempts, reason=failure)

    def save_pending(self, session: Session) -> None:
        """Remember validators of fetches whose documents this transaction stores."""
        for row in self.pending.values():
            session.merge(row)
        self.pending.clear()

    def close(self) -> None:
        if self._http is not None:
            self._http.close()

    @property
    def _client(self) -> httpx.Client:
        """The HTTP client, made on first use: most runs read only files."""
        if self._http is None:
            self._http = httpx.Client(
                timeout=self.options.timeout_s,
                follow_redirects=True,
                headers={"User-Agent": self.options.user_agent},
            )
        return self._http

    def _request(self, url: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes]:
        with self._client.stream("GET", url, headers=headers) as response:
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise InputError(Errors.E007, path=url, limit=self.max_bytes)
                chunks.append(chunk)
            return response, b"".join(chunks)

    def _fetched(self, url: str, response: httpx.Response, body: bytes) -> Fetched:
        now = datetime.now(UTC)
        etag = response.headers.get("etag")
        modified = response.headers.get("last-modified")
        if response.status_code == 200 and (etag or modified) and len(url) <= MAX_CACHED_URL:
            self.pending[url] = HttpCacheRow(
                url=url,
                etag=etag,
                last_modified=modified,
                status=200,
                sha256=hashlib.sha256(body).hexdigest(),
                fetched_at=now,
            )
        return Fetched(
            url=str(response.url),
            status=response.status_code,
            data=body,
            retrieved_at=now,
            content_type=response.headers.get("content-type"),
            last_modified=modified,
        )

    def _validators(self, url: str) -> dict[str, str]:
        with self.db.transaction() as session:
            row = session.get(HttpCacheRow, url)
            if row is None:
                return {}
            headers = {}
            if row.etag:
                headers["If-None-Match"] = row.etag
            if row.last_modified:
                headers["If-Modified-Since"] = row.last_modified
            return headers

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            wait = self.options.per_host_interval_s - (time.monotonic() - last)
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = time.monotonic()


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds the server asks us to wait (Retry-After as seconds or an HTTP date)."""
    value = response.headers.get("retry-after")
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


def last_modified_utc(value: str | None) -> datetime | None:
    """A Last-Modified header as a UTC datetime, if it can be read."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).astimezone(UTC)
    except (TypeError, ValueError):
        return None
