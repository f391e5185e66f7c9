"""The self-test's desktop part: Qt starts and finds what the app needs, with no window shown.

Checks the things a desktop bundle most often lacks: the Qt platform plugin, the image
format plugins (SVG and PNG icons), the Chinese translation, the CJK font, and the compiled
Designer code of the main window.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTranslator, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from fieldapp.paths import resource
from fieldapp.selftest import SelfTestFailed

# the self-test's own QApplication, kept alive until the process ends
_APP: list[QApplication] = []


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        # no display to open: Qt would abort the process; the check shows no window anyway
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _APP.append(QApplication(["fieldapp"]))
    return _APP[-1]


def check_desktop_parts() -> str:
    """Start Qt and check what the app needs from it; return what was checked.

    Raises SelfTestFailed naming the first thing that is missing.
    """
    from fieldapp.gui.app import CJK_FALLBACK_FONT, app_icon
    from fieldapp.gui.main_window import MainWindow

    _application()
    platform_name = QGuiApplication.platformName()
    font_id = QFontDatabase.addApplicationFont(str(CJK_FALLBACK_FONT))
    if font_id < 0 or not QFontDatabase.applicationFontFamilies(font_id):
        raise SelfTestFailed(f"the CJK font {CJK_FALLBACK_FONT} cannot be loaded")
    translator = QTranslator()
    folder = resource("translations")
    if not translator.load("fieldapp_zh_CN", str(folder)):
        raise SelfTestFailed(f"the Chinese translation fieldapp_zh_CN.qm is missing in {folder}")
    translated = translator.translate("MainWindow", "Inspections")
    if not translated or translated == "Inspections":
        raise SelfTestFailed("the Chinese translation does not translate the main window")
    if app_icon().pixmap(64, 64).isNull():
        raise SelfTestFailed("the application icon cannot be drawn")
    svg = resource("icons", "inspections.svg")
    if QImage(str(svg)).isNull():
        raise SelfTestFailed(f"SVG icons cannot be drawn ({svg}): Qt's svg plugin is missing")
    window = MainWindow()
    try:
        if window.grab().isNull():
            raise SelfTestFailed("the main window cannot be drawn")
    finally:
        window.close()
        window.deleteLater()
    return (
        f"Qt {qVersion()} on the '{platform_name}' platform: main window built and drawn;"
        " Chinese translation, CJK font and icons loaded"
    )
