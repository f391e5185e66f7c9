"""``findings.unit_id`` and ``notices.unit_id`` (migration m0007): always the unit of the
record's inspection, whoever writes and in whatever order, and filled in on upgrade."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from fieldapp.store import migrations as m
from fieldapp.store.database import open_database

STAMP = "2026-11-28T08:00:00Z"


def _before_m0007() -> m.MigrationSet:
    schema = m.MigrationSet("fieldapp")
    for fn in (
        m.m0001_initial,
        m.m0002_checklist_versions,
        m.m0003_inspections,
        m.m0004_notices_and_keys,
        m.m0005_sync,
        m.m0006_search,
    ):
        schema.step(fn)
    return schema


def _unit(db: Database, unit_id: str) -> None:
    db.execute(
        "INSERT INTO units (id, name, credit_code, updated_at, origin_device)"
        " VALUES (?, ?, ?, ?, 'dev')",
        [unit_id, f"单位 {unit_id}", f"9122{unit_id:0>14}", STAMP],
    )


def _inspection(db: Database, inspection_id: str, unit_id: str, locked: int = 0) -> None:
    db.execute(
        "INSERT INTO inspections (id, unit_id, check_type, started_at, created_by, locked,"
        " updated_at, origin_device) VALUES (?, ?, 'routine', ?, 'officer', ?, ?, 'dev')",
        [inspection_id, unit_id, STAMP, locked, STAMP],
    )


def _finding(db: Database, finding_id: str, inspection_id: str, unit_id: str | None = None) -> None:
    columns = "id, inspection_id, position, text, severity, measure, updated_at, origin_device"
    values: list[object] = [finding_id, inspection_id, 1, "防护门未关闭", "general", "rectify"]
    values += [STAMP, "dev"]
    if unit_id is not None:
        columns += ", unit_id"
        values.append(unit_id)
    db.execute(f"INSERT INTO findings ({columns}) VALUES ({', '.join('?' * len(values))})", values)


def _notice(db: Database, notice_id: str, inspection_id: str) -> None:
    db.execute(
        "INSERT INTO notices (id, inspection_id, kind, number, officer_code, year, sequence,"
        " issued_at, payload, updated_at, origin_device)"
        " VALUES (?, ?, 'order', ?, 'A1', 2026, 1, ?, '{}', ?, 'dev')",
        [notice_id, inspection_id, f"No-{notice_id}", STAMP, STAMP],
    )


def _units_of(db: Database, table: str) -> dict[str, str | None]:
    return dict(db.execute(f"SELECT id, unit_id FROM {table} ORDER BY id").fetchall())


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "fieldapp.db")
    database.execute("PRAGMA foreign_keys = OFF")  # bare rows, no officers or checklists
    for unit_id in ("u1", "u2"):
        _unit(database, unit_id)
    return database


def test_a_finding_and_a_notice_take_their_inspections_unit(db: Database) -> None:
    _inspection(db, "i1", "u1")
    _finding(db, "f1", "i1")
    _finding(db, "f2", "i1", unit_id="u2")  # a writer that got it wrong is corrected
    _notice(db, "n1", "i1")
    assert _units_of(db, "findings") == {"f1": "u1", "f2": "u1"}
    assert _units_of(db, "notices") == {"n1": "u1"}


def test_records_written_before_their_inspection_get_its_unit(db: Database) -> None:
    _finding(db, "f1", "i1")
    _notice(db, "n1", "i1")
    assert _units_of(db, "findings") == {"f1": None}
    _inspection(db, "i1", "u2")
    assert _units_of(db, "findings") == {"f1": "u2"}
    assert _units_of(db, "notices") == {"n1": "u2"}


def test_a_changed_unit_or_inspection_is_followed(db: Database) -> None:
    _inspection(db, "i1", "u1")
    _inspection(db, "i2", "u2")
    _finding(db, "f1", "i1")
    _finding(db, "f2", "i1")
    _notice(db, "n1", "i1")
    db.execute("UPDATE inspections SET unit_id = 'u2' WHERE id = 'i1'")
    assert _units_of(db, "findings") == {"f1": "u2", "f2": "u2"}
    assert _units_of(db, "notices") == {"n1": "u2"}
    db.execute("UPDATE inspections SET unit_id = 'u1' WHERE id = 'i1'")
    db.execute("UPDATE findings SET inspection_id = 'i2' WHERE id = 'f2'")
    db.execute("UPDATE findings SET unit_id = 'u1' WHERE id = 'f2'")  # not its unit: undone
    assert _units_of(db, "findings") == {"f1": "u1", "f2": "u2"}


def test_the_lock_still_guards_a_signed_inspections_findings(db: Database) -> None:
    _inspection(db, "i1", "u1")
    _finding(db, "f1", "i1")
    db.execute("UPDATE inspections SET locked = 1 WHERE id = 'i1'")
    with pytest.raises(Exception, match="inspection is locked"):
        db.execute("UPDATE findings SET text = '改过' WHERE id = 'f1'")
    with pytest.raises(Exception, match="inspection is locked"):
        db.execute("UPDATE findings SET dropped = 1 WHERE id = 'f1'")
    db.execute("UPDATE inspections SET unit_id = 'u2' WHERE id = 'i1'")  # the derived column
    assert _units_of(db, "findings") == {"f1": "u2"}
    assert db.execute("SELECT text FROM findings").fetchone()[0] == "防护门未关闭"


def test_upgrade_fills_the_unit_in_of_existing_records(tmp_path: Path) -> None:
    path = tmp_path / "fieldapp.db"
    old = open_database(path, schema=_before_m0007())
    old.execute("PRAGMA foreign_keys = OFF")
    _unit(old, "u1")
    _inspection(old, "i1", "u1")
    _finding(old, "f1", "i1")
    _notice(old, "n1", "i1")
    old.execute("UPDATE inspections SET locked = 1")  # signed: its findings are locked
    old.close()
    db = open_database(path, backup_dir=tmp_path / "backups")
    assert _units_of(db, "findings") == {"f1": "u1"}
    assert _units_of(db, "notices") == {"n1": "u1"}
    assert db.execute("PRAGMA user_version").fetchone()[0] == m.SCHEMA.version
