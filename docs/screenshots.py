"""Make the screenshots in docs/screenshots/ from a fresh demo workspace, at 1366×768, in
Chinese and in English.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots.py
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.demo import build_demo
from fieldapp.domain.models import Role
from fieldapp.gui import dialogs
from fieldapp.gui.app import install_translations, make_application
from fieldapp.gui.document_viewer import DocumentViewer
from fieldapp.gui.main_window import MainWindow
from fieldapp.gui.new_inspection import NewInspectionWizard
from fieldapp.gui.setup_dialog import SetupDialog
from fieldapp.gui.verify_dialog import VerifyDialog
from fieldapp.store import inspections as q
from fieldapp.store import notices as n
from fieldapp.workspace import Workspace

OUT = Path(__file__).resolve().parent / "screenshots"


def _report(_parent: object, message: str) -> None:  # no modal boxes in a script
    raise SystemExit(f"unexpected message: {message}")


dialogs.show_user_error = _report


def save(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(OUT / name))
    print("wrote", OUT / name)


def photo() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1600, 1200), (200, 190, 170))
    draw = ImageDraw.Draw(image)
    draw.rectangle([500, 300, 1100, 900], outline=(60, 60, 60), width=12)
    out = io.BytesIO()
    image.save(out, format="JPEG")
    return out.getvalue()


def shoot(app: QApplication, home: Path, lang: str) -> None:
    with Workspace.open(home) as ws:
        window = MainWindow(ws)
        window.resize(1366, 768)
        window.show()
        window.registry.ui.overdueOnly.setChecked(True)
        window.registry.ui.unitTable.selectRow(0)
        save(window, f"registry-{lang}.png")
        window.show_section(0)
        save(window, f"inspections-{lang}.png")

        wizard = NewInspectionWizard(ws, window.checklists, window)
        wizard.resize(820, 600)
        wizard.show()
        wizard.type_page.task_source.setText("2026年度监督检查计划")
        save(wizard, f"wizard-1-type-{lang}.png")
        wizard.next()
        wizard.unit_page.search.setText("购物中心")
        wizard.unit_page.units.setCurrentRow(0)
        save(wizard, f"wizard-2-unit-{lang}.png")
        wizard.next()
        devices = wizard.devices_page.devices
        wizard.devices_page.set_chosen({devices[0].id, devices[2].id})
        save(wizard, f"wizard-3-devices-{lang}.png")
        wizard.next()
        wizard.officers_page.colleagues.item(0).setCheckState(Qt.CheckState.Checked)
        save(wizard, f"wizard-4-officers-{lang}.png")
        wizard.next()
        wizard.representative_page.name.setText("张伟")
        wizard.representative_page.post.setText("安全管理员")
        wizard.representative_page.phone.setText("13904310000")
        save(wizard, f"wizard-5-representative-{lang}.png")
        wizard.accept()
        assert wizard.inspection_id
        inspection_id = wizard.inspection_id
        window.inspections.open_inspection(inspection_id)
        runner = window.inspections.current_screen
        for _ in range(3):
            runner.answer_check("pass")
        runner.show_run(1, "EL-REG-02")
        runner.answer_check("fail")
        runner.note.setPlainText("轿厢内未张贴检验合格标志")
        runner._save_note()
        runner.photos.photo_added.emit(photo(), "IMG_0042.jpg")
        save(window, f"runner-{lang}.png")
        window.inspections.open_review(inspection_id)
        review = window.inspections.current_screen
        save(window, f"review-findings-{lang}.png")
        review.tabs.setCurrentIndex(1)
        review.opinion.setPlainText("无异议，立即整改。")
        for pad in review.pads.values():
            QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 90))
            for x, y in ((80, 60), (120, 100), (170, 55), (220, 95), (270, 70)):
                QTest.mouseMove(pad, QPoint(x, y))
            QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 80))
        save(window, f"review-signatures-{lang}.png")

        with ws.store.reading() as db:
            done = next(r.id for r in q.list_inspections(db, state="notice_issued"))
            notice = n.notices_of(db, done)[0]
        window.inspections.open_inspection(done)
        save(window, f"record-{lang}.png")
        pdf = ws.attachments.read_bytes(notice.pdf_sha256 or "")
        viewer = DocumentViewer(notice.number, pdf, "notice.pdf", window)
        viewer.resize(900, 740)
        viewer.show()
        for _ in range(40):  # QPdfView renders its pages in a worker thread
            QApplication.processEvents()
            time.sleep(0.025)
        save(viewer, f"notice-viewer-{lang}.png")
        viewer.close()
        verify = VerifyDialog(ws, window)
        verify.show()
        verify.text.setPlainText(notice.payload)
        verify.check([notice.payload])
        save(verify, f"verify-{lang}.png")
        verify.close()
        window.show_section(2)
        save(window, f"follow-ups-{lang}.png")
        window.close()
    dialog = SetupDialog(home.parent / "new")
    dialog.show()
    save(dialog, f"setup-{lang}.png")
    dialog.close()


def main() -> int:
    OUT.mkdir(exist_ok=True)
    app = make_application("en")  # source language; Chinese is installed per round
    for lang in ("zh", "en"):
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp) / "demo"
            build_demo(home, Role.OFFICER)
            translators = install_translations(app, lang)
            shoot(app, home, lang)
            for translator in translators:
                app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    sys.exit(main())
