"""Logging in and out of the team app (browser sessions in HttpOnly cookies)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from watchline.errors import Errors, WatchlineError
from watchline.services.accounts import SESSION_HOURS, log_in, log_out
from watchline.web.auth import COOKIE, Caller, Need, safe_next
from watchline.web.deps import DbDep, SettingsDep, TemplatesDep

router = APIRouter(include_in_schema=False)
PUBLIC = [Depends(Need(None, identify=False))]  # a stale cookie must not block a login


@router.get("/login", response_class=HTMLResponse, dependencies=PUBLIC)
def login_page(request: Request, templates: TemplatesDep, next: str | None = None):
    return templates.TemplateResponse(
        request, "login.html", {"next": safe_next(next), "error": None}
    )


@router.post("/login", dependencies=PUBLIC)
def login_submit(
    request: Request,
    db: DbDep,
    settings: SettingsDep,
    templates: TemplatesDep,
    name: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form(max_length=2000)] = "/cases",
) -> Response:
    throttle = request.app.state.login_throttle
    address = request.client.host if request.client else "?"
    wait = throttle.wait_s(name, address)
    error: WatchlineError | None = None
    if wait:
        error = WatchlineError(Errors.E608, status=429, name=name[:64], seconds=wait)
    else:
        try:
            session = log_in(db, name, password)
        except WatchlineError as exc:
            throttle.failed(name, address)
            error = exc
    if error is not None:
        context = {"next": safe_next(next), "error": error.message, "name": name[:64]}
        return templates.TemplateResponse(request, "login.html", context, status_code=error.status)
    throttle.succeeded(name, address)
    response = RedirectResponse(safe_next(next), status_code=303)
    secure = settings.cookie_secure
    response.set_cookie(
        COOKIE,
        session.token,
        max_age=SESSION_HOURS * 3600,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https" if secure is None else secure,
        path="/",
    )
    return response


@router.post("/logout")
def logout(
    request: Request, db: DbDep, caller: Annotated[Caller | None, Depends(Need(None))]
) -> Response:
    """Ends the session (the CSRF check applies: a foreign page cannot log you out)."""
    if caller is not None and caller.session is not None:
        log_out(db, caller.session.token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response
