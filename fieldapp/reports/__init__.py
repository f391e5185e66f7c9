"""The supervisor's reports: lists, follow-ups, dashboards, exports and the PDF summary.

Qt-free and read-only: the SQL in this package only reads (``fieldapp.store`` stays the only
place that writes). See API.md beside this file for the functions the GUI calls. Slow work
(exports, the PDF, dashboards over a province) runs best in a worker with its own
connection from :func:`open_read_only`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from fieldapp.reports.dashboard import (
    CityCoverage,
    ClassCount,
    Coverage,
    Dashboard,
    ItemCount,
    MonthCount,
    OnTimeShare,
    dashboard,
    findings_by_class,
    inspections_per_month,
    on_time_share,
    sampling_coverage,
    top_failed_items,
)
from fieldapp.reports.export import (
    ExportCancelled,
    ExportFailed,
    describe_filters,
    export_csv,
    export_rows,
    export_xlsx,
)
from fieldapp.reports.filters import (
    STATUSES,
    BadFilter,
    Filters,
    ListKind,
    area_choices,
    class_choices,
    status_label,
)
from fieldapp.reports.followups import (
    AreaCounts,
    EscalationItem,
    HoldItem,
    OfficerCounts,
    ReinspectionItem,
    count_holds,
    count_open_notices,
    counts_by_district,
    counts_by_officer,
    escalations,
    holds_in_force,
    open_notices,
    overdue_devices,
    reinspection_results,
)
from fieldapp.reports.lists import (
    Column,
    DeviceItem,
    FindingItem,
    InspectionItem,
    NoticeItem,
    UnitItem,
    area_name,
    cell_text,
    columns,
    count_rows,
    fetch_rows,
    iter_rows,
)
from fieldapp.reports.search import search_mode
from fieldapp.reports.summary import Period, render_summary, write_summary


def was_interrupted(err: BaseException) -> bool:
    """Whether ``err`` is SQLite saying the query was interrupted (a newer one replaced it)."""
    return isinstance(err, sqlite3.OperationalError) and "interrupt" in str(err)


def open_read_only(path: Path) -> Database:
    """A second, read-only connection to a workspace database, for a worker thread.

    Raises ``sqlite3.OperationalError`` if the file cannot be opened.
    """
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    conn.execute("PRAGMA query_only = 1")
    conn.execute("PRAGMA busy_timeout = 5000")
    return Database(conn, execute_plugins=False)


__all__ = [
    "STATUSES",
    "AreaCounts",
    "BadFilter",
    "CityCoverage",
    "ClassCount",
    "Column",
    "Coverage",
    "Dashboard",
    "DeviceItem",
    "EscalationItem",
    "ExportCancelled",
    "ExportFailed",
    "Filters",
    "FindingItem",
    "HoldItem",
    "InspectionItem",
    "ItemCount",
    "ListKind",
    "MonthCount",
    "NoticeItem",
    "OfficerCounts",
    "OnTimeShare",
    "Period",
    "ReinspectionItem",
    "UnitItem",
    "area_choices",
    "area_name",
    "cell_text",
    "class_choices",
    "columns",
    "count_holds",
    "count_open_notices",
    "count_rows",
    "counts_by_district",
    "counts_by_officer",
    "dashboard",
    "describe_filters",
    "escalations",
    "export_csv",
    "export_rows",
    "export_xlsx",
    "fetch_rows",
    "findings_by_class",
    "holds_in_force",
    "inspections_per_month",
    "iter_rows",
    "on_time_share",
    "open_notices",
    "open_read_only",
    "overdue_devices",
    "reinspection_results",
    "render_summary",
    "sampling_coverage",
    "search_mode",
    "status_label",
    "top_failed_items",
    "was_interrupted",
    "write_summary",
]
