"""A whole inspection through the real widgets: wizard, runner (keys and clicks), a failure
with a note and a photo, review, signatures, finish; then the database is checked."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from fieldapp.gui import dialogs
from fieldapp.gui.inspection_review import InspectionReview
from fieldapp.gui.inspection_runner import InspectionRunner
from fieldapp.gui.main_window import MainWindow
from fieldapp.gui.new_inspection import NewInspectionWizard
from fieldapp.gui.signature_pad import SignaturePad
from fieldapp.store import inspections as q
from fieldapp.store import registry as reg
from fieldapp.store.audit import verify_audit_chain
from fieldapp.workspace import Workspace


def jpeg_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (2600, 1800), (150, 30, 30)).save(out, format="JPEG")
    return out.getvalue()


def draw_signature(pad: SignaturePad) -> None:
    pad.show()
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 90))
    for x, y in ((60, 60), (90, 100), (130, 50), (170, 95), (220, 70)):
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(240, 80))


@pytest.fixture
def window(qtbot: QtBot, demo_ws: Workspace) -> MainWindow:
    win = MainWindow(demo_ws)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def answer_with_keyboard(
    qtbot: QtBot, runner: InspectionRunner, fail_run: int, fail_item: str
) -> None:
    """Answer every visible item of every checklist the way an officer would."""
    for _guard in range(2000):
        evaluation = runner.evaluation
        assert evaluation is not None
        if not evaluation.missing:
            if runner.run_index + 1 >= len(runner.runs):
                return
            runner.run_switcher.setCurrentIndex(runner.run_index + 1)
            continue
        if runner.item_id not in evaluation.missing:
            runner.show_item(evaluation.missing[0])
        item = runner.current_item()
        assert item is not None
        failing = (runner.run_index, item.id) == (fail_run, fail_item)
        if item.kind == "check":
            QTest.keyClick(runner, "2" if failing else "1")
            if failing:
                assert runner.note.hasFocus(), "a failure asks for its note"
                runner.note.setPlainText("1号梯轿厢内未张贴检验合格标志")
                QTest.keyClick(runner.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        elif item.kind == "choice":
            choice = next(i for i, c in enumerate(item.choices, start=1) if not c.fails)
            assert runner.choice_group is not None
            runner.choice_group.button(choice - 1).click()
        elif item.kind == "number":
            assert runner.value_input is not None
            runner.value_input.setFocus()
            value = item.limit_max if item.limit_max is not None else (item.limit_min or 1)
            QTest.keyClicks(runner.value_input, str(int(value)))
            QTest.keyClick(runner.value_input, Qt.Key.Key_Return)
        else:  # date (defaults to today), text, photo: type if needed, then Save
            if item.kind in ("text", "photo"):
                runner.value_input.setPlainText("现场核实")  # type: ignore[union-attr]
            runner._save_input_and_next()
    raise AssertionError("the runner never finished")


def test_whole_inspection_through_the_widgets(
    qtbot: QtBot,
    window: MainWindow,
    demo_ws: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_user_error", lambda _p, message: errors.append(message))
    window.ui.actionInspections.trigger()
    assert window.ui.pages.currentWidget() is window.inspections

    # the wizard: routine check of a mall, two elevators, a colleague, the representative
    wizard = NewInspectionWizard(demo_ws, window.checklists, window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.type_page.task_source.setText("2026年度监督检查计划")
    wizard.next()
    with demo_ws.store.reading() as db:
        unit = next(
            s.unit
            for s in reg.search_units(db, limit=1000)
            if sum(d.catalogue_code.startswith("31") for d in reg.equipment_of_unit(db, s.unit.id))
            >= 2
        )
        lifts = [
            d for d in reg.equipment_of_unit(db, unit.id) if d.catalogue_code.startswith("31")
        ][:2]
    wizard.unit_page.search.setText(unit.credit_code)
    assert wizard.unit_page.units.count() == 1
    wizard.unit_page.units.setCurrentRow(0)
    wizard.next()
    wizard.devices_page.set_chosen({lifts[0].id, lifts[1].id})
    assert wizard.devices_page.chosen_ids() == [
        d.id for d in wizard.devices_page.devices if d.id in {lifts[0].id, lifts[1].id}
    ]
    wizard.next()
    assert not wizard.officers_page.isComplete(), "a colleague must be chosen"
    wizard.officers_page.colleagues.item(0).setCheckState(Qt.CheckState.Checked)
    wizard.next()
    wizard.representative_page.name.setText("张伟")
    wizard.representative_page.post.setText("安全管理员")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert errors == [] and wizard.inspection_id
    inspection_id = wizard.inspection_id
    window.inspections.open_inspection(inspection_id)

    runner = window.inspections.current_screen
    assert isinstance(runner, InspectionRunner)
    fail_item = "EL-REG-02"
    # the failing item is in the second elevator's checklist: answer it there
    answer_with_keyboard(qtbot, runner, 2, fail_item)
    assert errors == []
    # a photo for the failure, as if dropped on the strip
    runner.show_run(2, fail_item)
    runner.photos.photo_added.emit(jpeg_bytes(), "IMG_0042.jpg")
    assert len(runner.photos.photos()) >= 1

    # review: the proposed finding is there; sign for everyone; finish
    QTest.keyClick(runner, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    review = window.inspections.current_screen
    assert isinstance(review, InspectionReview)
    assert any(f.item_id == fail_item and not f.dropped for f in review.findings)
    review.tabs.setCurrentIndex(1)
    review.opinion.setPlainText("无异议，立即整改。")
    for pad in review.pads.values():
        draw_signature(pad)
    review.finish_button.click()
    assert errors == [], errors
    assert window.inspections.current_screen is not review

    with demo_ws.store.reading() as db:
        row = q.get_inspection(db, inspection_id)
        findings = q.findings(db, inspection_id, include_dropped=False)
        signed = q.signatures(db, inspection_id)
        runs = q.runs(db, inspection_id)
        answers = sum(len(q.answers_of_run(db, r.id)) for r in runs)
        assert verify_audit_chain(db) == []
        photo_answer = q.get_answer(db, runs[2].id, fail_item)
    assert row.state == "finished" and row.locked and row.unit_opinion == "无异议，立即整改。"
    assert row.unit_representative == "张伟"
    assert {r.equipment_id for r in runs[1:]} == {lifts[0].id, lifts[1].id}
    assert [f.item_id for f in findings] == [fail_item]
    assert findings[0].equipment_id == runs[2].equipment_id
    assert len(signed) == 3 and "unit" in signed
    assert answers > 100
    assert photo_answer is not None and photo_answer.note.startswith("1号梯")
    assert len(photo_answer.photos) == 1
    QApplication.processEvents()
