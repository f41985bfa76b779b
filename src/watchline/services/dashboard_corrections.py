"""The analysts' corrections in the dashboard's figures, without loading every claim.

The dashboard counts claims with SQL `GROUP BY`s over the stored (engine) values. A
correction changes few claims, so each figure that a correctable field feeds is counted
in SQL as extracted, and then, for the corrected claims only, the engine's contribution
is taken away and the corrected one added: the same `store.review.corrected` rule that
case pages, linking and exports read, so every page shows one claim the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, aliased

from watchline.domain import Claim
from watchline.store.claims import row_to_claim
from watchline.store.review import ReviewRepository, claim_key, corrected
from watchline.store.tables import ClaimRow, DocumentRow

UNATTRIBUTED = "unattributed"  # an alleged event with no party said to act


def _current() -> Any:
    newer = aliased(DocumentRow)
    return ~exists().where(newer.key == DocumentRow.key, newer.version > DocumentRow.version)


def corrected_pairs(
    session: Session,
    fields: Iterable[str],
    claim_ids: Iterable[str] | None = None,
    stated: tuple[date, date] | None = None,
) -> list[tuple[Claim, Claim]]:
    """(as extracted, as corrected) for each current claim with a correction in force
    of one of `fields` (of `claim_ids` only, or stated in `stated` only, when given)."""
    in_force = ReviewRepository(session).in_force(fields=fields)  # only what these figures read
    keys = set(in_force)
    if not keys:
        return []
    documents = {key.split("|", 1)[0] for key in keys}
    query = (
        select(ClaimRow)
        .join(DocumentRow, DocumentRow.id == ClaimRow.document_id)
        .where(ClaimRow.document_id.in_(sorted(documents)), _current())
    )
    if claim_ids is not None:
        query = query.where(ClaimRow.id.in_(list(claim_ids)))
    if stated is not None:
        query = query.where(ClaimRow.stated_on.between(*stated))
    engine = [row_to_claim(row) for row in session.scalars(query)]
    engine = [claim for claim in engine if claim_key(claim) in keys]
    return list(zip(engine, corrected(engine, in_force), strict=True))


def event_day_and_party(claim: Claim) -> tuple[date, str] | None:
    """The day an alleged event starts and the party said to act (None: undated)."""
    time = claim.event.time
    day = time.start if time else None  # what the SQL groups by: the window's start
    if day is None:
        return None
    agent = claim.event.agent
    return day, (agent.affiliation if agent and agent.affiliation else UNATTRIBUTED)


Counts = dict[tuple[date, str], int]


def window_counts(session: Session, first: date, last: date) -> tuple[Counts, Counts]:
    """Both charts over the claims stated from `first` to `last`, in one pass over them:
    (by stated day and speaker's party, by the day of the event they speak of and the
    party said to act in it). The second takes the analysts' corrected dates and agents;
    the first has nothing correctable (the stated day and the speaker are the evidence)."""
    speaker = func.coalesce(ClaimRow.affiliation, "unaffiliated")
    day = ClaimRow.event[("time", "start")].as_string()  # one JSON path per row
    party = ClaimRow.event[("agent", "affiliation")].as_string()
    query = (
        select(ClaimRow.stated_on, speaker, day, party, func.count())
        .join(DocumentRow, DocumentRow.id == ClaimRow.document_id)
        .where(ClaimRow.stated_on.between(first, last), _current())
        .group_by(ClaimRow.stated_on, speaker, day, party)
    )
    stated: Counter[tuple[date, str]] = Counter()
    alleged: Counter[tuple[date, str]] = Counter()
    for on, who, start, agent, n in session.execute(query):
        stated[(on, str(who))] += int(n)
        if start:
            alleged[(date.fromisoformat(str(start)[:10]), str(agent or UNATTRIBUTED))] += int(n)
    for engine, fixed in corrected_pairs(session, ("agent", "dates"), stated=(first, last)):
        for claim, step in ((engine, -1), (fixed, 1)):
            key = event_day_and_party(claim)
            if key is not None:
                alleged[key] += step
    return dict(stated), {key: n for key, n in alleged.items() if n > 0}


def alleged_per_day(session: Session, first: date, last: date) -> Counts:
    """Claims stated from `first` to `last` by the day of the event they speak of and the
    party said to act in it, the analysts' corrected dates and agents winning."""
    return window_counts(session, first, last)[1]


def corrected_values(session: Session, claim_ids: Iterable[str]) -> Mapping[str, tuple[str, str]]:
    """claim id -> (act, event type) as corrected, for the given claims that have one."""
    pairs = corrected_pairs(session, ("act", "event_type"), claim_ids)
    return {fixed.id: (str(fixed.act), str(fixed.event.type)) for _engine, fixed in pairs}
