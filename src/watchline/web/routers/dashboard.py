"""The dashboard and the theatre's timeline: server-rendered, every figure bounded.

`/` leads here (see `pages.home`), so it is the first page a logged-in user sees. The
claims-per-day chart is the report's own SVG (`publish.figures`), inlined: no script
draws it, so the strict CSP holds and it reads the same offline.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from watchline.accounts import Permission
from watchline.web.auth import Need
from watchline.web.deps import DbDep, TemplatesDep

router = APIRouter(include_in_schema=False)
ALLEGED_LABEL = "Alleged events per day by the party said to act"
READ = [Depends(Need(Permission.READ))]
VERDICT_ORDER = ("contradicted", "corroborated", "disputed", "not_covered", "unobservable",
                 "pending", "no_verdict")  # fmt: skip


@router.get("/dashboard", response_class=HTMLResponse, dependencies=READ)
def dashboard_page(
    request: Request,
    db: DbDep,
    templates: TemplatesDep,
    days: Annotated[int, Query(ge=1, le=366)] = 30,
):
    from watchline.publish.figures import counted_claims_per_day
    from watchline.services.dashboard import dashboard

    board = dashboard(db, days)
    verdicts = sorted(board.verdicts.items(), key=lambda kv: _rank(kv[0]))
    context = {
        "board": board,
        "days": days,
        "verdicts": verdicts,
        "chart": Markup(counted_claims_per_day(board.per_day, width=720)),  # escaped inside
        "alleged_chart": Markup(
            counted_claims_per_day(board.alleged, width=720, label=ALLEGED_LABEL)
        ),
        "alleged_total": sum(board.alleged.values()),
        "claims_in_window": sum(board.per_day.values()),
    }
    return templates.TemplateResponse(request, "dashboard.html", context)


def _rank(status: str) -> tuple[int, str]:
    return (VERDICT_ORDER.index(status) if status in VERDICT_ORDER else 99, status)


@router.get("/timeline", response_class=HTMLResponse, dependencies=READ)
def timeline_page(
    request: Request,
    db: DbDep,
    templates: TemplatesDep,
    start: Annotated[date | None, Query(alias="from")] = None,
    end: Annotated[date | None, Query(alias="to")] = None,
    page: Annotated[int, Query(ge=1)] = 1,
):
    from watchline.services.timeline import theatre_timeline

    timeline = theatre_timeline(db, start, end, page)
    return templates.TemplateResponse(request, "timeline.html", {"timeline": timeline})
