"""Build the web application: nothing is created at import time.

`create_app(settings)` makes the database handle and mounts the routers; each test
builds its own app over its own SQLite file.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import FileSystemLoader

from watchline import __version__
from watchline.errors import Errors, WatchlineError
from watchline.publish.templating import make_environment
from watchline.settings import Settings
from watchline.store import Database

HERE = Path(__file__).parent


def create_app(settings: Settings | None = None, db: Database | None = None) -> FastAPI:
    """A FastAPI app over the configured (or given) database."""
    settings = settings or Settings()
    app = FastAPI(
        title="Watchline",
        version=__version__,
        description="Claims against a monitoring mission's observations: cases, verdicts, "
        "evidence.",
    )
    app.state.settings = settings
    app.state.db = db or Database(settings.database_url)
    app.state.templates = Jinja2Templates(
        env=make_environment(FileSystemLoader(HERE / "templates"))
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.exception_handler(WatchlineError)
    async def _domain_error(_request: Request, exc: WatchlineError) -> JSONResponse:
        return JSONResponse({"code": exc.code, "message": exc.message}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        reason = "; ".join(
            f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}" for error in exc.errors()
        )
        error = WatchlineError(Errors.E013, status=422, reason=reason)
        return JSONResponse({"code": error.code, "message": error.message}, status_code=422)

    from watchline.web.routers import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    return app
