"""A case's place in the review: its state, who has it, comments, and its history.

States move new → in review → verified → published (and back to review when a doubt
comes up). Publishing speaks for the mission, so only a publisher (or admin) moves a
case to `published`; every other move, assignments and comments are analysts' work. The
history shows every step with its author, beside the corrections of the case's claims.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from watchline.accounts import Permission, Role, allowed
from watchline.domain import Case
from watchline.errors import Errors, InputError, WatchlineError
from watchline.services import audit
from watchline.services.review import active_case, checked_reason, correction_of
from watchline.store import Database
from watchline.store.review import ReviewRepository, claim_keys
from watchline.store.tables import UserRow

NEW = "new"
STATES = ("new", "in_review", "verified", "published")
MOVES: dict[str, tuple[str, ...]] = {
    "new": ("in_review",),
    "in_review": ("new", "verified"),
    "verified": ("in_review", "published"),
    "published": ("in_review",),
}


class NotYourRole(WatchlineError):
    status = 403


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    kind: str  # state | assign | comment | merge | split | correction
    author: str
    old: object = None
    new: object = None
    text: str | None = None
    claim_id: str | None = None
    field: str | None = None


@dataclass(frozen=True)
class CaseReview:
    case_id: str
    state: str
    assignee: str | None
    history: tuple[HistoryEntry, ...]

    @property
    def moves(self) -> tuple[str, ...]:
        return MOVES.get(self.state, ())


def _review(session: Session, case_id: str) -> tuple[str, str | None]:
    row = ReviewRepository(session).state(case_id)
    return (row.state, row.assignee) if row else (NEW, None)


def case_review(db: Database, case_id: str) -> CaseReview:
    """State, assignee and history (events and claim corrections, oldest first)."""
    with db.transaction() as session:
        return review_in(session, case_id)


def review_in(session: Session, case_id: str, case: Case | None = None) -> CaseReview:
    """`case_review` inside a transaction the caller holds (the case page reads its
    view, review and timeline in one). `case`: the active case, when the caller has
    read it already in this transaction (else it is read here; E010 when retired)."""
    case = case if case is not None and case.id == case_id else active_case(session, case_id)
    state, assignee = _review(session, case_id)
    repo = ReviewRepository(session)
    events = [
        HistoryEntry(
            datetime.fromisoformat(e["created_at"]),
            e["kind"],
            e["author"],
            e["old"],
            e["new"],
            e["text"],
        )
        for e in repo.events(case_id)
    ]
    keys = claim_keys(session, case.claim_ids)
    fixes = [correction_of(r) for r in repo.corrections(keys)]
    events += [
        HistoryEntry(c.at, "correction", c.author, c.old, c.new, c.reason, c.claim_id, c.field)
        for c in fixes
    ]
    return CaseReview(case_id, state, assignee, tuple(sorted(events, key=lambda e: e.at)))


def assign_case(db: Database, case_id: str, assignee: str | None, author: str) -> CaseReview:
    """Give the case to a user (E707 when there is no such active user), or to no one."""
    name = (assignee or "").strip() or None
    with db.transaction() as session:
        active_case(session, case_id)
        if name is not None:
            user = session.scalar(select(UserRow).where(UserRow.name == name))
            if user is None or user.disabled:
                raise InputError(Errors.E707, name=name[:64], case_id=case_id)
        state, before = _review(session, case_id)
        repo = ReviewRepository(session)
        repo.set_state(case_id, state, name)
        repo.add_event(case_id, "assign", author, old=before, new=name)
        audit.record(session, author, "case.assign", "case", case_id,
                     {"old": before, "new": name})  # fmt: skip
    return case_review(db, case_id)


def comment_case(db: Database, case_id: str, text: str, author: str) -> CaseReview:
    """A comment in the case's history (E702 when empty, E708 when too long)."""
    body = checked_reason(text, "comment")
    with db.transaction() as session:
        active_case(session, case_id)
        ReviewRepository(session).add_event(case_id, "comment", author, text=body)
        audit.record(session, author, "case.comment", "case", case_id, {"chars": len(body)}, body)
    return case_review(db, case_id)


def may_move(new: str, role: Role | str) -> bool:
    """Whether `role` may move a case to state `new` (publishing speaks for the mission)."""
    return allowed(role, Permission.PUBLISH if new == "published" else Permission.ANALYSE)


def _may_move(case_id: str, new: str, role: Role | str) -> None:
    if not may_move(new, role):
        raise NotYourRole(Errors.E704, case_id=case_id, new=new)


def move_case(
    db: Database, case_id: str, new: str, author: str, role: Role | str, reason: str | None = None
) -> CaseReview:
    """Move the case to state `new` (E703 for a move the workflow has not, E704 for a
    move the role may not make)."""
    wanted = new.strip().lower().replace(" ", "_")
    with db.transaction() as session:
        active_case(session, case_id)
        old, assignee = _review(session, case_id)
        if wanted not in MOVES.get(old, ()):
            options = ", ".join(MOVES.get(old, ())) or "nothing"
            raise InputError(Errors.E703, case_id=case_id, old=old, new=new[:40], options=options)
        _may_move(case_id, wanted, role)
        why = (reason or "").strip() or None
        repo = ReviewRepository(session)
        repo.set_state(case_id, wanted, assignee)
        repo.add_event(case_id, "state", author, old=old, new=wanted, text=why)
        details = {"old": old, "new": wanted}
        audit.record(session, author, "case.state", "case", case_id, details, why)
    return case_review(db, case_id)


def review_states(
    db: Database, case_ids: Iterable[str] | None = None
) -> dict[str, tuple[str, str | None]]:
    """case id -> (state, assignee) for the cases (of `case_ids`, else all) that have left
    `new` or have a user."""
    with db.transaction() as session:
        rows = ReviewRepository(session).states(case_ids)
        return {k: (r.state, r.assignee) for k, r in rows.items()}
