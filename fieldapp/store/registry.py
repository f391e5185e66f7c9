"""SQL for the registry: officers, using units and their equipment, workspace settings."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlite_utils import Database

from fieldapp.domain.models import Equipment, Officer, Record, Unit
from fieldapp.errors import NotFound, UserError
from fieldapp.store.rows import from_row, to_row

R = TypeVar("R", bound=Record)

OVERDUE_SQL = (
    "(e.status = 'in_use' AND e.next_inspection_due IS NOT NULL"
    " AND e.next_inspection_due < :today"
    " AND (e.inspection_postponed_until IS NULL OR e.inspection_postponed_until < :today))"
)
"""SQL twin of ``fieldapp.domain.models.is_overdue`` over an ``equipment e`` row."""


class StaleRecord(UserError):
    """The record changed since it was read (its ``rev`` moved on)."""


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


# --- settings --------------------------------------------------------------------------


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM workspace WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row else default


def set_setting(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO workspace (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


# --- generic record writes -------------------------------------------------------------


def insert_record(db: Database, table: str, record: R, device: str) -> R:
    """Insert a new record, stamping ``rev`` 1, ``updated_at`` and ``origin_device``."""
    stamped = dataclasses.replace(
        record, rev=1, updated_at=now_text(), origin_device=record.origin_device or device
    )
    db.table(table).insert(to_row(stamped))
    return stamped


def update_record(db: Database, table: str, record: R) -> R:
    """Write a changed record, bumping ``rev``.

    Raises StaleRecord if the stored ``rev`` is not the one the record was read at, and
    NotFound if there is no such record.
    """
    row = db.execute(f"SELECT rev FROM [{table}] WHERE id = ?", [record.id]).fetchone()
    if row is None:
        raise NotFound(f"记录不存在 / no such record: {table} {record.id}")
    if row[0] != record.rev:
        raise StaleRecord(
            "这条记录在您编辑期间已被修改，请重新打开后再改。 / This record was changed while"
            " you edited it; open it again and redo the change."
        )
    stamped = dataclasses.replace(record, rev=record.rev + 1, updated_at=now_text())
    values = to_row(stamped, exclude=("id", "origin_device"))
    db.table(table).update(record.id, values)
    return stamped


def _get(db: Database, table: str, cls: type[R], record_id: str) -> R:
    rows = list(db.query(f"SELECT * FROM [{table}] WHERE id = ?", [record_id]))
    if not rows:
        raise NotFound(f"记录不存在 / no such record: {table} {record_id}")
    return from_row(cls, rows[0])


# --- officers --------------------------------------------------------------------------


def get_officer(db: Database, officer_id: str) -> Officer:
    return _get(db, "officers", Officer, officer_id)


def self_officer(db: Database) -> Officer | None:
    rows = list(db.query("SELECT * FROM officers WHERE is_self = 1"))
    return from_row(Officer, rows[0]) if rows else None


def list_officers(db: Database) -> list[Officer]:
    return [from_row(Officer, r) for r in db.query("SELECT * FROM officers ORDER BY name")]


# --- units -----------------------------------------------------------------------------


def get_unit(db: Database, unit_id: str) -> Unit:
    return _get(db, "units", Unit, unit_id)


def unit_by_credit_code(db: Database, credit_code: str) -> Unit | None:
    rows = list(db.query("SELECT * FROM units WHERE credit_code = ?", [credit_code]))
    return from_row(Unit, rows[0]) if rows else None


@dataclass(frozen=True)
class UnitSummary:
    """One line of the units list."""

    unit: Unit
    equipment_count: int
    overdue_count: int


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_units(
    db: Database,
    text: str = "",
    today: dt.date | None = None,
    district_prefix: str = "",
    overdue_only: bool = False,
    limit: int = 500,
    offset: int = 0,
) -> list[UnitSummary]:
    """Units whose name, credit code, address, or one of whose devices' codes, holds ``text``.

    ``district_prefix`` keeps units whose district code starts with it (``2201`` for 长春).
    """
    today = today or dt.date.today()
    params: dict[str, Any] = {"today": today.isoformat(), "limit": limit, "offset": offset}
    where = ["1 = 1"]
    if text.strip():
        params["q"] = _like(text.strip().upper() if text.strip().isascii() else text.strip())
        where.append(
            "(u.name LIKE :q ESCAPE '\\' OR u.credit_code LIKE :q ESCAPE '\\'"
            " OR u.address LIKE :q ESCAPE '\\' OR EXISTS (SELECT 1 FROM equipment x"
            " WHERE x.unit_id = u.id AND (x.equipment_code LIKE :q ESCAPE '\\'"
            " OR x.usage_registration_number LIKE :q ESCAPE '\\')))"
        )
    if district_prefix:
        params["district"] = district_prefix + "%"
        where.append("u.district_code LIKE :district")
    having = "HAVING overdue_count > 0" if overdue_only else ""
    sql = f"""
        SELECT u.*, COUNT(e.id) AS equipment_count,
               COALESCE(SUM({OVERDUE_SQL}), 0) AS overdue_count
        FROM units u LEFT JOIN equipment e ON e.unit_id = u.id
        WHERE {" AND ".join(where)}
        GROUP BY u.id {having}
        ORDER BY overdue_count > 0 DESC, u.name
        LIMIT :limit OFFSET :offset
    """
    return [
        UnitSummary(from_row(Unit, row), row["equipment_count"], row["overdue_count"])
        for row in db.query(sql, params)
    ]


def count_units(db: Database) -> int:
    return int(db.execute("SELECT COUNT(*) FROM units").fetchone()[0])


# --- equipment -------------------------------------------------------------------------


def get_equipment(db: Database, equipment_id: str) -> Equipment:
    return _get(db, "equipment", Equipment, equipment_id)


def equipment_of_unit(db: Database, unit_id: str) -> list[Equipment]:
    rows = db.query(
        "SELECT * FROM equipment WHERE unit_id = ? ORDER BY catalogue_code, internal_number,"
        " equipment_code",
        [unit_id],
    )
    return [from_row(Equipment, r) for r in rows]


def count_equipment(db: Database, today: dt.date | None = None) -> tuple[int, int]:
    """(all devices, devices overdue for periodic inspection)."""
    today = today or dt.date.today()
    row = db.execute(
        f"SELECT COUNT(*), COALESCE(SUM({OVERDUE_SQL}), 0) FROM equipment e",
        {"today": today.isoformat()},
    ).fetchone()
    return int(row[0]), int(row[1])


@dataclass(frozen=True)
class OverdueDevice:
    equipment: Equipment
    unit_name: str
    days_overdue: int


def overdue_equipment(db: Database, today: dt.date, limit: int = 1000) -> list[OverdueDevice]:
    """Devices overdue for periodic inspection, the longest overdue first."""
    rows = db.query(
        f"SELECT e.*, u.name AS unit_name FROM equipment e JOIN units u ON u.id = e.unit_id"
        f" WHERE {OVERDUE_SQL} ORDER BY e.next_inspection_due LIMIT :limit",
        {"today": today.isoformat(), "limit": limit},
    )
    result = []
    for row in rows:
        device = from_row(Equipment, row)
        assert device.next_inspection_due is not None
        result.append(
            OverdueDevice(device, row["unit_name"], (today - device.next_inspection_due).days)
        )
    return result
