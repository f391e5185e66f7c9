"""The main window: navigation between the four sections, status bar, menus.

The window is shown at once, before the workspace is open: opening (and, after an update,
migrating) the database happens in a worker, and ``attach()`` fills the sections when it is
done. Modules that need the store are imported only then.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow

from fieldapp.gui.generated.ui_main_window import Ui_MainWindow
from fieldapp.paths import resource

if TYPE_CHECKING:
    from fieldapp.checklists import Checklist
    from fieldapp.gui.dashboards import DashboardsPage
    from fieldapp.gui.followups_view import SupervisorFollowUps
    from fieldapp.gui.inspections_view import InspectionsView
    from fieldapp.gui.pages import FollowUpsPage
    from fieldapp.gui.registry_view import RegistryView
    from fieldapp.gui.supervisor_views import RecordsPage
    from fieldapp.gui.sync_view import SyncView
    from fieldapp.workflow import Changes
    from fieldapp.workspace import Workspace

translate = QCoreApplication.translate

SECTION_ICONS = ("inspections", "registry", "follow-ups", "sync")
REGISTRY = 1


class MainWindow(QMainWindow):
    """Holds the workspace; every view listens to ``changed`` and re-reads what it shows."""

    changed = Signal(object)

    def __init__(self, workspace: Workspace | None = None, today: dt.date | None = None) -> None:
        super().__init__()
        self.workspace: Workspace | None = None
        self._checklists: list[Checklist] | None = None
        self.today = today or dt.date.today()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setMinimumSize(1024, 600)
        titles = [
            translate("MainWindow", "Inspections"),
            translate("MainWindow", "Units and Equipment"),
            translate("MainWindow", "Follow-ups"),
            translate("MainWindow", "Data Exchange"),
        ]
        actions = [
            self.ui.actionInspections,
            self.ui.actionRegistry,
            self.ui.actionFollowUps,
            self.ui.actionSync,
        ]
        for index, (title, icon, action) in enumerate(
            zip(titles, SECTION_ICONS, actions, strict=True)
        ):
            item = QListWidgetItem(QIcon(str(resource("icons", f"{icon}.svg"))), title)
            self.ui.navigation.addItem(item)
            action.triggered.connect(lambda _=False, i=index: self.show_section(i))
        self.ui.navigation.setStyleSheet(
            "QListWidget { background: #1f3b57; color: white; font-size: 11pt; }"
            "QListWidget::item { padding: 12px 10px; }"
            "QListWidget::item:selected { background: #2f6ea5; color: white; }"
        )
        self.ui.navigation.currentRowChanged.connect(self.ui.pages.setCurrentIndex)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionOpenLog.triggered.connect(self._open_log)
        self.ui.actionVerify.triggered.connect(self._verify)
        self.ui.actionAbout.triggered.connect(self._about)
        self._status = QLabel()
        self.ui.statusbar.addPermanentWidget(self._status)
        self.opening = QLabel(translate("MainWindow", "Opening the workspace…"))
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ui.pages.addWidget(self.opening)
        self.ui.navigation.setEnabled(False)
        self.setWindowTitle(
            translate("MainWindow", "Special Equipment Safety Supervision") + " · fieldapp"
        )
        if workspace is not None:
            self.attach(workspace)

    def attach(self, workspace: Workspace) -> None:
        """Fill the sections from the now open workspace."""
        from fieldapp.gui.inspections_view import InspectionsView
        from fieldapp.gui.pages import FollowUpsPage
        from fieldapp.gui.registry_view import RegistryView
        from fieldapp.gui.sync_view import SyncView

        self.workspace = workspace
        self.inspections: InspectionsView = InspectionsView(
            workspace, self.checklists, today=self.today
        )
        self.registry: RegistryView = RegistryView(workspace, today=self.today)
        supervisor = workspace.role.code == "supervisor"
        if supervisor:  # 整改跟踪 over everything the officers sent in
            from fieldapp.gui.followups_view import SupervisorFollowUps

            self.follow_ups: FollowUpsPage | SupervisorFollowUps = SupervisorFollowUps(
                workspace, self.today
            )
        else:
            self.follow_ups = FollowUpsPage(workspace, self.today)
        self.sync: SyncView = SyncView(workspace)
        self.ui.pages.removeWidget(self.opening)
        self.opening.deleteLater()
        for page in (self.inspections, self.registry, self.follow_ups, self.sync):
            self.ui.pages.addWidget(page)
        for view in (self.registry, self.follow_ups, self.inspections):
            self.changed.connect(view.on_changes)
        self.inspections.changed.connect(self.publish)
        self.sync.changed.connect(self.publish)
        if isinstance(self.follow_ups, FollowUpsPage):
            self.follow_ups.open_inspection.connect(self._open_inspection)
        if supervisor:
            self._add_supervisor_sections(workspace)
        self.ui.navigation.setEnabled(True)
        self._update_status()
        self.show_section(REGISTRY)

    def _add_supervisor_sections(self, workspace: Workspace) -> None:
        """检查数据查询 and 统计分析, after the four sections every workspace has."""
        from fieldapp.gui.dashboards import DashboardsPage
        from fieldapp.gui.supervisor_views import RecordsPage

        self.records: RecordsPage = RecordsPage(workspace, self.today)
        self.dashboards: DashboardsPage = DashboardsPage(workspace, self.today)
        self.supervisor_actions: list[QAction] = []
        sections = (
            (translate("MainWindow", "Records"), "records", self.records, "Ctrl+5"),
            (translate("MainWindow", "Dashboards"), "dashboards", self.dashboards, "Ctrl+6"),
        )
        for title, icon, page, shortcut in sections:
            index = self.ui.navigation.count()
            self.ui.navigation.addItem(
                QListWidgetItem(QIcon(str(resource("icons", f"{icon}.svg"))), title)
            )
            self.ui.pages.addWidget(page)
            self.changed.connect(page.on_changes)
            action = self.ui.menuView.addAction(title)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, i=index: self.show_section(i))
            self.supervisor_actions.append(action)

    def checklists(self) -> list[Checklist]:
        """The shipped checklists, read once when first needed."""
        if self._checklists is None:
            from fieldapp.checklists import shipped_checklists

            self._checklists = shipped_checklists()
        return self._checklists

    def _open_inspection(self, inspection_id: str) -> None:
        self.show_section(0)
        self.inspections.open_inspection(inspection_id)

    def show_section(self, index: int) -> None:
        if self.workspace is not None:
            self.ui.navigation.setCurrentRow(index)

    def publish(self, changes: Changes) -> None:
        """Tell every view once what an action changed."""
        self.changed.emit(changes)
        self._update_status()

    def _update_status(self) -> None:
        ws = self.workspace
        if ws is None:
            return
        who = ws.officer.name if ws.officer else _bureau_name(ws) or ws.role.label("zh")
        demo = " · " + translate("MainWindow", "demo workspace") if ws.is_demo else ""
        role = (
            translate("MainWindow", "Officer")
            if ws.role.code == "officer"
            else translate("MainWindow", "Supervisor")
        )
        workspace = translate("MainWindow", "Workspace")
        self._status.setText(f"{role}: {who} · {workspace}: {ws.home}{demo}")
        title = translate("MainWindow", "Special Equipment Safety Supervision")
        self.setWindowTitle(f"{title} · fieldapp — {who}{demo} — {ws.home}")

    def _verify(self) -> None:
        if self.workspace is not None:
            from fieldapp.gui.verify_dialog import VerifyDialog

            VerifyDialog(self.workspace, self).exec()

    def _open_log(self) -> None:
        if self.workspace is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.workspace.log_path)))

    def _about(self) -> None:
        from fieldapp.gui.about_dialog import AboutDialog

        AboutDialog(self).exec()


def _bureau_name(ws: Workspace) -> str:
    """A supervisor workspace's name: the one its signing key carries (its bureau)."""
    from fieldapp.errors import UserError
    from fieldapp.keys import own_public_key

    try:
        return own_public_key(ws.home / "keys").name
    except UserError:
        return ""
