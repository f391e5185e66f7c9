"""Any list, with its filters, to CSV (UTF-8 with a byte-order mark, so that Excel shows the
Chinese text) or to XLSX (openpyxl in write-only mode).

Rows are streamed from the database to the file a batch at a time, so a province-sized
list never sits in memory. The file is written beside its target and renamed at the end:
a cancelled or failed export leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import errno
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from fieldapp.errors import DiskFull, UserError
from fieldapp.reports.filters import Filters, ListKind, status_label
from fieldapp.reports.lists import Column, area_name, cell_text, columns, count_rows, iter_rows

__all__ = [
    "ExportCancelled",
    "ExportFailed",
    "describe_filters",
    "export_csv",
    "export_rows",
    "export_table",
    "export_xlsx",
]

#: Called with the rows written so far (every PROGRESS_EVERY rows); False cancels.
Progress = Callable[[int], bool]
PROGRESS_EVERY = 1000
LIST_TITLES = {
    ListKind.INSPECTIONS: ("检查记录", "Inspections"),
    ListKind.NOTICES: ("指令书", "Notices"),
    ListKind.FINDINGS: ("问题", "Findings"),
    ListKind.UNITS: ("使用单位", "Units"),
    ListKind.DEVICES: ("设备", "Devices"),
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL_SHEET = re.compile(r"[\\/?*\[\]:]")  # not allowed in an Excel sheet name
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MAX_CELL = 32767


class ExportCancelled(UserError):
    """The export was cancelled; nothing was written."""


class ExportFailed(UserError):
    """The export file could not be written."""


def describe_filters(
    db: Database, kind: ListKind, filters: Filters, lang: str = "zh"
) -> list[tuple[str, str]]:
    """(what, value) of every filter set, in words, for the head of a report."""
    zh = lang == "zh"
    lines: list[tuple[str, str]] = []
    if filters.area:
        lines.append(("地区" if zh else "Area", area_name(filters.area)))
    if filters.unit_id:
        row = db.execute("SELECT name FROM units WHERE id = ?", [filters.unit_id]).fetchone()
        lines.append(("单位" if zh else "Unit", row[0] if row else filters.unit_id))
    if filters.equipment_class:
        from fieldapp.domain.catalogue import catalogue

        entry = catalogue().get(filters.equipment_class.upper())
        name = (entry.name_zh if zh else entry.name_en) if entry else filters.equipment_class
        lines.append(("设备类别" if zh else "Equipment class", name))
    if filters.officer_id:
        row = db.execute("SELECT name FROM officers WHERE id = ?", [filters.officer_id]).fetchone()
        lines.append(("检查人员" if zh else "Officer", row[0] if row else filters.officer_id))
    if filters.date_from or filters.date_to:
        span = f"{filters.date_from or '…'} — {filters.date_to or '…'}"
        lines.append(("日期" if zh else "Dates", span))
    if filters.status:
        lines.append(("状态" if zh else "Status", status_label(kind, filters.status, lang)))
    if filters.measure:
        from fieldapp.domain.models import Measure

        lines.append(("措施" if zh else "Measure", Measure.from_code(filters.measure).label(lang)))
    if filters.text.strip():
        lines.append(("搜索" if zh else "Search", filters.text.strip()))
    if filters.key_units_only:
        lines.append(("重点单位" if zh else "Key units", "仅重点单位" if zh else "only"))
    return lines


def _cancelled() -> ExportCancelled:
    return ExportCancelled(
        "导出已取消，没有写入文件。 / The export was cancelled; no file was written."
    )


def _failed(path: Path, err: OSError) -> UserError:
    if err.errno == errno.ENOSPC:
        return DiskFull(
            f"磁盘已满，{path} 没有写完，已删除。请腾出空间后重试。 / The disk is full: {path}"
            " was not finished and has been removed. Free some space and try again."
        )
    return ExportFailed(
        f"无法写入 {path}：{err.strerror or err}。请换一个文件夹或文件名。 / Cannot write"
        f" {path}: {err.strerror or err}. Choose another folder or name."
    )


def _counted(rows: Iterable[Any], progress: Progress | None) -> Iterator[tuple[int, Any]]:
    for n, row in enumerate(rows, start=1):
        yield n, row
        if progress is not None and n % PROGRESS_EVERY == 0 and not progress(n):
            raise _cancelled()


@contextlib.contextmanager
def _written_beside(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``, renamed onto it if the block finishes."""
    part = path.with_name(f".{path.name}.part")
    try:
        yield part
        part.replace(path)
    except OSError as err:
        part.unlink(missing_ok=True)
        raise _failed(path, err) from err
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def _csv_text(value: object, lang: str) -> object:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = cell_text(value, lang)
    # a text cell Excel would take for a formula (CSV injection) starts with an apostrophe
    return "'" + text if text.startswith(_FORMULA_START) else text


def _write_csv(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    lang: str,
    progress: Progress | None,
) -> int:
    written = 0
    with _written_beside(path) as part, part.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(headers)
        for n, row in _counted(rows, progress):
            writer.writerow([_csv_text(value, lang) for value in row])
            written = n
    return written


def export_csv(
    db: Database,
    kind: ListKind,
    filters: Filters,
    path: Path,
    lang: str = "zh",
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the list to ``path`` as CSV (UTF-8 with BOM, a header row); return the rows.

    Raises BadFilter, ExportCancelled, DiskFull or ExportFailed; then nothing is at ``path``.
    """
    kind = ListKind(kind)
    cols = columns(kind)
    rows = ([getattr(row, c.key) for c in cols] for row in iter_rows(db, kind, filters, today))
    return _write_csv(path, [c.header(lang) for c in cols], rows, lang, progress)


def _xlsx_value(value: object, lang: str) -> object:
    if value is None:
        return None
    if isinstance(value, bool):
        return cell_text(value, lang)
    if isinstance(value, int | float | dt.date):
        return value
    text = _ILLEGAL_XML.sub("", str(value))
    return text[:_MAX_CELL]


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _write_xlsx(
    path: Path,
    title: str,
    headers: Sequence[str],
    widths: Sequence[int],
    rows: Iterable[Sequence[object]],
    about: Callable[[int], list[tuple[str, object]]],
    lang: str,
    progress: Progress | None,
) -> int:
    """One sheet with the rows under a bold, frozen header; a second with ``about(rows)``
    (what the list is, its filters, how many rows, when)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_ILLEGAL_SHEET.sub(" ", title)[:31] or "1")
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[_letter(index)].width = width + 2
    bold = Font(bold=True)
    header = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    written = 0
    failure: BaseException | None = None
    try:
        for n, row in _counted(rows, progress):
            sheet.append([_xlsx_value(value, lang) for value in row])
            written = n
    except BaseException as err:  # noqa: BLE001  (re-raised below, once the file is dropped)
        failure = err
    if failure is None:
        lines = workbook.create_sheet("筛选条件" if lang == "zh" else "Filters")
        lines.column_dimensions["A"].width = 14
        lines.column_dimensions["B"].width = 40
        for what, value in about(written):
            lines.append([what, _xlsx_value(value, lang)])
    with _written_beside(path) as part:
        workbook.save(part)
        if failure is not None:
            raise failure
    return written


def _about(
    title: str, filters: list[tuple[str, str]], lang: str
) -> Callable[[int], list[tuple[str, object]]]:
    def lines(written: int) -> list[tuple[str, object]]:
        now = dt.datetime.now().isoformat(" ", "seconds")
        return [
            ("列表" if lang == "zh" else "List", title),
            *filters,
            ("行数" if lang == "zh" else "Rows", written),
            ("导出时间" if lang == "zh" else "Exported", now),
        ]

    return lines


def export_xlsx(
    db: Database,
    kind: ListKind,
    filters: Filters,
    path: Path,
    lang: str = "zh",
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the list to ``path`` as an Excel workbook (one sheet with the rows, one with the
    filters); return the rows. Raises BadFilter, ExportCancelled, DiskFull or ExportFailed;
    then nothing is at ``path``."""
    kind = ListKind(kind)
    cols: tuple[Column, ...] = columns(kind)
    title = LIST_TITLES[kind][0 if lang == "zh" else 1]
    rows = ([getattr(row, c.key) for c in cols] for row in iter_rows(db, kind, filters, today))
    return _write_xlsx(
        path,
        title,
        [c.header(lang) for c in cols],
        [c.width for c in cols],
        rows,
        _about(title, describe_filters(db, kind, filters, lang), lang),
        lang,
        progress,
    )


def export_table(
    path: Path,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    filters: Sequence[tuple[str, str]] = (),
    lang: str = "zh",
    progress: Progress | None = None,
) -> int:
    """Any table (a follow-up tab: re-inspections, escalations, counts per officer or
    district) to ``.csv`` or ``.xlsx`` by the file's suffix, like the lists: the header
    row, then ``rows`` as cell values; in a workbook also the title and ``filters`` (what,
    value). Return the rows written. Raises ExportFailed for another suffix, and
    ExportCancelled, DiskFull or ExportFailed; then nothing is at ``path``."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _write_csv(path, headers, rows, lang, progress)
    if suffix == ".xlsx":
        widths = [max(10, min(40, 2 * len(h))) for h in headers]
        about = _about(title, list(filters), lang)
        return _write_xlsx(path, title, headers, widths, rows, about, lang, progress)
    raise _wrong_suffix(path)


def _wrong_suffix(path: Path) -> ExportFailed:
    return ExportFailed(
        f"只能导出为 .csv 或 .xlsx 文件（{path.name}） / export to a .csv or .xlsx file"
        f" ({path.name})"
    )


def export_rows(
    db: Database,
    kind: ListKind,
    filters: Filters,
    path: Path,
    lang: str = "zh",
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> int:
    """Export by the file's suffix (``.csv`` or ``.xlsx``); return the rows written.

    Raises ExportFailed for another suffix, and what :func:`export_csv` and
    :func:`export_xlsx` raise.
    """
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return export_csv(db, kind, filters, path, lang, today, progress)
    if suffix == ".xlsx":
        return export_xlsx(db, kind, filters, path, lang, today, progress)
    raise _wrong_suffix(path)


def expected_rows(
    db: Database, kind: ListKind, filters: Filters, today: dt.date | None = None
) -> int:
    """How many rows an export will write (for a progress bar's maximum)."""
    return count_rows(db, kind, filters, today)
