"""A form that fails comes back as its own page: the coded error beside the form that
was sent, what the user typed still in it.

A POST route whose form lives on a page says so once, with `@form_page(template,
context)`: `context(request)` builds that page as its GET route does (from the path
parameters). When the route, or the validation of its fields, raises a `WatchlineError`
or a `RequestValidationError` for a browser, the HTML error handler of `web.security`
asks `form_error_page` first: it renders the page again with `form_error` (the form's
action, the message, the code) and `form_values` (the text fields that were sent, minus
the CSRF token and passwords; files are never sent back), status 422 for bad input, 413
for an upload too large, 400 otherwise. The session's CSRF token is unchanged, so the
form can be sent again at once. Templates show both with the macros of
`_form_errors.html`. Errors that are not about the form (not logged in, not allowed, a
CSRF failure, a page that no longer exists) keep the generic error page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.responses import Response

from watchline.errors import WatchlineError

MARK = "__watchline_form_page__"
MAX_KEPT = 10_000  # characters of one field sent back (the fields' own limits are lower)
NOT_KEPT = ("csrf_token",)
F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class FormPage:
    template: str
    context: Callable[[Request], dict[str, Any]]


@dataclass(frozen=True)
class FormError:
    action: str  # the path the form posts to: which form on the page failed
    message: str
    code: str | None


def form_page(template: str, context: Callable[[Request], dict[str, Any]]) -> Callable[[F], F]:
    """Mark a POST route: its form is on `template`, whose context `context` builds."""

    def mark(endpoint: F) -> F:
        setattr(endpoint, MARK, FormPage(template, context))
        return endpoint

    return mark


def kept_values(form: FormData | None) -> dict[str, str]:
    """The text fields to put back into the form: never the CSRF token, a password or a
    file."""
    if form is None:
        return {}
    return {
        name: value[:MAX_KEPT]
        for name, value in form.multi_items()
        if isinstance(value, str) and name not in NOT_KEPT and "password" not in name.lower()
    }


def _sent_form(request: Request) -> FormData | None:
    """The form as the route (or the CSRF check) already read it, which Starlette keeps
    on the request. Never read here: a body refused for its size (E730) must stay unread."""
    form = getattr(request, "_form", None)
    return form if isinstance(form, FormData) else None


async def form_error_page(
    request: Request, status: int, message: str, code: str | None
) -> Response | None:
    """The failed form's page with the error beside it, or None when the request was not
    a marked form's POST (or its page cannot be built: then the generic page shows)."""
    page = getattr(request.scope.get("endpoint"), MARK, None)
    if request.method != "POST" or not isinstance(page, FormPage):
        return None
    values = kept_values(_sent_form(request))
    try:
        context = await run_in_threadpool(page.context, request)
    except WatchlineError:
        return None  # e.g. the case itself is gone: the error page says so
    context["form_error"] = FormError(request.url.path, message, code)
    context["form_values"] = values
    templates = request.app.state.templates
    answer = status if status in (413, 422) else 400
    return templates.TemplateResponse(request, page.template, context, status_code=answer)
