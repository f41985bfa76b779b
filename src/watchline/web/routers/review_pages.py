"""Review in the browser: the claim page with its corrections, and the case page's
assign, comment, workflow, merge and split forms.

Every form posts with the session's CSRF token (checked in `web.auth`) and answers with
a redirect back to the page it came from; an error brings the same page back with the
coded message beside the form and the typed values kept (`web.form_errors`). Changes
are made under the logged-in user's name, never a typed one.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.orm import Session

from watchline.accounts import Permission
from watchline.services.review import Relink
from watchline.services.review_values import form_text, shown
from watchline.settings import Settings
from watchline.store.review import FIELDS
from watchline.web.auth import Caller, Need
from watchline.web.deps import DbDep, SettingsDep, TemplatesDep
from watchline.web.form_errors import form_page
from watchline.web.routers.pages import case_context

router = APIRouter(include_in_schema=False)
READ = [Depends(Need(Permission.READ))]
Analyst = Annotated[Caller, Depends(Need(Permission.ANALYSE))]
Mover = Annotated[Caller, Depends(Need(Permission.WORKFLOW))]
LABELS = {"act": "Act", "event_type": "Event type", "agent": "Agent", "places": "Places",
          "dates": "Dates"}  # fmt: skip


def relink_for(settings: Settings) -> Relink:
    """Re-link and re-verify in the configured theatre after a change made in the app."""
    from watchline.geo.theatre import load_theatre

    return Relink(load_theatre(settings.theatre))


def _back(path: str, anchor: str = "review") -> RedirectResponse:
    return RedirectResponse(f"{path}#{anchor}", status_code=303)


@router.get("/claims/{claim_id}", response_class=HTMLResponse, dependencies=READ)
def claim_page(claim_id: str, request: Request, templates: TemplatesDep):
    return templates.TemplateResponse(request, "claim.html", claim_context(request))


def claim_context(request: Request) -> dict[str, object]:
    """The claim page of the path's `claim_id` (also after a failed correction)."""
    from watchline.domain import Act, EventType
    from watchline.services.review import claim_review

    db, claim_id = request.app.state.db, request.path_params["claim_id"]
    review = claim_review(db, claim_id)
    from sqlalchemy import select

    from watchline.store.tables import CaseClaimRow, CaseRow

    with db.transaction() as session:
        query = (
            select(CaseClaimRow.case_id)
            .join(CaseRow, CaseRow.id == CaseClaimRow.case_id)
            .where(CaseClaimRow.claim_id == claim_id, CaseRow.active)
        )
        cases = sorted(set(session.scalars(query)))
    rows = [
        {
            "field": f,
            "label": LABELS[f],
            "engine": shown(f, review.engine_value(f)),
            "value": shown(f, review.value(f)),
            "corrected": review.engine_value(f) != review.value(f),
            "form": form_text(f, review.value(f)),
            "raw": review.value(f),
        }
        for f in FIELDS
    ]
    history = [
        {
            "c": c,
            "old": shown(c.field, c.old),
            "new": shown(c.field, c.new),
            "engine": shown(c.field, c.engine),
            "label": LABELS.get(c.field, c.field),
        }
        for c in reversed(review.corrections)
    ]
    context = {
        "review": review, "claim": review.claim, "rows": rows, "history": history,
        "cases": cases, "acts": [a.value for a in Act],
        "event_types": [e.value for e in EventType],
    }  # fmt: skip
    return context


@router.post("/claims/{claim_id}/corrections")
@form_page("claim.html", claim_context)
def claim_correct(
    claim_id: str,
    db: DbDep,
    settings: SettingsDep,
    caller: Analyst,
    field: str = Form(...),
    reason: str = Form(""),
    value: str = Form(""),
    start: str = Form(""),
    end: str = Form(""),
) -> RedirectResponse:
    from watchline.services.review import correct_claim

    given: object = {"start": start, "end": end} if field == "dates" else value
    correct_claim(db, claim_id, field, given, reason, caller.user.name,
                  relink=relink_for(settings))  # fmt: skip
    return _back(f"/claims/{claim_id}", "history")


@router.post("/cases/{case_id}/assign")
@form_page("case.html", case_context)
def case_assign(
    case_id: str, db: DbDep, caller: Analyst, assignee: str = Form("")
) -> RedirectResponse:
    from watchline.services.workflow import assign_case

    assign_case(db, case_id, assignee, caller.user.name)
    return _back(f"/cases/{case_id}")


@router.post("/cases/{case_id}/comments")
@form_page("case.html", case_context)
def case_comment(
    case_id: str, db: DbDep, caller: Analyst, text: str = Form("")
) -> RedirectResponse:
    from watchline.services.workflow import comment_case

    comment_case(db, case_id, text, caller.user.name)
    return _back(f"/cases/{case_id}")


@router.post("/cases/{case_id}/state")
@form_page("case.html", case_context)
def case_move(
    case_id: str, db: DbDep, caller: Mover, state: str = Form(...), reason: str = Form("")
) -> RedirectResponse:
    from watchline.services.workflow import move_case

    move_case(db, case_id, state, caller.user.name, caller.user.role, reason)
    return _back(f"/cases/{case_id}")


@router.post("/cases/{case_id}/merge")
@form_page("case.html", case_context)
def case_merge(
    case_id: str,
    db: DbDep,
    settings: SettingsDep,
    caller: Analyst,
    other: str = Form(...),
    reason: str = Form(""),
) -> RedirectResponse:
    """Case `other` joins this one."""
    from watchline.services.review import merge_cases

    merge_cases(db, case_id, other, reason, caller.user.name, relink=relink_for(settings))
    return _back(f"/cases/{case_id}")


@router.post("/cases/{case_id}/split")
@form_page("case.html", case_context)
def case_split(
    case_id: str,
    db: DbDep,
    settings: SettingsDep,
    caller: Analyst,
    claim_id: str = Form(...),
    reason: str = Form(""),
) -> RedirectResponse:
    from watchline.services.review import split_claim

    new_id = split_claim(db, case_id, claim_id, reason, caller.user.name,
                         relink=relink_for(settings))  # fmt: skip
    return _back(f"/cases/{new_id}")


#: Cases offered to merge into: the same theatre, nearest in time, at most this many
#: (the page never lists the whole archive; any id can still be typed through the API).
MERGE_CHOICES = 50


def merge_candidates(session: Session, case_id: str) -> list[tuple[str, str]]:
    """(id, title) of active cases of the same theatre, nearest in time first."""
    from sqlalchemy import func, select

    from watchline.store.tables import CaseRow

    this = session.get(CaseRow, case_id)
    if this is None:
        return []
    query = select(CaseRow.id, CaseRow.title).where(
        CaseRow.active, CaseRow.id != case_id, CaseRow.theatre_id == this.theatre_id
    )
    if this.theatre_id is None:
        query = select(CaseRow.id, CaseRow.title).where(CaseRow.active, CaseRow.id != case_id)
    if this.start is not None:
        distance = func.abs(func.julianday(CaseRow.start) - func.julianday(this.start))
        if session.get_bind().dialect.name == "postgresql":
            distance = func.abs(CaseRow.start - this.start)
        query = query.order_by(CaseRow.start.is_(None), distance, CaseRow.id)
    else:
        query = query.order_by(CaseRow.id)
    return [(i, t) for i, t in session.execute(query.limit(MERGE_CHOICES))]


def case_review_context(db, case_id: str, caller: Caller | None) -> dict[str, object]:
    """What the case page's review section needs: state, the moves the caller may make,
    history, users to assign to, other cases to merge."""
    from watchline.services.accounts import list_users
    from watchline.services.workflow import case_review, may_move

    with db.transaction() as session:
        others = merge_candidates(session, case_id)
    users = [u.name for u in list_users(db) if not u.disabled]
    review = case_review(db, case_id)
    history = [
        {
            "e": e,
            "label": LABELS.get(e.field or "", e.field),
            "old": shown(e.field, e.old) if e.field else e.old,
            "new": shown(e.field, e.new) if e.field else e.new,
        }
        for e in reversed(review.history)
    ]
    moves = [m for m in review.moves if caller and may_move(m, caller.user.role)]
    return {"review": review, "review_history": history, "users": users, "others": others,
            "moves": moves}  # fmt: skip
