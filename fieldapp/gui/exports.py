"""Exports from the supervisor's pages, in a worker with its own database connection: any
filtered list to CSV or XLSX, and the month/quarter summary PDF (fieldapp.reports)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from fieldapp.errors import UserError
from fieldapp.gui.i18n import language
from fieldapp.gui.tasks import BackgroundTask, Cancelled, Progress, run_with_progress
from fieldapp.reports.export import (
    ExportCancelled,
    describe_filters,
    export_rows,
    export_table,
)
from fieldapp.reports.filters import Filters, ListKind
from fieldapp.reports.lists import count_rows
from fieldapp.reports.summary import Period, render_summary
from fieldapp.workspace import Workspace

if TYPE_CHECKING:
    from sqlite_utils import Database

translate = QCoreApplication.translate

FORMATS = {"csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)"}


def list_title(kind: ListKind) -> str:
    return {
        ListKind.INSPECTIONS: translate("Exports", "Inspections"),
        ListKind.NOTICES: translate("Exports", "Notices"),
        ListKind.FINDINGS: translate("Exports", "Findings"),
        ListKind.UNITS: translate("Exports", "Units"),
        ListKind.DEVICES: translate("Exports", "Devices"),
    }[kind]


def choose_export_path(parent: QWidget, suggested: Path, fmt: str) -> Path | None:
    """Where to write an export; replaced in tests."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, translate("Exports", "Export the list"), str(suggested), FORMATS[fmt]
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == f".{fmt}" else path.with_name(f"{path.name}.{fmt}")


def suggested_name(workspace: Workspace, title: str, today: dt.date, suffix: str) -> Path:
    folder = workspace.home / "exports"
    return folder / f"{title}-{today.isoformat()}.{suffix}"


def export_list(
    parent: QWidget,
    workspace: Workspace,
    kind: ListKind,
    filters: Filters,
    fmt: str,
    today: dt.date,
    done: Callable[[str], None],
) -> BackgroundTask | None:
    """Ask where, then write the filtered list in a worker; ``done(message)`` says how it
    went (also when it failed or was cancelled). Returns the running task, or None when
    the user chose no file."""
    path = choose_export_path(parent, suggested_name(workspace, list_title(kind), today, fmt), fmt)
    if path is None:
        return None
    db_path, lang = workspace.db_path, language()

    def job(progress: Progress) -> int:
        from fieldapp.reports import open_read_only  # in the worker: its own connection

        db = open_read_only(db_path)
        try:
            total = count_rows(db, kind, filters, today=today)
            progress.report(0, total)

            def step(written: int) -> bool:
                if progress.cancelled:
                    return False
                progress.report(written, total)
                return True

            return export_rows(db, kind, filters, path, lang=lang, today=today, progress=step)
        finally:
            db.close()

    return run_with_progress(
        parent,
        translate("Exports", "Exporting %1…").replace("%1", list_title(kind)),
        job,
        _reporter(parent, path, done),
        _failure_reporter(parent, done),
    )


def _reporter(parent: QWidget, path: Path, done: Callable[[str], None]) -> Callable[[Any], None]:
    def succeeded(rows: object) -> None:
        done(
            translate("Exports", "%1 rows written to %2")
            .replace("%1", f"{rows:,}" if isinstance(rows, int) else str(rows))
            .replace("%2", str(path))
        )

    return succeeded


def _failure_reporter(
    parent: QWidget, done: Callable[[str], None]
) -> Callable[[BaseException], None]:
    def failed(err: BaseException) -> None:
        if _is_cancel(err):
            done(translate("Exports", "Export cancelled; no file was written."))
        elif isinstance(err, UserError):
            done(str(err))
            from fieldapp.gui import dialogs

            dialogs.show_user_error(parent, str(err))
        else:
            raise err

    return failed


def export_table_rows(
    parent: QWidget,
    workspace: Workspace,
    title: str,
    cols: Sequence[tuple[str, str]],
    fetch: Callable[[Database, int, int], Sequence[Any]],
    filters: Filters,
    fmt: str,
    today: dt.date,
    done: Callable[[str], None],
) -> BackgroundTask | None:
    """Like ``export_list``, for a table that is not one of the five lists (a follow-up
    tab): every row ``fetch`` gives, page after page, with the columns ``cols`` (key,
    title). Returns the running task, or None when the user chose no file."""
    path = choose_export_path(parent, suggested_name(workspace, title, today, fmt), fmt)
    if path is None:
        return None
    db_path, lang = workspace.db_path, language()
    keys, headers = [key for key, _ in cols], [header for _, header in cols]

    def job(progress: Progress) -> int:
        from fieldapp.reports import open_read_only  # in the worker: its own connection

        db = open_read_only(db_path)
        try:

            def rows() -> Iterator[list[object]]:
                offset = 0
                while True:
                    page = fetch(db, offset, _TABLE_PAGE)
                    yield from ([getattr(row, key, "") for key in keys] for row in page)
                    if len(page) < _TABLE_PAGE:
                        return
                    offset += len(page)

            def step(written: int) -> bool:
                if progress.cancelled:
                    return False
                progress.report(written, 0)
                return True

            described = describe_filters(db, ListKind.NOTICES, filters, lang)
            return export_table(path, title, headers, rows(), described, lang, step)
        finally:
            db.close()

    return run_with_progress(
        parent,
        translate("Exports", "Exporting %1…").replace("%1", title),
        job,
        _reporter(parent, path, done),
        _failure_reporter(parent, done),
    )


_TABLE_PAGE = 1000


def _is_cancel(err: BaseException) -> bool:
    return isinstance(err, Cancelled | ExportCancelled)


def last_full_month(today: dt.date) -> tuple[int, int]:
    first = today.replace(day=1) - dt.timedelta(days=1)
    return first.year, first.month


class PeriodDialog(QDialog):
    """Month or quarter for the summary PDF; the last full month by default."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Exports", "Summary report (PDF)"))
        form = QFormLayout(self)
        self.by_month = QRadioButton(translate("Exports", "&Month"))
        self.by_quarter = QRadioButton(translate("Exports", "&Quarter"))
        self.year = QSpinBox()
        self.year.setRange(2000, today.year)
        year, month = last_full_month(today)
        self.year.setValue(year)
        self.month = QComboBox()
        for number in range(1, 13):
            self.month.addItem(translate("Exports", "Month %1").replace("%1", str(number)), number)
        self.month.setCurrentIndex(month - 1)
        self.quarter = QComboBox()
        for number in range(1, 5):
            self.quarter.addItem(translate("Exports", "Q%1").replace("%1", str(number)), number)
        self.quarter.setCurrentIndex((month - 1) // 3)
        self.by_month.setChecked(True)
        form.addRow(translate("Exports", "Year"), self.year)
        form.addRow(self.by_month, self.month)
        form.addRow(self.by_quarter, self.quarter)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.by_month.toggled.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        self.month.setEnabled(self.by_month.isChecked())
        self.quarter.setEnabled(not self.by_month.isChecked())

    def period(self) -> Period:
        if self.by_month.isChecked():
            return Period.month(self.year.value(), int(self.month.currentData()))
        return Period.quarter(self.year.value(), int(self.quarter.currentData()))


def choose_period(parent: QWidget, today: dt.date) -> Period | None:
    """Ask for the month or quarter; replaced in tests."""
    dialog = PeriodDialog(today, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.period()


def show_summary(parent: QWidget, pdf: bytes, period: Period) -> None:
    """The summary in the document viewer (print, save a copy); replaced in tests."""
    from fieldapp.gui.document_viewer import DocumentViewer

    label = period.label_zh if language() == "zh" else period.label_en
    title = translate("Exports", "Summary report %1").replace("%1", label)
    DocumentViewer(title, pdf, f"{title}.pdf", parent).exec()


def summary_report(
    parent: QWidget,
    workspace: Workspace,
    filters: Filters,
    today: dt.date,
    done: Callable[[str], None],
) -> BackgroundTask | None:
    """Ask for the period, render the summary PDF in a worker, then show it."""
    period = choose_period(parent, today)
    if period is None:
        return None
    db_path = workspace.db_path

    def job(progress: Progress) -> bytes:
        from fieldapp.reports import open_read_only  # in the worker: its own connection

        db = open_read_only(db_path)
        try:
            progress.report(0, 0)
            return render_summary(db, period, filters, today=today)
        finally:
            db.close()

    def succeeded(pdf: object) -> None:
        assert isinstance(pdf, bytes)
        done(translate("Exports", "Summary report ready."))
        show_summary(parent, pdf, period)

    def failed(err: BaseException) -> None:
        if isinstance(err, Cancelled):
            done(translate("Exports", "Cancelled."))
        elif isinstance(err, UserError):
            done(str(err))
            from fieldapp.gui import dialogs

            dialogs.show_user_error(parent, str(err))
        else:
            raise err

    return run_with_progress(
        parent, translate("Exports", "Writing the summary report…"), job, succeeded, failed
    )
