"""The sections beside the registry: follow-ups (data exchange is fieldapp.gui.sync_view)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui.registry_view import OVERDUE_COLOUR, catalogue_name
from fieldapp.store import registry as reg
from fieldapp.workflow import Changes
from fieldapp.workspace import Workspace

translate = QCoreApplication.translate


def page_heading(text: str) -> QLabel:
    label = QLabel(f"<h2>{text}</h2>")
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class FollowUpsPage(QWidget):
    """整改跟踪: open notices by deadline, and equipment overdue for periodic inspection."""

    open_inspection = Signal(str)

    def __init__(self, workspace: Workspace, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace, self.today = workspace, today
        outer = QVBoxLayout(self)
        outer.addWidget(page_heading(translate("Pages", "Follow-ups")))
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs)
        notices_tab = QWidget()
        notices_layout = QVBoxLayout(notices_tab)
        self.notices_summary = QLabel()
        self.notices_summary.setWordWrap(True)
        notices_layout.addWidget(self.notices_summary)
        self.notices = QTableWidget(0, 5)
        self.notices.setHorizontalHeaderLabels(
            [
                translate("Pages", "Notice"),
                translate("Pages", "Unit"),
                translate("Pages", "Deadline"),
                translate("Pages", "Days left"),
                translate("Pages", "Devices held"),
            ]
        )
        self.notices.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.notices.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.notices.verticalHeader().setVisible(False)
        self.notices.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.notices.cellDoubleClicked.connect(self._open_notice)
        notices_layout.addWidget(self.notices)
        self.tabs.addTab(notices_tab, translate("Pages", "Notices to follow up"))
        overdue_tab = QWidget()
        layout = QVBoxLayout(overdue_tab)
        self.tabs.addTab(overdue_tab, translate("Pages", "Overdue periodic inspection"))
        self._open_rows: list[str] = []
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                translate("Pages", "Unit"),
                translate("Pages", "Type"),
                translate("Pages", "Equipment code"),
                translate("Pages", "Inspection due"),
                translate("Pages", "Days overdue"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self._stale = True  # read when first shown, not at start-up

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def on_changes(self, changes: Changes) -> None:
        if changes.equipment or changes.inspections:
            self._stale = True
            if self.isVisible():
                self.reload()

    def _open_notice(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._open_rows):
            self.open_inspection.emit(self._open_rows[row])

    def reload(self) -> None:
        from fieldapp.store import notices as n

        self._stale = False
        with self.workspace.store.reading() as db:
            rows = reg.overdue_equipment(db, self.today)
            notices = n.open_notices(db)
        self._open_rows = [x.inspection_id for x in notices]
        late = sum(1 for x in notices if x.deadline and x.deadline < self.today)
        held = sum(x.held_devices for x in notices)
        self.notices_summary.setText(
            translate(
                "Pages",
                "%1 notices open, %2 past their deadline; %3 devices stopped or sealed under them.",
            )
            .replace("%1", str(len(notices)))
            .replace("%2", str(late))
            .replace("%3", str(held))
        )
        self.notices.setRowCount(len(notices))
        for index, notice in enumerate(notices):
            days = (notice.deadline - self.today).days if notice.deadline else None
            cells = [
                notice.number,
                notice.unit_name,
                notice.deadline.isoformat()
                if notice.deadline
                else translate("Pages", "immediately"),
                "" if days is None else str(days),
                str(notice.held_devices or ""),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if days is not None and days < 0 and column in (2, 3):
                    item.setForeground(OVERDUE_COLOUR)
                self.notices.setItem(index, column, item)
        self.notices.resizeColumnsToContents()
        self.notices.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.summary.setText(
            translate(
                "Pages",
                "%1 devices are overdue for periodic inspection. Under Article 40 of the Special"
                " Equipment Safety Law they must not be used until inspected.",
            ).replace("%1", str(len(rows)))
        )
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            due = row.equipment.next_inspection_due
            values = [
                row.unit_name,
                catalogue_name(row.equipment.catalogue_code),
                row.equipment.equipment_code,
                due.isoformat() if due else "",
                str(row.days_overdue),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 4:
                    item.setForeground(OVERDUE_COLOUR)
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
