"""A case's workflow: states, who may move it where, assignment, comments, history."""

from __future__ import annotations

import pytest
from casework_scenario import THEATRE

from watchline.errors import InputError, NotFound, WatchlineError
from watchline.services import audit
from watchline.services.accounts import add_user, disable_user
from watchline.services.casework import link_all
from watchline.services.review import correct_claim
from watchline.services.views import case_views
from watchline.services.workflow import (
    assign_case,
    case_review,
    comment_case,
    move_case,
    review_states,
)
from watchline.store import Database


@pytest.fixture
def case_id(scenario: Database) -> str:
    link_all(scenario, THEATRE, theatres=[THEATRE])
    return next(v.case.id for v in case_views(scenario) if "aze:c1" in v.case.claim_ids)


def test_workflow_moves_by_role(scenario: Database, case_id: str) -> None:
    assert case_review(scenario, case_id).state == "new"
    with pytest.raises(InputError, match="E703") as caught:
        move_case(scenario, case_id, "verified", "ana", "analyst")
    assert "in_review" in caught.value.message  # it says where the case may go
    with pytest.raises(InputError, match="E703"):
        move_case(scenario, case_id, "archived", "ana", "analyst")
    move_case(scenario, case_id, "in review", "ana", "analyst")
    with pytest.raises(WatchlineError, match="E704") as refused:
        move_case(scenario, case_id, "verified", "mo", "monitor")
    assert refused.value.status == 403
    move_case(scenario, case_id, "verified", "ana", "analyst", "patrol logs agree")
    with pytest.raises(WatchlineError, match="E704"):
        move_case(scenario, case_id, "published", "ana", "analyst")
    review = move_case(scenario, case_id, "published", "pub", "publisher")
    assert review.state == "published" and review.moves == ("in_review",)
    steps = [(e.author, e.old, e.new) for e in review.history if e.kind == "state"]
    assert steps == [("ana", "new", "in_review"), ("ana", "in_review", "verified"),
                     ("pub", "verified", "published")]  # fmt: skip
    assert [e.details["new"] for e in audit.entries(scenario, action="case.state")] == [
        "in_review", "verified", "published"]  # fmt: skip


def test_workflow_assign_comment_and_history(scenario: Database, case_id: str) -> None:
    add_user(scenario, "ben", "analyst", "a long test password")
    with pytest.raises(InputError, match="E707"):
        assign_case(scenario, case_id, "nobody", "ana")
    review = assign_case(scenario, case_id, "ben", "ana")
    assert (review.assignee, review.state) == ("ben", "new")
    disable_user(scenario, "ben")
    with pytest.raises(InputError, match="E707"):
        assign_case(scenario, case_id, "ben", "ana")
    with pytest.raises(InputError, match="E702"):
        comment_case(scenario, case_id, " \n", "ben")
    with pytest.raises(InputError, match="E708"):
        comment_case(scenario, case_id, "x" * 2001, "ben")
    comment_case(scenario, case_id, "<script>alert(1)</script> checking footage", "ben")
    correct_claim(scenario, "aze:c1", "act", "warn", "reads as a warning", "ana")
    review = assign_case(scenario, case_id, "", "ana")  # given back to no one
    kinds = [(e.kind, e.author) for e in review.history]
    assert kinds == [("assign", "ana"), ("comment", "ben"), ("correction", "ana"),
                     ("assign", "ana")]  # fmt: skip
    fix = review.history[2]
    assert (fix.claim_id, fix.field, fix.old, fix.new) == ("aze:c1", "act", "accuse", "warn")
    assert review.history[1].text.startswith("<script>")  # kept as written; pages escape it
    assert review_states(scenario) == {case_id: ("new", None)}
    with pytest.raises(NotFound, match="E010"):
        comment_case(scenario, "case-nothing", "hello", "ben")
