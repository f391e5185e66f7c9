"""新建检查: the wizard that starts an inspection — type, unit, devices, officers, the unit's
representative. Finishing it calls the ``start_inspection`` use-case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from fieldapp import workflow
from fieldapp.checklists import Checklist
from fieldapp.domain.catalogue import catalogue, equipment_class
from fieldapp.domain.models import CheckType, Equipment, Officer, is_overdue
from fieldapp.errors import UserError
from fieldapp.gui.i18n import language
from fieldapp.gui.registry_view import OVERDUE_COLOUR, catalogue_name
from fieldapp.store import registry as reg
from fieldapp.workflow import inspection as wf
from fieldapp.workspace import Workspace

translate = QCoreApplication.translate

CAMPAIGNS = {"holiday": ("节假日专项检查", "Holiday campaign")}


def _class_name(code: str) -> str:
    entry = catalogue().get(code)
    if entry is None:
        return code
    return entry.name_zh if language() == "zh" else entry.name_en


class TypePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("NewInspection", "Check type and task"))
        self.setSubTitle(
            translate("NewInspection", "Why this unit is inspected (SAMR Order No. 57).")
        )
        form = QFormLayout(self)
        self.check_type = QComboBox()
        for check_type in CheckType:
            self.check_type.addItem(check_type.label(language()), check_type.code)
        form.addRow(translate("NewInspection", "Check &type"), self.check_type)
        self.campaign = QComboBox()
        self.campaign.addItem(translate("NewInspection", "(no campaign checklist)"), "")
        for code, (zh, en) in CAMPAIGNS.items():
            self.campaign.addItem(zh if language() == "zh" else en, code)
        self.campaign_label = QLabel(translate("NewInspection", "&Campaign"))
        self.campaign_label.setBuddy(self.campaign)
        form.addRow(self.campaign_label, self.campaign)
        self.task_source = QLineEdit()
        self.task_source.setPlaceholderText(
            translate("NewInspection", "e.g. 2026 annual plan; complaint No. …; referral")
        )
        form.addRow(translate("NewInspection", "Task &source"), self.task_source)
        self.check_type.currentIndexChanged.connect(self._type_changed)
        self._type_changed()

    def _type_changed(self) -> None:
        campaign = self.check_type.currentData() == CheckType.CAMPAIGN.code
        self.campaign.setVisible(campaign)
        self.campaign_label.setVisible(campaign)


class UnitPage(QWizardPage):
    def __init__(self, workspace: Workspace, add_unit: Callable[[], str | None]) -> None:
        super().__init__()
        self.workspace = workspace
        self._add_unit = add_unit
        self.setTitle(translate("NewInspection", "Inspected unit"))
        self.setSubTitle(
            translate(
                "NewInspection", "Search by name or credit code, or add a unit not yet listed."
            )
        )
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("NewInspection", "Unit name or credit code"))
        self.search.setClearButtonEnabled(True)
        row.addWidget(self.search)
        self.add_button = QPushButton(translate("NewInspection", "&Add unit…"))
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.units = QListWidget()
        layout.addWidget(self.units)
        self.search.textChanged.connect(self.reload)
        self.units.currentItemChanged.connect(lambda *_: self.completeChanged.emit())
        self.add_button.clicked.connect(self._add)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        with self.workspace.store.reading() as db:
            summaries = reg.search_units(db, text=self.search.text(), limit=300)
        self.units.clear()
        for summary in summaries:
            unit = summary.unit
            text = f"{unit.name}    {unit.credit_code}"
            if summary.overdue_count:
                text += "    " + translate("NewInspection", "%1 overdue").replace(
                    "%1", str(summary.overdue_count)
                )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, unit.id)
            self.units.addItem(item)
            if unit.id == select:
                self.units.setCurrentItem(item)
        if select is None and self.units.count() == 1:
            self.units.setCurrentRow(0)
        self.completeChanged.emit()

    def _add(self) -> None:
        unit_id = self._add_unit()
        if unit_id:
            self.search.clear()
            self.reload(select=unit_id)

    def unit_id(self) -> str | None:
        item = self.units.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def isComplete(self) -> bool:
        return self.unit_id() is not None


class DevicesPage(QWizardPage):
    def __init__(
        self,
        workspace: Workspace,
        unit_page: UnitPage,
        today: dt.date,
        add_equipment: Callable[[str], str | None],
    ) -> None:
        super().__init__()
        self.workspace, self.unit_page, self.today = workspace, unit_page, today
        self._add_equipment = add_equipment
        self.devices: list[Equipment] = []
        self.setTitle(translate("NewInspection", "Sampled equipment"))
        self.setSubTitle(
            translate(
                "NewInspection",
                "Tick the devices to inspect: at least one of each class the unit has.",
            )
        )
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                translate("NewInspection", "Type"),
                translate("NewInspection", "Equipment code"),
                translate("NewInspection", "No. / location"),
                translate("NewInspection", "Next inspection"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.classes_note = QLabel()
        self.classes_note.setWordWrap(True)
        layout.addWidget(self.classes_note)
        self.add_button = QPushButton(translate("NewInspection", "Add &device…"))
        layout.addWidget(self.add_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.table.itemChanged.connect(self._changed)
        self.add_button.clicked.connect(self._add)

    def initializePage(self) -> None:
        self.reload()

    def reload(self, tick: str | None = None) -> None:
        unit_id = self.unit_page.unit_id()
        ticked = set(self.chosen_ids()) | ({tick} if tick else set())
        with self.workspace.store.reading() as db:
            self.devices = reg.equipment_of_unit(db, unit_id) if unit_id else []
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.devices))
        bold = QFont()
        bold.setBold(True)
        for row, device in enumerate(self.devices):
            overdue = is_overdue(device, self.today)
            due = device.next_inspection_due.isoformat() if device.next_inspection_due else ""
            if overdue:
                due += " " + translate("NewInspection", "overdue")
            cells = [
                catalogue_name(device.catalogue_code),
                device.equipment_code,
                " ".join(filter(None, [device.internal_number, device.location])),
                due,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(
                        Qt.CheckState.Checked if device.id in ticked else Qt.CheckState.Unchecked
                    )
                    item.setData(Qt.ItemDataRole.UserRole, device.id)
                if overdue:
                    item.setForeground(QBrush(OVERDUE_COLOUR))
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._changed()

    def _check_items(self) -> list[QTableWidgetItem]:
        items = [self.table.item(row, 0) for row in range(self.table.rowCount())]
        return [item for item in items if item is not None]

    def chosen_ids(self) -> list[str]:
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in self._check_items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_chosen(self, ids: set[str]) -> None:
        for item in self._check_items():
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in ids
                else Qt.CheckState.Unchecked
            )

    def missing_classes(self) -> list[str]:
        chosen = set(self.chosen_ids())
        have = {equipment_class(d.catalogue_code) for d in self.devices}
        covered = {equipment_class(d.catalogue_code) for d in self.devices if d.id in chosen}
        return sorted(have - covered)

    def _changed(self, *_args: object) -> None:
        missing = self.missing_classes()
        if missing:
            names = "、".join(_class_name(code) for code in missing)
            self.classes_note.setText(
                translate(
                    "NewInspection",
                    "No device chosen yet for: %1. Each class the unit has needs"
                    " at least one sampled device.",
                ).replace("%1", names)
            )
            self.classes_note.setStyleSheet("color: #8a5300;")
        else:
            self.classes_note.setText(
                translate("NewInspection", "Every class of the unit's equipment is sampled.")
            )
            self.classes_note.setStyleSheet("")
        self.completeChanged.emit()

    def _add(self) -> None:
        unit_id = self.unit_page.unit_id()
        if unit_id:
            new_id = self._add_equipment(unit_id)
            if new_id:
                self.reload(tick=new_id)


class OfficersPage(QWizardPage):
    def __init__(self, workspace: Workspace, add_colleague: Callable[[], str | None]) -> None:
        super().__init__()
        self.workspace = workspace
        self._add_colleague = add_colleague
        self.setTitle(translate("NewInspection", "Officers present"))
        self.setSubTitle(
            translate("NewInspection", "At least two officers, each with a law-enforcement ID.")
        )
        layout = QVBoxLayout(self)
        self.me = QLabel()
        layout.addWidget(self.me)
        self.colleagues = QListWidget()
        layout.addWidget(self.colleagues)
        self.add_button = QPushButton(translate("NewInspection", "Add &colleague…"))
        layout.addWidget(self.add_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.colleagues.itemChanged.connect(lambda *_: self.completeChanged.emit())
        self.add_button.clicked.connect(self._add)
        self.reload()

    def reload(self, tick: str | None = None) -> None:
        ticked = set(self.chosen_ids()) | ({tick} if tick else set())
        me = self.workspace.officer
        if me is not None:
            self.me.setText(
                translate("NewInspection", "You: %1, law-enforcement ID %2")
                .replace("%1", me.name)
                .replace("%2", me.law_id)
            )
        with self.workspace.store.reading() as db:
            others = [o for o in reg.list_officers(db) if not o.is_self]
        self.colleagues.blockSignals(True)
        self.colleagues.clear()
        for officer in others:
            item = QListWidgetItem(f"{officer.name}    {officer.law_id}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if officer.id in ticked else Qt.CheckState.Unchecked
            )
            item.setData(Qt.ItemDataRole.UserRole, officer.id)
            self.colleagues.addItem(item)
        self.colleagues.blockSignals(False)
        self.completeChanged.emit()

    def chosen_ids(self) -> list[str]:
        return [
            str(self.colleagues.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.colleagues.count())
            if self.colleagues.item(i).checkState() == Qt.CheckState.Checked
        ]

    def isComplete(self) -> bool:
        return bool(self.chosen_ids())

    def _add(self) -> None:
        new_id = self._add_colleague()
        if new_id:
            self.reload(tick=new_id)


class RepresentativePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("NewInspection", "The unit's representative"))
        self.setSubTitle(
            translate(
                "NewInspection", "The person who accompanies the inspection and signs the record."
            )
        )
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.post = QLineEdit()
        self.phone = QLineEdit()
        form.addRow(translate("NewInspection", "&Name"), self.name)
        form.addRow(translate("NewInspection", "&Post"), self.post)
        form.addRow(translate("NewInspection", "P&hone"), self.phone)
        self.name.textChanged.connect(lambda *_: self.completeChanged.emit())

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())


class NewInspectionWizard(QWizard):
    """Collects what ``start_inspection`` needs; ``inspection_id`` is set when it succeeded."""

    def __init__(
        self,
        workspace: Workspace,
        checklists: Callable[[], list[Checklist]],
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._checklists = checklists
        self.inspection_id: str | None = None
        self.setWindowTitle(translate("NewInspection", "New inspection"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(760, 560)
        self.type_page = TypePage()
        self.unit_page = UnitPage(workspace, self._add_unit)
        self.devices_page = DevicesPage(
            workspace, self.unit_page, today or dt.date.today(), self._add_equipment
        )
        self.officers_page = OfficersPage(workspace, self._add_colleague)
        self.representative_page = RepresentativePage()
        for page in (
            self.type_page,
            self.unit_page,
            self.devices_page,
            self.officers_page,
            self.representative_page,
        ):
            self.addPage(page)
        self.setButtonText(
            QWizard.WizardButton.FinishButton, translate("NewInspection", "Start inspection")
        )

    def _add_unit(self) -> str | None:
        from fieldapp.gui.unit_dialogs import UnitDialog

        dialog = UnitDialog(
            lambda unit: workflow.add_unit(self.workspace.store, unit).record_id, self
        )
        return dialog.unit_id if dialog.exec() == UnitDialog.DialogCode.Accepted else None

    def _add_equipment(self, unit_id: str) -> str | None:
        from fieldapp.gui.unit_dialogs import EquipmentDialog

        with self.workspace.store.reading() as db:
            unit = reg.get_unit(db, unit_id)
        dialog = EquipmentDialog(
            unit_id,
            unit.name,
            lambda device: workflow.add_equipment(self.workspace.store, device).record_id,
            self,
        )
        accepted = dialog.exec() == EquipmentDialog.DialogCode.Accepted
        return dialog.equipment_id if accepted else None

    def _add_colleague(self) -> str | None:
        dialog = ColleagueDialog(self)
        if dialog.exec() != ColleagueDialog.DialogCode.Accepted:
            return None
        officer = Officer(
            id="", name=dialog.name.text().strip(), law_id=dialog.law_id.text().strip()
        )
        try:
            return workflow.add_colleague(self.workspace.store, officer).record_id
        except UserError as err:
            from fieldapp.gui import dialogs

            dialogs.show_user_error(self, str(err))
            return None

    def new_inspection(self) -> wf.NewInspection:
        me = self.workspace.officer
        officers = ((me.id,) if me else ()) + tuple(self.officers_page.chosen_ids())
        campaign = self.type_page.campaign.currentData() or None
        check_type = CheckType.from_code(self.type_page.check_type.currentData())
        return wf.NewInspection(
            unit_id=self.unit_page.unit_id() or "",
            equipment_ids=tuple(self.devices_page.chosen_ids()),
            officer_ids=officers,
            check_type=check_type,
            task_source=self.type_page.task_source.text(),
            campaign=campaign if check_type is CheckType.CAMPAIGN else None,
            representative=self.representative_page.name.text(),
            representative_post=self.representative_page.post.text(),
            representative_phone=self.representative_page.phone.text(),
        )

    def accept(self) -> None:
        me = self.workspace.officer
        if me is None:
            from fieldapp.gui import dialogs

            dialogs.show_user_error(
                self,
                translate("NewInspection", "Only an officer's workspace can start inspections."),
            )
            return
        try:
            changes = wf.start_inspection(
                self.workspace.store, self.new_inspection(), self._checklists(), me.id
            )
        except UserError as err:
            from fieldapp.gui import dialogs

            dialogs.show_user_error(self, str(err))
            return
        self.inspection_id = changes.record_id
        super().accept()


class ColleagueDialog(QDialog):
    """A colleague not yet in the list: name and law-enforcement ID."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("NewInspection", "Add colleague"))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.law_id = QLineEdit()
        form.addRow(translate("NewInspection", "&Name"), self.name)
        form.addRow(translate("NewInspection", "&Law-enforcement ID"), self.law_id)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
