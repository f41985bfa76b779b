"""Incremental link and verify: a new batch redoes only what it can change, and the
result is always what doing everything again would give."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from casework_scenario import THEATRE, add_statement
from sqlalchemy import select, update

from watchline.domain import Observation, ObservationType, Patrol, TrackPoint
from watchline.services import audit
from watchline.services.casework import link_all, verify_all
from watchline.services.views import case_views
from watchline.store import Database
from watchline.store.cases import CaseRepository
from watchline.store.observations import ObservationRepository
from watchline.store.patrols import PatrolRepository
from watchline.store.tables import CaseRow, ObservationRow

OTHER = replace(
    THEATRE,
    id="far",
    countries=("XKX", "SRB"),
    mission_actor="eu.far",
    area_of_responsibility="POLYGON ((20 42, 21 42, 21 42.5, 20 42.5, 20 42))",
    border="LINESTRING (20 42.2, 21 42.2)",
)  # a second theatre that no claim of the scenario is about


def _last(db: Database, action: str) -> dict:
    return audit.entries(db, action=action)[-1].details


def _linked_at(db: Database) -> dict[str, datetime]:
    with db.transaction() as session:
        return {row.id: row.linked_at for row in session.scalars(select(CaseRow))}


def _state(db: Database):
    with db.transaction() as session:
        repo = CaseRepository(session)
        return repo.cases(active_only=False), repo.memberships(), repo.responses()


def test_casework_incremental_link_redoes_only_what_changed(scenario: Database) -> None:
    first = link_all(scenario, THEATRE, theatres=[THEATRE, OTHER])
    stamps = _linked_at(scenario)
    again = link_all(scenario, THEATRE, theatres=[THEATRE, OTHER])
    assert _last(scenario, "cases.link")["linked"] == []  # nothing changed: nothing linked
    assert (again.cases, again.responses, again.copies) == (
        first.cases,
        first.responses,
        first.copies,
    )
    assert again.counts.unchanged == first.cases and _linked_at(scenario) == stamps

    add_statement(scenario, "aze3")  # a new allegation of a build-up, 1 April
    link_all(scenario, THEATRE, theatres=[THEATRE, OTHER])
    assert _last(scenario, "cases.link")["linked"] == [THEATRE.id]
    after = _linked_at(scenario)
    fortify = next(c.id for c in _state(scenario)[0] if c.event_type == "fortify")
    assert after[fortify] == stamps[fortify]  # a case the batch cannot change is not written
    incremental = _state(scenario)
    full = link_all(scenario, THEATRE, theatres=[THEATRE, OTHER], full=True)
    assert (full.counts.new, full.counts.changed, full.counts.retired) == (0, 0, 0)
    assert _state(scenario) == incremental  # the same as linking everything again


def _patrol_at_tegh(db: Database) -> None:
    """A patrol past Tegh on 3 April, and its finding: nothing unusual (an inspection of
    the place of the fortifications, long after the build-up case's day)."""
    start = datetime(2024, 4, 3, 5, tzinfo=UTC)
    track = tuple(
        TrackPoint(45.45 + 0.005 * k, 40.02, start + timedelta(minutes=30 * k)) for k in range(21)
    )
    with db.transaction() as session:
        PatrolRepository(session, 2000).add(
            Patrol("p9", "team 9", track[0].time, track[-1].time, track, base="jermuk"),
            b"patrol 9",
        )
        ObservationRepository(session).add(
            Observation(
                "o9",
                ObservationType.NOTHING_UNUSUAL,
                datetime(2024, 4, 3, 9, tzinfo=UTC),
                patrol_id="p9",
                lat=40.02,
                lon=45.5,
                notes="quiet at Tegh",
            )
        )


def test_casework_incremental_verify_remeasures_cases_whose_inputs_changed(
    scenario: Database,
) -> None:
    link_all(scenario, THEATRE, theatres=[THEATRE])
    first = {v.case_id: v.status for v in verify_all(scenario, THEATRE)}
    assert _last(scenario, "cases.verify")["measured"] == len(first) == 2
    again = {v.case_id: v.status for v in verify_all(scenario, THEATRE)}
    assert again == first and _last(scenario, "cases.verify")["measured"] == 0

    _patrol_at_tegh(scenario)  # new patrol and finding near the fortify case only
    verify_all(scenario, THEATRE)
    assert _last(scenario, "cases.verify")["measured"] == 1
    views = {v.case.event_type.value: v for v in case_views(scenario)}
    assert "o9" in {e.ref for e in views["fortify"].verdict.evidence}  # the new finding

    with scenario.transaction() as session:  # a finding edited in place, outside Watchline
        session.execute(
            update(ObservationRow).where(ObservationRow.id == "o9").values(notes="trenches")
        )
    verify_all(scenario, THEATRE)
    assert _last(scenario, "cases.verify")["measured"] == 1  # measured again, never stale

    add_statement(scenario, "aze3")  # the build-up alleged again on 1 April: a new case,
    link_all(scenario, THEATRE, theatres=[THEATRE])  # and a repeat of the first one
    verify_all(scenario, THEATRE)
    assert _last(scenario, "cases.verify")["measured"] == 2  # not the fortify case
    with scenario.transaction() as session:
        history = CaseRepository(session).histories()
    verify_all(scenario, THEATRE, full=True)  # everything measured again adds nothing new
    assert _last(scenario, "cases.verify")["measured"] == 3
    assert _last(scenario, "cases.verify")["new_verdicts"] == {}
    with scenario.transaction() as session:
        assert CaseRepository(session).histories() == history


def test_casework_identical_re_extraction_keeps_every_case_whole(scenario: Database) -> None:
    from watchline.store.claims import ClaimRepository

    link_all(scenario, THEATRE, theatres=[THEATRE, OTHER])
    before = _state(scenario)
    with scenario.transaction() as session:  # extraction again: the same claims come back
        claims = ClaimRepository(session)
        for document_id in {c.document_id for c in claims.list() if c.document_id}:
            same = [
                replace(c, id=c.id.split(":")[-1]) for c in claims.list(document_ids=[document_id])
            ]
            claims.replace_for_document(document_id, same)
    link_all(scenario, THEATRE, theatres=[THEATRE, OTHER])
    assert _state(scenario)[1] == before[1]  # memberships restored, not lost to a digest
