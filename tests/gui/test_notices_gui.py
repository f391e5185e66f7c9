"""Notices in the desktop app: issue from the record, view, verify, re-inspect."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldapp.gui import document_viewer, verify_dialog
from fieldapp.gui.document_viewer import DocumentViewer
from fieldapp.gui.inspections_view import InspectionDetail
from fieldapp.gui.reinspection_dialog import ReinspectionDialog
from fieldapp.gui.verify_dialog import VerifyDialog
from fieldapp.store import inspections as q
from fieldapp.store import notices as n
from fieldapp.workspace import Workspace


@pytest.fixture
def ws(demo_home: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(demo_home)
    yield workspace
    workspace.close()


def finished_with_findings(ws: Workspace) -> str:
    with ws.store.reading() as db:
        return next(r.id for r in q.list_inspections(db, state="finished") if r.findings)


@pytest.mark.usefixtures("zh")
def test_issue_from_the_record_then_view(
    qtbot: QtBot, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(DocumentViewer, "exec", lambda self: shown.append(self.windowTitle()))
    inspection_id = finished_with_findings(ws)
    detail = InspectionDetail(ws, inspection_id)
    qtbot.addWidget(detail)
    detail.show()
    assert detail.issue_button.isVisible() and not detail.reinspect_button.isVisible()
    detail.issue_button.click()
    with ws.store.reading() as db:
        notice = n.notices_of(db, inspection_id)[0]
        assert q.get_inspection(db, inspection_id).state == "notice_issued"
    assert shown == [notice.number], "the issued notice is shown at once"
    assert not detail.issue_button.isVisible() and detail.reinspect_button.isVisible()
    assert notice.number in detail.browser.toPlainText()


@pytest.mark.usefixtures("zh")
def test_viewer_renders_every_page_and_saves_a_copy(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = next((ws.home / "notices").glob("*检查记录.pdf")).read_bytes()
    viewer = DocumentViewer("检查记录", pdf, "record.pdf")
    qtbot.addWidget(viewer)
    assert viewer.page_count() >= 2
    first = document_viewer.render_pages(pdf, 96)[0]
    assert first.width() > 600 and first.pixel(2, 2) == 0xFFFFFFFF, "white A4 paper"
    target = tmp_path / "copy.pdf"
    monkeypatch.setattr(document_viewer, "choose_save_path", lambda *_: target)
    viewer.save_button.click()
    assert target.read_bytes() == pdf


@pytest.mark.usefixtures("zh")
def test_verify_dialog_text_and_pdf(
    qtbot: QtBot, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ws.store.reading() as db:
        notice = next(x for r in q.list_inspections(db) for x in n.notices_of(db, r.id))
    dialog = VerifyDialog(ws)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText(notice.payload)
    dialog.check_button.click()
    assert "有效" in dialog.report.toPlainText()
    assert notice.number in dialog.report.toPlainText()
    altered = (
        notice.payload[:-3] + ("A" if notice.payload[-3] != "A" else "B") + notice.payload[-2:]
    )
    dialog.text.setPlainText(altered)
    dialog.check_button.click()
    assert "无效" in dialog.report.toPlainText() or "Not valid" in dialog.report.toPlainText()
    pdf_path = next((ws.home / "notices").glob("*号.pdf"))
    monkeypatch.setattr(verify_dialog, "choose_file", lambda *_: pdf_path)
    dialog.open_button.click()
    assert "有效" in dialog.report.toPlainText()


@pytest.mark.usefixtures("zh")
def test_reinspection_dialog_closes_the_notice(qtbot: QtBot, ws: Workspace) -> None:
    with ws.store.reading() as db:
        notice = next(
            x for r in q.list_inspections(db) for x in n.notices_of(db, r.id) if x.state == "issued"
        )
    dialog = ReinspectionDialog(ws, notice.id)
    qtbot.addWidget(dialog)
    assert dialog.escalation.isEnabled()
    for box in dialog.rectified.values():
        box.setChecked(True)
    assert not dialog.escalation.isEnabled()
    dialog.save()
    assert dialog.changes is not None
    with ws.store.reading() as db:
        assert n.get_notice(db, notice.id).state == "closed"


@pytest.mark.usefixtures("zh")
def test_leaving_the_runner_saves_a_note_still_being_typed(qtbot: QtBot, ws: Workspace) -> None:
    from fieldapp.gui.inspection_runner import InspectionRunner

    with ws.store.reading() as db:
        draft = q.list_inspections(db, state="draft")[0].id
    runner = InspectionRunner(ws, draft)
    qtbot.addWidget(runner)
    runner.show()
    item = runner.current_item()
    assert item is not None and item.kind in ("check", "choice")
    runner.answer_check("fail" if item.kind == "check" else "pass")
    runner.show_item(item.id)
    runner.note.setPlainText("刚输入、尚未自动保存的说明")
    assert runner._note_timer.isActive()
    runner.hide()
    with ws.store.reading() as db:
        answer = q.get_answer(db, runner.run.id, item.id)
    assert answer is not None and answer.note == "刚输入、尚未自动保存的说明"
