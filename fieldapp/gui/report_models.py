"""Table models over the supervisor's read-only queries (fieldapp.reports), loaded a page
at a time as the list scrolls (canFetchMore / fetchMore)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont
from sqlite_utils import Database

from fieldapp.gui.i18n import language
from fieldapp.gui.inspection_runner import SEVERITY
from fieldapp.gui.registry_view import OVERDUE_COLOUR
from fieldapp.reports.filters import ListKind
from fieldapp.reports.lists import cell_text, columns
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


class ReportTableModel(QAbstractTableModel):
    """Rows of any fieldapp.reports list; ``set_query`` decides which, a page at a time."""

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

    def set_columns(self, cols: Sequence[Col]) -> None:
        self.beginResetModel()
        self.cols = list(cols)
        self.endResetModel()

    def set_query(self, fetch: Fetch, count: Count | None = None) -> None:
        """Show the rows ``fetch`` gives, from the first page; ``count`` gives the total.

        Raises what the query raises (BadFilter …), leaving the rows shown before."""
        with self.workspace.store.reading() as db:  # may raise: read before the reset
            total = count(db) if count is not None else None
            page = list(fetch(db, 0, self.page_size))
        self.beginResetModel()
        self._fetch = fetch
        self.total = total
        self.rows = page
        self._exhausted = len(page) < self.page_size
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._fetch = None
        self.rows = []
        self.total = None
        self._exhausted = True
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._fetch is None:
            return
        first = len(self.rows)
        with self.workspace.store.reading() as db:
            page = list(self._fetch(db, first, self.page_size))
        self._exhausted = len(page) < self.page_size
        if page:
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def fetch_all(self) -> None:
        """Load every remaining page (tests, and 'select all' style actions)."""
        while self.canFetchMore():
            self.fetchMore()

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
