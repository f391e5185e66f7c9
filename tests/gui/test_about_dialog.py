"""Identity: the About dialog (version, every bundled component's licence, the fonts'),
the application icon and the main window's title."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp import __version__
from fieldapp.gui.about_dialog import AboutDialog
from fieldapp.gui.app import APP_ICON_SIZES, app_icon, make_application
from fieldapp.gui.main_window import MainWindow
from fieldapp.workspace import Workspace

# what the desktop bundle ships, and the licence each declares (a part of the text suffices)
EXPECTED = {
    "Qt": "LGPL-3.0",
    "PySide6_Essentials": "LGPL-3.0",
    "reportlab": "BSD",
    "qrcode": "BSD",
    "cryptography": "Apache-2.0",
    "sqlite-utils": "Apache-2.0",
    "PyYAML": "MIT",
    "pillow": "MIT",
    "cbor2": "MIT",
    "zxing-cpp": "Apache-2.0",
    "pypdfium2": "BSD-3-Clause",
    "platformdirs": "MIT",
    "jsonschema": "MIT",
    "AR PL UMing CN": "Arphic Public License",
    "Droid Sans Fallback": "Apache-2.0",
}


@pytest.fixture
def dialog(qtbot: QtBot) -> AboutDialog:
    about = AboutDialog()
    qtbot.addWidget(about)
    about.show()
    qtbot.waitExposed(about)
    return about


def table_rows(dialog: AboutDialog) -> dict[str, tuple[str, str]]:
    table = dialog.table
    return {
        table.item(row, 0).text(): (table.item(row, 1).text(), table.item(row, 2).text())
        for row in range(table.rowCount())
    }


@pytest.mark.usefixtures("en")
def test_names_the_version_and_every_bundled_licence(dialog: AboutDialog) -> None:
    assert dialog.windowTitle() == "About fieldapp"
    assert f"fieldapp {__version__}" in dialog.title.text()
    assert "特种设备安全监察现场检查" in dialog.title.text()
    rows = table_rows(dialog)
    assert [name for name in EXPECTED if name not in rows] == []
    for name, licence in EXPECTED.items():
        assert licence in rows[name][1], name
    assert rows["fieldapp"] == (__version__, "Apache-2.0")
    assert all(version for version, _licence in rows.values())


@pytest.mark.usefixtures("en")
@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("AR PL UMing CN", "ARPHIC PUBLIC LICENSE"),
        ("Droid Sans Fallback", "Apache License"),
        ("Qt", "GNU LESSER GENERAL PUBLIC LICENSE"),
        ("PySide6_Essentials", "GNU LESSER GENERAL PUBLIC LICENSE"),
        ("reportlab", "ReportLab"),
        ("zxing-cpp", "Apache License"),
        ("pypdfium2", "BSD"),
    ],
)
def test_choosing_a_component_shows_its_licence_text(
    dialog: AboutDialog, name: str, text: str
) -> None:
    dialog.table.selectRow(dialog.row_of(name))
    assert text in dialog.licence.toPlainText()


@pytest.mark.usefixtures("en")
def test_a_component_without_licence_text_says_so(dialog: AboutDialog) -> None:
    from fieldapp.licences import Component

    dialog.components[0] = Component("Example", "1.0", "MIT", ())
    dialog.show_licence(0)
    assert dialog.licence.toPlainText() == "No licence text came with Example. Its licence: MIT."


@pytest.mark.usefixtures("en")
def test_help_about_opens_the_dialog(
    qtbot: QtBot, demo_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self) or 0)
    window = MainWindow(demo_ws)
    qtbot.addWidget(window)
    window.ui.actionAbout.trigger()
    assert len(shown) == 1 and shown[0].parent() is window


@pytest.mark.usefixtures("zh")
def test_window_title_names_the_app_the_officer_and_the_workspace(
    qtbot: QtBot, demo_ws: Workspace
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.windowTitle() == "特种设备安全监察现场检查 · fieldapp"
    window.attach(demo_ws)
    title = window.windowTitle()
    assert title.startswith("特种设备安全监察现场检查 · fieldapp — 王建国")
    assert "演示工作区" in title and title.endswith(str(demo_ws.home))


@pytest.mark.usefixtures("en")
def test_the_application_icon_has_every_drawn_size(qapp: QApplication) -> None:
    icon = app_icon()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in APP_ICON_SIZES} <= sizes
    for n in (16, 48, 256):
        image = icon.pixmap(QSize(n, n)).toImage()
        assert (image.width(), image.height()) == (n, n)
        centre = image.pixelColor(n // 2, n // 2)
        assert centre.alpha() == 255  # the shield is drawn, not an empty pixmap
    assert make_application("en").windowIcon().availableSizes()


def _make_icons() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "build_spec" / "make_icons.py"
    spec = importlib.util.spec_from_file_location("make_icons", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_icon_files_are_drawn_from_the_svg(qapp: QApplication) -> None:
    make_icons = _make_icons()
    for size in make_icons.PNG_SIZES:
        committed = QImage(str(make_icons.png_path(size)))
        fresh = QImage.fromData(make_icons.render_png(size))
        assert committed.convertToFormat(QImage.Format.Format_ARGB32) == fresh.convertToFormat(
            QImage.Format.Format_ARGB32
        ), f"fieldapp-{size}.png is stale: run python build_spec/make_icons.py"
    with Image.open(make_icons.ICONS / "fieldapp.ico") as ico:
        assert sorted(ico.ico.sizes()) == [(n, n) for n in make_icons.ICO_SIZES]
