"""Who is asking, and may they: every route declares what it needs with `Need`.

A request is from a user when it carries `Authorization: Bearer TOKEN` (scripts; no
cookies, so no CSRF) or the session cookie set at /login (browsers). A browser's
unsafe request (POST, PUT, PATCH, DELETE) must also carry the session's CSRF token, in
the `csrf_token` form field or the `X-CSRF-Token` header. Anonymous pages redirect to
the login page; anonymous API calls get 401; a role without the permission gets 403.
A checked token is remembered for a few seconds (`web.token_cache`): its revocation
takes effect within `TOKEN_CACHE_S` seconds.

`tests/web/test_routes_roles.py` walks the app's own route table: a route without a
`Need` fails it, so no new route can skip the check.
"""

from __future__ import annotations

import hmac
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from urllib.parse import quote

from fastapi import Request

from watchline.accounts import Permission, allowed
from watchline.errors import Errors, WatchlineError
from watchline.services.accounts import Session, User, session_of, token_user

COOKIE = "watchline_session"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class LoginRequired(WatchlineError):
    """Anonymous: pages answer with a redirect to /login, the API with 401."""

    status = 401


class Forbidden(WatchlineError):
    status = 403


@dataclass(frozen=True)
class Caller:
    user: User
    session: Session | None  # None for bearer tokens

    @property
    def csrf(self) -> str:
        return self.session.csrf if self.session else ""


class Need:
    """A route's requirement: `Need(Permission.ANALYSE)`; `Need(None)` marks a public
    route (the login page, health), still declared so the route walk can see it."""

    def __init__(self, permission: Permission | None, *, identify: bool = True) -> None:
        self.permission = permission
        self.identify = identify  # False: the login form, which must work with a stale cookie

    def __repr__(self) -> str:
        return f"Need({self.permission!r})"

    async def __call__(self, request: Request) -> Caller | None:
        if not self.identify and self.permission is None:
            return None
        caller = await identify(request)
        if self.permission is None:
            return caller
        if caller is None:
            raise LoginRequired(Errors.E605, permission=str(self.permission))
        if not allowed(caller.user.role, self.permission):
            raise Forbidden(Errors.E606, role=str(caller.user.role), permission=self.permission)
        return caller


async def identify(request: Request) -> Caller | None:
    """The caller, checking CSRF on a browser's unsafe request; cached on the request."""
    if hasattr(request.state, "caller"):
        return request.state.caller
    db = request.app.state.db
    caller: Caller | None = None
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        cache = request.app.state.token_cache
        user = cache.user(header[7:].strip(), lambda token: token_user(db, token))
        caller = Caller(user, None) if user else None
    elif request.cookies.get(COOKIE):
        session = session_of(db, request.cookies[COOKIE])
        if session is not None:
            caller = Caller(session.user, session)
            if request.method in UNSAFE:
                await _check_csrf(request, session)
    request.state.caller = caller
    return caller


async def _check_csrf(request: Request, session: Session) -> None:
    sent = request.headers.get("x-csrf-token", "")
    if not sent and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()  # cached: the route's Form(...) reads the same
        value = form.get("csrf_token", "")
        sent = value if isinstance(value, str) else ""
    if not sent or not hmac.compare_digest(sent.encode(), session.csrf.encode()):
        raise Forbidden(Errors.E607)


def login_redirect(request: Request) -> str:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"/login?next={quote(target, safe='/')}"


def safe_next(value: str | None) -> str:
    """Only a path on this site: never `//evil.example` or `https://…`."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/cases"
    return value


class LoginThrottle:
    """At most `limit` failed logins per name and address in `window_s` seconds."""

    def __init__(self, limit: int = 5, window_s: float = 300.0) -> None:
        self.limit, self.window_s = limit, window_s
        self.failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)

    def wait_s(self, name: str, address: str) -> int:
        """Seconds until another try is allowed (0: now)."""
        recent = self._recent(name, address)
        if len(recent) < self.limit:
            return 0
        return max(1, int(recent[0] + self.window_s - time.monotonic()) + 1)

    def failed(self, name: str, address: str) -> None:
        self._recent(name, address).append(time.monotonic())

    def succeeded(self, name: str, address: str) -> None:
        self.failures.pop((name.lower(), address), None)

    def _recent(self, name: str, address: str) -> deque[float]:
        recent = self.failures[(name.lower(), address)]
        while recent and recent[0] < time.monotonic() - self.window_s:
            recent.popleft()
        return recent
