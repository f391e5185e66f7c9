"""The demo workspace: enough varied, valid, deterministic data to try the app on."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from pathlib import Path

import pytest

from fieldapp.demo import DemoSummary, build_demo
from fieldapp.domain.catalogue import city_of, equipment_class
from fieldapp.domain.codes import parse_equipment_code, validate_credit_code
from fieldapp.domain.models import (
    Equipment,
    EquipmentStatus,
    Role,
    Unit,
    is_overdue,
    validate_equipment,
    validate_unit,
)
from fieldapp.errors import WorkspaceError
from fieldapp.store import registry as reg
from fieldapp.store.rows import from_row
from fieldapp.workspace import Workspace

TODAY = dt.date(2026, 3, 15)
CLASSES = ("1000", "2000", "3000", "4000", "5000", "6000", "8000", "9000")


def _read(home: Path) -> tuple[list[Unit], list[Equipment], tuple[int, int]]:
    with Workspace.open(home) as ws, ws.store.reading() as db:
        units = [from_row(Unit, row) for row in db.query("SELECT * FROM units")]
        devices = [from_row(Equipment, row) for row in db.query("SELECT * FROM equipment")]
        counts = reg.count_equipment(db, TODAY)
    return units, devices, counts


@pytest.fixture(scope="module")
def officer_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary, float]:
    home = tmp_path_factory.mktemp("officer") / "home"
    started = time.perf_counter()
    summary = build_demo(home, Role.OFFICER, seed=7, today=TODAY)
    return home, summary, time.perf_counter() - started


def test_units_are_many_valid_and_spread_over_jilin(
    officer_demo: tuple[Path, DemoSummary, float],
) -> None:
    home, summary, _ = officer_demo
    units, _, _ = _read(home)
    assert summary.units == len(units) >= 40
    for unit in units:
        assert validate_unit(unit) == []
        assert validate_credit_code(unit.credit_code) == unit.credit_code
        assert unit.legal_representative and unit.safety_manager
        assert unit.safety_manager_phone.isdigit() and len(unit.safety_manager_phone) == 11
    assert len({u.credit_code for u in units}) == len(units)
    assert len({city_of(u.district_code) for u in units}) >= 5
    in_changchun = [u for u in units if city_of(u.district_code) == "220100"]
    assert len(in_changchun) > len(units) / 2
    kinds = {u.key_unit_kind for u in units if u.is_key_unit}
    assert {"学校", "医院", "车站", "商场", "公园"} <= kinds


def test_equipment_covers_every_class_and_is_valid(
    officer_demo: tuple[Path, DemoSummary, float],
) -> None:
    home, summary, _ = officer_demo
    units, devices, (total, _) = _read(home)
    assert summary.equipment == total == len(devices) >= 200
    kind_of = {u.id: u.key_unit_kind for u in units}
    per_class = Counter(equipment_class(d.catalogue_code) for d in devices)
    assert set(CLASSES) <= set(per_class)
    assert per_class.most_common(1)[0][0] == "3000"
    codes = [d.equipment_code for d in devices]
    assert len(set(codes)) == len(codes)
    kinds = Counter(parse_equipment_code(c, today=TODAY).kind for c in codes)
    assert kinds["device_code"] > kinds["registration_code"] > 0
    for device in devices:
        assert device.unit_id in kind_of
        assert validate_equipment(device, today=TODAY) == []
        assert parse_equipment_code(device.equipment_code, today=TODAY).catalogue_code == (
            device.catalogue_code
        )
        assert device.usage_registration_number[3] == "吉"
        assert device.first_use_date is not None and device.last_inspection_date is not None
        assert device.first_use_date <= device.last_inspection_date <= TODAY
    oxygen = [d for d in devices if d.catalogue_code == "2410"]
    assert oxygen and all(kind_of[d.unit_id] == "医院" for d in oxygen)
    lifts = [d for d in devices if d.catalogue_code == "3110"]
    assert all({"rated_speed_m_s", "rated_load_kg", "floors"} <= d.attributes.keys() for d in lifts)
    assert all(d.maintenance_unit and d.maintenance_phone for d in lifts)
    statuses = Counter(d.status for d in devices)
    assert statuses[EquipmentStatus.SCRAPPED] == 1
    assert statuses[EquipmentStatus.OUT_OF_USE] >= 2
    assert statuses[EquipmentStatus.IN_USE] > 0.9 * len(devices)


def test_overdue_share_and_postponement(officer_demo: tuple[Path, DemoSummary, float]) -> None:
    home, summary, _ = officer_demo
    _, devices, (_, overdue_sql) = _read(home)
    in_use = [d for d in devices if d.status is EquipmentStatus.IN_USE]
    overdue = [d for d in devices if is_overdue(d, TODAY)]
    assert summary.overdue == overdue_sql == len(overdue)
    assert 0.05 * len(in_use) <= len(overdue) <= 0.20 * len(in_use)
    postponed = [d for d in devices if d.inspection_postponed_until is not None]
    assert len(postponed) == 1
    device = postponed[0]
    assert device.next_inspection_due is not None and device.next_inspection_due < TODAY
    assert device.inspection_postponed_until is not None
    assert device.inspection_postponed_until > TODAY
    assert device.status is EquipmentStatus.IN_USE and not is_overdue(device, TODAY)


def test_reopens_as_an_officer_demo(officer_demo: tuple[Path, DemoSummary, float]) -> None:
    home, summary, _ = officer_demo
    with Workspace.open(home) as ws:
        assert ws.role is Role.OFFICER and ws.is_demo
        assert ws.officer is not None and ws.officer.name == "王建国"
        with ws.store.reading() as db:
            officers = reg.list_officers(db)
            assert reg.get_setting(db, "demo_seed") == "7"
            audit = list(db.query("SELECT * FROM audit_log WHERE entity = 'demo'"))
    assert len([o for o in officers if not o.is_self]) == summary.colleagues >= 3
    assert len(audit) == 1


def test_refuses_an_existing_workspace(officer_demo: tuple[Path, DemoSummary, float]) -> None:
    with pytest.raises(WorkspaceError):
        build_demo(officer_demo[0], Role.OFFICER, today=TODAY)


def test_supervisor_demo(tmp_path: Path) -> None:
    summary = build_demo(tmp_path / "sup", Role.SUPERVISOR, today=TODAY)
    assert summary.units >= 40 and summary.equipment >= 200
    with Workspace.open(tmp_path / "sup") as ws:
        assert ws.role is Role.SUPERVISOR and ws.is_demo and ws.officer is None
        with ws.store.reading() as db:
            assert len(reg.list_officers(db)) == summary.colleagues


def test_same_seed_same_content(tmp_path: Path) -> None:
    def content(home: Path, seed: int) -> tuple[list[str], list[str]]:
        build_demo(home, Role.SUPERVISOR, seed=seed, today=TODAY)
        units, devices, _ = _read(home)
        return sorted(u.credit_code for u in units), sorted(d.equipment_code for d in devices)

    first = content(tmp_path / "a", 11)
    assert content(tmp_path / "b", 11) == first
    assert content(tmp_path / "c", 12) != first


def test_default_today(tmp_path: Path) -> None:
    summary = build_demo(tmp_path / "now", Role.SUPERVISOR, seed=3)
    assert summary.overdue > 0
