"""Thin wrappers around message boxes and file dialogs, so tests can replace them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


def show_user_error(parent: QWidget | None, message: str) -> None:
    """A problem the user can act on: a plain warning, no traceback."""
    QMessageBox.warning(parent, translate("dialogs", "Cannot do that"), message)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


class CrashDialog(QDialog):
    """Says that fieldapp hit a bug, names the log file and shows the details."""

    def __init__(self, parent: QWidget | None, details: str, log_file: Path | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("dialogs", "fieldapp hit an unexpected error"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        where = (
            str(log_file)
            if log_file
            else translate("dialogs", "(no workspace open yet: nothing was logged)")
        )
        intro = QLabel(
            translate(
                "dialogs",
                "This is a bug in fieldapp, not something you did. Everything you saved before"
                " is safe. Please send the log file to your support contact:",
            )
            + f"\n{where}"
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(
            intro.textInteractionFlags() | intro.textInteractionFlags().TextSelectableByMouse
        )
        layout.addWidget(intro)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if log_file is not None:
            open_folder = buttons.addButton(
                translate("dialogs", "Open log folder"), QDialogButtonBox.ButtonRole.ActionRole
            )
            open_folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file.parent)))
            )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def show_crash(parent: QWidget | None, details: str, log_file: Path | None) -> None:
    CrashDialog(parent, details, log_file).exec()
