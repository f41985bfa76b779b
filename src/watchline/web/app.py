"""Build the web application: nothing is created at import time.

`create_app(settings)` makes the database handle and mounts the routers; each test
builds its own app over its own SQLite file.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import FileSystemLoader

from watchline import __version__
from watchline.accounts import Permission, allowed
from watchline.errors import Errors, WatchlineError
from watchline.publish.templating import make_environment
from watchline.settings import Settings
from watchline.store import Database
from watchline.web.auth import LoginRequired, LoginThrottle, Need, login_redirect
from watchline.web.security import validation_reason
from watchline.web.tiles import tile_source
from watchline.web.token_cache import TokenCache

HERE = Path(__file__).parent


def _caller_context(request: Request) -> dict[str, object]:
    """Every page knows who is logged in (the log-out form) and what they may do (forms
    are shown by permission, from the one table in `accounts.roles`)."""
    caller = getattr(request.state, "caller", None)
    may = {p.name.lower() for p in Permission if caller and allowed(caller.user.role, p)}
    return {"caller": caller, "may": may}


def _tiles_context(request: Request) -> dict[str, object]:
    """The tile layer every map draws under its vector layers (None: offline maps)."""
    return {"tiles": getattr(request.app.state, "tiles", None)}


def create_app(settings: Settings | None = None, db: Database | None = None) -> FastAPI:
    """A FastAPI app over the configured (or given) database."""
    settings = settings or Settings()
    tiles = tile_source(settings)  # a bad tile URL stops the app here (E760)
    app = FastAPI(
        title="Watchline",
        version=__version__,
        description="Claims against a monitoring mission's observations: cases, verdicts, "
        "evidence.",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,  # served below, behind the READ check like every route
    )
    app.state.settings = settings
    app.state.tiles = tiles
    app.state.db = db or Database(settings.database_url, settings.pool_size)
    app.state.templates = Jinja2Templates(
        env=make_environment(FileSystemLoader(HERE / "templates")),
        context_processors=[_caller_context, _tiles_context],
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    app.state.login_throttle = LoginThrottle()
    app.state.token_cache = TokenCache()

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, exc: LoginRequired) -> Response:
        if not request.url.path.startswith("/api") and request.method == "GET":
            return RedirectResponse(login_redirect(request), status_code=303)
        body = {"code": exc.code, "message": exc.message}
        return JSONResponse(body, status_code=401, headers={"WWW-Authenticate": "Bearer"})

    @app.exception_handler(WatchlineError)
    async def _domain_error(_request: Request, exc: WatchlineError) -> JSONResponse:
        return JSONResponse({"code": exc.code, "message": exc.message}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        error = WatchlineError(Errors.E013, status=422, reason=validation_reason(exc))
        return JSONResponse({"code": error.code, "message": error.message}, status_code=422)

    from watchline.web.routers import (
        api,
        dashboard,
        intake,
        login,
        pages,
        review_api,
        review_pages,
        statements,
    )

    @app.get(
        "/openapi.json", include_in_schema=False, dependencies=[Depends(Need(Permission.READ))]
    )
    def openapi_schema() -> JSONResponse:
        return JSONResponse(app.openapi())

    app.include_router(api.router)
    app.include_router(login.router)
    app.include_router(pages.router)
    app.include_router(intake.router)
    app.include_router(statements.router)
    app.include_router(review_api.router)
    app.include_router(review_pages.router)
    app.include_router(dashboard.router)
    from watchline.web import docs_page, security

    security.install(app)
    docs_page.install(app)
    return app
