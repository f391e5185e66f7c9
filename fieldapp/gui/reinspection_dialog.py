"""复查: for each finding of a notice, rectified or not, a note and evidence photos; if any
is not rectified, the escalation chosen (立案处罚 / 查封 / 移交)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import UserError
from fieldapp.gui.photo_strip import choose_photo_files
from fieldapp.notices.issue import ESCALATIONS, findings_of_notice, reinspect
from fieldapp.store import notices as n
from fieldapp.workflow import Changes
from fieldapp.workspace import Workspace

translate = QCoreApplication.translate


class ReinspectionDialog(QDialog):
    """Records one re-inspection of a notice; ``changes`` is set when it was saved."""

    def __init__(self, workspace: Workspace, notice_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.notice_id = workspace, notice_id
        self.changes: Changes | None = None
        with workspace.store.reading() as db:
            self.notice = n.get_notice(db, notice_id)
            self.findings = findings_of_notice(db, self.notice)
        self.photos: dict[str, list[bytes]] = {f.id: [] for f in self.findings}
        self.setWindowTitle(
            translate("Reinspection", "Re-inspection of %1").replace("%1", self.notice.number)
        )
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate(
                    "Reinspection",
                    "Tick each finding the unit has rectified; add a note and evidence photos.",
                )
            )
        )
        self.table = QTableWidget(len(self.findings), 4)
        self.table.setHorizontalHeaderLabels(
            [
                translate("Reinspection", "Rectified"),
                translate("Reinspection", "Finding"),
                translate("Reinspection", "Note"),
                translate("Reinspection", "Photos"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rectified: dict[str, QCheckBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        self.photo_buttons: dict[str, QPushButton] = {}
        for row, finding in enumerate(self.findings):
            box = QCheckBox()
            holder = QWidget()
            line = QHBoxLayout(holder)
            line.setContentsMargins(8, 0, 0, 0)
            line.addWidget(box)
            self.table.setCellWidget(row, 0, holder)
            item = QTableWidgetItem(finding.text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 1, item)
            note = QLineEdit()
            self.table.setCellWidget(row, 2, note)
            button = QPushButton(translate("Reinspection", "Add…"))
            button.clicked.connect(lambda _=False, f=finding.id: self._add_photos(f))
            self.table.setCellWidget(row, 3, button)
            self.rectified[finding.id] = box
            self.notes[finding.id] = note
            self.photo_buttons[finding.id] = button
            box.toggled.connect(self._update)
        self.table.resizeRowsToContents()
        self.table.setColumnWidth(2, 220)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.escalation = QComboBox()
        self.escalation.addItem(translate("Reinspection", "(choose)"), "")
        for code, label in ESCALATIONS.items():
            self.escalation.addItem(label, code)
        form.addRow(translate("Reinspection", "Not all rectified: &escalate by"), self.escalation)
        self.note = QLineEdit()
        form.addRow(translate("Reinspection", "&Remarks"), self.note)
        layout.addLayout(form)
        self.outcome = QLabel()
        layout.addWidget(self.outcome)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update()

    def _add_photos(self, finding_id: str) -> None:
        for path in choose_photo_files(self):
            try:
                self.photos[finding_id].append(path.read_bytes())
            except OSError:
                continue
        count = len(self.photos[finding_id])
        self.photo_buttons[finding_id].setText(
            translate("Reinspection", "%1 photos").replace("%1", str(count))
        )

    def all_rectified(self) -> bool:
        return all(box.isChecked() for box in self.rectified.values())

    def _update(self) -> None:
        done = self.all_rectified()
        self.escalation.setEnabled(not done)
        self.outcome.setText(
            translate("Reinspection", "All rectified: the notice will be closed.")
            if done
            else translate(
                "Reinspection",
                "Not all rectified: the notice stays open and the escalation is recorded.",
            )
        )

    def save(self) -> None:
        results = {
            finding.id: (
                self.rectified[finding.id].isChecked(),
                self.notes[finding.id].text(),
                self.photos[finding.id],
            )
            for finding in self.findings
        }
        officer = self.workspace.officer
        try:
            if officer is None:
                raise UserError(
                    translate("Reinspection", "Only an officer's workspace records re-inspections.")
                )
            self.changes = reinspect(
                self.workspace.store,
                self.workspace.attachments,
                self.notice_id,
                officer.id,
                results,
                self.escalation.currentData() or "",
                self.note.text(),
            )
        except UserError as err:
            from fieldapp.gui import dialogs

            dialogs.show_user_error(self, str(err))
            return
        self.accept()
