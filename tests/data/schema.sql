-- index checklist_versions_id
CREATE INDEX checklist_versions_id ON checklist_versions(checklist_id, version);

-- index equipment_code
CREATE INDEX equipment_code ON equipment(equipment_code);

-- index equipment_due
CREATE INDEX equipment_due ON equipment(next_inspection_due);

-- index equipment_unit
CREATE INDEX equipment_unit ON equipment(unit_id);

-- index idx__sqlite_migrations_migration_set_name
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");

-- index officers_law_id
CREATE UNIQUE INDEX officers_law_id ON officers(law_id);

-- index officers_one_self
CREATE UNIQUE INDEX officers_one_self ON officers(is_self) WHERE is_self = 1;

-- index units_credit_code
CREATE UNIQUE INDEX units_credit_code ON units(credit_code);

-- index units_district
CREATE INDEX units_district ON units(district_code);

-- table _sqlite_migrations
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);

-- table attachments
CREATE TABLE attachments (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    original_name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;

-- table audit_log
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

-- table checklist_versions
CREATE TABLE checklist_versions (
    content_hash TEXT PRIMARY KEY CHECK (length(content_hash) = 64),
    checklist_id TEXT NOT NULL,
    version TEXT NOT NULL,
    body TEXT NOT NULL,
    pinned_at TEXT NOT NULL
) STRICT;

-- table equipment
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

-- table officers
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

-- table units
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

-- table workspace
CREATE TABLE workspace (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- trigger audit_log_no_delete
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- trigger audit_log_no_update
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

