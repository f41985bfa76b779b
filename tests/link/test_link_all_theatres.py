"""`link_all` over a database that holds claims of several theatres."""

from __future__ import annotations

from datetime import UTC, date, datetime

from theatres_fixture import ARM_AZE, GEORGIA, KOSOVO, LOC, NIKIAL, SOTK, border

from watchline.domain import Act, EventType
from watchline.services.casework import documents_with_claims, link_all
from watchline.store import Database
from watchline.store.cases import CaseRepository
from watchline.store.claims import ClaimRepository
from watchline.store.tables import DocumentRow, SourceRow
from watchline.verify.simulation import make_claim

D = date(2024, 8, 20)


def _store(db: Database) -> None:
    statements = {
        "aze": [make_claim("c1", "AZE", Act.ACCUSE, EventType.ATTACK, "ARM", D, places=(SOTK,))],
        "pak": [make_claim("c1", "PAK", Act.ACCUSE, EventType.ATTACK, "IND", D,
                           places=(NIKIAL,))],
        "xkx": [make_claim("c1", "XKX", Act.ACCUSE, EventType.MOBILIZE, "SRB", D,
                           places=(border(),), content="units massing along the boundary")],
        "srb": [make_claim("c1", "SRB", Act.DENY, EventType.MOBILIZE, None, D,
                           content="no units were moved")],
    }  # fmt: skip
    with db.transaction() as session:
        session.add(SourceRow(id=1, kind="news", name="Wire"))
        session.flush()
        for key, claims in statements.items():
            session.add(
                DocumentRow(id=key, key=key, source_id=1, text=key, raw=b"t", sha256=key * 16,
                            media=[], meta={}, published_at=datetime(2024, 8, 20, 9, tzinfo=UTC))
            )  # fmt: skip
            session.flush()
            ClaimRepository(session).replace_for_document(key, claims)


def test_link_all_links_each_theatre_apart_and_stores_it(sqlite_db: Database) -> None:
    _store(sqlite_db)
    summary = link_all(sqlite_db, ARM_AZE, theatres=[LOC, KOSOVO, GEORGIA])
    assert summary.cases == 3 and summary.responses == 1
    with sqlite_db.transaction() as session:
        repo = CaseRepository(session)
        theatre_of = {cid: c.theatre_id for c in repo.cases() for cid in c.claim_ids}
        responses = {(r.claim_id, r.answers) for r in repo.responses()}
        assert set(documents_with_claims(session)) == {"aze", "pak", "xkx", "srb"}
    assert theatre_of == {
        "aze:c1": "arm-aze",
        "pak:c1": "loc-test",
        "xkx:c1": "kos-test",
        "srb:c1": "kos-test",
    }
    assert responses == {("srb:c1", "xkx:c1")}
    again = link_all(sqlite_db, ARM_AZE, theatres=[LOC, KOSOVO, GEORGIA])
    assert again.counts.unchanged == 3  # deterministic: stable ids, nothing moved
