"""整改跟踪 for a supervisor: open notices by deadline (overdue marked), re-inspection
results, escalations, counts per officer and per district, devices overdue for periodic
inspection, and stop-use orders and seals in force."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

import fieldapp.reports.followups as fu
from fieldapp.errors import UserError
from fieldapp.gui.exports import export_list, export_table_rows
from fieldapp.gui.filter_bar import FilterBar, ReadsWhenShown
from fieldapp.gui.pages import page_heading
from fieldapp.gui.record_details import DetailPane
from fieldapp.gui.report_models import Col, Fetch, ReportTableModel, list_columns
from fieldapp.gui.supervisor_views import fit_columns, make_table
from fieldapp.gui.tasks import BackgroundTask, Progress
from fieldapp.reports import open_read_only
from fieldapp.reports.filters import Filters, ListKind
from fieldapp.workflow import Changes
from fieldapp.workspace import Workspace

translate = QCoreApplication.translate

FILTER_FIELDS = frozenset({"area", "officer", "equipment_class"})


def reinspection_columns() -> list[Col]:
    return [
        Col("at", translate("FollowUps", "Re-inspected")),
        Col("notice_number", translate("FollowUps", "Notice")),
        Col("unit_name", translate("FollowUps", "Unit")),
        Col("officer_name", translate("FollowUps", "Officer")),
        Col("outcome_label", translate("FollowUps", "Outcome")),
        Col("rectified", translate("FollowUps", "Rectified")),
        Col("of", translate("FollowUps", "Of")),
        Col("escalation_label", translate("FollowUps", "Escalation")),
        Col("note", translate("FollowUps", "Note")),
    ]


def escalation_columns() -> list[Col]:
    return [
        Col("notice_number", translate("FollowUps", "Notice")),
        Col("unit_name", translate("FollowUps", "Unit")),
        Col("district_name", translate("FollowUps", "District")),
        Col("officer_name", translate("FollowUps", "Officer")),
        Col("issued_on", translate("FollowUps", "Issued")),
        Col("deadline", translate("FollowUps", "Deadline")),
        Col("escalated_at", translate("FollowUps", "Escalated")),
        Col("escalation_label", translate("FollowUps", "Escalation")),
        Col("note", translate("FollowUps", "Note")),
    ]


def officer_columns() -> list[Col]:
    return [
        Col("name", translate("FollowUps", "Officer")),
        Col("law_id", translate("FollowUps", "Law-enforcement ID")),
        Col("inspections", translate("FollowUps", "Inspections")),
        Col("findings", translate("FollowUps", "Findings")),
        Col("notices", translate("FollowUps", "Notices")),
        Col("open", translate("FollowUps", "Open")),
        Col("overdue", translate("FollowUps", "Overdue")),
        Col("closed", translate("FollowUps", "Closed")),
        Col("escalated", translate("FollowUps", "Escalated")),
    ]


def area_columns() -> list[Col]:
    return [
        Col("name", translate("FollowUps", "Area")),
        Col("code", translate("FollowUps", "Code")),
        Col("units", translate("FollowUps", "Units")),
        Col("inspections", translate("FollowUps", "Inspections")),
        Col("findings", translate("FollowUps", "Findings")),
        Col("notices", translate("FollowUps", "Notices")),
        Col("open", translate("FollowUps", "Open")),
        Col("overdue", translate("FollowUps", "Overdue")),
    ]


def hold_columns() -> list[Col]:
    return [
        Col("unit_name", translate("FollowUps", "Unit")),
        Col("district_name", translate("FollowUps", "District")),
        Col("device", translate("FollowUps", "Device")),
        Col("equipment_code", translate("FollowUps", "Equipment code")),
        Col("status_label", translate("FollowUps", "Status")),
        Col("kind_label", translate("FollowUps", "Ordered by")),
        Col("notice_number", translate("FollowUps", "Notice")),
        Col("since", translate("FollowUps", "Since")),
        Col("days", translate("FollowUps", "Days")),
        Col("seal_expires", translate("FollowUps", "Seal expires")),
    ]


def _whole(query: Callable[[Database], Sequence[Any]]) -> Fetch:
    """A query with no paging, as a Fetch that returns everything at offset 0."""
    return lambda db, offset, _limit: list(query(db)) if offset == 0 else []


@dataclass
class Tab:
    """One tab of the follow-ups page: its table and how to fill and open it."""

    name: str
    model: ReportTableModel
    table: QTableView
    fetch: Callable[[Filters, dt.date], Fetch]
    detail: Callable[[Any], tuple[str, str] | None]  # row → (ListKind value, id)
    export: tuple[ListKind, str] | None  # the reports list (and status) behind the tab
    stale: bool = True


class SupervisorFollowUps(ReadsWhenShown, QWidget):
    """The supervisor's 整改跟踪 page."""

    open_record = Signal(str, str)

    def __init__(
        self, workspace: Workspace, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today or dt.date.today()
        self.tasks: list[BackgroundTask] = []
        outer = QVBoxLayout(self)
        outer.addWidget(page_heading(translate("FollowUps", "Follow-ups")))
        self.filter_bar = FilterBar(workspace, fields=FILTER_FIELDS)
        outer.addWidget(self.filter_bar)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(splitter, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        left_layout.addWidget(self.tabs, 1)
        bar = QHBoxLayout()
        self.count_label = QLabel()
        self.level = QComboBox()
        self.level.addItem(translate("FollowUps", "By district"), "district")
        self.level.addItem(translate("FollowUps", "By city"), "city")
        self.level.setAccessibleName(translate("FollowUps", "Level"))
        self.csv_button = QPushButton(translate("FollowUps", "Export CSV…"))
        self.xlsx_button = QPushButton(translate("FollowUps", "Export Excel…"))
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.level)
        bar.addWidget(self.csv_button)
        bar.addWidget(self.xlsx_button)
        left_layout.addLayout(bar)
        splitter.addWidget(left)
        self.details = DetailPane(workspace, self.today)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 420])
        self.message = QLabel()
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        self.tab_list: list[Tab] = []
        self._add(
            translate("FollowUps", "Open notices"),
            list_columns(ListKind.NOTICES),
            lambda f, t: lambda db, o, n: fu.open_notices(db, f, today=t, offset=o, limit=n),
            lambda r: (ListKind.NOTICES, r.id),
            (ListKind.NOTICES, "open"),
        )
        self._add(
            translate("FollowUps", "Re-inspections"),
            reinspection_columns(),
            lambda f, _t: lambda db, o, n: fu.reinspection_results(db, f, offset=o, limit=n),
            lambda r: (ListKind.NOTICES, r.notice_id),
            None,
        )
        self._add(
            translate("FollowUps", "Escalations"),
            escalation_columns(),
            lambda f, _t: lambda db, o, n: fu.escalations(db, f, offset=o, limit=n),
            lambda r: (ListKind.NOTICES, r.notice_id),
            None,
        )
        self._add(
            translate("FollowUps", "Per officer"),
            officer_columns(),
            lambda f, t: _whole(lambda db: fu.counts_by_officer(db, f, today=t)),
            lambda _r: None,
            None,
        )
        self._add(
            translate("FollowUps", "Per district"),
            area_columns(),
            lambda f, t: _whole(
                lambda db: fu.counts_by_district(db, f, today=t, level=self.level.currentData())
            ),
            lambda _r: None,
            None,
        )
        self._add(
            translate("FollowUps", "Overdue periodic inspection"),
            list_columns(ListKind.DEVICES),
            lambda f, t: lambda db, o, n: fu.overdue_devices(db, f, today=t, offset=o, limit=n),
            lambda r: (ListKind.DEVICES, r.id),
            (ListKind.DEVICES, "overdue"),
        )
        self._add(
            translate("FollowUps", "Stop-use orders and seals in force"),
            hold_columns(),
            lambda f, t: lambda db, o, n: fu.holds_in_force(db, f, today=t, offset=o, limit=n),
            lambda r: (ListKind.NOTICES, r.notice_id),
            (ListKind.DEVICES, "held"),
        )
        self.filter_bar.changed.connect(self._filters_changed)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.level.currentIndexChanged.connect(self._level_changed)
        self.csv_button.clicked.connect(partial(self.export, "csv"))
        self.xlsx_button.clicked.connect(partial(self.export, "xlsx"))
        self.details.unit_chosen.connect(self._unit_chosen)
        self._summary_generation = 0

    def _add(
        self,
        name: str,
        cols: list[Col],
        fetch: Callable[[Filters, dt.date], Fetch],
        detail: Callable[[Any], tuple[str, str] | None],
        export: tuple[ListKind, str] | None,
    ) -> None:
        model = ReportTableModel(self.workspace, cols)
        table = make_table(model)
        fit_columns(table, model)
        tab = Tab(name, model, table, fetch, detail, export)
        self.tab_list.append(tab)
        self.tabs.addTab(table, name)
        table.selectionModel().currentRowChanged.connect(partial(self._selected, tab))
        table.doubleClicked.connect(partial(self._drill_down, tab))
        model.loaded.connect(partial(self._tab_loaded, tab))
        model.failed.connect(partial(self._tab_failed, tab))

    @property
    def current(self) -> Tab:
        return self.tab_list[self.tabs.currentIndex()]

    def wait_until_read(self, timeout: float = 30) -> None:
        """Block until the summary and every tab have their rows (tests and screenshots)."""
        for task in list(self.tasks):
            task.wait(timeout)
        QCoreApplication.processEvents()
        for tab in self.tab_list:
            tab.model.wait(timeout)

    def tab_named(self, name: str) -> Tab:
        return next(t for t in self.tab_list if t.name == name)

    def mark_parts_stale(self) -> None:
        for tab in self.tab_list:
            tab.stale = True

    def on_changes(self, changes: Changes) -> None:
        if changes.inspections or changes.equipment or changes.units or changes.officers:
            self.read_again(changes)

    def filters(self) -> Filters:
        return self.filter_bar.filters(ListKind.NOTICES)

    def reload(self) -> None:
        """The summary line and the tab shown, both read in the background."""
        self._stale = False
        filters, today, db_path = self.filters(), self.today, self.workspace.db_path
        self._summary_generation += 1
        generation = self._summary_generation

        def job(_progress: Progress) -> tuple[int, int, int]:
            db = open_read_only(db_path)
            try:
                open_count, overdue = fu.count_open_notices(db, filters, today=today)
                return open_count, overdue, fu.count_holds(db, filters, today=today)
            finally:
                db.close()

        def counted(result: tuple[int, int, int]) -> None:
            if generation != self._summary_generation:
                return
            open_count, overdue, holds = result
            late = translate("FollowUps", "%1 past their deadline").replace("%1", f"{overdue:,}")
            self.summary.setText(
                translate("FollowUps", "%1 notices open").replace("%1", f"{open_count:,}")
                + f" · <b style='color:#b00020'>{late}</b> · "
                + translate("FollowUps", "%1 devices stopped, sealed or seized").replace(
                    "%1", f"{holds:,}"
                )
            )

        def failed(err: BaseException) -> None:
            if generation != self._summary_generation:
                return
            if not isinstance(err, UserError):
                raise err
            self.summary.setText(f"<span style='color:#b00020'>{html.escape(str(err))}</span>")

        task = BackgroundTask(job, "follow-up counts", self)
        task.succeeded.connect(counted)
        task.failed.connect(failed)
        self.tasks.append(task)
        task.done.connect(lambda: self.tasks.remove(task))
        task.done.connect(task.deleteLater)
        task.start()
        self._load(self.current)

    def _load(self, tab: Tab) -> None:
        """Read the tab in the background; its count line says so meanwhile."""
        tab.stale = False
        if tab is self.current:
            self.count_label.setText(translate("FollowUps", "Reading…"))
        tab.model.set_query(tab.fetch(self.filters(), self.today))

    def _tab_loaded(self, tab: Tab) -> None:
        fit_columns(tab.table, tab.model)
        if tab is not self.current:
            return
        self._show_tab(tab)
        if tab.model.rows:
            tab.table.selectRow(0)

    def _tab_failed(self, tab: Tab, err: BaseException) -> None:
        if not isinstance(err, UserError):
            raise err
        tab.model.clear()
        if tab is self.current:
            self._show_tab(tab, error=str(err))

    def _show_tab(self, tab: Tab, error: str = "") -> None:
        """The count, level choice and export buttons of the tab now shown."""
        self.level.setVisible(tab is self.tab_list[4])
        more = "+" if tab.model.canFetchMore() else ""
        self.count_label.setText(
            f"<span style='color:#b00020'>{html.escape(error)}</span>"
            if error
            else translate("FollowUps", "%1 rows").replace("%1", f"{len(tab.model.rows):,}{more}")
        )
        can_export = bool(tab.model.rows)  # every tab exports
        self.csv_button.setEnabled(can_export)
        self.xlsx_button.setEnabled(can_export)
        if not tab.model.rows:
            self.details.clear()

    def _filters_changed(self) -> None:
        for tab in self.tab_list:
            tab.stale = True
        self.reload()

    def _tab_changed(self, _index: int) -> None:
        tab = self.current
        if tab.stale:
            self._load(tab)
            return
        self._show_tab(tab)
        self._selected(tab, tab.table.currentIndex(), QModelIndex())

    def _level_changed(self) -> None:
        tab = self.tab_list[4]
        tab.stale = True
        if self.current is tab:
            self._load(tab)

    def _selected(self, tab: Tab, current: QModelIndex, _previous: QModelIndex) -> None:
        row = tab.model.row_at(current.row()) if current.isValid() else None
        target = tab.detail(row) if row is not None else None
        if target is None:
            if row is None:
                self.details.clear()
            return
        self.details.history.clear()
        self.details.show_record(target[0], target[1], remember=False)

    def _drill_down(self, tab: Tab, index: QModelIndex) -> None:
        """Double-click on an officer or area: its open notices."""
        row = tab.model.row_at(index.row())
        if row is None:
            return
        if tab is self.tab_list[3]:
            found = self.filter_bar.officer.findData(row.officer_id)
            if found >= 0:
                self.filter_bar.officer.setCurrentIndex(found)
        elif tab is self.tab_list[4]:
            found = self.filter_bar.area.findData(row.code)
            if found >= 0:
                self.filter_bar.area.setCurrentIndex(found)
        else:
            return
        self.tabs.setCurrentIndex(0)

    def _unit_chosen(self, unit_id: str, name: str) -> None:
        self.filter_bar.set_unit(unit_id, name)

    def export(self, fmt: str) -> None:
        """The tab to CSV or Excel: through its reports list when one stands behind it
        (with that list's columns), else the rows of the tab as shown."""
        tab = self.current
        task: BackgroundTask | None
        if tab.export is not None:
            kind, status = tab.export
            filters = self.filter_bar.filters(kind).replace(status=status)
            task = export_list(
                self, self.workspace, kind, filters, fmt, self.today, self.message.setText
            )
        else:
            filters = self.filters()
            task = export_table_rows(
                self,
                self.workspace,
                tab.name,
                [(c.key, c.title) for c in tab.model.cols],
                tab.fetch(filters, self.today),
                filters,
                fmt,
                self.today,
                self.message.setText,
            )
        if task is not None:
            self.tasks.append(task)
            task.done.connect(lambda: self.tasks.remove(task))
