"""First-run setup: choose the workspace's role and, for an officer, the profile."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from fieldapp.domain.models import Role
from fieldapp.errors import UserError, ValidationError
from fieldapp.gui.generated.ui_setup_dialog import Ui_SetupDialog
from fieldapp.workspace import OfficerProfile, Workspace

_FIELD_WIDGETS = {"name": "name", "law_id": "lawId", "phone": "phone", "passphrase": "passphrase"}


class SetupDialog(QDialog):
    """Creates the workspace when accepted; ``workspace`` then holds it, open."""

    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.workspace: Workspace | None = None
        self.ui = Ui_SetupDialog()
        self.ui.setupUi(self)
        self.ui.folder.setText(self.tr("Workspace folder: %1").replace("%1", str(home)))
        self.ui.role.addItem(self.tr("Officer (on-site inspections)"), Role.OFFICER.code)
        self.ui.role.addItem(self.tr("Supervisor (imports and follow-ups)"), Role.SUPERVISOR.code)
        self.ui.role.currentIndexChanged.connect(self._role_changed)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.ui.buttons.accepted.connect(self._create)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.problems.setStyleSheet("color: #b00020;")

    def role(self) -> Role:
        return Role.from_code(self.ui.role.currentData())

    def _role_changed(self) -> None:
        officer = self.role() is Role.OFFICER
        for name in (
            "name",
            "lawId",
            "organisation",
            "agencyCode",
            "officerCode",
            "phone",
        ):
            getattr(self.ui, name).setEnabled(officer)
        self.ui.organisation.setEnabled(True)  # a supervisor's key carries its bureau's name

    def _create(self) -> None:
        profile = None
        if self.role() is Role.OFFICER:
            profile = OfficerProfile(
                name=self.ui.name.text(),
                law_id=self.ui.lawId.text(),
                organisation=self.ui.organisation.text(),
                agency_code=self.ui.agencyCode.text(),
                officer_code=self.ui.officerCode.text(),
                phone=self.ui.phone.text(),
            )
        passphrase = self.ui.passphrase.text()
        if passphrase != self.ui.passphrase2.text():
            self.ui.problems.setText(self.tr("The two passphrases differ."))
            self.ui.passphrase2.setFocus()
            return
        try:
            self.workspace = Workspace.create(
                self.home,
                self.role(),
                profile,
                passphrase=passphrase,
                supervisor_name=self.ui.organisation.text(),
            )
        except ValidationError as err:
            self.ui.problems.setText("\n".join(err.problems.values()))
            widget = _FIELD_WIDGETS.get(next(iter(err.problems)), "name")
            getattr(self.ui, widget).setFocus()
            return
        except UserError as err:
            self.ui.problems.setText(str(err))
            return
        self.accept()
