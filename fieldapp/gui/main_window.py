"""The main window: navigation between the four sections, status bar, menus."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp import __version__
from fieldapp.gui import dialogs
from fieldapp.gui.generated.ui_main_window import Ui_MainWindow
from fieldapp.gui.registry_view import OVERDUE_COLOUR, RegistryView, catalogue_name
from fieldapp.paths import resource
from fieldapp.store import registry as reg
from fieldapp.workflow import Changes
from fieldapp.workspace import Workspace

translate = QCoreApplication.translate


def _page_heading(text: str) -> QLabel:
    label = QLabel(f"<h2>{text}</h2>")
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class InspectionsPage(QWidget):
    """检查: where the guided on-site inspection will live."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(_page_heading(translate("MainWindow", "Inspections")))
        note = QLabel(
            translate(
                "MainWindow",
                "This workspace holds no inspections yet. Guided on-site inspections (checklists,"
                " findings, photos, signatures and notices) are not available in this version;"
                " the registry of units and equipment is.",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)


class FollowUpsPage(QWidget):
    """整改跟踪: for now, equipment overdue for periodic inspection."""

    def __init__(self, workspace: Workspace, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace, self.today = workspace, today
        layout = QVBoxLayout(self)
        layout.addWidget(_page_heading(translate("MainWindow", "Follow-ups")))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                translate("MainWindow", "Unit"),
                translate("MainWindow", "Type"),
                translate("MainWindow", "Equipment code"),
                translate("MainWindow", "Inspection due"),
                translate("MainWindow", "Days overdue"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.reload()

    def on_changes(self, changes: Changes) -> None:
        if changes.equipment:
            self.reload()

    def reload(self) -> None:
        with self.workspace.store.reading() as db:
            rows = reg.overdue_equipment(db, self.today)
        self.summary.setText(
            translate(
                "MainWindow",
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


class SyncPage(QWidget):
    """数据交换: the facts a supervisor needs to identify this workspace."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        layout = QVBoxLayout(self)
        layout.addWidget(_page_heading(translate("MainWindow", "Data Exchange")))
        self.facts = QLabel()
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.facts)
        note = QLabel(
            translate(
                "MainWindow",
                "Exporting batches for the supervisor and importing reference packs are not"
                " available in this version yet.",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        ws = self.workspace
        size_kb = ws.db_path.stat().st_size // 1024
        backups = len(list((ws.home / "backups").glob("*.db")))
        rows = [
            (translate("MainWindow", "Workspace folder"), str(ws.home)),
            (translate("MainWindow", "Role"), ws.role.label("zh") + " / " + ws.role.label("en")),
            (translate("MainWindow", "Device id"), ws.device_id),
            (translate("MainWindow", "Database size"), f"{size_kb:,} KB"),
            (translate("MainWindow", "Backups kept"), str(backups)),
            (translate("MainWindow", "Log file"), str(ws.log_path)),
        ]
        self.facts.setText(
            "<table cellspacing='4'>"
            + "".join(f"<tr><td style='color:#444'>{k}</td><td>{v}</td></tr>" for k, v in rows)
            + "</table>"
        )


class MainWindow(QMainWindow):
    """Holds the workspace; every view listens to ``changed`` and re-reads what it shows."""

    changed = Signal(object)

    def __init__(self, workspace: Workspace, today: dt.date | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.today = today or dt.date.today()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setMinimumSize(1024, 600)
        self.inspections = InspectionsPage()
        self.registry = RegistryView(workspace, today=self.today)
        self.follow_ups = FollowUpsPage(workspace, self.today)
        self.sync = SyncPage(workspace)
        sections = [
            (
                self.inspections,
                translate("MainWindow", "Inspections"),
                "inspections",
                self.ui.actionInspections,
            ),
            (
                self.registry,
                translate("MainWindow", "Units and Equipment"),
                "registry",
                self.ui.actionRegistry,
            ),
            (
                self.follow_ups,
                translate("MainWindow", "Follow-ups"),
                "follow-ups",
                self.ui.actionFollowUps,
            ),
            (self.sync, translate("MainWindow", "Data Exchange"), "sync", self.ui.actionSync),
        ]
        for index, (page, title, icon, action) in enumerate(sections):
            self.ui.pages.addWidget(page)
            item = QListWidgetItem(QIcon(str(resource("icons", f"{icon}.svg"))), title)
            self.ui.navigation.addItem(item)
            action.triggered.connect(lambda _=False, i=index: self.show_section(i))
        self.ui.navigation.currentRowChanged.connect(self.ui.pages.setCurrentIndex)
        self.ui.navigation.setStyleSheet(
            "QListWidget { background: #1f3b57; color: white; font-size: 11pt; }"
            "QListWidget::item { padding: 12px 10px; }"
            "QListWidget::item:selected { background: #2f6ea5; color: white; }"
        )
        for view in (self.registry, self.follow_ups):
            self.changed.connect(view.on_changes)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionOpenLog.triggered.connect(self._open_log)
        self.ui.actionAbout.triggered.connect(self._about)
        self._status = QLabel()
        self.ui.statusbar.addPermanentWidget(self._status)
        self._update_status()
        self.show_section(1)

    def show_section(self, index: int) -> None:
        self.ui.navigation.setCurrentRow(index)

    def publish(self, changes: Changes) -> None:
        """Tell every view once what an action changed."""
        self.changed.emit(changes)
        self._update_status()

    def _update_status(self) -> None:
        ws = self.workspace
        who = ws.officer.name if ws.officer else ws.role.label("zh")
        demo = " · " + translate("MainWindow", "demo workspace") if ws.is_demo else ""
        role = (
            translate("MainWindow", "Officer")
            if ws.role.code == "officer"
            else translate("MainWindow", "Supervisor")
        )
        workspace = translate("MainWindow", "Workspace")
        self._status.setText(f"{role}: {who} · {workspace}: {ws.home}{demo}")
        title = translate("MainWindow", "Special Equipment Safety Supervision")
        self.setWindowTitle(f"{title} — {who}{demo}")

    def _open_log(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.workspace.log_path)))

    def _about(self) -> None:
        dialogs.show_info(
            self,
            translate("MainWindow", "About fieldapp"),
            translate(
                "MainWindow",
                "fieldapp %1 — offline field app for special-equipment safety supervision.",
            ).replace("%1", __version__),
        )
