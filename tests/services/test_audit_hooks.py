"""Each change point writes exactly one audit entry, by the right actor, with its change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from casework_scenario import THEATRE
from sqlalchemy import text

from watchline.errors import InputError
from watchline.ingest import ingest
from watchline.services import audit
from watchline.services.accounts import add_user, disable_user, issue_token
from watchline.services.casework import link_all, set_verdict, verify_all
from watchline.store import Database
from watchline.store.documents import DocumentRepository

TELEGRAM = Path(__file__).resolve().parents[1] / "fixtures" / "ingest" / "telegram"
POISON = {
    "sqlite": [
        """CREATE TRIGGER refuse_poison BEFORE INSERT ON documents
           WHEN NEW.text LIKE '%poison%' BEGIN SELECT RAISE(ABORT, 'poisoned row'); END"""
    ],
    "postgresql": [
        """CREATE FUNCTION refuse_poison() RETURNS trigger AS $$
           BEGIN IF NEW.text LIKE '%poison%' THEN RAISE EXCEPTION 'poisoned row'; END IF;
           RETURN NEW; END $$ LANGUAGE plpgsql""",
        """CREATE TRIGGER refuse_poison BEFORE INSERT ON documents
           FOR EACH ROW EXECUTE FUNCTION refuse_poison()""",
    ],
}


def _lines(tmp_path: Path, *texts: str, name: str = "items.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(json.dumps({"text": t}) for t in texts))
    return path


def _new(db: Database, before: int) -> list[audit.AuditEntry]:
    """The entries written since the log held `before` of them."""
    return audit.entries(db)[before:]


def test_audit_ingest_one_entry_per_batch_with_counts(db: Database, tmp_path: Path) -> None:
    path = _lines(tmp_path, *(f"Patrol note {n} from the line." for n in range(5)))
    report = ingest(db, [path], batch_size=3, actor="mona")
    (first, second) = audit.entries(db)
    assert [e.action for e in (first, second)] == ["documents.ingest"] * 2
    assert {e.actor for e in (first, second)} == {"mona"}
    assert (first.details["ingested"], second.details["ingested"]) == (3, 2)
    assert first.details["documents"] + second.details["documents"] == report.documents
    again = ingest(db, [path], actor="mona")  # duplicates only: nothing changed
    assert again.duplicates == 5 and len(audit.entries(db)) == 2
    audit.verify_chain(db)


def test_audit_refused_ingest_writes_no_entry(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        for statement in POISON[db.dialect]:
            session.execute(text(statement))
    refused = ingest(db, [_lines(tmp_path, "A poison pen letter.")], actor="mona")
    assert refused.ingested == 0 and len(refused.rejected) == 1
    assert audit.entries(db) == []
    mixed = _lines(tmp_path, "Quiet night at the post.", "More poison.", name="mixed.jsonl")
    report = ingest(db, [mixed], actor="mona")
    assert report.ingested == 1 and len(report.rejected) == 1
    (entry,) = audit.entries(db)  # the batch was rolled back; the stored one is logged
    assert entry.details == {"ingested": 1, "duplicates": 0, "documents": report.documents}
    with db.transaction() as session:
        assert DocumentRepository(session).count() == 1


def test_audit_ingest_defaults_to_local_actor(db: Database, tmp_path: Path) -> None:
    ingest(db, [_lines(tmp_path, "One line.")])
    assert [e.actor for e in audit.entries(db)] == [audit.local_actor()]
    assert audit.local_actor().startswith("cli:")


def test_audit_link_and_verify_one_entry_per_run(scenario: Database) -> None:
    before = len(audit.entries(scenario))
    summary = link_all(scenario, THEATRE, theatres=[THEATRE], actor="ana")
    (linked,) = _new(scenario, before)
    assert (linked.action, linked.actor) == ("cases.link", "ana")
    assert linked.details["cases"] == summary.cases == 2
    assert linked.details["counts"]["new"] == 2
    verdicts = verify_all(scenario, THEATRE, actor="ana")
    (verified,) = _new(scenario, before + 1)
    assert verified.action == "cases.verify" and verified.details["cases"] == len(verdicts)
    assert verified.details["new_verdicts"] == {v.case_id: v.status.value for v in verdicts}
    verify_all(scenario, THEATRE, actor="ana")  # nothing changed: still one run entry
    (again,) = _new(scenario, before + 2)
    assert again.details["new_verdicts"] == {}


def test_audit_analyst_verdict_with_reason(scenario: Database) -> None:
    link_all(scenario, THEATRE, theatres=[THEATRE])
    verify_all(scenario, THEATRE)
    case_id = next(e for e in audit.entries(scenario) if e.action == "cases.verify")
    case_id = sorted(case_id.details["new_verdicts"])[0]
    before = len(audit.entries(scenario))
    set_verdict(scenario, case_id, "disputed", "  Footage is from 2021  ", "ana")
    (entry,) = _new(scenario, before)
    assert (entry.action, entry.actor, entry.subject_id) == ("verdict.set", "ana", case_id)
    assert entry.why == "Footage is from 2021"
    assert entry.details["status"] == "disputed" and entry.details["engine_status"]
    with pytest.raises(InputError):
        set_verdict(scenario, case_id, "disputed", " ", "ana")  # refused: no entry
    assert len(audit.entries(scenario)) == before + 1


def test_audit_user_changes_never_log_secrets(db: Database) -> None:
    add_user(db, "zara", "analyst", "a long enough password 1", actor="root-admin")
    token = issue_token(db, "zara", actor="root-admin")
    disable_user(db, "zara", actor="root-admin")
    found = audit.entries(db)
    assert [e.action for e in found] == ["user.add", "user.token", "user.disable"]
    assert {(e.actor, e.subject_id) for e in found} == {("root-admin", "zara")}
    assert found[0].details == {"role": "analyst", "password_login": True}
    dumped = json.dumps([e.details for e in found])
    assert token not in dumped and "a long enough password" not in dumped
    with pytest.raises(InputError):
        add_user(db, "zara", "analyst")  # a duplicate name changes nothing
    assert len(audit.entries(db)) == 3


@pytest.fixture(scope="module")
def extractor():
    from watchline.extract import Extractor
    from watchline.geo.theatre import load_theatre

    return Extractor.load(theatre=load_theatre("arm-aze"))


def test_audit_extraction_one_entry_per_document(sqlite_db: Database, extractor) -> None:
    from watchline.services.extraction import extract_documents

    ingest(sqlite_db, [TELEGRAM / "result.json"], actor="mona")
    before = len(audit.entries(sqlite_db))
    summary = extract_documents(sqlite_db, extractor, actor="ext")
    found = _new(sqlite_db, before)
    assert len(found) == summary.documents >= 1
    assert {(e.action, e.actor) for e in found} == {("claims.extract", "ext")}
    assert sum(e.details["claims"] for e in found) == summary.claims
    assert {e.details["extractor_version"] for e in found} == {extractor.version}
    extract_documents(sqlite_db, extractor, actor="ext")  # all done already: no entry
    assert len(audit.entries(sqlite_db)) == before + len(found)
    ingest(sqlite_db, [TELEGRAM / "result-later.json"], actor="mona")
    extract_documents(sqlite_db, extractor, actor="ext")
    retired = [e for e in audit.entries(sqlite_db) if e.action == "claims.retire"]
    assert len(retired) == 1 and len(retired[0].details["documents"]) == 1
    assert retired[0].why
    audit.verify_chain(sqlite_db)


def test_audit_demo_database_verifies(demo_run) -> None:
    db = Database(demo_run.database_url)
    try:
        check = audit.verify_chain(db)
        actions = {e.action for e in audit.entries(db)}
    finally:
        db.dispose()
    assert check.entries >= 6
    assert {"documents.ingest", "claims.extract", "cases.link", "cases.verify", "user.add"} <= (
        actions
    )


def test_audit_patrol_and_finding_imports_name_who_and_what(db: Database) -> None:
    from watchline.services.demo import demo_folder
    from watchline.services.findings import import_observations
    from watchline.services.patrols import import_patrols

    folder = demo_folder() / "patrols"
    patrols = import_patrols(db, [folder / "tracks"], theatre="arm-aze", actor="mona")
    findings = import_observations(db, folder / "findings.csv", theatre="arm-aze", actor="mona")
    entries = audit.entries(db)
    imported = [e for e in entries if e.action == "patrols.import"]
    recorded = [e for e in entries if e.action == "observations.record"]
    assert {e.subject_id for e in imported} == set(patrols.added) and patrols.added
    assert {e.subject_id for e in recorded} == set(findings.added) and findings.added
    assert {e.actor for e in imported + recorded} == {"mona"}
    assert all(e.details["points"] > 0 and e.details["sha256"] for e in imported)
    before = len(audit.entries(db))
    import_patrols(db, [folder / "tracks"], theatre="arm-aze", actor="mona")  # repeats
    import_observations(db, folder / "findings.csv", theatre="arm-aze", actor="mona")
    assert len(audit.entries(db)) == before  # nothing changed, nothing recorded
    audit.verify_chain(db)
