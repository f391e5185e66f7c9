"""The officer's signing key in the GUI: the passphrase is asked once per app session."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from fieldapp.keys import SessionKeyring
from fieldapp.workspace import Workspace

translate = QCoreApplication.translate

_KEYRINGS: dict[str, SessionKeyring] = {}


def ask_passphrase(parent: QWidget | None) -> str | None:
    """The passphrase typed by the officer, or None if cancelled. Replaced in tests."""
    text, ok = QInputDialog.getText(
        parent,
        translate("Keys", "Unlock your signing key"),
        translate("Keys", "Passphrase of your signing key (asked once until you close the app):"),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


def keyring(workspace: Workspace, parent: QWidget | None = None) -> SessionKeyring:
    """This session's keyring of the workspace (created on first use)."""
    home = str(workspace.home)
    if home not in _KEYRINGS:
        _KEYRINGS[home] = SessionKeyring(
            workspace.home / "keys", ask=lambda: ask_passphrase(parent)
        )
    return _KEYRINGS[home]


def forget_keyrings() -> None:
    for ring in _KEYRINGS.values():
        ring.lock()
    _KEYRINGS.clear()
