"""The JSON twins of the review forms: corrections, assignment, comments, workflow
state, merges and splits, and each claim's and case's review record.

Scripts call them with `Authorization: Bearer TOKEN`; browsers' scripts with the
session cookie and the `X-CSRF-Token` header. Changes go under the caller's name.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from watchline.accounts import Permission
from watchline.services.review import ClaimReview, Correction
from watchline.services.workflow import CaseReview
from watchline.store.review import FIELDS
from watchline.web.auth import Caller, Need
from watchline.web.deps import DbDep, SettingsDep
from watchline.web.routers.review_pages import relink_for

router = APIRouter(prefix="/api", tags=["review"])
READ = [Depends(Need(Permission.READ))]
Analyst = Annotated[Caller, Depends(Need(Permission.ANALYSE))]
Mover = Annotated[Caller, Depends(Need(Permission.WORKFLOW))]


class CorrectionCreate(BaseModel):
    """One field of a claim, corrected."""

    field: str = Field(description="act, event_type, agent, places or dates", max_length=40)
    value: Any = Field(
        description="act / event_type: a value of the ontology; agent: an actor id, name "
        "or 'none'; places: a list of 'Name' (theatre profile) or 'Name @ lat, lon'; "
        "dates: {'start': 'YYYY-MM-DD', 'end': 'YYYY-MM-DD'}"
    )
    reason: str = Field(min_length=1, max_length=2000)


class AssigneeUpdate(BaseModel):
    assignee: str | None = Field(description="A user's name, or null for no one.")


class CommentCreate(BaseModel):
    text: str = Field(min_length=1, max_length=2000)


class StateUpdate(BaseModel):
    state: str = Field(description="new, in_review, verified or published", max_length=40)
    reason: str | None = Field(default=None, max_length=2000)


class MergeCreate(BaseModel):
    other: str = Field(description="The case that joins this one.", max_length=40)
    reason: str = Field(min_length=1, max_length=2000)


class SplitCreate(BaseModel):
    claim_id: str = Field(description="The claim that leaves this case.", max_length=64)
    reason: str = Field(min_length=1, max_length=2000)


def correction_json(c: Correction) -> dict[str, Any]:
    return {"claim_id": c.claim_id, "field": c.field, "engine": c.engine, "old": c.old,
            "new": c.new, "reason": c.reason, "author": c.author,
            "created_at": c.at.isoformat()}  # fmt: skip


def claim_review_json(review: ClaimReview) -> dict[str, Any]:
    return {
        "claim_id": review.claim.id,
        "fields": {f: {"value": review.value(f), "engine": review.engine_value(f)} for f in FIELDS},
        "corrections": [correction_json(c) for c in review.corrections],
    }


def case_review_json(review: CaseReview) -> dict[str, Any]:
    return {
        "case_id": review.case_id,
        "state": review.state,
        "assignee": review.assignee,
        "moves": list(review.moves),
        "history": [
            {
                "kind": e.kind,
                "author": e.author,
                "old": e.old,
                "new": e.new,
                "text": e.text,
                "claim_id": e.claim_id,
                "field": e.field,
                "created_at": e.at.isoformat(),
            }
            for e in review.history
        ],
    }


@router.get("/claims/{claim_id}/review", dependencies=READ)
def get_claim_review(claim_id: str, db: DbDep) -> dict[str, Any]:
    """The claim's fields as corrected and as extracted, and every correction."""
    from watchline.services.review import claim_review

    return claim_review_json(claim_review(db, claim_id))


@router.post("/claims/{claim_id}/corrections", status_code=201)
def add_correction(
    claim_id: str, body: CorrectionCreate, db: DbDep, settings: SettingsDep, caller: Analyst
) -> dict[str, Any]:
    """Correct one field; the cases are re-linked and re-verified with it."""
    from watchline.services.review import correct_claim

    done = correct_claim(db, claim_id, body.field, body.value, body.reason, caller.user.name,
                         relink=relink_for(settings))  # fmt: skip
    return correction_json(done)


@router.get("/cases/{case_id}/review", dependencies=READ)
def get_case_review(case_id: str, db: DbDep) -> dict[str, Any]:
    """State, assignee, the moves open from here, and the history."""
    from watchline.services.workflow import case_review

    return case_review_json(case_review(db, case_id))


@router.put("/cases/{case_id}/assignee")
def put_assignee(case_id: str, body: AssigneeUpdate, db: DbDep, caller: Analyst) -> dict[str, Any]:
    from watchline.services.workflow import assign_case

    return case_review_json(assign_case(db, case_id, body.assignee, caller.user.name))


@router.post("/cases/{case_id}/comments", status_code=201)
def add_comment(case_id: str, body: CommentCreate, db: DbDep, caller: Analyst) -> dict[str, Any]:
    from watchline.services.workflow import comment_case

    return case_review_json(comment_case(db, case_id, body.text, caller.user.name))


@router.put("/cases/{case_id}/state")
def put_state(case_id: str, body: StateUpdate, db: DbDep, caller: Mover) -> dict[str, Any]:
    """Move the case; only a publisher may move it to published."""
    from watchline.services.workflow import move_case

    review = move_case(db, case_id, body.state, caller.user.name, caller.user.role, body.reason)
    return case_review_json(review)


@router.post("/cases/{case_id}/merge")
def merge(
    case_id: str, body: MergeCreate, db: DbDep, settings: SettingsDep, caller: Analyst
) -> dict[str, Any]:
    """Case `other` joins this one; re-linked and re-verified at once."""
    from watchline.services.review import merge_cases

    kept = merge_cases(db, case_id, body.other, body.reason, caller.user.name,
                       relink=relink_for(settings))  # fmt: skip
    return {"case_id": kept, "merged": body.other}


@router.post("/cases/{case_id}/split")
def split(
    case_id: str, body: SplitCreate, db: DbDep, settings: SettingsDep, caller: Analyst
) -> dict[str, Any]:
    """The claim leaves this case for one of its own; returns the new case's id."""
    from watchline.services.review import split_claim

    new_id = split_claim(db, case_id, body.claim_id, body.reason, caller.user.name,
                         relink=relink_for(settings))  # fmt: skip
    return {"case_id": new_id, "from": case_id, "claim_id": body.claim_id}
