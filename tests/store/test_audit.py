"""The audit chain: appended with every change, refused by triggers to edit, and any
altered, removed or reordered entry is found."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from fieldapp.store.audit import append_audit, audit_entries, verify_audit_chain
from fieldapp.store.database import open_database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "audit.db")
    for i in range(6):
        with database.atomic():
            append_audit(
                database,
                "王建国（22010019001）",
                "update",
                "unit",
                f"u{i}",
                {"name": [f"旧{i}", f"新{i}"]},
            )
    yield database
    database.close()


def _without_guards(db: Database) -> None:
    """What someone editing the file with another tool could do."""
    db.execute("DROP TRIGGER audit_log_no_update")
    db.execute("DROP TRIGGER audit_log_no_delete")


def test_intact_chain_verifies(db: Database) -> None:
    assert verify_audit_chain(db) == []
    assert [e.seq for e in audit_entries(db)] == [6, 5, 4, 3, 2, 1]
    assert audit_entries(db, entity_id="u2")[0].detail == '{"name":["旧2","新2"]}'


def test_append_outside_a_transaction_is_a_bug(db: Database) -> None:
    with pytest.raises(RuntimeError):
        append_audit(db, "x", "create", "unit", "u9")


def test_triggers_refuse_update_and_delete(db: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit_log WHERE seq = 2")


@pytest.mark.parametrize(
    "column,value",
    [
        ("actor", "someone else"),
        ("detail", '{"name":["旧2","改"]}'),
        ("at", "2020-01-01"),
        ("action", "delete"),
        ("entity_id", "u99"),
    ],
)
def test_altered_entry_is_found(db: Database, column: str, value: str) -> None:
    _without_guards(db)
    db.execute(f"UPDATE audit_log SET {column} = ? WHERE seq = 3", [value])
    problems = verify_audit_chain(db)
    assert [(p.seq, p.kind) for p in problems] == [(3, "altered")]


def test_entry_rehashed_after_alteration_still_breaks_the_link(db: Database) -> None:
    from fieldapp.store.audit import entry_hash

    _without_guards(db)
    row = db.execute("SELECT * FROM audit_log WHERE seq = 3").fetchone()
    new_hash = entry_hash(3, row[1], "forger", row[3], row[4], row[5], row[6], row[7])
    db.execute("UPDATE audit_log SET actor = 'forger', hash = ? WHERE seq = 3", [new_hash])
    kinds = {(p.seq, p.kind) for p in verify_audit_chain(db)}
    assert (4, "reordered") in kinds


def test_removed_entry_is_found(db: Database) -> None:
    _without_guards(db)
    db.execute("DELETE FROM audit_log WHERE seq = 4")
    problems = verify_audit_chain(db)
    assert [(p.seq, p.kind) for p in problems] == [(5, "removed")]


def test_removed_last_entries_are_found(db: Database) -> None:
    _without_guards(db)
    db.execute("DELETE FROM audit_log WHERE seq >= 5")
    problems = verify_audit_chain(db)
    assert [p.kind for p in problems] == ["truncated"]


def test_reordered_entries_are_found(db: Database) -> None:
    _without_guards(db)
    db.execute("UPDATE audit_log SET seq = -1 WHERE seq = 2")
    db.execute("UPDATE audit_log SET seq = 2 WHERE seq = 3")
    db.execute("UPDATE audit_log SET seq = 3 WHERE seq = -1")
    problems = verify_audit_chain(db)
    assert problems, "swapping two entries must be found"
    assert {p.kind for p in problems} <= {"reordered", "altered"}
