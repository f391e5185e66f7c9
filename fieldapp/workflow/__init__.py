"""Use-cases: what a user can do, each one transaction that reports what changed.

The GUI calls these and emits the returned ``Changes`` once; every view decides for itself
whether to re-read (shared/style.md §2). The CLI and the tests call the same functions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from fieldapp.domain.ids import uuid7
from fieldapp.domain.models import (
    Equipment,
    Officer,
    Unit,
    validate_equipment,
    validate_officer,
    validate_unit,
)
from fieldapp.errors import ValidationError
from fieldapp.store import Store
from fieldapp.store import registry as reg
from fieldapp.store.rows import to_row


@dataclass(frozen=True)
class Changes:
    """Which areas of the data an action changed."""

    units: bool = False
    equipment: bool = False
    officers: bool = False
    inspections: bool = False
    settings: bool = False
    warnings: tuple[str, ...] = ()
    record_id: str = ""


def _diff(old: object, new: object) -> dict[str, list[object]]:
    before, after = to_row(old), to_row(new)
    return {
        k: [before.get(k), v]
        for k, v in after.items()
        if k not in ("rev", "updated_at") and before.get(k) != v
    }


def add_unit(store: Store, unit: Unit) -> Changes:
    """Register a new using unit.

    Raises ValidationError for bad fields or a credit code that is already registered.
    """
    if not unit.id:
        unit = dataclasses.replace(unit, id=uuid7())
    warnings = validate_unit(unit)
    with store.transaction() as db:
        existing = reg.unit_by_credit_code(db, unit.credit_code)
        if existing is not None:
            raise ValidationError(
                {
                    "credit_code": (
                        f"统一社会信用代码 {unit.credit_code} 已登记为“{existing.name}”"
                        " / this credit code is already registered"
                    )
                }
            )
        saved = reg.insert_record(db, "units", unit, store.device_id)
        store.audit(
            db, "create", "unit", saved.id, {"name": saved.name, "credit_code": saved.credit_code}
        )
    return Changes(units=True, warnings=tuple(warnings), record_id=saved.id)


def update_unit(store: Store, unit: Unit) -> Changes:
    """Save changes to a unit read at ``unit.rev``. Raises ValidationError, StaleRecord."""
    warnings = validate_unit(unit)
    with store.transaction() as db:
        old = reg.get_unit(db, unit.id)
        other = reg.unit_by_credit_code(db, unit.credit_code)
        if other is not None and other.id != unit.id:
            raise ValidationError(
                {
                    "credit_code": (
                        f"统一社会信用代码 {unit.credit_code} 已登记为“{other.name}”"
                        " / this credit code belongs to another unit"
                    )
                }
            )
        saved = reg.update_record(db, "units", unit)
        store.audit(db, "update", "unit", unit.id, _diff(old, saved))
    return Changes(units=True, warnings=tuple(warnings), record_id=unit.id)


def add_equipment(store: Store, equipment: Equipment, today: dt.date | None = None) -> Changes:
    """Register a device of a unit. Raises ValidationError, NotFound (no such unit)."""
    if not equipment.id:
        equipment = dataclasses.replace(equipment, id=uuid7())
    warnings = validate_equipment(equipment, today=today)
    with store.transaction() as db:
        reg.get_unit(db, equipment.unit_id)
        saved = reg.insert_record(db, "equipment", equipment, store.device_id)
        store.audit(
            db,
            "create",
            "equipment",
            saved.id,
            {
                "unit_id": saved.unit_id,
                "catalogue_code": saved.catalogue_code,
                "equipment_code": saved.equipment_code,
            },
        )
    return Changes(equipment=True, units=True, warnings=tuple(warnings), record_id=saved.id)


def update_equipment(store: Store, equipment: Equipment, today: dt.date | None = None) -> Changes:
    """Save changes to a device read at ``equipment.rev``. Raises ValidationError, StaleRecord."""
    warnings = validate_equipment(equipment, today=today)
    with store.transaction() as db:
        old = reg.get_equipment(db, equipment.id)
        saved = reg.update_record(db, "equipment", equipment)
        store.audit(db, "update", "equipment", equipment.id, _diff(old, saved))
    return Changes(equipment=True, units=True, warnings=tuple(warnings), record_id=equipment.id)


def add_colleague(store: Store, officer: Officer) -> Changes:
    """Add an officer to the colleague list. Raises ValidationError (e.g. a known 执法证号)."""
    if not officer.id:
        officer = dataclasses.replace(officer, id=uuid7())
    validate_officer(officer)
    with store.transaction() as db:
        if db.execute("SELECT 1 FROM officers WHERE law_id = ?", [officer.law_id]).fetchone():
            raise ValidationError(
                {"law_id": f"执法证号 {officer.law_id} 已在名单中 / already listed"}
            )
        saved = reg.insert_record(
            db, "officers", dataclasses.replace(officer, is_self=False), store.device_id
        )
        store.audit(db, "create", "officer", saved.id, {"name": saved.name, "law_id": saved.law_id})
    return Changes(officers=True, record_id=saved.id)
