"""关于: the app's name, version and licence, and every bundled component with its licence.

The list comes from ``fieldapp.licences`` (the installed distributions' metadata, the
Python runtime and the fonts); choosing a row shows that component's licence text.
"""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp import __version__, licences
from fieldapp.gui.app import app_icon

translate = QCoreApplication.translate

APP_NAME_ZH = "特种设备安全监察现场检查"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AboutDialog", "About fieldapp"))
        self.resize(820, 600)
        self.components = licences.components()
        layout = QVBoxLayout(self)

        header = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        header.addWidget(icon)
        build = (
            translate("AboutDialog", "desktop bundle")
            if licences.frozen()
            else translate("AboutDialog", "installed with Python")
        )
        self.title = QLabel(
            f"<b style='font-size: 15pt'>{APP_NAME_ZH}</b><br>"
            f"<b>fieldapp {__version__}</b> ({build})<br>"
            + translate(
                "AboutDialog",
                "Offline field app for special-equipment safety supervision officers.",
            )
            + "<br>"
            + translate("AboutDialog", "Python %1 · Qt %2 · PySide6 %3")
            .replace("%1", platform.python_version())
            .replace("%2", qVersion())
            .replace("%3", pyside_version)
        )
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header.addWidget(self.title, 1)
        layout.addLayout(header)

        intro = QLabel(
            translate(
                "AboutDialog",
                "fieldapp is free software under the Apache License 2.0. It is built from the"
                " software and fonts below, each under its own licence. Choose one to read"
                " its licence.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = QTableWidget(len(self.components), 3)
        self.table.setHorizontalHeaderLabels(
            [
                translate("AboutDialog", "Component"),
                translate("AboutDialog", "Version"),
                translate("AboutDialog", "Licence"),
            ]
        )
        for row, component in enumerate(self.components):
            for column, text in enumerate((component.name, component.version, component.licence)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.licence = QPlainTextEdit()
        self.licence.setReadOnly(True)
        self.licence.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.licence)
        splitter.setSizes([300, 200])
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.table.currentCellChanged.connect(lambda row, *_: self.show_licence(row))
        self.table.selectRow(0)

    def row_of(self, name: str) -> int:
        """The table row of the component called ``name``. Raises KeyError if none is."""
        for row, component in enumerate(self.components):
            if component.name == name:
                return row
        raise KeyError(name)

    def show_licence(self, row: int) -> None:
        if not 0 <= row < len(self.components):
            self.licence.clear()
            return
        component = self.components[row]
        text = licences.licence_text(component)
        if not text:
            text = (
                translate("AboutDialog", "No licence text came with %1. Its licence: %2.")
                .replace("%1", component.name)
                .replace("%2", component.licence)
            )
        self.licence.setPlainText(text)
