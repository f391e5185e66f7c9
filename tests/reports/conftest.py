"""A small supervisor workspace with hand-made rows whose every figure is known.

Today is 2026-06-15. Five units (three in 长春, two in 吉林; two key units; U5 never
inspected), five devices, two officers, five inspections, six findings (one dropped) and
five notices in every state; the expected counts are worked out in the tests beside them.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from fieldapp.checklists import pin, shipped_checklists
from fieldapp.domain.models import Role
from fieldapp.workspace import Workspace
from tests.conftest import TEST_PASSPHRASE

TODAY = dt.date(2026, 6, 15)
STAMP = "2026-01-01T00:00:00.000+00:00"
STAMPED = {
    "officers",
    "units",
    "equipment",
    "inspections",
    "answers",
    "findings",
    "notices",
    "reinspections",
}


@dataclass(frozen=True)
class Fixture:
    ws: Workspace
    ids: dict[str, str]  # short name (U1, E1, I1, F1, N1, O1 …) → record id

    @property
    def db(self) -> Database:
        return self.ws.store.db


def _row(db: Database, table: str, **values: Any) -> None:
    if table in STAMPED:
        values.setdefault("updated_at", STAMP)
        values.setdefault("origin_device", "test-device")
    db.table(table).insert(values)


def build_fixture(ws: Workspace) -> dict[str, str]:
    ids = {
        n: f"{n.lower()}-0000-7000-8000-000000000000"
        for n in [
            "O1",
            "O2",
            "U1",
            "U2",
            "U3",
            "U4",
            "U5",
            "E1",
            "E2",
            "E3",
            "E4",
            "E5",
            "I1",
            "I2",
            "I3",
            "I4",
            "I5",
            "R1U",
            "R1E",
            "I2U",
            "R3U",
            "R4U",
            "R4E",
            "R5U",
            "F1",
            "F2",
            "F3",
            "F4",
            "F5",
            "F6",
            "N1",
            "N2",
            "N3",
            "N4",
            "N5",
            "A1",
            "A2",
            "RI2",
            "RI3",
        ]
    }
    checklists = {c.id: c for c in shipped_checklists()}
    with ws.store.transaction() as db:
        unit_hash = pin(db, checklists["unit_management"])
        lift_hash = pin(db, checklists["elevator"])
        escalator_hash = pin(db, checklists["escalator"])
        for key, name, law, code in (
            ("O1", "张三", "22010019101", "A31"),
            ("O2", "李四", "22020019101", "B31"),
        ):
            _row(
                db,
                "officers",
                id=ids[key],
                name=name,
                law_id=law,
                officer_code=code,
                organisation="测试局",
                agency_code="测",
            )
        units = (
            ("U1", "长春第一实验学校", "220102", 1, "学校", "长春市南关区人民大街1号"),
            ("U2", "长春瑞丰物业服务有限公司", "220104", 0, "", "长春市朝阳区自由大路8号"),
            ("U3", "吉林鸿泰化工有限公司", "220202", 0, "", "吉林市昌邑区解放中路3号"),
            ("U4", "吉林市中心医院", "220204", 1, "医院", "吉林市船营区松江中路5号"),
            ("U5", "长春华茂大酒店有限公司", "220102", 0, "", "长春市南关区解放大路9号"),
        )
        for n, (key, name, district, is_key, kind, address) in enumerate(units):
            _row(
                db,
                "units",
                id=ids[key],
                name=name,
                credit_code=f"CODE{n}",
                district_code=district,
                is_key_unit=is_key,
                key_unit_kind=kind,
                address=address,
            )
        devices = (
            ("E1", "U1", "3110", "2026-05-01", None, "out_of_use", "1号梯"),
            ("E2", "U2", "3110", "2027-03-01", None, "in_use", "2号梯"),
            ("E3", "U3", "2150", "2026-01-01", "2026-07-01", "in_use", "R-01"),
            ("E4", "U4", "1100", "2026-06-01", None, "in_use", "1号锅炉"),
            ("E5", "U4", "3310", "2027-01-01", None, "sealed", "1号扶梯"),
        )
        for key, unit, code, due, postponed, status, number in devices:
            _row(
                db,
                "equipment",
                id=ids[key],
                unit_id=ids[unit],
                catalogue_code=code,
                equipment_code=f"{code}-{key}",
                next_inspection_due=due,
                inspection_postponed_until=postponed,
                status=status,
                internal_number=number,
            )
        inspections = (
            ("I1", "U1", "2026-03-10T09:00:00", ["O1", "O2"], "notice_issued", ""),
            ("I2", "U2", "2026-05-20T10:00:00", ["O1"], "finished", ""),
            ("I3", "U3", "2025-11-05T09:30:00", ["O2"], "closed", "无异议，按期整改。"),
            ("I4", "U4", "2026-02-01T14:00:00", ["O2"], "awaiting_reinspection", ""),
            ("I5", "U1", "2026-06-01T08:30:00", ["O1"], "notice_issued", ""),
        )
        for key, unit, started, officers, state, opinion in inspections:
            _row(
                db,
                "inspections",
                id=ids[key],
                unit_id=ids[unit],
                check_type="routine",
                state=state,
                started_at=started,
                finished_at=started,
                created_by=ids[officers[0]],
                unit_opinion=opinion,
            )
            for position, officer in enumerate(officers):
                _row(
                    db,
                    "inspection_officers",
                    inspection_id=ids[key],
                    officer_id=ids[officer],
                    position=position,
                )
        runs = (
            ("R1U", "I1", 0, "unit_management", unit_hash, None),
            ("R1E", "I1", 1, "elevator", lift_hash, "E1"),
            ("I2U", "I2", 0, "unit_management", unit_hash, None),
            ("R3U", "I3", 0, "unit_management", unit_hash, None),
            ("R4U", "I4", 0, "unit_management", unit_hash, None),
            ("R4E", "I4", 1, "escalator", escalator_hash, "E5"),
            ("R5U", "I5", 0, "unit_management", unit_hash, None),
        )
        for key, inspection, position, checklist, content_hash, device in runs:
            _row(
                db,
                "inspection_runs",
                id=ids[key],
                inspection_id=ids[inspection],
                position=position,
                checklist_id=checklist,
                checklist_hash=content_hash,
                equipment_id=ids[device] if device else None,
            )
        for key, run, inspection, item, note in (
            ("A1", "R1U", "I1", "U01-B", "维保记录缺少签字"),
            ("A2", "R1E", "I1", "EL-REG-02", "轿厢内标志缺失"),
        ):
            _row(
                db,
                "answers",
                id=ids[key],
                inspection_id=ids[inspection],
                run_id=ids[run],
                item_id=item,
                value='"fail"',
                note=note,
                answered_at=STAMP,
            )
        findings = (
            (
                "F1",
                "I1",
                "R1U",
                "U01-B",
                None,
                "特种设备投入使用后超过三十日未办理使用登记",
                "general",
                "rectify",
                "2026-04-10",
                0,
            ),
            (
                "F2",
                "I1",
                "R1E",
                "EL-REG-02",
                "E1",
                "电梯未在显著位置设置使用登记标志",
                "serious",
                "stop_use",
                None,
                0,
            ),
            (
                "F3",
                "I3",
                "R3U",
                "U01-B",
                None,
                "特种设备投入使用后超过三十日未办理使用登记",
                "general",
                "rectify",
                "2025-12-05",
                0,
            ),
            (
                "F4",
                "I4",
                "R4E",
                "ES-SGN-01",
                "E5",
                "自动扶梯安全保护装置失效仍在使用",
                "serious",
                "seal",
                None,
                0,
            ),
            (
                "F5",
                "I4",
                "R4U",
                "U04-A",
                None,
                "未建立特种设备安全管理制度",
                "general",
                "rectify",
                "2026-03-01",
                1,
            ),
            (
                "F6",
                "I5",
                "R5U",
                "U01-B",
                None,
                "特种设备投入使用后超过三十日未办理使用登记",
                "general",
                "rectify",
                "2026-07-01",
                0,
            ),
        )
        for position, (
            key,
            inspection,
            run,
            item,
            device,
            text,
            severity,
            measure,
            deadline,
            dropped,
        ) in enumerate(findings):
            _row(
                db,
                "findings",
                id=ids[key],
                inspection_id=ids[inspection],
                run_id=ids[run],
                item_id=item,
                equipment_id=ids[device] if device else None,
                position=position,
                text=text,
                severity=severity,
                measure=measure,
                deadline=deadline,
                dropped=dropped,
            )
        notices = (
            (
                "N1",
                "I1",
                "order",
                "（测）市监特令〔2026〕第A31-0001号",
                "2026-03-10",
                "2026-04-10",
                "issued",
                None,
            ),
            (
                "N2",
                "I3",
                "order",
                "（测）市监特令〔2025〕第B31-0001号",
                "2025-11-05",
                "2025-12-05",
                "closed",
                "2025-12-10T06:00:00.000+00:00",
            ),
            (
                "N3",
                "I4",
                "order",
                "（测）市监特令〔2026〕第B31-0001号",
                "2026-02-01",
                None,
                "escalated",
                None,
            ),
            (
                "N4",
                "I4",
                "seal",
                "（测）市监特封〔2026〕第B31-0001号",
                "2026-02-01",
                None,
                "issued",
                None,
            ),
            (
                "N5",
                "I5",
                "order",
                "（测）市监特令〔2026〕第A31-0002号",
                "2026-06-01",
                "2026-07-01",
                "issued",
                None,
            ),
        )
        for n, (key, inspection, kind, number, issued, deadline, state, closed) in enumerate(
            notices
        ):
            _row(
                db,
                "notices",
                id=ids[key],
                inspection_id=ids[inspection],
                kind=kind,
                number=number,
                officer_code="T",
                year=int(issued[:4]),
                sequence=n,
                issued_at=f"{issued}T02:00:00.000+00:00",
                deadline=deadline,
                state=state,
                closed_at=closed,
                payload="test",
            )
        db.execute("UPDATE equipment SET held_by_notice = ? WHERE id = ?", [ids["N1"], ids["E1"]])
        db.execute("UPDATE equipment SET held_by_notice = ? WHERE id = ?", [ids["N4"], ids["E5"]])
        for key, notice, officer, at, outcome, escalation in (
            ("RI2", "N2", "O2", "2025-12-10T06:00:00.000+00:00", "rectified", ""),
            ("RI3", "N3", "O2", "2026-03-05T06:00:00.000+00:00", "escalated", "case"),
        ):
            _row(
                db,
                "reinspections",
                id=ids[key],
                notice_id=ids[notice],
                officer_id=ids[officer],
                at=at,
                outcome=outcome,
                escalation=escalation,
            )
        _row(
            db,
            "reinspection_findings",
            reinspection_id=ids["RI2"],
            finding_id=ids["F3"],
            rectified=1,
        )
        _row(
            db,
            "reinspection_findings",
            reinspection_id=ids["RI3"],
            finding_id=ids["F4"],
            rectified=0,
        )
        db.execute("UPDATE inspections SET locked = 1")
    return ids


@pytest.fixture(scope="session")
def fixture_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The fixture workspace, built once per session; tests get a copy."""
    home = tmp_path_factory.mktemp("reports-fixture") / "supervisor"
    ws = Workspace.create(home, Role.SUPERVISOR, passphrase=TEST_PASSPHRASE)
    try:
        ids = build_fixture(ws)
    finally:
        ws.close()
    return home, ids


@pytest.fixture
def fixture(fixture_template: tuple[Path, dict[str, str]], tmp_path: Path) -> Iterator[Fixture]:
    template, ids = fixture_template
    home = tmp_path / "supervisor"
    shutil.copytree(template, home)
    ws = Workspace.open(home)
    yield Fixture(ws, ids)
    ws.close()
