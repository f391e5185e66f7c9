"""Migrations: fresh schema equals the snapshot; newer or foreign files are refused; a
failing step leaves the file as it was; an old database upgrades with its rows."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from fieldapp.errors import DatabaseCorrupt, DatabaseTooNew, NotADatabase
from fieldapp.store.database import APPLICATION_ID, open_database
from fieldapp.store.migrations import SCHEMA, MigrationSet, m0001_initial

DATA = Path(__file__).resolve().parent.parent / "data"
SNAPSHOT = DATA / "schema.sql"
OLD_DB = DATA / "workspace-v1.db"


def schema_text(db: Database) -> str:
    rows = db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
        " AND name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()
    return "".join(f"-- {kind} {name}\n{sql.strip()};\n\n" for kind, name, sql in rows)


def dump(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        lines = list(conn.iterdump())
        lines.append(f"user_version={conn.execute('PRAGMA user_version').fetchone()[0]}")
    return lines


def test_fresh_database_matches_committed_snapshot(tmp_path: Path) -> None:
    db = open_database(tmp_path / "fresh.db")
    actual = schema_text(db)
    db.close()
    if not SNAPSHOT.exists():  # first run after a new migration: write, then fail loudly
        SNAPSHOT.write_text(actual, encoding="utf-8")
        pytest.fail(f"wrote {SNAPSHOT}; review and commit it")
    assert actual == SNAPSHOT.read_text(encoding="utf-8"), (
        "the schema made by the migrations differs from tests/data/schema.sql: a shipped"
        " migration was edited, or a new one needs its snapshot updated"
    )


def test_fresh_database_settings(tmp_path: Path) -> None:
    db = open_database(tmp_path / "fresh.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA.version
    db.close()


def test_reopening_runs_nothing_and_makes_no_backup(tmp_path: Path) -> None:
    open_database(tmp_path / "a.db").close()
    open_database(tmp_path / "a.db", backup_dir=tmp_path / "backups").close()
    assert not (tmp_path / "backups").exists()


def test_database_from_newer_build_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    db = open_database(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer fieldapp"):
        open_database(path)
    assert path.read_bytes() == before


def test_unknown_applied_migration_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    db = open_database(path)
    with db.atomic():
        db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('fieldapp', 'm0099_from_the_future', 'x')"
        )
    db.close()
    with pytest.raises(DatabaseTooNew):
        open_database(path)


def test_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "fieldapp.db"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(NotADatabase, match=str(path).replace("\\", "\\\\")):
        open_database(path)
    assert path.read_bytes() == before


def test_sqlite_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE notes (x)")
        conn.commit()
    before = path.read_bytes()
    with pytest.raises(NotADatabase, match="another program"):
        open_database(path)
    assert path.read_bytes() == before


def test_damaged_database_gives_a_message_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    db = open_database(path)
    with db.atomic():
        for i in range(300):
            db.execute("INSERT INTO workspace (key, value) VALUES (?, ?)", [f"k{i}", "v" * 200])
    db.close()
    data = bytearray(path.read_bytes())
    data[100:108] = b"\xff" * 8  # the b-tree header of the schema page
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorrupt, match="damaged") as caught:
        open_database(path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == bytes(data)


def _first_step_only() -> MigrationSet:
    schema = MigrationSet("fieldapp")
    schema.step(m0001_initial)
    return schema


def _failing_schema() -> MigrationSet:
    schema = _first_step_only()

    def m0002_breaks_halfway(db: Database) -> None:
        db.execute("ALTER TABLE units ADD COLUMN nickname TEXT")
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("step failed halfway")

    schema.step(m0002_breaks_halfway)
    return schema


def test_failing_step_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "fieldapp.db"
    db = open_database(path, schema=_first_step_only())
    with db.atomic():
        db.execute("INSERT INTO workspace (key, value) VALUES ('role', 'officer')")
    db.close()
    before = dump(path)
    with pytest.raises(RuntimeError, match="halfway"):
        open_database(path, backup_dir=tmp_path / "backups", schema=_failing_schema())
    assert dump(path) == before
    backups = list((tmp_path / "backups").glob("*.db"))
    assert len(backups) == 1, "the file is copied to backups/ before any migration"
    assert dump(backups[0])[:-1] == before[:-1]
    open_database(path).close()  # and the current build still opens it


def test_old_database_upgrades_with_rows_intact(tmp_path: Path) -> None:
    path = tmp_path / "fieldapp.db"
    shutil.copy(OLD_DB, path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        old_units = conn.execute("SELECT id, name, credit_code, rev FROM units").fetchall()
        old_audit = conn.execute("SELECT seq, hash FROM audit_log").fetchall()
    assert old_units, "the kept old database holds units"
    db = open_database(path, backup_dir=tmp_path / "backups")
    assert db.execute("SELECT id, name, credit_code, rev FROM units").fetchall() == old_units
    assert db.execute("SELECT seq, hash FROM audit_log").fetchall() == old_audit
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA.version
    db.close()
