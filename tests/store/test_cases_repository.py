"""CaseRepository: linkage upserts with stable ids, retired cases keep their history."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from watchline.domain import Act, Case, Coverage, EventType, Evidence, Verdict, VerdictStatus
from watchline.errors import NotFound
from watchline.link import Linkage, Membership, Response, ResponseKind, Role
from watchline.store import Database
from watchline.store.cases import CaseRepository
from watchline.store.claims import ClaimRepository
from watchline.store.tables import DocumentRow, SourceRow
from watchline.verify.simulation import BORDER, make_claim

D31 = date(2024, 3, 31)
AREA = "POLYGON ((45 40, 46 40, 46 40.1, 45 40.1, 45 40))"


def _claims(db: Database) -> None:
    with db.transaction() as session:
        session.add(SourceRow(id=1, kind="news", name="Wire"))
        session.flush()
        session.add(
            DocumentRow(id="d", key="d", source_id=1, text="t", raw=b"t", sha256="0" * 64,
                        media=[], meta={})
        )  # fmt: skip
        session.flush()
        ClaimRepository(session).replace_for_document(
            "d",
            [
                make_claim(
                    "c1", "AZE", Act.ACCUSE, EventType.MOBILIZE, "ARM", D31, places=(BORDER,)
                ),
                make_claim("c2", "ARM", Act.DENY, EventType.MOBILIZE, "ARM", D31),
                make_claim(
                    "c3", "AZE", Act.ACCUSE, EventType.MOBILIZE, "ARM", D31, places=(BORDER,)
                ),
            ],
        )


def _linkage(case_ids: list[str], second_claim: bool = True) -> Linkage:
    cases, members = [], []
    for cid in case_ids:
        claim_ids = ("d:c1", "d:c2") if second_claim else ("d:c1",)
        cases.append(Case(cid, EventType.MOBILIZE, "ARM", D31, D31, claim_ids, area=AREA))
        members += [Membership(cid, "d:c1", Role.FOR)]
        if second_claim:
            members += [Membership(cid, "d:c2", Role.AGAINST)]
    return Linkage(
        cases=tuple(cases),
        members=tuple(members),
        responses=(Response("d:c2", "d:c1", ResponseKind.DENIES),),
        copies={"d:c3": "d:c1"},
        scopes={cid: "border" for cid in case_ids},
    )


def test_cases_save_counts_and_round_trip(db: Database) -> None:
    _claims(db)
    with db.transaction() as session:
        counts = CaseRepository(session).save_linkage(_linkage(["case-a"], second_claim=False))
    assert (counts.new, counts.changed) == (1, 0)
    with db.transaction() as session:
        counts = CaseRepository(session).save_linkage(_linkage(["case-a"]))
    assert (counts.new, counts.changed, counts.unchanged) == (0, 1, 0)
    with db.transaction() as session:
        repo = CaseRepository(session)
        assert repo.save_linkage(_linkage(["case-a"])).unchanged == 1
        case = repo.get("case-a")
        assert case.claim_ids == ("d:c1", "d:c2")
        assert case.area is not None and case.area.startswith("POLYGON")
        assert repo.scopes() == {"case-a": "border"}
        kinds = {(r.claim_id, r.kind) for r in repo.responses()}
        assert kinds == {("d:c2", ResponseKind.DENIES), ("d:c3", ResponseKind.COPIES)}


def test_cases_retired_case_keeps_history(db: Database) -> None:
    _claims(db)
    verdict = Verdict(
        "case-a",
        VerdictStatus.CONTRADICTED,
        0.8,
        "Contradicted: …",
        coverage=Coverage(0.7, 12.0, 0.5, ("p1",), ("o1",), {"p1": 0.7}),
        evidence=(Evidence("claim", "d:c1", "for", "troops"),),
        created_at=datetime(2024, 3, 31, 20, tzinfo=UTC),
    )
    with db.transaction() as session:
        repo = CaseRepository(session)
        repo.save_linkage(_linkage(["case-a"]))
        stored = repo.add_verdict(verdict)
    assert stored == verdict
    with db.transaction() as session:
        repo = CaseRepository(session)
        assert repo.save_linkage(_linkage(["case-b"])).retired == 1
        assert [c.id for c in repo.cases()] == ["case-b"]
        assert {c.id for c in repo.cases(active_only=False)} == {"case-a", "case-b"}
        assert repo.history("case-a") == [verdict]


def test_cases_verdict_for_unknown_case_is_refused(db: Database) -> None:
    with db.transaction() as session, pytest.raises(NotFound) as err:
        CaseRepository(session).add_verdict(Verdict("case-x", VerdictStatus.PENDING, 0.0, ""))
    assert err.value.code == "E010"


def test_cases_theatre_id_round_trips_and_counts_as_a_change(db: Database) -> None:
    """One database may hold several theatres: each case keeps the one it was linked in."""
    _claims(db)
    kosovo = Case("case-k", EventType.MOBILIZE, "SRB", D31, D31, ("d:c3",), area=AREA,
                  theatre_id="kos-srb")  # fmt: skip
    linkage = _linkage(["case-a"], second_claim=False)
    armenia = dataclasses.replace(linkage.cases[0], theatre_id="arm-aze")
    both = dataclasses.replace(
        linkage,
        cases=(armenia, kosovo),
        members=(*linkage.members, Membership("case-k", "d:c3", Role.FOR)),
        copies={},
        scopes={"case-a": "border", "case-k": "border"},
    )
    with db.transaction() as session:
        assert CaseRepository(session).save_linkage(both).new == 2
    with db.transaction() as session:
        repo = CaseRepository(session)
        assert repo.get("case-a").theatre_id == "arm-aze"
        assert repo.get("case-k").theatre_id == "kos-srb"
        assert [c.id for c in repo.cases(theatre_id="kos-srb")] == ["case-k"]
        assert {c.theatre_id for c in repo.cases()} == {"arm-aze", "kos-srb"}
        assert repo.save_linkage(both).unchanged == 2
        unplaced = dataclasses.replace(kosovo, theatre_id=None)
        moved = dataclasses.replace(both, cases=(armenia, unplaced))
        counts = repo.save_linkage(moved)
        assert (counts.changed, counts.unchanged) == (1, 1)
        assert repo.get("case-k").theatre_id is None


def test_cases_theatre_migration_goes_down_and_up(tmp_path) -> None:
    """0005_case_theatre adds the column to a database of 0004 and removes it again."""
    from alembic import command
    from sqlalchemy import inspect

    from watchline.store.db import alembic_config

    database = Database(f"sqlite:///{tmp_path / 'w.db'}")
    database.init()
    cfg = alembic_config(database.url)

    def columns() -> set[str]:
        return {c["name"] for c in inspect(database.engine).get_columns("cases")}

    assert "theatre_id" in columns()
    with database.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0005_case_theatre@-1")
    assert "theatre_id" not in columns() and "title" in columns()
    database.init()
    assert "theatre_id" in columns()
    database.dispose()
