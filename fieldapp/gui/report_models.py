"""Table models over the supervisor's read-only queries (fieldapp.reports), loaded a page
at a time as the list scrolls (canFetchMore / fetchMore).

Every query runs in a worker on a read-only connection of its own, so a search over a
province's ten years never freezes the window: the model keeps showing the rows it has
until the new ones arrive, and a newer query interrupts an older one still running (typing
in the search box does not queue up searches)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QFont
from sqlite_utils import Database

from fieldapp.gui.i18n import language
from fieldapp.gui.inspection_runner import SEVERITY
from fieldapp.gui.registry_view import OVERDUE_COLOUR
from fieldapp.gui.tasks import BackgroundTask, Progress
from fieldapp.reports import open_read_only, was_interrupted
from fieldapp.reports.filters import ListKind
from fieldapp.reports.lists import cell_text, columns
from fieldapp.store.database import sqlite_errors
from fieldapp.workspace import Workspace

PAGE_SIZE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[Database, int, int], Sequence[Any]]  # (db, offset, limit) → rows
Count = Callable[[Database], int]

NUMERIC_KEYS = frozenset(
    {
        "devices",
        "findings",
        "serious",
        "days_left",
        "held_devices",
        "overdue_devices",
        "inspections",
        "open_notices",
        "days_overdue",
        "rectified",
        "of",
        "units",
        "notices",
        "open",
        "overdue",
        "closed",
        "escalated",
        "days",
        "checked",
        "key_units",
        "key_checked",
    }
)
ALARM_KEYS = frozenset(
    {
        "number",
        "deadline",
        "days_left",
        "state_label",
        "next_inspection_due",
        "days_overdue",
        "overdue",
    }
)


@dataclass(frozen=True)
class Col:
    """One column: the row attribute it shows and its (already translated) title."""

    key: str
    title: str


def list_columns(kind: ListKind) -> list[Col]:
    """The columns the reports API defines for a list, titled in the GUI's language."""
    return [Col(c.key, c.header(language())) for c in columns(kind)]


def display_text(row: Any, key: str) -> str:
    """A cell as the reports API writes it, timestamps cut to the minute."""
    value = getattr(row, key, "")
    if key.endswith("_at") and isinstance(value, str) and value[10:11] == "T":
        return value[:16].replace("T", " ")
    return cell_text(value, language())


def _flag(row: Any, key: str) -> bool:
    return bool(getattr(row, key, None) or False)


def is_alarm(row: Any, key: str) -> bool:
    """Whether a cell is shown in red: overdue notices and devices, serious hazards, seals
    that outlived their 30 days, overdue counts."""
    if key in ALARM_KEYS and _flag(row, "overdue"):
        return True
    if key in ("days_overdue", "next_inspection_due") and _flag(row, "days_overdue"):
        return True
    if key in ("seal_expires", "days") and _flag(row, "expired"):
        return True
    if key == "severity_label":
        return str(getattr(row, key, "")) in SEVERITY["serious"]
    return key == "serious" and _flag(row, key)


class _Reader:
    """A read-only connection opened in a worker for one query, which the GUI thread may
    interrupt (``sqlite3.Connection.interrupt`` is safe from another thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db: Database | None = None
        self.stopped = False
        self._lock = threading.Lock()

    def run(self, query: Callable[[Database], Any]) -> Any:
        with sqlite_errors(self.path):
            db = open_read_only(self.path)
            with self._lock:
                self.db = db
                if self.stopped:
                    db.conn.interrupt()
            try:
                return query(db)
            finally:
                with self._lock:
                    self.db = None
                db.close()

    def interrupt(self) -> None:
        with self._lock:
            self.stopped = True
            if self.db is not None:
                self.db.conn.interrupt()


class ReportTableModel(QAbstractTableModel):
    """Rows of any fieldapp.reports list; ``set_query`` decides which, a page at a time.

    ``loaded`` is emitted when the newest query's first page (and count) are in, ``failed``
    with its error (a BadFilter, an unreadable file) when it fails; a query replaced by a
    newer one reports nothing."""

    loaded = Signal()
    failed = Signal(object)

    def __init__(
        self, workspace: Workspace, cols: Sequence[Col], page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.cols = list(cols)
        self.page_size = page_size
        self.rows: list[Any] = []
        self.total: int | None = None
        self._fetch: Fetch | None = None
        self._exhausted = True
        self._generation = 0
        self._readers: list[_Reader] = []
        self._tasks: list[BackgroundTask] = []
        self.loading = False  # the newest query's first page is not in yet
        self.fetching = False  # a further page is being read
        app = QCoreApplication.instance()
        if app is not None:  # a query still reading when the app quits is stopped first
            app.aboutToQuit.connect(self.close)

    def set_columns(self, cols: Sequence[Col]) -> None:
        self.beginResetModel()
        self.cols = list(cols)
        self.endResetModel()

    def _start(
        self,
        query: Callable[[Database], Any],
        arrived: Callable[[Any], None],
        went_wrong: Callable[[BaseException], None],
    ) -> None:
        reader = _Reader(self.workspace.db_path)
        generation = self._generation

        def job(_progress: Progress) -> Any:
            return reader.run(query)

        def done() -> None:
            self._readers.remove(reader)
            self._tasks.remove(task)
            QTimer.singleShot(0, task.deleteLater)

        task = BackgroundTask(job, "list query", self)

        def succeeded(result: Any) -> None:
            if generation == self._generation:  # else a newer query replaced this one
                arrived(result)

        def failed(err: BaseException) -> None:
            if generation == self._generation:
                went_wrong(err)

        task.succeeded.connect(succeeded)
        task.failed.connect(failed)
        task.done.connect(done)
        self._readers.append(reader)
        self._tasks.append(task)
        task.start()

    def _stop_all(self) -> None:
        """Interrupt whatever is still reading; its results will be dropped."""
        self._generation += 1
        for reader in self._readers:
            reader.interrupt()
        self.fetching = False

    def set_query(self, fetch: Fetch, count: Count | None = None) -> None:
        """Show the rows ``fetch`` gives, from the first page; ``count`` gives the total.

        Both are read in a worker; the rows shown until then stay. What the query raises
        (BadFilter …) is emitted by ``failed``, leaving the rows shown before."""
        self._stop_all()
        self.loading = True
        page_size = self.page_size

        def query(db: Database) -> tuple[int | None, list[Any]]:
            total = count(db) if count is not None else None
            return total, list(fetch(db, 0, page_size))

        def arrived(result: tuple[int | None, list[Any]]) -> None:
            total, page = result
            self.beginResetModel()
            self._fetch = fetch
            self.total = total
            self.rows = page
            self._exhausted = len(page) < self.page_size
            self.loading = False
            self.endResetModel()
            self.loaded.emit()

        self._start(query, arrived, self._failed)

    def _failed(self, err: BaseException) -> None:
        self.loading = self.fetching = False
        if was_interrupted(err):
            return  # stopped by ``clear``
        self.failed.emit(err)

    def clear(self) -> None:
        self._stop_all()
        self.loading = False
        self.beginResetModel()
        self._fetch = None
        self.rows = []
        self.total = None
        self._exhausted = True
        self.endResetModel()

    def close(self) -> None:
        """Stop every query and wait for the workers (the window is closing)."""
        self._stop_all()
        self.loading = False
        for task in list(self._tasks):
            task.wait(5)

    def wait(self, timeout: float = 30) -> None:
        """Block until the running queries have ended and their results are in (tests,
        and actions that need the whole list)."""
        deadline = time.monotonic() + timeout
        while (self._tasks or self.loading or self.fetching) and time.monotonic() < deadline:
            for task in list(self._tasks):
                task.wait(0.05)
            QCoreApplication.processEvents()

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """Read the next page in a worker (once: the view asks again as it scrolls)."""
        if parent.isValid() or self._exhausted or self._fetch is None or self.fetching:
            return
        self.fetching = True
        fetch, first, page_size = self._fetch, len(self.rows), self.page_size

        def arrived(page: list[Any]) -> None:
            self.fetching = False
            if len(self.rows) != first:
                return
            self._exhausted = len(page) < self.page_size
            if page:
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self.rows.extend(page)
                self.endInsertRows()

        self._start(lambda db: list(fetch(db, first, page_size)), arrived, self._failed)

    def fetch_all(self) -> None:
        """Load every remaining page (tests, and 'select all' style actions)."""
        self.wait()
        while self.canFetchMore():
            self.fetchMore()
            self.wait()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cols)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.cols)
        ):
            return self.cols[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        key = self.cols[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("text", "unit_name", "address", "note"):
            return display_text(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and is_alarm(row, key):
            return QBrush(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and is_alarm(row, key):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMERIC_KEYS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        return None

    def shown_text(self) -> str:
        """'200+ of 1,234' style: rows loaded, whether more follow, and the total."""
        loaded = f"{len(self.rows):,}"
        if self.total is None:
            return loaded + ("+" if self.canFetchMore() else "")
        return f"{self.total:,}"
