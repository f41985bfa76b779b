"""Analysts correct the machine: a claim's act, event type, agent, places and dates, and
which claims make a case (merge two cases, split a claim off one).

Each change is a new row, never an edit: a correction keeps the engine's value, the
value it replaced, who (the logged-in user), when and why; the newest of a field is the
one in force (`store.review.corrected_claims`). Corrections are keyed by the claim's
evidence spans and merges and splits by claim keys (`link.decisions`), so both come back
after a re-extraction and apply to every re-linking. Every change is an audit entry in
the same transaction. With `relink`, the cases are re-linked and re-verified at once so
the change shows; without it, at the next `watchline link` / `verify`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from watchline.domain import Claim, Theatre
from watchline.errors import Errors, InputError, NotFound
from watchline.link.decisions import split_case_id
from watchline.services import audit
from watchline.services.review_values import correction_value, parse_field
from watchline.store import Database
from watchline.store.cases import CaseRepository, utc
from watchline.store.claims import ClaimRepository
from watchline.store.review import ReviewRepository, claim_key, corrected, field_value
from watchline.store.tables import CaseRow, ClaimCorrectionRow

MAX_REASON = 2000


@dataclass(frozen=True)
class Relink:
    """Re-link and re-verify after a change, in this theatre (and these others)."""

    theatre: Theatre
    theatres: Sequence[Theatre] | None = None

    def __call__(self, db: Database, actor: str) -> None:
        from watchline.services.casework import link_all, verify_all

        link_all(db, self.theatre, theatres=self.theatres, actor=actor)
        verify_all(db, self.theatre, actor=actor)


@dataclass(frozen=True)
class Correction:
    claim_id: str
    field: str
    engine: Any
    old: Any
    new: Any
    reason: str
    author: str
    at: datetime


@dataclass(frozen=True)
class ClaimReview:
    """A claim as corrected, as extracted, and every correction of it, oldest first."""

    claim: Claim
    engine: Claim
    corrections: tuple[Correction, ...]

    def engine_value(self, field: str) -> Any:
        return field_value(self.engine, field)

    def value(self, field: str) -> Any:
        return field_value(self.claim, field)


def checked_reason(reason: str | None, what: str = "reason") -> str:
    """The reason or text, stripped; E702 when empty, E708 when too long."""
    text = (reason or "").strip()
    if not text:
        raise InputError(Errors.E702)
    if len(text) > MAX_REASON:
        raise InputError(Errors.E708, what=what, length=len(text), limit=MAX_REASON)
    return text


def correction_of(row: ClaimCorrectionRow) -> Correction:
    return Correction(row.claim_id, row.field, row.engine_value, row.old_value, row.value,
                      row.reason, row.author, utc(row.created_at))  # fmt: skip


def _claim_review(session: Session, claim_id: str) -> ClaimReview:
    engine = ClaimRepository(session).get(claim_id)  # E400 when there is none
    repo = ReviewRepository(session)
    rows = repo.corrections([claim_key(engine)])
    in_force = {claim_key(engine): {row.field: row.value for row in rows}}
    [claim] = corrected([engine], in_force)
    return ClaimReview(claim, engine, tuple(correction_of(r) for r in rows))


def claim_review(db: Database, claim_id: str) -> ClaimReview:
    with db.transaction() as session:
        return _claim_review(session, claim_id)


def correct_claim(
    db: Database,
    claim_id: str,
    field: str,
    value: object,
    reason: str,
    author: str,
    *,
    theatre: Theatre | None = None,
    relink: Relink | None = None,
) -> Correction:
    """Correct one field of a claim under `author` (the logged-in user's name).

    `value` is what a form sends: a select's value (act, event type, agent's actor id or
    'none'), lines of places ('Name' from the theatre profile, or 'Name @ lat, lon'), or
    {'start', 'end'} dates. E700 for a field that cannot be corrected, E701 for a bad
    value or one the claim already has, E702 without a reason.
    """
    field = parse_field(field)
    why = checked_reason(reason)
    theatre = theatre or (relink.theatre if relink else None)
    new = correction_value(claim_id, field, value, theatre)
    with db.transaction() as session:
        review = _claim_review(session, claim_id)
        old = review.value(field)
        if new == old:
            raise InputError(Errors.E701, value=str(value)[:80], field=field, claim_id=claim_id,
                             reason="the claim already has this value")  # fmt: skip
        row = ClaimCorrectionRow(
            claim_key=claim_key(review.engine), claim_id=claim_id, field=field,
            engine_value=review.engine_value(field), old_value=old, value=new, reason=why,
            author=author, created_at=datetime.now(UTC),
        )  # fmt: skip
        ReviewRepository(session).add_correction(row)
        details = {"field": field, "engine": row.engine_value, "old": old, "new": new}
        audit.record(session, author, "correction.claim", "claim", claim_id, details, why)
        result = correction_of(row)
    if relink:
        relink(db, author)
    return result


def active_case(session: Session, case_id: str) -> Any:
    repo = CaseRepository(session)
    case = repo.get(case_id)  # E010 when there is none
    row = session.get(CaseRow, case_id)
    if row is None or not row.active:
        raise NotFound(Errors.E010, case_id=case_id)  # retired: merged away or gone
    return case


def _anchor(session: Session, case_id: str, claim_ids: Sequence[str]) -> str | None:
    """A claim key of the case: its first claim that alleges (or denies) the event."""
    roles = {m.claim_id: str(m.role) for m in CaseRepository(session).members_of(case_id)}
    core = [c for c in claim_ids if roles.get(c) != "context"] or list(claim_ids)
    if not core:
        return None
    return claim_key(ClaimRepository(session).get(core[0]))


def merge_cases(
    db: Database, keep_id: str, gone_id: str, reason: str, author: str,
    *, relink: Relink | None = None,
) -> str:  # fmt: skip
    """Case `gone_id` joins `keep_id` from now on (E705 for the same case, E010 for one
    that is not active); returns the id of the case that stays."""
    why = checked_reason(reason)
    if keep_id == gone_id:
        raise InputError(Errors.E705, case_id=keep_id)
    with db.transaction() as session:
        keep, gone = active_case(session, keep_id), active_case(session, gone_id)
        repo = ReviewRepository(session)
        repo.add_decision("merge", keep_id, gone_id, why, author,
                          case_key=_anchor(session, keep_id, keep.claim_ids),
                          other_key=_anchor(session, gone_id, gone.claim_ids))  # fmt: skip
        repo.add_event(keep_id, "merge", author, old=gone_id, new=keep_id, text=why)
        repo.add_event(gone_id, "merge", author, old=gone_id, new=keep_id, text=why)
        details = {"kept": keep_id, "merged": gone_id, "claims": list(gone.claim_ids)}
        audit.record(session, author, "case.merge", "case", keep_id, details, why)
    if relink:
        relink(db, author)
    return keep_id


def split_claim(
    db: Database, case_id: str, claim_id: str, reason: str, author: str,
    *, relink: Relink | None = None,
) -> str:  # fmt: skip
    """Claim `claim_id` leaves case `case_id` for a case of its own (E706 when it is not
    in that case, or no other claim alleging or denying its event would stay); returns
    the new case's id."""
    why = checked_reason(reason)
    with db.transaction() as session:
        case = active_case(session, case_id)
        roles = {m.claim_id: str(m.role) for m in CaseRepository(session).members_of(case_id)}
        rest = [c for c in case.claim_ids if c != claim_id and roles.get(c) != "context"]
        if claim_id not in case.claim_ids or not rest:
            raise InputError(Errors.E706, claim_id=claim_id, case_id=case_id)
        key = claim_key(ClaimRepository(session).get(claim_id))
        new_id = split_case_id(key)
        repo = ReviewRepository(session)
        repo.add_decision("split", case_id, key, why, author)
        repo.add_event(case_id, "split", author, old=claim_id, new=new_id, text=why)
        repo.add_event(new_id, "split", author, old=case_id, new=claim_id, text=why)
        details = {"case": case_id, "claim": claim_id, "new_case": new_id}
        audit.record(session, author, "case.split", "case", case_id, details, why)
    if relink:
        relink(db, author)
    return new_id
