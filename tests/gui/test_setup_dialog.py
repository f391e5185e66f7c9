"""First-run setup: the officer's profile is checked before the workspace is made."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from fieldapp import keys
from fieldapp.domain.models import Role
from fieldapp.gui.setup_dialog import SetupDialog
from fieldapp.home import is_workspace


def press_create(qtbot: QtBot, dialog: SetupDialog) -> None:
    button = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.usefixtures("zh")
def test_officer_setup_creates_the_workspace(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SetupDialog(tmp_path / "new")
    qtbot.addWidget(dialog)
    assert dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "创建"
    dialog.ui.name.setText("刘洋")
    qtbot.keyClicks(dialog.ui.lawId, "22010019009")
    dialog.ui.organisation.setText("长春市市场监督管理局")
    dialog.ui.agencyCode.setText("长")
    dialog.ui.passphrase.setText("correct horse")
    dialog.ui.passphrase2.setText("correct horse")
    press_create(qtbot, dialog)
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert dialog.workspace is not None
    assert dialog.workspace.officer is not None
    assert dialog.workspace.officer.law_id == "22010019009"
    dialog.workspace.close()


@pytest.mark.usefixtures("zh")
def test_missing_fields_are_named_and_nothing_is_made(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SetupDialog(tmp_path / "new")
    qtbot.addWidget(dialog)
    dialog.show()
    press_create(qtbot, dialog)
    assert dialog.workspace is None
    assert "姓名不能为空" in dialog.ui.problems.text()
    assert "执法证号不能为空" in dialog.ui.problems.text()
    assert dialog.isVisible()
    assert not is_workspace(tmp_path / "new")


@pytest.mark.usefixtures("en")
def test_supervisor_needs_no_profile(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SetupDialog(tmp_path / "sup")
    qtbot.addWidget(dialog)
    dialog.ui.role.setCurrentIndex(dialog.ui.role.findData(Role.SUPERVISOR.code))
    assert not dialog.ui.name.isEnabled()
    assert dialog.ui.passphrase.isEnabled()  # a supervisor signs packs and receipts
    dialog.ui.organisation.setText("吉林省市场监督管理局")
    press_create(qtbot, dialog)
    assert dialog.workspace is None and "passphrase" in dialog.ui.problems.text()
    dialog.ui.passphrase.setText("supervisor-pass")
    dialog.ui.passphrase2.setText("supervisor-pass")
    press_create(qtbot, dialog)
    assert dialog.workspace is not None and dialog.workspace.role is Role.SUPERVISOR
    assert keys.own_public_key(tmp_path / "sup" / "keys").name == "吉林省市场监督管理局"
    dialog.workspace.close()


@pytest.mark.usefixtures("zh")
def test_passphrases_must_match_and_be_long_enough(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SetupDialog(tmp_path / "new")
    qtbot.addWidget(dialog)
    dialog.ui.name.setText("刘洋")
    dialog.ui.lawId.setText("22010019009")
    dialog.ui.passphrase.setText("correct horse")
    dialog.ui.passphrase2.setText("correct hose")
    press_create(qtbot, dialog)
    assert dialog.workspace is None and "两次输入的口令不一致" in dialog.ui.problems.text()
    dialog.ui.passphrase.setText("short")
    dialog.ui.passphrase2.setText("short")
    press_create(qtbot, dialog)
    assert dialog.workspace is None and dialog.ui.problems.text()
    assert not is_workspace(tmp_path / "new")
