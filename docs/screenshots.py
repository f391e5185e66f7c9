"""Make the screenshots in docs/screenshots/ from a fresh demo workspace, at 1366×768.

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.demo import build_demo
from fieldapp.domain.models import Role
from fieldapp.gui.app import install_translations, make_application
from fieldapp.gui.main_window import MainWindow
from fieldapp.gui.setup_dialog import SetupDialog
from fieldapp.workspace import Workspace

OUT = Path(__file__).resolve().parent / "screenshots"


def save(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(OUT / name))
    print("wrote", OUT / name)


def main() -> int:
    OUT.mkdir(exist_ok=True)
    app = make_application("en")  # source language; Chinese is installed per round
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "demo"
        build_demo(home, Role.OFFICER)
        for lang in ("zh", "en"):
            translators = install_translations(app, lang)
            with Workspace.open(home) as ws:
                window = MainWindow(ws)
                window.resize(1366, 768)
                window.show()
                window.registry.ui.overdueOnly.setChecked(True)
                window.registry.ui.unitTable.selectRow(0)
                save(window, f"registry-{lang}.png")
                window.show_section(2)
                save(window, f"follow-ups-{lang}.png")
                window.close()
            dialog = SetupDialog(Path(tmp) / "new")
            dialog.show()
            save(dialog, f"setup-{lang}.png")
            dialog.close()
            for translator in translators:
                app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    sys.exit(main())
