"""Statements drafted from verdicts: what each verdict lets the mission say, and the rule
that a published statement never changes."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from watchline.domain import VerdictStatus
from watchline.errors import WatchlineError
from watchline.services import statements
from watchline.services.audit import verify_chain
from watchline.store import Database


@pytest.fixture
def db(demo_run, tmp_path):
    path = tmp_path / "demo.db"
    shutil.copy(demo_run.database_url.removeprefix("sqlite:///"), path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()


def _view(demo_run, status: VerdictStatus):
    return next(v for v in demo_run.views if v.status is status)


def test_a_contradicted_case_drafts_what_the_patrols_saw(demo_run) -> None:
    view = _view(demo_run, VerdictStatus.CONTRADICTED)
    text = statements.draft_text(view)
    assert "The mission patrolled the area named on 31 March 2024" in text
    assert f"{len(view.coverage.patrol_ids)} patrols" in text
    assert "observed no" in text


def test_cases_the_patrols_could_not_see_make_no_finding(demo_run) -> None:
    for status in (VerdictStatus.NOT_COVERED, VerdictStatus.UNOBSERVABLE):
        text = statements.draft_text(_view(demo_run, status))
        assert "makes no finding" in text
        assert "observed no" not in text  # never a denial the patrols cannot back


def test_a_pending_case_has_nothing_to_state(demo_run) -> None:
    view = dataclasses.replace(demo_run.views[0], verdict=None, history=())
    with pytest.raises(WatchlineError, match="E823"):
        statements.draft_text(view)


def test_draft_edit_publish_and_never_again(db, demo_run) -> None:
    case = _view(demo_run, VerdictStatus.CONTRADICTED).case.id
    draft = statements.draft(db, case, "pub")
    assert draft.status == "draft" and draft.sha256 is None
    edited = statements.edit(db, draft.id, "  The mission saw nothing unusual.\r\n", "pub", "tone")
    assert edited.text == "The mission saw nothing unusual."
    with pytest.raises(WatchlineError, match="E822"):
        statements.edit(db, draft.id, "   ", "pub")
    with pytest.raises(WatchlineError, match="E824"):
        statements.edit(db, draft.id, "x" * (statements.MAX_TEXT + 1), "pub")
    before = [s.id for s in statements.listing(db, published_only=True)]  # the demo's own
    assert draft.id not in before
    published = statements.publish(db, draft.id, "pub")
    assert published.published and len(published.sha256 or "") == 64
    for change in (
        lambda: statements.edit(db, draft.id, "other words", "pub"),
        lambda: statements.publish(db, draft.id, "pub"),
    ):
        with pytest.raises(WatchlineError, match="E821"):
            change()
    assert statements.get(db, draft.id).text == "The mission saw nothing unusual."
    assert [s.id for s in statements.listing(db, published_only=True)] == [draft.id, *before]
    check = verify_chain(db)
    assert check.entries >= 3  # draft, edit, publish — and the chain still verifies


def test_unknown_and_draft_ids_are_not_public(db, demo_run) -> None:
    draft = statements.draft(db, demo_run.views[0].case.id, "pub")
    with pytest.raises(WatchlineError, match="E820"):
        statements.get(db, draft.id, published_only=True)
    with pytest.raises(WatchlineError, match="E820"):
        statements.get(db, "st-none")
