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
from watchline.domain import Case
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


def case_review_context(
    session: Session, case_id: str, caller: Caller | None, case: Case | None = None
) -> dict[str, object]:
    """What the case page's review section needs: state, the moves the caller may make,
    history, users to assign to, other cases to merge (in the page's transaction;
    `case`: the active case as the page read it)."""
    from sqlalchemy import select

    from watchline.services.merge_candidates import merge_candidates
    from watchline.services.workflow import may_move, review_in
    from watchline.store.tables import UserRow

    others = merge_candidates(session, case_id)
    active = select(UserRow.name).where(UserRow.disabled.is_(False)).order_by(UserRow.name)
    users = list(session.scalars(active))
    review = review_in(session, case_id, case)
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
