"""Answering an item in the runner (save in its own transaction + the next item shown), in
an inspection of a generated 500-item checklist."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def measure(answers: int = 300) -> dict[str, dict[str, float]]:
    from checklists import big_checklist_text  # bench/checklists.py
    from PySide6.QtWidgets import QApplication, QLabel

    from fieldapp import workflow
    from fieldapp.checklists.loader import parse_checklist_text
    from fieldapp.domain.codes import make_credit_code
    from fieldapp.domain.models import CheckType, Equipment, Role, Unit
    from fieldapp.gui.app import make_application
    from fieldapp.gui.inspection_runner import InspectionRunner
    from fieldapp.workflow import inspection as wf
    from fieldapp.workspace import OfficerProfile, Workspace

    app = make_application("zh")
    checklist = parse_checklist_text(big_checklist_text())
    with tempfile.TemporaryDirectory() as tmp:
        profile = OfficerProfile("王建国", "22010019001", "长春市市场监督管理局", "长")
        ws = Workspace.create(
            Path(tmp) / "ws", Role.OFFICER, profile, passphrase="bench-passphrase"
        )
        colleague = workflow.add_colleague(
            ws.store, workflow.Officer(id="", name="李红梅", law_id="22010019002")
        ).record_id
        unit_id = workflow.add_unit(
            ws.store,
            Unit(
                id="",
                name="基准测试商场",
                credit_code=make_credit_code("91220102MA17BENCH"),
                district_code="220102",
            ),
        ).record_id
        device_id = workflow.add_equipment(
            ws.store,
            Equipment(
                id="",
                unit_id=unit_id,
                catalogue_code="3110",
                attributes={"drive": "traction", "floors": 12},
            ),
        ).record_id
        assert ws.officer is not None
        new = wf.NewInspection(
            unit_id=unit_id,
            equipment_ids=(device_id,),
            officer_ids=(ws.officer.id, colleague),
            check_type=CheckType.ROUTINE,
        )
        inspection_id = wf.start_inspection(ws.store, new, [checklist], ws.officer.id).record_id
        runner = InspectionRunner(ws, inspection_id)
        runner.resize(1366, 700)
        runner.show()
        app.processEvents()
        ours: list[float] = []
        for _ in range(answers):
            item = runner.current_item()
            if item is None:
                break
            start = time.perf_counter()
            if item.kind == "check":
                runner.answer_check("pass")
            elif item.kind == "choice":
                runner.answer_check("pass")  # the first choice
            else:
                runner._answer("12")
            app.processEvents()
            ours.append(time.perf_counter() - start)
        runner.close()
        ws.close()
    label = QLabel()
    label.show()
    bare: list[float] = []
    for n in range(answers):
        start = time.perf_counter()
        label.setText(f"检查项 {n}")
        QApplication.processEvents()
        bare.append(time.perf_counter() - start)
    p95 = statistics.quantiles(ours, n=20)[-1] * 1000
    p95_bare = statistics.quantiles(bare, n=20)[-1] * 1000
    return {"answer": {"value": p95, "baseline": p95_bare, "count": len(ours)}}
