"""The questions the data-exchange view asks: which file, which key, which district.

Thin wrappers around Qt's standard dialogs, so tests can replace them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from fieldapp.keys import PublicKeyInfo

translate = QCoreApplication.translate

_last_folder: list[Path] = []


def default_folder() -> Path:
    """The folder last chosen for an exchange file in this session (else the user's home)."""
    return _last_folder[-1] if _last_folder else Path.home()


def _remember(path: Path) -> Path:
    _last_folder[:] = [path.parent]
    return path


def _exchange_filter() -> str:
    return translate("SyncDialogs", "Exchange files (*.zip)")


def choose_save_path(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """Where to write an exchange file (``.zip`` added when missing), or None."""
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), _exchange_filter())
    if not name:
        return None
    path = Path(name)
    return _remember(path if path.suffix.lower() == ".zip" else path.with_name(f"{path.name}.zip"))


def choose_open_paths(parent: QWidget, title: str) -> list[Path]:
    """The exchange files to import (several may be chosen); empty when cancelled."""
    names, _filter = QFileDialog.getOpenFileNames(
        parent,
        title,
        str(default_folder()),
        _exchange_filter() + ";;" + translate("SyncDialogs", "All files (*)"),
    )
    return [_remember(Path(name)) for name in names]


def _key_filter() -> str:
    return translate("SyncDialogs", "Public key files (*.json)")


def choose_key_file(parent: QWidget) -> Path | None:
    """A public key file to trust, or None."""
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        translate("SyncDialogs", "Trust a public key"),
        str(default_folder()),
        _key_filter() + ";;" + translate("SyncDialogs", "All files (*)"),
    )
    return Path(name) if name else None


def choose_key_out(parent: QWidget, suggested: Path) -> Path | None:
    """Where to write this workspace's public key file, or None."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, translate("SyncDialogs", "Export my public key"), str(suggested), _key_filter()
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".json" else path.with_name(f"{path.name}.json")


def confirm_trust(parent: QWidget, info: PublicKeyInfo) -> bool:
    """Show whose key it is and its fingerprint; True when the user confirms."""
    text = (
        translate(
            "SyncDialogs",
            "Trust this key? Files and notices signed with it will be accepted.\n\n"
            "Name: %1\nLaw-enforcement ID: %2\nOrganisation: %3\nFingerprint: %4\n\n"
            "Compare the fingerprint with its owner in person or by phone before you trust it.",
        )
        .replace("%1", info.name or "—")
        .replace("%2", info.law_id or "—")
        .replace("%3", info.organisation or "—")
        .replace("%4", info.fingerprint)
    )
    answer = QMessageBox.question(
        parent,
        translate("SyncDialogs", "Trust a public key"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def choose_district(parent: QWidget, choices: list[tuple[str, str]]) -> str | None:
    """One of ``choices`` ((label, GB/T 2260 code prefix); the first is "everything"):
    the chosen prefix ("" for everything), or None when cancelled."""
    labels = [label for label, _code in choices]
    label, ok = QInputDialog.getItem(
        parent,
        translate("SyncDialogs", "Write a reference pack"),
        translate("SyncDialogs", "Units and equipment of:"),
        labels,
        0,
        False,
    )
    if not ok:
        return None
    return dict(choices).get(label, "")
