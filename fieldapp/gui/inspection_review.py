"""复核与签名: edit the findings, the unit's opinion and signatures, then finish."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QHideEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import UserError
from fieldapp.gui.i18n import language
from fieldapp.gui.inspection_runner import MEASURE, SEVERITY, term
from fieldapp.gui.signature_pad import SignaturePad
from fieldapp.store import inspections as q
from fieldapp.store import registry as reg
from fieldapp.workflow import Changes
from fieldapp.workflow import inspection as wf
from fieldapp.workspace import Workspace

translate = QCoreApplication.translate


def _show_error(parent: QWidget, err: UserError) -> None:
    from fieldapp.gui import dialogs

    dialogs.show_user_error(parent, str(err))


def ask_reason(parent: QWidget, title: str, label: str) -> str | None:
    """A reason typed by the officer, or None if cancelled. Replaced in tests."""
    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None


class FindingEditor(QWidget):
    """The fields of one finding."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.text = QPlainTextEdit()
        self.text.setMaximumHeight(80)
        self.text.setTabChangesFocus(True)
        self.severity = QComboBox()
        for code, names in SEVERITY.items():
            self.severity.addItem(names[0] if language() == "zh" else names[1], code)
        self.measure = QComboBox()
        for code, names in MEASURE.items():
            self.measure.addItem(names[0] if language() == "zh" else names[1], code)
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.violated = QLineEdit()
        self.penalty = QLineEdit()
        form.addRow(translate("Review", "&Problem"), self.text)
        form.addRow(translate("Review", "&Severity"), self.severity)
        form.addRow(translate("Review", "&Measure"), self.measure)
        form.addRow(translate("Review", "&Deadline"), self.deadline)
        form.addRow(translate("Review", "&Violated article"), self.violated)
        form.addRow(translate("Review", "Pe&nalty article"), self.penalty)

    def load(self, finding: q.FindingRow) -> None:
        self.text.setPlainText(finding.text)
        self.severity.setCurrentIndex(self.severity.findData(finding.severity))
        self.measure.setCurrentIndex(self.measure.findData(finding.measure))
        deadline = finding.deadline or dt.date.today()
        self.deadline.setDate(QDate(deadline.year, deadline.month, deadline.day))
        self.violated.setText(finding.violated)
        self.penalty.setText(finding.penalty)

    def values(self) -> dict[str, object]:
        return {
            "text": self.text.toPlainText().strip(),
            "severity": self.severity.currentData(),
            "measure": self.measure.currentData(),
            "deadline": self.deadline.date().toString("yyyy-MM-dd"),
            "violated": self.violated.text().strip(),
            "penalty": self.penalty.text().strip(),
        }


class FreeFindingDialog(QDialog):
    def __init__(self, devices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Review", "Add a finding"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.device = QComboBox()
        self.device.addItem(translate("Review", "The unit as a whole"), None)
        for device_id, name in devices:
            self.device.addItem(name, device_id)
        form.addRow(translate("Review", "&About"), self.device)
        layout.addLayout(form)
        self.editor = FindingEditor()
        today = dt.date.today() + dt.timedelta(days=30)
        self.editor.deadline.setDate(QDate(today.year, today.month, today.day))
        layout.addWidget(self.editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class InspectionReview(QWidget):
    """Findings, opinion, signatures; ``finished`` when the inspection is locked."""

    back_requested = Signal(str)
    finished = Signal(str)
    changed = Signal(object)

    def __init__(
        self, workspace: Workspace, inspection_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.inspection_id = inspection_id
        with workspace.store.reading() as db:
            self.inspection = q.get_inspection(db, inspection_id)
            self.unit = reg.get_unit(db, self.inspection.unit_id)
            self.officers = [reg.get_officer(db, o) for o in q.officer_ids(db, inspection_id)]
            self.runs = wf.load_runs(db, inspection_id)
        self.findings: list[q.FindingRow] = []
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        title = QLabel(f"<b>{self.unit.name}</b> — " + translate("Review", "Review and sign"))
        title.setTextFormat(Qt.TextFormat.RichText)
        header.addWidget(title)
        header.addStretch(1)
        self.back_button = QPushButton(translate("Review", "Back to the checklists"))
        self.finish_button = QPushButton(translate("Review", "&Finish inspection"))
        self.finish_button.setStyleSheet("font-weight: bold;")
        header.addWidget(self.back_button)
        header.addWidget(self.finish_button)
        layout.addLayout(header)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._findings_tab(), translate("Review", "Findings and measures"))
        self.tabs.addTab(self._signing_tab(), translate("Review", "Opinion and signatures"))
        layout.addWidget(self.tabs, 1)
        self.back_button.clicked.connect(lambda: self.back_requested.emit(self.inspection_id))
        self.finish_button.clicked.connect(self.finish)
        self.reload_findings()
        self._load_signing()

    # --- findings --------------------------------------------------------------------

    def _device_names(self) -> dict[str, str]:
        names = {}
        for view in self.runs:
            if view.equipment is not None:
                device = view.equipment
                names[device.id] = (
                    device.internal_number or device.location or device.equipment_code
                )
        return names

    def _findings_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                translate("Review", "About"),
                translate("Review", "Problem"),
                translate("Review", "Severity"),
                translate("Review", "Measure"),
                translate("Review", "Deadline"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        splitter.addWidget(self.table)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        self.editor = FindingEditor()
        right_layout.addWidget(self.editor)
        self.dropped_note = QLabel()
        self.dropped_note.setWordWrap(True)
        self.dropped_note.setStyleSheet("color: #8a5300;")
        right_layout.addWidget(self.dropped_note)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(translate("Review", "&Save changes"))
        self.drop_button = QPushButton(translate("Review", "Do &not adopt…"))
        self.restore_button = QPushButton(translate("Review", "&Adopt again"))
        self.add_button = QPushButton(translate("Review", "Add a finding…"))
        for button in (self.save_button, self.drop_button, self.restore_button, self.add_button):
            buttons.addWidget(button)
        right_layout.addLayout(buttons)
        right_layout.addStretch(1)
        splitter.addWidget(right)
        splitter.setSizes([650, 520])
        layout.addWidget(splitter, 1)
        self.table.currentCellChanged.connect(lambda *_: self._finding_selected())
        self.save_button.clicked.connect(self._save_finding)
        self.drop_button.clicked.connect(self._drop_finding)
        self.restore_button.clicked.connect(self._restore_finding)
        self.add_button.clicked.connect(self._add_finding)
        return tab

    def reload_findings(self, select: str | None = None) -> None:
        with self.workspace.store.reading() as db:
            self.findings = q.findings(db, self.inspection_id)
        names = self._device_names()
        self.table.setRowCount(len(self.findings))
        grey = QBrush(QColor("#888888"))
        for row, finding in enumerate(self.findings):
            about = names.get(finding.equipment_id or "", translate("Review", "Unit"))
            cells = [
                about,
                finding.text,
                term(SEVERITY, finding.severity),
                term(MEASURE, finding.measure),
                finding.deadline.isoformat() if finding.deadline else "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if finding.dropped:
                    item.setForeground(grey)
                    font = item.font()
                    font.setStrikeOut(True)
                    item.setFont(font)
                elif finding.severity == "serious" and column == 2:
                    item.setForeground(QBrush(QColor("#b00020")))
                self.table.setItem(row, column, item)
        adopted = sum(1 for f in self.findings if not f.dropped)
        self.summary.setText(
            translate("Review", "%1 findings will go on the notice; %2 not adopted.")
            .replace("%1", str(adopted))
            .replace("%2", str(len(self.findings) - adopted))
        )
        index = next((i for i, f in enumerate(self.findings) if f.id == select), 0)
        if self.findings:
            self.table.selectRow(index)
        self._finding_selected()

    def selected_finding(self) -> q.FindingRow | None:
        row = self.table.currentRow()
        return self.findings[row] if 0 <= row < len(self.findings) else None

    def _finding_selected(self) -> None:
        finding = self.selected_finding()
        has = finding is not None
        for widget in (self.editor, self.save_button, self.drop_button):
            widget.setEnabled(has and not (finding and finding.dropped))
        self.restore_button.setVisible(bool(finding and finding.dropped))
        self.dropped_note.setText(
            translate("Review", "Not adopted: %1").replace("%1", finding.drop_reason)
            if finding and finding.dropped
            else ""
        )
        if finding is not None:
            self.editor.load(finding)

    def _run(self, action: object) -> Changes | None:
        try:
            changes = action()  # type: ignore[operator]
        except UserError as err:
            _show_error(self, err)
            return None
        self.changed.emit(changes)
        assert isinstance(changes, Changes)
        return changes

    def _save_finding(self) -> None:
        finding = self.selected_finding()
        if finding is not None and self._run(
            lambda: wf.update_finding(self.workspace.store, finding.id, **self.editor.values())
        ):
            self.reload_findings(select=finding.id)

    def _drop_finding(self) -> None:
        finding = self.selected_finding()
        if finding is None:
            return
        reason = ask_reason(
            self,
            translate("Review", "Do not adopt"),
            translate("Review", "Why is this finding not adopted?"),
        )
        if reason is not None and self._run(
            lambda: wf.drop_finding(self.workspace.store, finding.id, reason)
        ):
            self.reload_findings(select=finding.id)

    def _restore_finding(self) -> None:
        finding = self.selected_finding()
        if finding is not None and self._run(
            lambda: wf.restore_finding(self.workspace.store, finding.id)
        ):
            self.reload_findings(select=finding.id)

    def _add_finding(self) -> None:
        dialog = FreeFindingDialog(sorted(self._device_names().items(), key=lambda x: x[1]), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.editor.values()
        changes = self._run(
            lambda: wf.add_free_finding(
                self.workspace.store,
                self.inspection_id,
                dialog.device.currentData(),
                str(values["text"]),
                str(values["severity"]),
                str(values["measure"]),
                str(values["deadline"]),
                str(values["violated"]),
                str(values["penalty"]),
            )
        )
        if changes:
            self.reload_findings(select=changes.record_id)

    # --- opinion and signatures --------------------------------------------------------

    def _signing_tab(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        people = QGroupBox(translate("Review", "The unit's representative"))
        form = QFormLayout(people)
        self.rep_name = QLineEdit()
        self.rep_post = QLineEdit()
        self.rep_phone = QLineEdit()
        form.addRow(translate("Review", "&Name"), self.rep_name)
        form.addRow(translate("Review", "&Post"), self.rep_post)
        form.addRow(translate("Review", "P&hone"), self.rep_phone)
        self.opinion = QPlainTextEdit()
        self.opinion.setMaximumHeight(80)
        self.opinion.setTabChangesFocus(True)
        self.opinion.setPlaceholderText(
            translate("Review", "The unit's opinion on the findings (it may write it itself)")
        )
        form.addRow(translate("Review", "Unit's &opinion"), self.opinion)
        layout.addWidget(people)
        pads = QGroupBox(translate("Review", "Signatures"))
        grid = QGridLayout(pads)
        self.pads: dict[str, SignaturePad] = {}
        for index, officer in enumerate(self.officers):
            title = (
                translate("Review", "Officer %1 (ID %2)")
                .replace("%1", officer.name)
                .replace("%2", officer.law_id)
            )
            pad = SignaturePad(title)
            self.pads[wf.officer_signer(officer.id)] = pad
            grid.addWidget(pad, index // 2, index % 2)
        unit_pad = SignaturePad(translate("Review", "The unit's representative"))
        self.pads[wf.UNIT_SIGNER] = unit_pad
        row = (len(self.officers) + 1) // 2
        grid.addWidget(unit_pad, row, 0)
        refusal = QWidget()
        refusal_form = QFormLayout(refusal)
        self.refused = QCheckBox(translate("Review", "The unit &refused to sign"))
        self.refusal_reason = QLineEdit()
        self.refusal_witness = QLineEdit()
        refusal_form.addRow(self.refused)
        refusal_form.addRow(translate("Review", "What happened"), self.refusal_reason)
        refusal_form.addRow(translate("Review", "Witness"), self.refusal_witness)
        self.save_refusal = QPushButton(translate("Review", "Record the refusal"))
        refusal_form.addRow(self.save_refusal)
        grid.addWidget(refusal, row, 1)
        layout.addWidget(pads)
        layout.addStretch(1)
        scroll.setWidget(tab)
        self._details_timer = QTimer(self)
        self._details_timer.setSingleShot(True)
        self._details_timer.setInterval(500)
        self._details_timer.timeout.connect(self._save_details)
        for field in (self.rep_name, self.rep_post, self.rep_phone):
            field.textChanged.connect(self._details_timer.start)
        self.opinion.textChanged.connect(self._details_timer.start)
        for signer, pad in self.pads.items():
            pad.changed.connect(lambda s=signer: self._signature_changed(s))
        self.refused.toggled.connect(self._refusal_toggled)
        self.save_refusal.clicked.connect(self._record_refusal)
        return scroll

    def _load_signing(self) -> None:
        with self.workspace.store.reading() as db:
            self.inspection = q.get_inspection(db, self.inspection_id)
            signed = q.signatures(db, self.inspection_id)
        for field, value in (
            (self.rep_name, self.inspection.unit_representative),
            (self.rep_post, self.inspection.unit_representative_post),
            (self.rep_phone, self.inspection.unit_representative_phone),
        ):
            field.blockSignals(True)
            field.setText(value)
            field.blockSignals(False)
        self.opinion.blockSignals(True)
        self.opinion.setPlainText(self.inspection.unit_opinion)
        self.opinion.blockSignals(False)
        for signer, pad in self.pads.items():
            pad.blockSignals(True)
            if signer in signed:
                pad.set_png(self.workspace.attachments.read_bytes(signed[signer].sha256))
            pad.blockSignals(False)
        self.refused.blockSignals(True)
        self.refused.setChecked(self.inspection.refused_to_sign)
        self.refused.blockSignals(False)
        self.refusal_reason.setText(self.inspection.refusal_reason)
        self.refusal_witness.setText(self.inspection.refusal_witness)
        self._refusal_toggled(self.inspection.refused_to_sign)

    def hideEvent(self, event: QHideEvent) -> None:
        if self._details_timer.isActive():  # leaving with typing not yet saved: save it now
            self._save_details()
        super().hideEvent(event)

    def _save_details(self) -> None:
        self._details_timer.stop()
        values = {
            "unit_representative": self.rep_name.text(),
            "unit_representative_post": self.rep_post.text(),
            "unit_representative_phone": self.rep_phone.text(),
            "unit_opinion": self.opinion.toPlainText(),
        }
        self._run(lambda: wf.set_details(self.workspace.store, self.inspection_id, **values))

    def _signature_changed(self, signer: str) -> None:
        pad = self.pads[signer]
        if pad.is_empty():
            self._run(lambda: wf.clear_signature(self.workspace.store, self.inspection_id, signer))
            return
        if signer == wf.UNIT_SIGNER:
            name = self.rep_name.text().strip()
        else:
            name = next(o.name for o in self.officers if wf.officer_signer(o.id) == signer)
        self._run(
            lambda: wf.sign(
                self.workspace.store,
                self.workspace.attachments,
                self.inspection_id,
                signer,
                name,
                pad.to_png(),
            )
        )
        if signer == wf.UNIT_SIGNER and self.refused.isChecked():
            self.refused.setChecked(False)

    def _refusal_toggled(self, refused: bool) -> None:
        for widget in (self.refusal_reason, self.refusal_witness, self.save_refusal):
            widget.setEnabled(refused)
        self.pads[wf.UNIT_SIGNER].set_read_only(refused)

    def _record_refusal(self) -> None:
        self._run(
            lambda: wf.record_refusal(
                self.workspace.store,
                self.inspection_id,
                self.refusal_reason.text(),
                self.refusal_witness.text(),
            )
        )
        self.pads[wf.UNIT_SIGNER].blockSignals(True)
        self.pads[wf.UNIT_SIGNER].clear()
        self.pads[wf.UNIT_SIGNER].blockSignals(False)

    # --- finish ----------------------------------------------------------------------

    def finish(self) -> None:
        self._save_details()
        try:
            changes = wf.finish_inspection(self.workspace.store, self.inspection_id)
        except UserError as err:
            _show_error(self, err)
            return
        self.changed.emit(changes)
        self.finished.emit(self.inspection_id)
