"""Browser hardening: security headers on every response, HTML error pages for browsers.

`install(app)` adds

* an ASGI middleware that sets the Content-Security-Policy and companion headers on every
  response the app sends (pages, API, static files, errors);
* error handlers that answer a page request (path outside `/api/`, `Accept` preferring
  `text/html`) with `error.html` and the same status code — or, for a form's POST, with
  the form's own page and the error beside it (`web.form_errors`) — and leave every
  other request to the JSON handlers that were registered before (API format unchanged);
* a last-resort handler for unexpected exceptions, whose 500 response is sent outside the
  middleware stack and so gets the headers set here.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from watchline.errors import WatchlineError
from watchline.web.form_errors import form_error_page

log = logging.getLogger(__name__)


def content_security_policy(tile_origin: str | None = None) -> str:
    """The CSP; images may also come from `tile_origin` (a checked `web.tiles` origin)."""
    images = "img-src 'self' data:" + (f" {tile_origin}" if tile_origin else "")
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            images,
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
        ]
    )


CONTENT_SECURITY_POLICY = content_security_policy()


def security_headers(tile_origin: str | None = None) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(tile_origin),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
    }


SECURITY_HEADERS: dict[str, str] = security_headers()

Handler = Callable[[Request, Exception], Awaitable[Response] | Response]


class SecurityHeadersMiddleware:
    """Sets the app's security headers on every HTTP response start (overriding what a
    route set): `SECURITY_HEADERS`, with the tile origin in `img-src` when one is set."""

    def __init__(self, app: ASGIApp, headers: dict[str, str] | None = None) -> None:
        self.app = app
        self.headers = headers or SECURITY_HEADERS

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                apply_headers(MutableHeaders(scope=message), self.headers)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def apply_headers(headers: MutableHeaders, values: dict[str, str] | None = None) -> None:
    for name, value in (values or SECURITY_HEADERS).items():
        headers[name] = value


def _accept_q(accept: str, media_type: str) -> float:
    """The quality the `Accept` header gives `media_type` by name (wildcards ignored)."""
    best = 0.0
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        if fields[0].lower() != media_type:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        best = max(best, q)
    return best


def wants_html(request: Request) -> bool:
    """A page request from a browser: not under /api/, and `Accept` prefers text/html."""
    path = request.url.path
    if path == "/api" or path.startswith("/api/") or path == "/openapi.json":
        return False
    accept = request.headers.get("accept", "")
    html = max(_accept_q(accept, "text/html"), _accept_q(accept, "application/xhtml+xml"))
    return html > 0 and html >= _accept_q(accept, "application/json")


def error_page(request: Request, status: int, message: str, code: str | None = None) -> Response:
    """`error.html` with `status`; plain text when the templates themselves fail."""
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    try:
        templates = request.app.state.templates
        response = templates.TemplateResponse(
            request,
            "error.html",
            {"status": status, "title": title, "message": message, "code": code},
            status_code=status,
        )
    except Exception:  # an error page must not fail in turn
        log.exception("could not render error.html")
        response = PlainTextResponse(f"{status} {title}: {message}", status_code=status)
    return response


# Statuses left to the previous handler even for browsers: redirects and authentication
# challenges belong to whoever raised them (the login flow), not to an error page.
PASS_THROUGH = frozenset({301, 302, 303, 307, 308, 401, 403})


def _html_or(
    fallback: Handler,
    describe: Callable[[Exception], tuple[int, str, str | None]],
    *,
    forms: bool = False,
):
    """`fallback` for API requests; for a browser's page request the failed form's own
    page when `forms` and the route has one (`web.form_errors`), else `error.html`."""

    async def handler(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", None) or getattr(exc, "status", None)
        if wants_html(request) and status not in PASS_THROUGH:
            status, message, code = describe(exc)
            form = await form_error_page(request, status, message, code) if forms else None
            response = form or error_page(request, status, message, code)
            headers = getattr(exc, "headers", None)
            if headers:
                response.headers.update(headers)
            return response
        result = fallback(request, exc)
        if inspect.isawaitable(result):
            result = await result
        return result

    return handler


def _describe_domain(exc: Exception) -> tuple[int, str, str | None]:
    assert isinstance(exc, WatchlineError)
    return exc.status, exc.message, exc.code


def _describe_http(exc: Exception) -> tuple[int, str, str | None]:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    return exc.status_code, detail, None


def validation_reason(exc: RequestValidationError) -> str:
    """What was wrong with a request, field by field (for JSON and HTML errors alike)."""
    return "; ".join(
        f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}" for error in exc.errors()
    )


def _describe_invalid(exc: Exception) -> tuple[int, str, str | None]:
    assert isinstance(exc, RequestValidationError)
    return 422, f"The request is not valid: {validation_reason(exc)}", None


async def _unexpected(request: Request, exc: Exception) -> Response:
    """500 for an unhandled exception; Starlette sends it outside all middleware."""
    if wants_html(request):
        response = error_page(request, 500, "Something went wrong on the server.")
    else:
        response = PlainTextResponse("Internal Server Error", status_code=500)
    apply_headers(response.headers, getattr(request.app.state, "security_headers", None))
    return response


def install(app: FastAPI) -> None:
    """Security headers on every response; HTML error pages for browsers' page requests."""
    tiles = getattr(app.state, "tiles", None)
    app.state.security_headers = security_headers(tiles.origin if tiles else None)
    app.add_middleware(SecurityHeadersMiddleware, headers=app.state.security_headers)
    handlers = app.exception_handlers  # the JSON handlers create_app registered first
    domain, invalid = handlers[WatchlineError], handlers[RequestValidationError]
    handlers[WatchlineError] = _html_or(domain, _describe_domain, forms=True)
    handlers[StarletteHTTPException] = _html_or(handlers[StarletteHTTPException], _describe_http)
    handlers[RequestValidationError] = _html_or(invalid, _describe_invalid, forms=True)
    handlers.setdefault(Exception, _unexpected)


__all__ = ["CONTENT_SECURITY_POLICY", "SECURITY_HEADERS", "install", "wants_html"]
