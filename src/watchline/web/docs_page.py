"""The API's Swagger UI, served from the installed `swagger-ui-bundle` package (no CDN).

FastAPI's own `/docs` loads Swagger UI from a CDN and starts it with an inline script, which
neither works air-gapped nor passes the Content-Security-Policy. `install(app)` serves the
bundle's files under `/static/swagger/` and `/docs` as a page that loads them and
`/static/swagger-init.js`, which reads the OpenAPI URL from a data attribute.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.routing import Mount

from watchline.accounts import Permission
from watchline.web.auth import Need

SWAGGER_PREFIX = "/static/swagger"


def swagger_ui_folder() -> Path:
    """The folder of the installed bundle (swagger-ui-bundle.js, swagger-ui.css)."""
    import swagger_ui_bundle

    return Path(swagger_ui_bundle.swagger_ui_path)


def install(app: FastAPI) -> None:
    """Mount the Swagger UI files and serve GET /docs (not part of the OpenAPI schema)."""
    mount = Mount(SWAGGER_PREFIX, app=StaticFiles(directory=swagger_ui_folder()), name="swagger-ui")
    # Before the general /static mount, which would otherwise answer these paths with 404.
    app.router.routes.insert(0, mount)

    @app.get(
        "/docs",
        include_in_schema=False,
        response_class=HTMLResponse,
        dependencies=[Depends(Need(Permission.READ))],
    )
    def swagger_docs(request: Request) -> HTMLResponse:
        return request.app.state.templates.TemplateResponse(
            request,
            "docs.html",
            {
                "title": f"{app.title} API",
                "openapi_url": "/openapi.json",  # served by create_app, behind READ
                "swagger_prefix": SWAGGER_PREFIX,
            },
        )
