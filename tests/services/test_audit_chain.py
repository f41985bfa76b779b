"""The audit chain itself: append-only, sealed entry by entry, tampering named by seq."""

from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from watchline.errors import InputError, WatchlineError
from watchline.services import audit
from watchline.store import Database


def _append(db: Database, count: int, actor: str = "alice") -> None:
    for n in range(count):
        with db.transaction() as session:
            details = {"n": n, "note": f"change {n}", "ratio": 0.1 * n, "tags": ["a", "ü"]}
            audit.record(session, actor, "test.change", "thing", f"t{n}", details, why=f"w{n}")


def _unlock(db: Database) -> None:
    """What an intruder with database rights does first: switch the triggers off."""
    with db.transaction() as session:
        if db.dialect == "postgresql":
            session.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
        else:
            session.execute(text("DROP TRIGGER audit_log_no_update"))
            session.execute(text("DROP TRIGGER audit_log_no_delete"))


def _raw(db: Database, *statements: str, **params: object) -> None:
    with db.transaction() as session:
        for statement in statements:
            session.execute(text(statement), params)


def _broken_at(db: Database) -> tuple[int, str]:
    with pytest.raises(WatchlineError) as caught:
        audit.verify_chain(db)
    assert caught.value.code == "E851"
    seq = int(caught.value.message.split("entry ", 1)[1].split(":", 1)[0])
    return seq, caught.value.message


def test_audit_chain_links_each_entry_to_the_one_before(db: Database) -> None:
    _append(db, 4)
    found = audit.entries(db)
    assert [e.seq for e in found] == [1, 2, 3, 4]
    assert found[0].prev_hash == audit.GENESIS
    assert [e.prev_hash for e in found[1:]] == [e.hash for e in found[:-1]]
    assert found[2].details == {"n": 2, "note": "change 2", "ratio": 0.2, "tags": ["a", "ü"]}
    assert found[2].why == "w2" and found[2].actor == "alice"
    check = audit.verify_chain(db)
    assert (check.entries, check.head) == (4, found[-1].hash)


def test_audit_empty_log_verifies(db: Database) -> None:
    assert audit.verify_chain(db) == audit.ChainCheck(0, audit.GENESIS)


def test_audit_rolled_back_change_leaves_no_entry(db: Database) -> None:
    _append(db, 1)
    with pytest.raises(RuntimeError), db.transaction() as session:
        audit.record(session, "bob", "test.change", "thing", "x", {})
        raise RuntimeError("the change failed after its entry was written")
    assert [e.actor for e in audit.entries(db)] == ["alice"]
    _append(db, 1, actor="carol")  # the next entry continues the chain without a gap
    assert [e.seq for e in audit.entries(db)] == [1, 2]
    audit.verify_chain(db)


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_log SET actor = 'mallory' WHERE seq = 1", "DELETE FROM audit_log"]
)
def test_audit_triggers_refuse_update_and_delete(db: Database, statement: str) -> None:
    _append(db, 2)
    with pytest.raises(DBAPIError, match="E850"):
        _raw(db, statement)
    assert [e.actor for e in audit.entries(db)] == ["alice", "alice"]
    audit.verify_chain(db)


def test_audit_details_must_be_json(db: Database) -> None:
    with pytest.raises(InputError, match="E852"), db.transaction() as session:
        audit.record(session, "alice", "test.change", "thing", "x", {"when": object()})
    assert audit.entries(db) == []


def _json_param(db: Database) -> str:
    return "CAST(:details AS json)" if db.dialect == "postgresql" else ":details"


def _edit_details(db: Database) -> None:
    forged = json.dumps({"n": 99, "note": "nothing happened", "ratio": 0.0, "tags": []})
    _raw(db, f"UPDATE audit_log SET details = {_json_param(db)} WHERE seq = 3", details=forged)


def _edit_and_reseal(db: Database) -> None:
    """Edit entry 3 and give it the right hash for its new contents: entry 4 then breaks."""
    old = audit.entries(db)[2]
    details = {"n": 2, "note": "rewritten"}
    sealed = audit.entry_hash(old.seq, old.at, old.actor, old.action, old.subject_type,
                              old.subject_id, details, old.why, old.prev_hash)  # fmt: skip
    _raw(
        db,
        f"UPDATE audit_log SET details = {_json_param(db)}, hash = :hash WHERE seq = 3",
        details=json.dumps(details),
        hash=sealed,
    )


TAMPERING = {
    "edit details": (_edit_details, 3, "do not match its hash"),
    "edit actor": (
        lambda db: _raw(db, "UPDATE audit_log SET actor = 'bob' WHERE seq = 2"),
        2,
        "do not match its hash",
    ),
    "edit time": (
        lambda db: _raw(
            db, "UPDATE audit_log SET at = (SELECT at FROM audit_log WHERE seq = 1) WHERE seq = 4"
        ),
        4,
        "do not match its hash",
    ),
    "delete a row": (lambda db: _raw(db, "DELETE FROM audit_log WHERE seq = 3"), 3, "missing"),
    "delete the first": (lambda db: _raw(db, "DELETE FROM audit_log WHERE seq = 1"), 1, "missing"),
    "reorder": (
        lambda db: _raw(
            db,
            "UPDATE audit_log SET seq = -1 WHERE seq = 2",
            "UPDATE audit_log SET seq = 2 WHERE seq = 3",
            "UPDATE audit_log SET seq = 3 WHERE seq = -1",
        ),
        2,
        "do not match its hash",
    ),
    "edit and reseal": (_edit_and_reseal, 4, "does not follow the hash of entry 3"),
}


@pytest.mark.parametrize("how", sorted(TAMPERING))
def test_audit_verify_names_first_broken_entry(db: Database, how: str) -> None:
    _append(db, 5)
    audit.verify_chain(db)
    _unlock(db)
    tamper, seq, reason = TAMPERING[how]
    tamper(db)
    broken, message = _broken_at(db)
    assert broken == seq
    assert reason in message


def test_audit_concurrent_appends_never_fork(db: Database) -> None:
    errors: list[BaseException] = []

    def worker(name: str) -> None:
        try:
            _append(db, 8, actor=name)
        except BaseException as exc:  # reported below, not swallowed
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    found = audit.entries(db)
    assert [e.seq for e in found] == list(range(1, 33))
    assert {e.actor for e in found} == {"w0", "w1", "w2", "w3"}
    assert audit.verify_chain(db).entries == 32


def test_audit_entries_filter_by_action_family_and_time(db: Database) -> None:
    with db.transaction() as session:
        audit.record(session, "a", "user.add", "user", "x", {})
    with db.transaction() as session:
        audit.record(session, "a", "users_odd", "user", "y", {})
    with db.transaction() as session:
        audit.record(session, "a", "cases.link", "cases", None, {})
    assert [e.action for e in audit.entries(db, action="user")] == ["user.add"]
    assert [e.action for e in audit.entries(db, action="cases.link")] == ["cases.link"]
    third = audit.entries(db)[2]
    assert [e.seq for e in audit.entries(db, since=third.at)] == [3]
