"""Ordered, append-only schema migrations.

Rules (shared/style.md §3): each step is named ``m0001_…``, holds raw DDL, never imports app
classes and is never edited once shipped; a change of schema is a new step at the end.
``PRAGMA user_version`` holds the number of steps applied, so a build can tell a database
written by a newer build before it touches it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from sqlite_utils import Database, Migrations

Step = Callable[[Database], None]


class MigrationSet:
    """sqlite-utils ``Migrations`` plus the ordered names, so a build knows its version."""

    def __init__(self, name: str) -> None:
        self.migrations = Migrations(name)
        self.names: list[str] = []

    def step(self, fn: Step) -> Step:
        """Register ``fn`` as the next step, named after the function."""
        self.names.append(fn.__name__)
        return self.migrations(name=fn.__name__)(fn)

    @property
    def version(self) -> int:
        """The ``user_version`` this set writes: the number of steps it knows."""
        return len(self.names)


SCHEMA = MigrationSet("fieldapp")
step = SCHEMA.step


def _script(db: Database, sql: str) -> None:
    # executescript() would COMMIT the surrounding transaction; run statement by statement
    # so that a failing step leaves the file as it was.
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            db.execute(buffer)
            buffer = ""
    if buffer.strip():
        db.execute(buffer)


@step
def m0001_initial(db: Database) -> None:
    _script(
        db,
        """
CREATE TABLE workspace (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE officers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    law_id TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    agency_code TEXT NOT NULL DEFAULT '',
    officer_code TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    is_self INTEGER NOT NULL DEFAULT 0 CHECK (is_self IN (0, 1)),
    rev INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    origin_device TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX officers_law_id ON officers(law_id);
CREATE UNIQUE INDEX officers_one_self ON officers(is_self) WHERE is_self = 1;

CREATE TABLE units (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    credit_code TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    district_code TEXT NOT NULL DEFAULT '',
    legal_representative TEXT NOT NULL DEFAULT '',
    safety_manager TEXT NOT NULL DEFAULT '',
    safety_manager_phone TEXT NOT NULL DEFAULT '',
    contact_person TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT 'user',
    is_key_unit INTEGER NOT NULL DEFAULT 0 CHECK (is_key_unit IN (0, 1)),
    key_unit_kind TEXT NOT NULL DEFAULT '',
    rev INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    origin_device TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX units_credit_code ON units(credit_code);
CREATE INDEX units_district ON units(district_code);

CREATE TABLE equipment (
    id TEXT PRIMARY KEY,
    unit_id TEXT NOT NULL REFERENCES units(id),
    catalogue_code TEXT NOT NULL,
    equipment_code TEXT NOT NULL DEFAULT '',
    usage_registration_number TEXT NOT NULL DEFAULT '',
    product_name TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    manufacturer TEXT NOT NULL DEFAULT '',
    serial_number TEXT NOT NULL DEFAULT '',
    internal_number TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    first_use_date TEXT,
    design_life_years INTEGER,
    maintenance_unit TEXT NOT NULL DEFAULT '',
    maintenance_phone TEXT NOT NULL DEFAULT '',
    last_inspection_date TEXT,
    last_inspection_conclusion TEXT NOT NULL DEFAULT '',
    next_inspection_due TEXT,
    inspection_postponed_until TEXT,
    status TEXT NOT NULL DEFAULT 'in_use'
        CHECK (status IN ('in_use', 'out_of_use', 'scrapped', 'sealed')),
    attributes TEXT NOT NULL DEFAULT '{}',
    rev INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    origin_device TEXT NOT NULL
) STRICT;
CREATE INDEX equipment_unit ON equipment(unit_id);
CREATE INDEX equipment_code ON equipment(equipment_code);
CREATE INDEX equipment_due ON equipment(next_inspection_due);

CREATE TABLE attachments (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    original_name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
""",
    )


@step
def m0002_checklist_versions(db: Database) -> None:
    _script(
        db,
        """
CREATE TABLE checklist_versions (
    content_hash TEXT PRIMARY KEY CHECK (length(content_hash) = 64),
    checklist_id TEXT NOT NULL,
    version TEXT NOT NULL,
    body TEXT NOT NULL,
    pinned_at TEXT NOT NULL
) STRICT;
CREATE INDEX checklist_versions_id ON checklist_versions(checklist_id, version);
""",
    )
