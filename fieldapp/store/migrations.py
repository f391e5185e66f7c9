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


@step
def m0003_inspections(db: Database) -> None:
    _script(
        db,
        """
CREATE TABLE inspections (
    id TEXT PRIMARY KEY,
    unit_id TEXT NOT NULL REFERENCES units(id),
    check_type TEXT NOT NULL CHECK (check_type IN ('routine', 'campaign', 'post_licence', 'other')),
    task_source TEXT NOT NULL DEFAULT '',
    campaign TEXT,
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN
        ('draft', 'finished', 'notice_issued', 'awaiting_reinspection', 'closed')),
    started_at TEXT NOT NULL,
    finished_at TEXT,
    created_by TEXT NOT NULL REFERENCES officers(id),
    unit_representative TEXT NOT NULL DEFAULT '',
    unit_representative_post TEXT NOT NULL DEFAULT '',
    unit_representative_phone TEXT NOT NULL DEFAULT '',
    unit_opinion TEXT NOT NULL DEFAULT '',
    refused_to_sign INTEGER NOT NULL DEFAULT 0 CHECK (refused_to_sign IN (0, 1)),
    refusal_reason TEXT NOT NULL DEFAULT '',
    refusal_witness TEXT NOT NULL DEFAULT '',
    current_run INTEGER NOT NULL DEFAULT 0,
    current_item TEXT NOT NULL DEFAULT '',
    locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    rev INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    origin_device TEXT NOT NULL
) STRICT;
CREATE INDEX inspections_unit ON inspections(unit_id);
CREATE INDEX inspections_state ON inspections(state, started_at);

CREATE TABLE inspection_officers (
    inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    officer_id TEXT NOT NULL REFERENCES officers(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (inspection_id, officer_id)
) STRICT;

CREATE TABLE inspection_runs (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    checklist_id TEXT NOT NULL,
    checklist_hash TEXT NOT NULL REFERENCES checklist_versions(content_hash),
    equipment_id TEXT REFERENCES equipment(id),
    UNIQUE (inspection_id, position)
) STRICT;
CREATE INDEX inspection_runs_equipment ON inspection_runs(equipment_id);

CREATE TABLE answers (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    run_id TEXT NOT NULL REFERENCES inspection_runs(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    value TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    answered_at TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    origin_device TEXT NOT NULL,
    UNIQUE (run_id, item_id)
) STRICT;
CREATE INDEX answers_inspection ON answers(inspection_id);

CREATE TABLE answer_photos (
    answer_id TEXT NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL REFERENCES attachments(sha256),
    position INTEGER NOT NULL,
    taken_at TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (answer_id, sha256)
) STRICT;

CREATE TABLE findings (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    run_id TEXT REFERENCES inspection_runs(id) ON DELETE CASCADE,
    item_id TEXT,
    equipment_id TEXT REFERENCES equipment(id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('general', 'serious')),
    measure TEXT NOT NULL CHECK (measure IN ('rectify', 'stop_use', 'seal', 'seize')),
    deadline TEXT,
    violated TEXT NOT NULL DEFAULT '',
    penalty TEXT NOT NULL DEFAULT '',
    code TEXT NOT NULL DEFAULT '',
    dropped INTEGER NOT NULL DEFAULT 0 CHECK (dropped IN (0, 1)),
    drop_reason TEXT NOT NULL DEFAULT '',
    rev INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    origin_device TEXT NOT NULL,
    UNIQUE (run_id, item_id)
) STRICT;
CREATE INDEX findings_inspection ON findings(inspection_id);

CREATE TABLE signatures (
    inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    signer TEXT NOT NULL,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL REFERENCES attachments(sha256),
    signed_at TEXT NOT NULL,
    PRIMARY KEY (inspection_id, signer)
) STRICT;

CREATE TABLE amendments (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (length(reason) > 0),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    origin_device TEXT NOT NULL
) STRICT;
CREATE INDEX amendments_inspection ON amendments(inspection_id);
CREATE TRIGGER answers_locked_insert BEFORE INSERT ON answers
WHEN (SELECT locked FROM inspections WHERE id = NEW.inspection_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'inspection is locked: record an amendment instead');
END;
CREATE TRIGGER answers_locked_update BEFORE UPDATE ON answers
WHEN (SELECT locked FROM inspections WHERE id = NEW.inspection_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'inspection is locked: record an amendment instead');
END;
CREATE TRIGGER answers_locked_delete BEFORE DELETE ON answers
WHEN (SELECT locked FROM inspections WHERE id = OLD.inspection_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'inspection is locked: record an amendment instead');
END;
CREATE TRIGGER findings_locked_insert BEFORE INSERT ON findings
WHEN (SELECT locked FROM inspections WHERE id = NEW.inspection_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'inspection is locked: record an amendment instead');
END;
CREATE TRIGGER findings_locked_update BEFORE UPDATE ON findings
WHEN (SELECT locked FROM inspections WHERE id = NEW.inspection_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'inspection is locked: record an amendment instead');
END;
CREATE TRIGGER findings_locked_delete BEFORE DELETE ON findings
WHEN (SELECT locked FROM inspections WHERE id = OLD.inspection_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'inspection is locked: record an amendment instead');
END;
CREATE TRIGGER signatures_locked_insert BEFORE INSERT ON signatures
WHEN (SELECT locked FROM inspections WHERE id = NEW.inspection_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'inspection is locked: record an amendment instead');
END;
CREATE TRIGGER signatures_locked_update BEFORE UPDATE ON signatures
WHEN (SELECT locked FROM inspections WHERE id = NEW.inspection_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'inspection is locked: record an amendment instead');
END;
CREATE TRIGGER signatures_locked_delete BEFORE DELETE ON signatures
WHEN (SELECT locked FROM inspections WHERE id = OLD.inspection_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'inspection is locked: record an amendment instead');
END;
CREATE TRIGGER inspection_officers_locked_insert BEFORE INSERT ON inspection_officers
WHEN (SELECT locked FROM inspections WHERE id = NEW.inspection_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'inspection is locked: record an amendment instead');
END;
CREATE TRIGGER inspection_officers_locked_update BEFORE UPDATE ON inspection_officers
WHEN (SELECT locked FROM inspections WHERE id = NEW.inspection_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'inspection is locked: record an amendment instead');
END;
CREATE TRIGGER inspection_officers_locked_delete BEFORE DELETE ON inspection_officers
WHEN (SELECT locked FROM inspections WHERE id = OLD.inspection_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'inspection is locked: record an amendment instead');
END;
CREATE TRIGGER inspection_runs_locked_insert BEFORE INSERT ON inspection_runs
WHEN (SELECT locked FROM inspections WHERE id = NEW.inspection_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'inspection is locked: record an amendment instead');
END;
CREATE TRIGGER inspection_runs_locked_update BEFORE UPDATE ON inspection_runs
WHEN (SELECT locked FROM inspections WHERE id = NEW.inspection_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'inspection is locked: record an amendment instead');
END;
CREATE TRIGGER inspection_runs_locked_delete BEFORE DELETE ON inspection_runs
WHEN (SELECT locked FROM inspections WHERE id = OLD.inspection_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'inspection is locked: record an amendment instead');
END;
CREATE TRIGGER amendments_no_update BEFORE UPDATE ON amendments
BEGIN
    SELECT RAISE(ABORT, 'amendments are kept as written');
END;
CREATE TRIGGER amendments_no_delete BEFORE DELETE ON amendments
BEGIN
    SELECT RAISE(ABORT, 'amendments are kept as written');
END;
""",
    )


@step
def m0004_notices_and_keys(db: Database) -> None:
    _script(
        db,
        """
CREATE TABLE notices (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    kind TEXT NOT NULL CHECK (kind IN ('order', 'seal', 'seize')),
    number TEXT NOT NULL UNIQUE,
    officer_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    issued_at TEXT NOT NULL,
    deadline TEXT,
    state TEXT NOT NULL DEFAULT 'issued'
        CHECK (state IN ('issued', 'awaiting_reinspection', 'closed', 'escalated')),
    closed_at TEXT,
    payload TEXT NOT NULL,
    pdf_sha256 TEXT REFERENCES attachments(sha256),
    rev INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    origin_device TEXT NOT NULL,
    UNIQUE (officer_code, year, sequence, kind)
) STRICT;
CREATE INDEX notices_inspection ON notices(inspection_id);
CREATE INDEX notices_state ON notices(state, deadline);

CREATE TABLE notice_sequences (
    officer_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    kind TEXT NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (officer_code, year, kind)
) STRICT;

CREATE TABLE documents (
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    kind TEXT NOT NULL CHECK (kind IN ('record', 'order', 'seal', 'seize')),
    sha256 TEXT NOT NULL REFERENCES attachments(sha256),
    file_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (inspection_id, kind)
) STRICT;

CREATE TABLE reinspections (
    id TEXT PRIMARY KEY,
    notice_id TEXT NOT NULL REFERENCES notices(id),
    officer_id TEXT NOT NULL REFERENCES officers(id),
    at TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('rectified', 'escalated')),
    escalation TEXT NOT NULL DEFAULT '' CHECK (escalation IN ('', 'case', 'seal', 'transfer')),
    note TEXT NOT NULL DEFAULT '',
    rev INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    origin_device TEXT NOT NULL
) STRICT;

CREATE TABLE reinspection_findings (
    reinspection_id TEXT NOT NULL REFERENCES reinspections(id),
    finding_id TEXT NOT NULL REFERENCES findings(id),
    rectified INTEGER NOT NULL CHECK (rectified IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    photos TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (reinspection_id, finding_id)
) STRICT;

CREATE TABLE trusted_keys (
    key_id TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    law_id TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    removed_at TEXT
) STRICT;

ALTER TABLE equipment ADD COLUMN status_before_order TEXT;
ALTER TABLE equipment ADD COLUMN held_by_notice TEXT REFERENCES notices(id);
""",
    )


@step
def m0005_sync(db: Database) -> None:
    _script(
        db,
        """
CREATE TABLE sync_batches (
    batch_id TEXT PRIMARY KEY,
    direction TEXT NOT NULL CHECK (direction IN ('export', 'import')),
    kind TEXT NOT NULL CHECK (kind IN ('batch', 'pack', 'receipt')),
    producer_key TEXT NOT NULL,
    producer_name TEXT NOT NULL DEFAULT '',
    producer_code TEXT NOT NULL DEFAULT '',
    sequence INTEGER,
    created_at TEXT NOT NULL,
    processed_at TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    records INTEGER NOT NULL DEFAULT 0,
    report TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX sync_batches_producer ON sync_batches(producer_key, kind, sequence);

CREATE TABLE sync_exported (
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    rev INTEGER NOT NULL,
    batch_id TEXT NOT NULL,
    PRIMARY KEY (kind, record_id)
) STRICT;

CREATE TABLE sync_received (
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    rev INTEGER NOT NULL,
    receipt_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (kind, record_id)
) STRICT;

CREATE TABLE sync_conflicts (
    id TEXT PRIMARY KEY,
    batch_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    incoming TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX sync_conflicts_record ON sync_conflicts(kind, record_id);

CREATE TABLE sync_aliases (
    kind TEXT NOT NULL,
    incoming_id TEXT NOT NULL,
    local_id TEXT NOT NULL,
    PRIMARY KEY (kind, incoming_id)
) STRICT;
""",
    )
