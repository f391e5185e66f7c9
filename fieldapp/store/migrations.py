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


@step
def m0006_search(db: Database) -> None:
    """Full-text search, and what the supervisor's filters need at provincial scale.

    Search: every distinct searchable text (a unit's name and address, a finding's text, an
    answer's note, the unit's opinion on a record) is kept once in ``search_texts`` and
    indexed by FTS5 with the ``trigram`` tokenizer (Chinese has no spaces; a trigram index
    finds any substring of three or more characters). The index is an external-content
    table over ``search_texts``, whose INTEGER PRIMARY KEY survives VACUUM (the rowid of a
    table without one may change, which would silently break an index keyed by it), and
    texts are only ever added, so the index never needs the old text to delete a row.
    ``search_docs`` says which record uses which text; triggers keep it in step with every
    insert, change and delete (a sync import and a cascade included). Officers' texts
    repeat a lot (findings come from the checklists' wording), so a query shorter than three
    characters, which has no trigram and falls back to LIKE, scans only the distinct texts.

    ``inspection_classes`` lists the catalogue code of every device an inspection checked,
    kept by triggers, so "inspections of elevators" is one index range, not a walk through
    runs and devices. The other indexes cover the joins and orders of the filtered lists.
    """
    _script(
        db,
        """
CREATE TABLE search_texts (
    id INTEGER PRIMARY KEY,
    body TEXT NOT NULL UNIQUE
) STRICT;
CREATE VIRTUAL TABLE search_index USING fts5(
    body, content = 'search_texts', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER search_texts_insert AFTER INSERT ON search_texts
BEGIN
    INSERT INTO search_index (rowid, body) VALUES (NEW.id, NEW.body);
END;
CREATE TRIGGER search_texts_delete AFTER DELETE ON search_texts
BEGIN
    INSERT INTO search_index (search_index, rowid, body) VALUES ('delete', OLD.id, OLD.body);
END;
CREATE TRIGGER search_texts_no_update BEFORE UPDATE ON search_texts
BEGIN
    SELECT RAISE(ABORT, 'search texts are added or removed, never changed');
END;

CREATE TABLE search_docs (
    kind TEXT NOT NULL CHECK (kind IN ('unit', 'finding', 'note', 'opinion')),
    ref TEXT NOT NULL,
    text_id INTEGER NOT NULL REFERENCES search_texts(id),
    inspection_id TEXT,
    PRIMARY KEY (kind, ref)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_docs_text ON search_docs(text_id, kind, inspection_id);

INSERT INTO search_texts (body)
    SELECT DISTINCT name || ' ' || address FROM units
    UNION SELECT text FROM findings
    UNION SELECT note FROM answers WHERE note != ''
    UNION SELECT unit_opinion FROM inspections WHERE unit_opinion != '';
INSERT INTO search_docs (kind, ref, text_id)
    SELECT 'unit', u.id, t.id
    FROM units u JOIN search_texts t ON t.body = u.name || ' ' || u.address;
INSERT INTO search_docs (kind, ref, text_id, inspection_id)
    SELECT 'finding', f.id, t.id, f.inspection_id
    FROM findings f JOIN search_texts t ON t.body = f.text;
INSERT INTO search_docs (kind, ref, text_id, inspection_id)
    SELECT 'note', a.id, t.id, a.inspection_id
    FROM answers a JOIN search_texts t ON t.body = a.note WHERE a.note != '';
INSERT INTO search_docs (kind, ref, text_id, inspection_id)
    SELECT 'opinion', i.id, t.id, i.id
    FROM inspections i JOIN search_texts t ON t.body = i.unit_opinion WHERE i.unit_opinion != '';

CREATE TRIGGER units_search_insert AFTER INSERT ON units
BEGIN
    INSERT INTO search_texts (body) SELECT NEW.name || ' ' || NEW.address
        WHERE NOT EXISTS (SELECT 1 FROM search_texts WHERE body = NEW.name || ' ' || NEW.address);
    INSERT INTO search_docs (kind, ref, text_id)
        SELECT 'unit', NEW.id, id FROM search_texts WHERE body = NEW.name || ' ' || NEW.address;
END;
CREATE TRIGGER units_search_update AFTER UPDATE OF id, name, address ON units
BEGIN
    INSERT INTO search_texts (body) SELECT NEW.name || ' ' || NEW.address
        WHERE NOT EXISTS (SELECT 1 FROM search_texts WHERE body = NEW.name || ' ' || NEW.address);
    UPDATE search_docs SET ref = NEW.id, text_id = (
        SELECT id FROM search_texts WHERE body = NEW.name || ' ' || NEW.address
    ) WHERE kind = 'unit' AND ref = OLD.id;
END;
CREATE TRIGGER units_search_delete AFTER DELETE ON units
BEGIN
    DELETE FROM search_docs WHERE kind = 'unit' AND ref = OLD.id;
END;

CREATE TRIGGER findings_search_insert AFTER INSERT ON findings
BEGIN
    INSERT INTO search_texts (body) SELECT NEW.text
        WHERE NOT EXISTS (SELECT 1 FROM search_texts WHERE body = NEW.text);
    INSERT INTO search_docs (kind, ref, text_id, inspection_id)
        SELECT 'finding', NEW.id, id, NEW.inspection_id FROM search_texts WHERE body = NEW.text;
END;
CREATE TRIGGER findings_search_update AFTER UPDATE OF id, inspection_id, text ON findings
BEGIN
    INSERT INTO search_texts (body) SELECT NEW.text
        WHERE NOT EXISTS (SELECT 1 FROM search_texts WHERE body = NEW.text);
    UPDATE search_docs SET ref = NEW.id, inspection_id = NEW.inspection_id,
        text_id = (SELECT id FROM search_texts WHERE body = NEW.text)
        WHERE kind = 'finding' AND ref = OLD.id;
END;
CREATE TRIGGER findings_search_delete AFTER DELETE ON findings
BEGIN
    DELETE FROM search_docs WHERE kind = 'finding' AND ref = OLD.id;
END;

CREATE TRIGGER answers_search_insert AFTER INSERT ON answers WHEN NEW.note != ''
BEGIN
    INSERT INTO search_texts (body) SELECT NEW.note
        WHERE NOT EXISTS (SELECT 1 FROM search_texts WHERE body = NEW.note);
    INSERT INTO search_docs (kind, ref, text_id, inspection_id)
        SELECT 'note', NEW.id, id, NEW.inspection_id FROM search_texts WHERE body = NEW.note;
END;
CREATE TRIGGER answers_search_update AFTER UPDATE OF id, inspection_id, note ON answers
WHEN OLD.note IS NOT NEW.note OR OLD.id IS NOT NEW.id
    OR OLD.inspection_id IS NOT NEW.inspection_id
BEGIN
    DELETE FROM search_docs WHERE kind = 'note' AND ref = OLD.id;
    INSERT INTO search_texts (body) SELECT NEW.note WHERE NEW.note != ''
        AND NOT EXISTS (SELECT 1 FROM search_texts WHERE body = NEW.note);
    INSERT INTO search_docs (kind, ref, text_id, inspection_id)
        SELECT 'note', NEW.id, id, NEW.inspection_id FROM search_texts
        WHERE body = NEW.note AND NEW.note != '';
END;
CREATE TRIGGER answers_search_delete AFTER DELETE ON answers WHEN OLD.note != ''
BEGIN
    DELETE FROM search_docs WHERE kind = 'note' AND ref = OLD.id;
END;

CREATE TRIGGER inspections_search_insert AFTER INSERT ON inspections
WHEN NEW.unit_opinion != ''
BEGIN
    INSERT INTO search_texts (body) SELECT NEW.unit_opinion
        WHERE NOT EXISTS (SELECT 1 FROM search_texts WHERE body = NEW.unit_opinion);
    INSERT INTO search_docs (kind, ref, text_id, inspection_id)
        SELECT 'opinion', NEW.id, id, NEW.id FROM search_texts WHERE body = NEW.unit_opinion;
END;
CREATE TRIGGER inspections_search_update AFTER UPDATE OF id, unit_opinion ON inspections
WHEN OLD.unit_opinion IS NOT NEW.unit_opinion OR OLD.id IS NOT NEW.id
BEGIN
    DELETE FROM search_docs WHERE kind = 'opinion' AND ref = OLD.id;
    INSERT INTO search_texts (body) SELECT NEW.unit_opinion WHERE NEW.unit_opinion != ''
        AND NOT EXISTS (SELECT 1 FROM search_texts WHERE body = NEW.unit_opinion);
    INSERT INTO search_docs (kind, ref, text_id, inspection_id)
        SELECT 'opinion', NEW.id, id, NEW.id FROM search_texts
        WHERE body = NEW.unit_opinion AND NEW.unit_opinion != '';
END;
CREATE TRIGGER inspections_search_delete AFTER DELETE ON inspections
WHEN OLD.unit_opinion != ''
BEGIN
    DELETE FROM search_docs WHERE kind = 'opinion' AND ref = OLD.id;
END;

CREATE TABLE inspection_classes (
    catalogue_code TEXT NOT NULL,
    inspection_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    PRIMARY KEY (catalogue_code, inspection_id, run_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX inspection_classes_run ON inspection_classes(run_id);
CREATE INDEX inspection_classes_inspection ON inspection_classes(inspection_id, catalogue_code);
INSERT INTO inspection_classes (catalogue_code, inspection_id, run_id)
    SELECT e.catalogue_code, r.inspection_id, r.id
    FROM inspection_runs r JOIN equipment e ON e.id = r.equipment_id;
CREATE TRIGGER inspection_runs_class_insert AFTER INSERT ON inspection_runs
WHEN NEW.equipment_id IS NOT NULL
BEGIN
    INSERT INTO inspection_classes (catalogue_code, inspection_id, run_id)
        SELECT catalogue_code, NEW.inspection_id, NEW.id FROM equipment
        WHERE id = NEW.equipment_id;
END;
CREATE TRIGGER inspection_runs_class_update
AFTER UPDATE OF id, inspection_id, equipment_id ON inspection_runs
BEGIN
    DELETE FROM inspection_classes WHERE run_id = OLD.id;
    INSERT INTO inspection_classes (catalogue_code, inspection_id, run_id)
        SELECT catalogue_code, NEW.inspection_id, NEW.id FROM equipment
        WHERE id = NEW.equipment_id;
END;
CREATE TRIGGER inspection_runs_class_delete AFTER DELETE ON inspection_runs
BEGIN
    DELETE FROM inspection_classes WHERE run_id = OLD.id;
END;
CREATE TRIGGER equipment_class_update AFTER UPDATE OF catalogue_code ON equipment
BEGIN
    UPDATE inspection_classes SET catalogue_code = NEW.catalogue_code
        WHERE run_id IN (SELECT id FROM inspection_runs WHERE equipment_id = NEW.id);
END;

DROP INDEX inspections_unit;
CREATE INDEX inspections_unit_started ON inspections(unit_id, started_at, id, state);
CREATE INDEX inspections_started ON inspections(started_at, unit_id, state);
CREATE INDEX inspections_id_unit ON inspections(id, unit_id, started_at);
CREATE INDEX inspections_created_by ON inspections(created_by, started_at);
CREATE INDEX inspection_officers_officer ON inspection_officers(officer_id, inspection_id);
DROP INDEX findings_inspection;
CREATE INDEX findings_inspection
    ON findings(inspection_id, position, dropped, measure, equipment_id);
CREATE INDEX findings_item ON findings(item_id, dropped);
CREATE INDEX findings_measure ON findings(measure, dropped, inspection_id);
CREATE INDEX findings_equipment ON findings(equipment_id);
DROP INDEX notices_inspection;
CREATE INDEX notices_inspection ON notices(inspection_id, kind, state, issued_at, deadline);
CREATE INDEX notices_issued ON notices(issued_at);
CREATE INDEX notices_kind_state ON notices(kind, state, inspection_id);
CREATE INDEX notices_deadline ON notices(deadline);
CREATE INDEX reinspections_notice ON reinspections(notice_id, at);
CREATE INDEX reinspections_at ON reinspections(at);
CREATE INDEX equipment_catalogue ON equipment(catalogue_code, unit_id, id);
CREATE INDEX equipment_held ON equipment(held_by_notice) WHERE held_by_notice IS NOT NULL;
CREATE INDEX units_name ON units(name);
CREATE INDEX units_key ON units(is_key_unit, district_code);
""",
    )


# The DDL pieces of m0007 below: part of that step, so never edited once shipped.

_FINDING_COLUMNS = (
    "id, inspection_id, run_id, item_id, equipment_id, position, text, severity, measure,"
    " deadline, violated, penalty, code, dropped, drop_reason, rev, updated_at, origin_device"
)


def _unit_of_inspection(table: str) -> str:
    """Triggers keeping ``table.unit_id`` equal to the unit of the row's inspection."""
    return "\n".join(
        f"""CREATE TRIGGER {table}_unit_{event} AFTER {change} ON {table}
WHEN NEW.unit_id IS NOT (SELECT unit_id FROM inspections WHERE id = NEW.inspection_id)
BEGIN
    UPDATE {table} SET unit_id = (SELECT unit_id FROM inspections WHERE id = NEW.inspection_id)
        WHERE rowid = NEW.rowid;
END;"""
        for event, change in (("insert", "INSERT"), ("update", "UPDATE OF inspection_id, unit_id"))
    )


_UNIT_TO_CHILDREN = """    UPDATE findings SET unit_id = NEW.unit_id
        WHERE inspection_id = NEW.id AND unit_id IS NOT NEW.unit_id;
    UPDATE notices SET unit_id = NEW.unit_id
        WHERE inspection_id = NEW.id AND unit_id IS NOT NEW.unit_id;"""


@step
def m0007_unit_of_findings_and_notices(db: Database) -> None:
    """Every finding and notice names the unit of its inspection (``unit_id``).

    A supervisor's filters are mostly about units (a city, a district, key units, one
    unit). Through the inspection, counting the 181,000 findings of a province's key units
    probes the findings of each of their 93,000 inspections (about 250 ms); with the unit on
    the finding it is one index range per unit (about 30 ms). The column is derived data:
    triggers keep it equal to the inspection's unit whoever writes (a sync import, the
    officer's screens, a bulk load) and in whatever order, so no writer has to know about
    it, and the lock on a signed inspection's findings leaves this one column to them.
    """
    _script(
        db,
        f"""
DROP TRIGGER findings_locked_update;
ALTER TABLE findings ADD COLUMN unit_id TEXT;
ALTER TABLE notices ADD COLUMN unit_id TEXT;
UPDATE findings SET unit_id = (SELECT unit_id FROM inspections i WHERE i.id = inspection_id);
UPDATE notices SET unit_id = (SELECT unit_id FROM inspections i WHERE i.id = inspection_id);
CREATE INDEX findings_unit ON findings(unit_id, dropped, inspection_id);
CREATE INDEX notices_unit ON notices(unit_id, kind, state, deadline, inspection_id);
CREATE TRIGGER findings_locked_update BEFORE UPDATE OF {_FINDING_COLUMNS} ON findings
WHEN (SELECT locked FROM inspections WHERE id = NEW.inspection_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'inspection is locked: record an amendment instead');
END;
{_unit_of_inspection("findings")}
{_unit_of_inspection("notices")}
CREATE TRIGGER inspections_unit_insert AFTER INSERT ON inspections
BEGIN
{_UNIT_TO_CHILDREN}
END;
CREATE TRIGGER inspections_unit_update AFTER UPDATE OF id, unit_id ON inspections
BEGIN
{_UNIT_TO_CHILDREN}
END;
""",
    )


@step
def m0008_reinspections_by_outcome(db: Database) -> None:
    """Re-inspections by outcome and date: the escalated ones (a few thousand of a
    province's hundred thousand re-inspections) are read newest first without walking the
    others."""
    _script(db, "CREATE INDEX reinspections_outcome ON reinspections(outcome, at);")
