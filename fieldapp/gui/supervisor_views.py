"""检查数据查询: everything imported — inspections, notices, findings, units, devices —
filtered and searched, a page at a time, with the chosen record's details beside the list,
and any filtered list exported to CSV or Excel."""

from __future__ import annotations

import datetime as dt
import html
from functools import partial

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import UserError
from fieldapp.gui.exports import export_list, list_title
from fieldapp.gui.filter_bar import FilterBar, ReadsWhenShown
from fieldapp.gui.pages import page_heading
from fieldapp.gui.record_details import DetailPane
from fieldapp.gui.report_models import ReportTableModel, list_columns
from fieldapp.gui.tasks import BackgroundTask
from fieldapp.reports.filters import Filters, ListKind
from fieldapp.reports.lists import count_rows, fetch_rows
from fieldapp.workflow import Changes
from fieldapp.workspace import Workspace

translate = QCoreApplication.translate

KINDS = (
    ListKind.INSPECTIONS,
    ListKind.NOTICES,
    ListKind.FINDINGS,
    ListKind.UNITS,
    ListKind.DEVICES,
)


def make_table(model: ReportTableModel) -> QTableView:
    """A read-only, row-selecting table over ``model``, sized from its first rows."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setResizeContentsPrecision(40)
    header.setMaximumSectionSize(320)
    return table


def fit_columns(table: QTableView, model: ReportTableModel) -> None:
    """Every column as wide as its first rows' contents (at most 320 px), the last one
    taking what is left: nothing is cut short, a wide list scrolls sideways. The user
    can still drag the column borders."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # the user may drag
    header.setStretchLastSection(True)
    if model.rows:
        header.resizeSections(QHeaderView.ResizeMode.ResizeToContents)


class RecordList(QWidget):
    """One list (table, count, export buttons) of the records page."""

    def __init__(self, workspace: Workspace, kind: ListKind, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.model = ReportTableModel(workspace, list_columns(kind))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = make_table(self.model)
        fit_columns(self.table, self.model)
        layout.addWidget(self.table, 1)
        bar = QHBoxLayout()
        self.count_label = QLabel()
        self.csv_button = QPushButton(translate("Records", "Export CSV…"))
        self.xlsx_button = QPushButton(translate("Records", "Export Excel…"))
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.csv_button)
        bar.addWidget(self.xlsx_button)
        layout.addLayout(bar)
        self.stale = True
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._failed)
        self._filtered = False

    def load(self, filters: Filters, today: dt.date) -> None:
        """Read the list in the background; the count line says so meanwhile."""
        self.stale = False
        kind = self.kind
        self._filtered = not filters.is_empty()
        self.count_label.setText(translate("Records", "Reading…"))
        self.model.set_query(
            lambda db, offset, limit: fetch_rows(
                db, kind, filters, offset=offset, limit=limit, today=today
            ),
            lambda db: count_rows(db, kind, filters, today=today),
        )

    def _loaded(self) -> None:
        total = self.model.total or 0
        self.count_label.setText(
            translate("Records", "%1 found").replace("%1", f"{total:,}")
            if self._filtered
            else translate("Records", "%1 in all").replace("%1", f"{total:,}")
        )
        self.csv_button.setEnabled(total > 0)
        self.xlsx_button.setEnabled(total > 0)

    def _failed(self, err: BaseException) -> None:
        if not isinstance(err, UserError):
            raise err
        self.model.clear()
        self.count_label.setText(f"<span style='color:#b00020'>{html.escape(str(err))}</span>")
        self.csv_button.setEnabled(False)
        self.xlsx_button.setEnabled(False)


class RecordsPage(ReadsWhenShown, QWidget):
    """The supervisor's lists under one filter bar, with a detail pane."""

    def __init__(
        self, workspace: Workspace, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today or dt.date.today()
        self.tasks: list[BackgroundTask] = []
        outer = QVBoxLayout(self)
        outer.addWidget(page_heading(translate("Records", "Records")))
        self.filter_bar = FilterBar(workspace)
        outer.addWidget(self.filter_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(self.splitter, 1)
        self.tabs = QTabWidget()
        self.lists: dict[ListKind, RecordList] = {}
        for kind in KINDS:
            view = RecordList(workspace, kind)
            self.lists[kind] = view
            self.tabs.addTab(view, list_title(kind))
            view.table.selectionModel().currentRowChanged.connect(partial(self._selected, kind))
            view.model.loaded.connect(partial(self._list_loaded, view))
            view.model.failed.connect(self._list_failed)
            view.csv_button.clicked.connect(partial(self.export, kind, "csv"))
            view.xlsx_button.clicked.connect(partial(self.export, kind, "xlsx"))
        self.splitter.addWidget(self.tabs)
        self.details = DetailPane(workspace, self.today)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 380])
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.message)
        self.filter_bar.changed.connect(self._filters_changed)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.details.unit_chosen.connect(self.filter_bar.set_unit)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.filter_bar.search.setFocus)

    @property
    def current(self) -> RecordList:
        view = self.tabs.currentWidget()
        assert isinstance(view, RecordList)
        return view

    def mark_parts_stale(self) -> None:
        for view in self.lists.values():
            view.stale = True

    def on_changes(self, changes: Changes) -> None:
        if changes.inspections or changes.units or changes.equipment or changes.officers:
            self.read_again(changes)

    def wait_until_read(self, timeout: float = 30) -> None:
        """Block until every list has its rows (tests and screenshots)."""
        for view in self.lists.values():
            view.model.wait(timeout)

    def show_list(self, kind: ListKind) -> None:
        self.tabs.setCurrentWidget(self.lists[kind])

    def reload(self) -> None:
        """Re-read the list on show; the others when their tab is chosen."""
        self._stale = False
        view = self.current
        self.filter_bar.set_kind(view.kind)
        view.load(self.filter_bar.filters(view.kind), self.today)

    def _list_loaded(self, view: RecordList) -> None:
        """Fit the columns to the new rows and show the first one in the detail pane."""
        fit_columns(view.table, view.model)
        if view is not self.current:
            return
        if view.model.rows:
            view.table.selectRow(0)
        else:
            self.details.clear()

    def _list_failed(self, _err: BaseException) -> None:
        self.details.clear()

    def _filters_changed(self) -> None:
        for view in self.lists.values():
            view.stale = True
        self.reload()

    def _tab_changed(self, _index: int) -> None:
        view = self.current
        self.filter_bar.set_kind(view.kind)
        if view.stale:
            self.reload()
        else:
            index = view.table.currentIndex()
            self._selected(view.kind, index, QModelIndex())

    def _selected(self, kind: ListKind, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.lists[kind].model.row_at(current.row()) if current.isValid() else None
        if row is None:
            self.details.clear()
            return
        self.details.history.clear()
        self.details.show_record(kind, row.id, remember=False)

    def export(self, kind: ListKind, fmt: str) -> None:
        task = export_list(
            self,
            self.workspace,
            kind,
            self.filter_bar.filters(kind),
            fmt,
            self.today,
            self.message.setText,
        )
        if task is not None:
            self.tasks.append(task)
            task.done.connect(lambda: self.tasks.remove(task))
