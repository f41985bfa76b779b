"""ReviewRepository: corrections keyed by evidence, decisions, workflow state, history."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy import select

from watchline.domain import Act, EventType, Precision
from watchline.link.decisions import Decision
from watchline.store import Database
from watchline.store.claims import ClaimRepository
from watchline.store.review import (
    FIELDS,
    ReviewRepository,
    apply_correction,
    claim_key,
    corrected_claims,
    field_value,
)
from watchline.store.tables import ClaimCorrectionRow, DocumentRow, SourceRow
from watchline.verify.simulation import BORDER, make_claim, village

TEXT = "The ministry accused Armenia of massing troops near Tegh. It also spoke of drills."
TEGH = village("Tegh", 45.5, 40.02, "ARM")


def _claims():
    first = make_claim("c1", "AZE", Act.ACCUSE, EventType.MOBILIZE, "ARM", date(2024, 3, 31),
                       places=(TEGH,), content="Armenia of massing troops near Tegh",
                       event_day=date(2024, 3, 31))  # fmt: skip
    second = make_claim("c2", "AZE", Act.ASSERT, EventType.EXERCISE, None, date(2024, 3, 31),
                        places=(BORDER,), content="drills")  # fmt: skip
    return [
        replace(first, cue=replace(first.cue, start=13, end=20), content=replace(
            first.content, start=21, end=56)),
        replace(second, cue=replace(second.cue, start=62, end=67), content=replace(
            second.content, start=76, end=82)),
    ]  # fmt: skip


def _store(db: Database, claims) -> list:
    with db.transaction() as session:
        if session.get(DocumentRow, "d1") is None:
            source = SourceRow(kind="news", name="Wire")
            session.add(source)
            session.flush()
            session.add(DocumentRow(
                id="d1", key="k1", source_id=source.id, text=TEXT, raw=TEXT.encode(),
                sha256="0" * 64, media=[], meta={},
                published_at=datetime(2024, 3, 31, 9, tzinfo=UTC),
            ))  # fmt: skip
            session.flush()
        return ClaimRepository(session).replace_for_document("d1", claims)


def _correct(db: Database, claim, field: str, value, author: str = "ana") -> None:
    with db.transaction() as session:
        ReviewRepository(session).add_correction(
            ClaimCorrectionRow(
                claim_key=claim_key(claim), claim_id=claim.id, field=field,
                engine_value=field_value(claim, field), old_value=field_value(claim, field),
                value=value, reason="read the original", author=author,
                created_at=datetime.now(UTC),
            )
        )  # fmt: skip


def test_review_every_field_round_trips_through_a_correction() -> None:
    claim = _claims()[0]
    for field in FIELDS:
        assert field_value(apply_correction(claim, field, field_value(claim, field)), field) == (
            field_value(claim, field)
        )


def test_review_corrections_apply_and_the_newest_wins(db: Database) -> None:
    stored = _store(db, _claims())
    first = stored[0]
    _correct(db, first, "event_type", "exercise")
    _correct(db, first, "event_type", "fortify")
    _correct(db, first, "act", "warn")
    _correct(db, first, "agent", {"text": "Azerbaijan", "actor_id": "aze", "affiliation": "AZE"})
    _correct(db, first, "dates", {"start": "2024-03-30", "end": "2024-04-02"})
    _correct(db, first, "places", [{"text": "Kirants", "place_id": None, "lat": 41.0,
                                    "lon": 45.1, "precision": "village"}])  # fmt: skip
    with db.transaction() as session:
        claims = {c.id: c for c in corrected_claims(session)}
        engine = ClaimRepository(session).get(first.id)
        history = ReviewRepository(session).corrections([claim_key(first)])
    fixed = claims[first.id]
    assert fixed.event.type is EventType.FORTIFY and fixed.act is Act.WARN
    assert fixed.event.agent is not None and fixed.event.agent.affiliation == "AZE"
    assert [a.affiliation for a in fixed.event.agents] == ["AZE"]  # linking reads these too
    assert (fixed.event.time.start, fixed.event.time.end) == (date(2024, 3, 30), date(2024, 4, 2))
    [place] = fixed.event.places
    assert (place.name, place.lat, place.precision) == ("Kirants", 41.0, Precision.VILLAGE)
    assert engine.event.type is EventType.MOBILIZE  # the engine's claim is kept as extracted
    assert claims[stored[1].id].event.type is EventType.EXERCISE  # the other claim untouched
    assert [r.value for r in history if r.field == "event_type"] == ["exercise", "fortify"]
    assert all(r.created_at is not None for r in history)


def test_review_dates_cleared_means_no_time(db: Database) -> None:
    stored = _store(db, _claims())
    _correct(db, stored[0], "dates", {"start": None, "end": None})
    _correct(db, stored[1], "dates", {"start": "2024-04-01", "end": None})
    with db.transaction() as session:
        claims = {c.id: c for c in corrected_claims(session)}
    assert claims[stored[0].id].event.time is None
    window = claims[stored[1].id].event.time
    assert (window.start, window.end) == (date(2024, 4, 1), date(2024, 4, 1))


def test_review_corrections_survive_re_extraction_that_renumbers(db: Database) -> None:
    stored = _store(db, _claims())
    _correct(db, stored[0], "event_type", "attack")
    first, second = _claims()
    renumbered = _store(db, [replace(second, id="c1"), replace(first, id="c2")])
    with db.transaction() as session:
        claims = {c.id: c for c in corrected_claims(session)}
        total = len(session.scalars(select(ClaimCorrectionRow)).all())
    moved = next(c for c in renumbered if c.content.text.startswith("Armenia"))
    assert moved.id == "d1:c2"
    assert claims["d1:c2"].event.type is EventType.ATTACK
    assert claims["d1:c1"].event.type is EventType.EXERCISE
    assert total == 1  # nothing was copied or lost by the re-run


def test_review_a_correction_of_a_claim_gone_from_the_text_is_kept_but_unused(
    db: Database,
) -> None:
    stored = _store(db, _claims())
    _correct(db, stored[0], "event_type", "attack")
    _store(db, _claims()[1:])  # the edited document no longer makes the first claim
    with db.transaction() as session:
        claims = corrected_claims(session)
        kept = ReviewRepository(session).in_force()
    assert [c.event.type for c in claims] == [EventType.EXERCISE]
    assert kept[claim_key(stored[0])] == {"event_type": "attack"}


def test_review_decisions_state_and_events(db: Database) -> None:
    with db.transaction() as session:
        repo = ReviewRepository(session)
        repo.add_decision("merge", "case-a", "case-b", "same convoy", "ana",
                          case_key="d1|1-2|3-4", other_key="d2|1-2|3-4")  # fmt: skip
        repo.add_decision("split", "case-a", "d1|5-6|7-8", "another day", "ana")
        repo.set_state("case-a", "in_review", None)
        repo.set_state("case-a", "in_review", "ben")  # one row per case, updated
        repo.add_event("case-a", "assign", "ana", new="ben")
        repo.add_event("case-a", "comment", "ben", text="<b>looking</b>")
    with db.transaction() as session:
        repo = ReviewRepository(session)
        decisions = repo.link_decisions()
        state = repo.state("case-a")
        states = repo.states()
        events = repo.events("case-a")
    assert decisions == [
        Decision("merge", "case-a", "case-b", "d1|1-2|3-4", "d2|1-2|3-4"),
        Decision("split", "case-a", "d1|5-6|7-8"),
    ]
    assert state is not None and (state.state, state.assignee) == ("in_review", "ben")
    assert list(states) == ["case-a"]
    assert [(e["kind"], e["author"]) for e in events] == [("assign", "ana"), ("comment", "ben")]
    assert events[1]["text"] == "<b>looking</b>"  # stored as given; pages escape it
    assert events[0]["created_at"].endswith("+00:00")
