"""Exports: CSV (UTF-8 with BOM) and XLSX read back and compared with the list they came
from; a cancelled or refused export leaves nothing behind."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fieldapp.reports import (
    ExportCancelled,
    ExportFailed,
    Filters,
    ListKind,
    cell_text,
    columns,
    export_csv,
    export_rows,
    export_xlsx,
    fetch_rows,
)
from fieldapp.reports.export import export_table
from tests.reports.conftest import TODAY, Fixture


def expected_table(fx: Fixture, kind: ListKind, filters: Filters) -> list[list[object]]:
    return [
        [getattr(row, c.key) for c in columns(kind)]
        for row in fetch_rows(fx.db, kind, filters, 0, 10_000, TODAY)
    ]


@pytest.mark.parametrize("kind", list(ListKind))
def test_csv_round_trip(fixture: Fixture, tmp_path: Path, kind: ListKind) -> None:
    path = tmp_path / "out.csv"
    written = export_csv(fixture.db, kind, Filters(), path, "zh", TODAY)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [c.zh for c in columns(kind)]
    expected = [[cell_text(v) for v in row] for row in expected_table(fixture, kind, Filters())]
    assert rows[1:] == expected
    assert written == len(expected) > 0


@pytest.mark.parametrize("kind", list(ListKind))
def test_xlsx_round_trip(fixture: Fixture, tmp_path: Path, kind: ListKind) -> None:
    path = tmp_path / "out.xlsx"
    filters = Filters(area="220100")
    written = export_xlsx(fixture.db, kind, filters, path, "en", TODAY)
    workbook = load_workbook(path)
    sheet, about = workbook.worksheets
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [c.en for c in columns(kind)]

    def plain(value: object) -> object:
        if isinstance(value, dt.datetime):
            return value.date()  # Excel keeps dates as date-times
        if isinstance(value, bool):
            return "yes" if value else "no"
        return "" if value is None else value

    expected = [[plain(v) for v in row] for row in expected_table(fixture, kind, filters)]
    assert [[plain(v) for v in row] for row in rows[1:]] == expected
    assert written == len(expected) > 0
    summary = {row[0]: row[1] for row in about.iter_rows(values_only=True)}
    assert summary["Area"] == "长春市" and summary["Rows"] == written


def test_xlsx_dates_show_as_dates(fixture: Fixture, tmp_path: Path) -> None:
    path = tmp_path / "notices.xlsx"
    export_xlsx(fixture.db, ListKind.NOTICES, Filters(), path, "zh", TODAY)
    sheet = load_workbook(path).worksheets[0]
    issued = sheet.cell(row=2, column=6)
    assert issued.is_date and "yy" in issued.number_format


def test_text_that_excel_would_run_as_a_formula_is_defused(
    fixture: Fixture, tmp_path: Path
) -> None:
    with fixture.ws.store.transaction() as db:
        db.execute("UPDATE units SET name = '=HYPERLINK(\"x\")' WHERE id = ?", [fixture.ids["U5"]])
    path = tmp_path / "units.csv"
    export_csv(fixture.db, ListKind.UNITS, Filters(), path, "zh", TODAY)
    text = path.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "\n=HYPERLINK" not in text


def test_cancelling_leaves_no_file(
    fixture: Fixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldapp.reports import export

    monkeypatch.setattr(export, "PROGRESS_EVERY", 2)
    seen: list[int] = []
    out = tmp_path / "out"
    out.mkdir()
    for suffix in ("csv", "xlsx"):
        path = out / f"findings.{suffix}"
        with pytest.raises(ExportCancelled, match="cancelled"):
            export_rows(
                fixture.db,
                ListKind.FINDINGS,
                Filters(),
                path,
                "zh",
                TODAY,
                progress=lambda n: seen.append(n) or n < 4,
            )
        assert list(out.iterdir()) == []
    assert seen == [2, 4, 2, 4]


def test_unknown_suffix_and_unwritable_folder(fixture: Fixture, tmp_path: Path) -> None:
    with pytest.raises(ExportFailed, match=r"\.csv"):
        export_rows(fixture.db, ListKind.UNITS, Filters(), tmp_path / "out.pdf", "zh", TODAY)
    with pytest.raises(ExportFailed, match="Cannot write"):
        export_rows(fixture.db, ListKind.UNITS, Filters(), tmp_path / "missing" / "out.csv")


def test_any_table_exports_to_csv_and_xlsx(tmp_path: Path) -> None:
    headers = ["地区", "检查", "备注"]
    rows = [["长春市", 12, "=危险公式"], ["吉林市", 0, None]]
    written = export_table(tmp_path / "t.csv", "按地区", headers, iter(rows))
    assert written == 2
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [
            headers,
            ["长春市", "12", "'=危险公式"],
            ["吉林市", "0", ""],
        ]
    title = "按地区/城市: [全部]"  # characters Excel refuses in a sheet name
    assert export_table(tmp_path / "t.xlsx", title, headers, rows, [("地区", "吉林省")]) == 2
    workbook = load_workbook(tmp_path / "t.xlsx", read_only=True)
    try:
        data, about = workbook.worksheets
        # an empty last cell is not written
        assert [list(r) for r in data.iter_rows(values_only=True)] == [
            headers,
            rows[0],
            rows[1][:2],
        ]
        lines = {r[0]: r[1] for r in about.iter_rows(values_only=True)}
    finally:
        workbook.close()
    assert lines["列表"] == title and lines["地区"] == "吉林省" and lines["行数"] == 2
    with pytest.raises(ExportFailed, match=r"\.csv or \.xlsx"):
        export_table(tmp_path / "t.txt", "x", headers, rows)
    assert not (tmp_path / "t.txt").exists()
