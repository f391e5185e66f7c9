"""单位与设备: the using units and their equipment — list, search, details."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QWidget

from fieldapp.domain.catalogue import catalogue, districts, lookup_catalogue_code
from fieldapp.domain.models import Equipment, Unit, is_overdue
from fieldapp.gui.generated.ui_registry_view import Ui_RegistryView
from fieldapp.gui.i18n import language
from fieldapp.store import registry as reg
from fieldapp.workflow import Changes
from fieldapp.workspace import Workspace

OVERDUE_COLOUR = QColor("#b00020")
PAGE_SIZE = 200

Index = QModelIndex | QPersistentModelIndex


translate = QCoreApplication.translate


def catalogue_name(code: str) -> str:
    entry = catalogue().get(code)
    if entry is None:
        return code
    return entry.name_zh if language() == "zh" else entry.name_en


def district_label(code: str) -> str:
    district = districts().get(code)
    return district.name_zh if district else code


class UnitTableModel(QAbstractTableModel):
    """Units matching the filters, fetched a page at a time as the list scrolls."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.rows: list[reg.UnitSummary] = []
        self.filters: dict[str, Any] = {}
        self._exhausted = True
        self.headers = [
            translate("RegistryView", "Unit"),
            translate("RegistryView", "Credit code"),
            translate("RegistryView", "District"),
            translate("RegistryView", "Devices"),
            translate("RegistryView", "Overdue"),
        ]

    def reload(self, **filters: Any) -> None:
        self.beginResetModel()
        self.filters = filters
        self.rows = []
        self._exhausted = False
        self._fetch()
        self.endResetModel()

    def _fetch(self) -> list[reg.UnitSummary]:
        with self.workspace.store.reading() as db:
            page = reg.search_units(db, limit=PAGE_SIZE, offset=len(self.rows), **self.filters)
        self._exhausted = len(page) < PAGE_SIZE
        self.rows.extend(page)
        return page

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        first = len(self.rows)
        with self.workspace.store.reading() as db:
            page = reg.search_units(db, limit=PAGE_SIZE, offset=first, **self.filters)
        self._exhausted = len(page) < PAGE_SIZE
        if page:
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        summary = self.rows[index.row()]
        unit, column = summary.unit, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return ("★ " if unit.is_key_unit else "") + unit.name
            if column == 1:
                return unit.credit_code
            if column == 2:
                return district_label(unit.district_code)
            if column == 3:
                return summary.equipment_count
            if column == 4:
                return summary.overdue_count or ""
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and unit.is_key_unit:
            return (
                translate("RegistryView", "Key unit for supervision") + f" ({unit.key_unit_kind})"
            )
        if role == Qt.ItemDataRole.ForegroundRole and summary.overdue_count and column == 4:
            return QBrush(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and summary.overdue_count and column == 4:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return unit.id
        return None


class EquipmentTableModel(QAbstractTableModel):
    """The devices of one unit; overdue ones in red, bold, with the word 超期未检."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Equipment] = []
        self.today = dt.date.today()
        self.headers = [
            translate("RegistryView", "Type"),
            translate("RegistryView", "Equipment code"),
            translate("RegistryView", "No."),
            translate("RegistryView", "Next inspection"),
            translate("RegistryView", "Status"),
        ]

    def set_rows(self, rows: list[Equipment], today: dt.date) -> None:
        self.beginResetModel()
        self.rows, self.today = rows, today
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        device = self.rows[index.row()]
        overdue = is_overdue(device, self.today)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return catalogue_name(device.catalogue_code)
            if column == 1:
                return device.equipment_code
            if column == 2:
                return device.internal_number or device.location
            if column == 3:
                return device.next_inspection_due.isoformat() if device.next_inspection_due else ""
            if column == 4:
                return (
                    translate("RegistryView", "Overdue")
                    if overdue
                    else device.status.label(language())
                )
        if role == Qt.ItemDataRole.ForegroundRole and overdue and column in (3, 4):
            return QBrush(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and overdue and column in (3, 4):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return device.id
        return None


def _rows_html(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='color:#444;padding-right:12px'>{html.escape(k)}</td>"
        f"<td>{html.escape(v)}</td></tr>"
        for k, v in rows
        if v
    )
    return f"<table cellspacing='2'>{cells}</table>"


def unit_details_html(unit: Unit) -> str:
    return _rows_html(
        [
            (translate("RegistryView", "Credit code"), unit.credit_code),
            (translate("RegistryView", "Address"), unit.address),
            (
                translate("RegistryView", "District"),
                f"{district_label(unit.district_code)} ({unit.district_code})"
                if unit.district_code
                else "",
            ),
            (translate("RegistryView", "Legal representative"), unit.legal_representative),
            (
                translate("RegistryView", "Safety manager"),
                " ".join(filter(None, [unit.safety_manager, unit.safety_manager_phone])),
            ),
            (
                translate("RegistryView", "Key unit"),
                unit.key_unit_kind or translate("RegistryView", "Yes") if unit.is_key_unit else "",
            ),
        ]
    )


def equipment_details_html(device: Equipment, today: dt.date) -> str:
    check = lookup_catalogue_code(device.catalogue_code)
    kind = f"{catalogue_name(device.catalogue_code)} ({device.catalogue_code})"
    if check.warning:
        kind += " — " + translate("RegistryView", "older catalogue code")
    overdue = is_overdue(device, today)
    due = device.next_inspection_due.isoformat() if device.next_inspection_due else ""
    if overdue:
        warning = translate("RegistryView", "Overdue for periodic inspection: must not be used")
        due = f"{due} — {warning}"
    attributes = ", ".join(f"{k}: {v}" for k, v in sorted(device.attributes.items()))
    rows = [
        (translate("RegistryView", "Type"), kind),
        (translate("RegistryView", "Product name"), device.product_name),
        (translate("RegistryView", "Equipment code"), device.equipment_code),
        (translate("RegistryView", "Registration certificate"), device.usage_registration_number),
        (translate("RegistryView", "Model"), device.model),
        (translate("RegistryView", "Manufacturer"), device.manufacturer),
        (translate("RegistryView", "Serial number"), device.serial_number),
        (translate("RegistryView", "Internal number"), device.internal_number),
        (translate("RegistryView", "Location"), device.location),
        (
            translate("RegistryView", "In use since"),
            device.first_use_date.isoformat() if device.first_use_date else "",
        ),
        (
            translate("RegistryView", "Design life"),
            translate("RegistryView", "%1 years").replace("%1", str(device.design_life_years))
            if device.design_life_years
            else "",
        ),
        (
            translate("RegistryView", "Maintenance unit"),
            " ".join(filter(None, [device.maintenance_unit, device.maintenance_phone])),
        ),
        (
            translate("RegistryView", "Last inspection"),
            " ".join(
                filter(
                    None,
                    [
                        device.last_inspection_date.isoformat()
                        if device.last_inspection_date
                        else "",
                        device.last_inspection_conclusion,
                    ],
                )
            ),
        ),
        (translate("RegistryView", "Next inspection due"), due),
        (
            translate("RegistryView", "Inspection postponed until"),
            device.inspection_postponed_until.isoformat()
            if device.inspection_postponed_until
            else "",
        ),
        (translate("RegistryView", "Status"), device.status.label(language())),
        (translate("RegistryView", "Parameters"), attributes),
    ]
    text = _rows_html(rows)
    if overdue:
        text = text.replace(html.escape(due), f"<b style='color:#b00020'>{html.escape(due)}</b>")
    return text


class RegistryView(QWidget):
    """Lists and searches units; shows a unit's details and equipment."""

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today or dt.date.today()
        self.ui = Ui_RegistryView()
        self.ui.setupUi(self)
        self.units = UnitTableModel(workspace)
        self.equipment = EquipmentTableModel()
        self.ui.unitTable.setModel(self.units)
        self.ui.equipmentTable.setModel(self.equipment)
        for table in (self.ui.unitTable, self.ui.equipmentTable):
            table.verticalHeader().setVisible(False)
            # size columns from the first rows only: measuring every row costs start-up time
            table.horizontalHeader().setResizeContentsPrecision(40)
            table.horizontalHeader().setHighlightSections(False)
        header = self.ui.unitTable.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        eq_header = self.ui.equipmentTable.horizontalHeader()
        eq_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column in (0, 1, 3, 4):
            eq_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        eq_header.setMaximumSectionSize(180)  # long English type names must leave room
        self.ui.splitter.setSizes([540, 610])
        self.ui.city.addItem(translate("RegistryView", "All cities"), "")
        for code, district in sorted(districts().items()):
            if code.endswith("00") and not code.endswith("0000"):
                self.ui.city.addItem(district.name_zh, code[:4])
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.reload)
        self.ui.search.textChanged.connect(self._search_timer.start)
        self.ui.city.currentIndexChanged.connect(self.reload)
        self.ui.overdueOnly.toggled.connect(self.reload)
        self.ui.unitTable.selectionModel().currentRowChanged.connect(self._unit_selected)
        self.ui.equipmentTable.selectionModel().currentRowChanged.connect(self._equipment_selected)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.ui.search.setFocus)
        self.reload()

    def on_changes(self, changes: Changes) -> None:
        if changes.units or changes.equipment:
            self.reload()

    def reload(self) -> None:
        current = self.selected_unit_id()
        self.units.reload(
            text=self.ui.search.text(),
            today=self.today,
            district_prefix=self.ui.city.currentData() or "",
            overdue_only=self.ui.overdueOnly.isChecked(),
        )
        with self.workspace.store.reading() as db:
            total = reg.count_units(db)
        shown = len(self.units.rows)
        more = "+" if self.units.canFetchMore() else ""
        self.ui.countLabel.setText(
            translate("RegistryView", "%1 of %2 units")
            .replace("%1", f"{shown}{more}")
            .replace("%2", str(total))
        )
        row = next((i for i, s in enumerate(self.units.rows) if s.unit.id == current), 0)
        if self.units.rows:
            self.ui.unitTable.selectRow(row)
        else:
            self._show_unit(None)

    def selected_unit_id(self) -> str | None:
        index = self.ui.unitTable.currentIndex()
        return str(self.units.data(index, Qt.ItemDataRole.UserRole)) if index.isValid() else None

    def _unit_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_unit(self.units.rows[current.row()].unit.id if current.isValid() else None)

    def _show_unit(self, unit_id: str | None) -> None:
        if unit_id is None:
            self.ui.unitTitle.setText(translate("RegistryView", "No unit matches the search"))
            self.ui.unitDetails.setText("")
            self.equipment.set_rows([], self.today)
            self.ui.equipmentDetails.clear()
            return
        with self.workspace.store.reading() as db:
            unit = reg.get_unit(db, unit_id)
            devices = reg.equipment_of_unit(db, unit_id)
        self.ui.unitTitle.setText(f"<h3>{html.escape(unit.name)}</h3>")
        self.ui.unitDetails.setText(unit_details_html(unit))
        overdue = sum(is_overdue(d, self.today) for d in devices)
        heading = translate("RegistryView", "Equipment (%1)").replace("%1", str(len(devices)))
        if overdue:
            heading += " — " + translate(
                "RegistryView", "%1 overdue for periodic inspection"
            ).replace("%1", str(overdue))
        self.ui.equipmentHeading.setText(heading)
        self.equipment.set_rows(devices, self.today)
        if devices:  # the first overdue device is what the officer needs to see
            first = next((i for i, d in enumerate(devices) if is_overdue(d, self.today)), 0)
            self.ui.equipmentTable.selectRow(first)
        else:
            self.ui.equipmentDetails.setHtml(
                translate("RegistryView", "This unit has no registered equipment.")
            )

    def _equipment_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.ui.equipmentDetails.clear()
            return
        device = self.equipment.rows[current.row()]
        self.ui.equipmentDetails.setHtml(equipment_details_html(device, self.today))
