"""Statements in the mission's voice: drafted from a case's verdict, published once.

A draft says only what the verdict's coverage supports ("The mission patrolled … for
N patrol-hours; no … was observed") and nothing when the patrols could not see: a
`not_covered` or `unobservable` case drafts as "the mission makes no finding". A
publisher edits the wording and publishes; from then on the text never changes (a
correction is a new statement), its sha256 is shown on the public page, and every draft,
edit and publication is an audit entry.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from watchline.domain import EventType, VerdictStatus

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from watchline.errors import Errors, InputError, NotFound, WatchlineError
from watchline.services import audit
from watchline.services.views import CaseView, case_view
from watchline.store import Database
from watchline.store.tables import PublicationRow

MAX_TEXT = 20_000
DRAFT, PUBLISHED = "draft", "published"

#: What a patrol would have seen of each kind of event, as a statement names it.
SEEN = {
    EventType.MOBILIZE: "unusual movement or build-up of troops or equipment",
    EventType.FORTIFY: "new fortification or engineering work",
    EventType.ATTACK: "firing or other hostile action",
    EventType.EXERCISE: "military exercises",
    EventType.CASUALTY: "casualties or damage",
    EventType.PROVOCATION: "provocative activity",
    EventType.DISINFORMATION: "the activity described",
    EventType.DIPLOMACY: "the activity described",
    EventType.OTHER: "the activity described",
}


@dataclass(frozen=True)
class Statement:
    id: str
    case_id: str | None
    title: str
    text: str
    status: str
    verdict_status: str | None
    drafted_by: str
    drafted_at: datetime
    updated_at: datetime
    published_by: str | None
    published_at: datetime | None
    sha256: str | None
    signature: str | None = None  # the bundle JSON of `file_bytes()`, when signed

    @property
    def published(self) -> bool:
        return self.status == PUBLISHED

    @property
    def file_name(self) -> str:
        return f"{self.id}.txt"

    def file_bytes(self) -> bytes:
        """The published statement as a file: what is signed, served and hashed."""
        return f"{self.title}\n\n{self.text}\n".encode()


def draft_text(view: CaseView) -> str:
    """The mission's draft for a case, from its current verdict and coverage alone."""
    verdict = view.verdict
    if verdict is None or view.status is VerdictStatus.PENDING:
        raise InputError(Errors.E823, case_id=view.case.id)
    case = view.case
    when = _days(case.start, case.end)
    what = SEEN.get(case.event_type, "the activity described")
    coverage = view.coverage
    patrolled = ""
    if coverage and coverage.patrol_ids:
        patrols = len(coverage.patrol_ids)
        patrolled = (
            f"The mission patrolled the area named {when}: {patrols} "
            f"patrol{'s' if patrols != 1 else ''}, {coverage.hours:.1f} patrol-hours, with "
            f"{coverage.area_fraction:.0%} of the area and {coverage.window_fraction:.0%} of "
            "the time in question in sight."
        )
    status = view.status
    if status is VerdictStatus.CONTRADICTED:
        body = f"{patrolled} The mission observed no {what}."
    elif status is VerdictStatus.CORROBORATED:
        found = list(
            dict.fromkeys(
                e.summary
                for e in verdict.evidence
                if e.kind == "observation" and e.role == "for" and e.summary
            )
        )
        seen = f" Monitors recorded: {'; '.join(found[:3])}." if found else ""
        body = f"{patrolled} The mission observed {what}.{seen}"
    elif status is VerdictStatus.DISPUTED:
        body = (
            f"{patrolled} The mission's observations do not settle the claims about {what} "
            f"{when}; the matter remains under review."
        )
    elif status is VerdictStatus.UNOBSERVABLE:
        body = (
            "The claims concern matters a patrol cannot observe; the mission makes no "
            "finding on them."
        )
    else:  # not covered
        body = (
            f"The mission did not patrol the area named at the time in question ({when}) "
            "and makes no finding on the claims."
        )
    claims = [*view.claims_for, *view.claims_against]
    # One name per actor: the fullest way the sources named it ("the ministry" only when
    # nothing better was said).
    names: dict[str, str] = {}
    for claim in claims:
        key = claim.actor_id or claim.speaker.strip().casefold()
        if len(claim.speaker.strip()) > len(names.get(key, "")):
            names[key] = claim.speaker.strip()
    speakers = sorted(names.values(), key=str.casefold)
    about = f"Regarding statements by {_join(speakers)}. " if speakers else ""
    return (about + body.strip()).strip()


def _days(start: object, end: object) -> str:
    if start is None:
        return "at the time claimed"
    if end is None or end == start:
        return f"on {start:%d %B %Y}"
    return f"from {start:%d %B %Y} to {end:%d %B %Y}"


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _statement(row: PublicationRow) -> Statement:
    def aware(moment: datetime | None) -> datetime | None:
        if moment is None:
            return None
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)

    return Statement(
        id=row.id, case_id=row.case_id, title=row.title, text=row.text, status=row.status,
        verdict_status=row.verdict_status, drafted_by=row.drafted_by,
        drafted_at=aware(row.drafted_at) or row.drafted_at,
        updated_at=aware(row.updated_at) or row.updated_at, published_by=row.published_by,
        published_at=aware(row.published_at), sha256=row.sha256, signature=row.signature,
    )  # fmt: skip


def _checked(text: str) -> str:
    cleaned = text.replace("\r\n", "\n").strip()
    if not cleaned:
        raise InputError(Errors.E822)
    if len(cleaned) > MAX_TEXT:
        raise InputError(Errors.E824, length=len(cleaned), limit=MAX_TEXT)
    return cleaned


def draft(db: Database, case_id: str, author: str, text: str | None = None) -> Statement:
    """A new draft for a case: the text given, else the one drafted from its verdict."""
    view = case_view(db, case_id)
    body = _checked(draft_text(view) if text is None else text)
    now = datetime.now(UTC)
    title = f"Statement on {view.case.title or view.case.id}"[:300]
    row = PublicationRow(
        id="st-" + secrets.token_hex(6), kind="statement", case_id=case_id, title=title,
        text=body, status=DRAFT, verdict_status=view.status.value, drafted_by=author,
        drafted_at=now, updated_at=now,
    )  # fmt: skip
    with db.transaction() as session:
        session.add(row)
        session.flush()
        details = {"case_id": case_id, "verdict": view.status.value, "chars": len(body)}
        audit.record(session, author, "statement.draft", "statement", row.id, details)
        return _statement(row)


def _row(session: Session, publication_id: str) -> PublicationRow:
    row = session.get(PublicationRow, publication_id)
    if row is None:
        raise NotFound(Errors.E820, publication_id=publication_id)
    return row


def _refuse_published(row: PublicationRow) -> None:
    if row.status == PUBLISHED:
        moment = row.published_at.strftime("%Y-%m-%d %H:%M UTC") if row.published_at else "?"
        raise StatementPublished(Errors.E821, publication_id=row.id, published_at=moment)


class StatementPublished(WatchlineError):
    status = 409


def edit(
    db: Database, publication_id: str, text: str, author: str, why: str | None = None
) -> Statement:
    """New wording for a draft; a published statement refuses (E821)."""
    body = _checked(text)
    with db.transaction() as session:
        row = _row(session, publication_id)
        _refuse_published(row)
        before = hashlib.sha256(row.text.encode("utf-8")).hexdigest()
        row.text = body
        row.updated_at = datetime.now(UTC)
        details = {"before_sha256": before, "chars": len(body)}
        audit.record(session, author, "statement.edit", "statement", row.id, details, why)
        return _statement(row)


def publish(
    db: Database, publication_id: str, publisher: str, key: Ed25519PrivateKey | None = None
) -> Statement:
    """Publish a draft: sealed by the sha256 of its file (`Statement.file_bytes`), signed
    with `key` when one is given, shown on the public pages, never changed."""
    with db.transaction() as session:
        row = _row(session, publication_id)
        _refuse_published(row)
        row.status = PUBLISHED
        row.published_by = publisher
        row.published_at = datetime.now(UTC)
        data = _statement(row).file_bytes()
        row.sha256 = hashlib.sha256(data).hexdigest()
        details: dict[str, object] = {"case_id": row.case_id, "sha256": row.sha256}
        if key is not None:
            from watchline.publish.signing import sign_bytes

            signed = sign_bytes(data, name=f"{row.id}.txt", key=key)
            row.signature = signed.to_json() + "\n"
            details["key_id"] = signed.key_id
        audit.record(session, publisher, "statement.publish", "statement", row.id, details)
        return _statement(row)


def get(db: Database, publication_id: str, *, published_only: bool = False) -> Statement:
    """One statement; the public asks with `published_only`, and a draft is then E820."""
    with db.transaction() as session:
        row = _row(session, publication_id)
        if published_only and row.status != PUBLISHED:
            raise NotFound(Errors.E820, publication_id=publication_id)
        return _statement(row)


def listing(
    db: Database, *, published_only: bool = False, case_id: str | None = None, limit: int = 200
) -> list[Statement]:
    """Statements newest first (published ones by publication time), at most `limit`."""
    query = select(PublicationRow)
    if published_only:
        query = query.where(PublicationRow.status == PUBLISHED)
    if case_id is not None:
        query = query.where(PublicationRow.case_id == case_id)
    order = (
        (PublicationRow.published_at.desc(), PublicationRow.id)
        if published_only
        else (PublicationRow.updated_at.desc(), PublicationRow.id)
    )
    with db.transaction() as session:
        rows = session.scalars(query.order_by(*order).limit(limit))
        return [_statement(r) for r in rows]
