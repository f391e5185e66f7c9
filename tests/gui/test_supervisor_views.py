"""The supervisor's records page: five lists under one filter bar, lazy loading, search,
the detail pane (photos, signatures, PDF preview), and exports to CSV and Excel."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.gui import exports
from fieldapp.gui.registry_view import OVERDUE_COLOUR
from fieldapp.gui.report_models import display_text
from fieldapp.gui.supervisor_views import KINDS, RecordsPage
from fieldapp.reports.filters import Filters, ListKind
from fieldapp.reports.lists import columns, count_rows, fetch_rows
from fieldapp.store import notices as n
from fieldapp.workspace import Workspace
from tests.gui.conftest import SUPERVISOR_TODAY


@pytest.fixture
def page(qtbot: QtBot, supervisor_ws: Workspace) -> RecordsPage:
    widget = RecordsPage(supervisor_ws, today=SUPERVISOR_TODAY)
    qtbot.addWidget(widget)
    widget.resize(1150, 700)
    widget.show()
    widget.wait_until_read()
    return widget


def count(ws: Workspace, kind: ListKind, filters: Filters | None = None) -> int:
    with ws.store.reading() as db:
        return count_rows(db, kind, filters or Filters(), today=SUPERVISOR_TODAY)


@pytest.mark.usefixtures("zh")
def test_every_list_shows_what_the_reports_api_gives(
    page: RecordsPage, supervisor_ws: Workspace
) -> None:
    for kind in KINDS:
        page.show_list(kind)
        page.wait_until_read()
        view = page.lists[kind]
        model = view.model
        assert model.total == count(supervisor_ws, kind) > 0, kind
        assert f"{model.total:,}" in view.count_label.text()
        with supervisor_ws.store.reading() as db:
            first = fetch_rows(db, kind, Filters(), limit=5, today=SUPERVISOR_TODAY)
        assert [r.id for r in model.rows[:5]] == [r.id for r in first]
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(model.cols))]
        assert headers == [c.zh for c in columns(kind)]
        # the detail pane follows the selection
        assert page.details.record_id == model.rows[0].id
        assert page.details.kind == kind


@pytest.mark.usefixtures("zh")
def test_lists_load_a_page_at_a_time(page: RecordsPage, supervisor_ws: Workspace) -> None:
    view = page.lists[ListKind.INSPECTIONS]
    view.model.page_size = 50
    page.reload()
    page.wait_until_read()
    assert len(view.model.rows) == 50 and view.model.canFetchMore()
    total = count(supervisor_ws, ListKind.INSPECTIONS)
    assert total > 100
    view.table.scrollToBottom()  # the view asks for the next page itself
    page.wait_until_read()
    assert len(view.model.rows) == 100
    view.model.fetch_all()
    assert len(view.model.rows) == total and not view.model.canFetchMore()
    ids = [r.id for r in view.model.rows]
    assert len(set(ids)) == total, "pages neither overlap nor leave gaps"


@pytest.mark.usefixtures("zh")
def test_filters_narrow_every_list(
    qtbot: QtBot, page: RecordsPage, supervisor_ws: Workspace
) -> None:
    bar = page.filter_bar
    bar.area.setCurrentIndex(bar.area.findData("220100"))  # 长春市
    page.wait_until_read()
    page.show_list(ListKind.NOTICES)
    page.wait_until_read()
    notices = page.lists[ListKind.NOTICES].model
    notices.fetch_all()
    expected = count(supervisor_ws, ListKind.NOTICES, Filters(area="220100"))
    assert 0 < len(notices.rows) == expected < count(supervisor_ws, ListKind.NOTICES)
    assert all(r.district_name.startswith("长春市") for r in notices.rows)

    bar.set_status(ListKind.NOTICES, "overdue")
    page.wait_until_read()
    assert bar.status.currentData() == "overdue"
    notices.fetch_all()
    overdue = count(supervisor_ws, ListKind.NOTICES, Filters(area="220100", status="overdue"))
    assert len(notices.rows) == overdue > 0
    state = [c.key for c in notices.cols].index("deadline")
    for row in range(len(notices.rows)):
        assert notices.rows[row].overdue
        brush = notices.data(notices.index(row, state), Qt.ItemDataRole.ForegroundRole)
        assert brush.color() == OVERDUE_COLOUR, "overdue deadlines are red"

    # the status belongs to the list: other lists keep theirs
    page.show_list(ListKind.INSPECTIONS)
    page.wait_until_read()
    assert bar.status.currentData() == ""
    page.show_list(ListKind.NOTICES)
    page.wait_until_read()
    assert bar.status.currentData() == "overdue"

    # measure and equipment class on the findings
    bar.clear()
    page.wait_until_read()
    bar.measure.setCurrentIndex(bar.measure.findData("stop_use"))
    page.wait_until_read()
    bar.equipment_class.setCurrentIndex(bar.equipment_class.findData("3000"))
    page.wait_until_read()
    page.show_list(ListKind.FINDINGS)
    page.wait_until_read()
    findings = page.lists[ListKind.FINDINGS].model
    findings.fetch_all()
    expected = count(
        supervisor_ws, ListKind.FINDINGS, Filters(measure="stop_use", equipment_class="3000")
    )
    assert 0 < len(findings.rows) == expected
    assert {(r.measure, r.equipment_class[:1]) for r in findings.rows} == {("stop_use", "3")}
    # devices have no officer or measure: those filters are offered disabled there
    page.show_list(ListKind.DEVICES)
    page.wait_until_read()
    assert not bar.measure.isEnabled() and not bar.officer.isEnabled()
    assert bar.filters(ListKind.DEVICES).measure == ""

    bar.clear()
    page.wait_until_read()
    assert page.lists[ListKind.DEVICES].model.total == count(supervisor_ws, ListKind.DEVICES)
    page.show_list(ListKind.NOTICES)
    page.wait_until_read()
    assert notices.total == count(supervisor_ws, ListKind.NOTICES)


@pytest.mark.usefixtures("zh")
def test_search_box_finds_units_and_findings(
    qtbot: QtBot, page: RecordsPage, supervisor_ws: Workspace
) -> None:
    page.show_list(ListKind.FINDINGS)
    page.wait_until_read()
    findings = page.lists[ListKind.FINDINGS].model
    word = findings.rows[0].text[:4]
    with qtbot.waitSignal(page.filter_bar.changed, timeout=2000):
        page.filter_bar.search.setText(word)  # searched after a short pause in typing
    page.wait_until_read()
    findings.fetch_all()
    expected = count(supervisor_ws, ListKind.FINDINGS, Filters(text=word))
    assert 0 < len(findings.rows) == expected
    assert all(word in r.text or word in r.unit_name for r in findings.rows)

    page.show_list(ListKind.UNITS)
    page.wait_until_read()
    units = page.lists[ListKind.UNITS].model
    page.filter_bar.set_text("购物中心")
    page.wait_until_read()
    assert units.rows and all("购物中心" in r.name or "购物中心" in r.address for r in units.rows)

    page.filter_bar.set_text("没有这样的单位名称")
    page.wait_until_read()
    assert units.total == 0 and not units.rows
    assert page.details.record_id == ""


@pytest.mark.usefixtures("zh")
def test_bad_date_range_is_said_not_raised(page: RecordsPage) -> None:
    from fieldapp.gui.filter_bar import set_date

    set_date(page.filter_bar.date_to, SUPERVISOR_TODAY.replace(year=2025))
    set_date(page.filter_bar.date_from, SUPERVISOR_TODAY)
    page.wait_until_read()
    view = page.current
    assert not view.model.rows
    assert "开始日期晚于结束日期" in view.count_label.text()


@pytest.mark.usefixtures("zh")
def test_only_this_unit_limits_every_list(page: RecordsPage, supervisor_ws: Workspace) -> None:
    page.show_list(ListKind.INSPECTIONS)
    page.wait_until_read()
    first = page.lists[ListKind.INSPECTIONS].model.rows[0]
    page.details.unit_button.click()
    page.wait_until_read()
    assert page.filter_bar.unit_chip.isVisible()
    assert first.unit_name in page.filter_bar.unit_chip.text()
    inspections = page.lists[ListKind.INSPECTIONS].model
    assert inspections.rows and {r.unit_id for r in inspections.rows} == {first.unit_id}
    page.show_list(ListKind.DEVICES)
    page.wait_until_read()
    devices = page.lists[ListKind.DEVICES].model
    assert devices.rows and {r.unit_id for r in devices.rows} == {first.unit_id}
    page.filter_bar.unit_chip.click()
    page.wait_until_read()
    assert not page.filter_bar.unit_chip.isVisible()
    assert devices.total == count(supervisor_ws, ListKind.DEVICES)


@pytest.mark.usefixtures("zh")
def test_details_show_photos_signatures_and_the_pdf(
    page: RecordsPage, supervisor_ws: Workspace
) -> None:
    details = page.details
    with supervisor_ws.store.reading() as db:
        rows = fetch_rows(db, ListKind.INSPECTIONS, Filters(), limit=400, today=SUPERVISOR_TODAY)
        with_documents = next(r for r in rows if n.documents(db, r.id))
        documents = n.documents(db, with_documents.id)
    details.show_record(ListKind.INSPECTIONS, with_documents.id)
    document = details.browser.document()
    html = document.toHtml()
    assert with_documents.unit_name in document.toPlainText()
    assert "attachment:" in html, "signature images are embedded"
    assert details.document_choice.count() == len(documents)
    assert details.pdf_document is not None and details.pdf_document.pageCount() >= 1
    assert details.tabs.isTabEnabled(1)

    # a finding with photos taken on site, then back to its inspection
    page.show_list(ListKind.FINDINGS)
    page.wait_until_read()
    findings = page.lists[ListKind.FINDINGS].model
    findings.fetch_all()
    shown_photo = False
    for row in findings.rows:
        details.show_record(ListKind.FINDINGS, row.id, remember=False)
        if "attachment:" in details.browser.document().toHtml():
            shown_photo = True
            break
    assert shown_photo, "the small demo has findings with photos"
    assert details.inspection_button.isVisible()
    details.inspection_button.click()
    assert details.kind == ListKind.INSPECTIONS and details.record_id == row.inspection_id
    details.back()
    assert (details.kind, details.record_id) == (ListKind.FINDINGS, row.id)

    # a device and a unit
    page.show_list(ListKind.DEVICES)
    page.wait_until_read()
    device = page.lists[ListKind.DEVICES].model.rows[0]
    assert device.equipment_code in details.browser.toPlainText()
    page.show_list(ListKind.UNITS)
    page.wait_until_read()
    unit = page.lists[ListKind.UNITS].model.rows[0]
    assert unit.credit_code in details.browser.toPlainText()
    assert not details.tabs.isTabEnabled(1), "a unit has no documents of its own"


@pytest.mark.usefixtures("zh")
def test_timestamps_are_shown_to_the_minute(page: RecordsPage) -> None:
    model = page.lists[ListKind.INSPECTIONS].model
    row = model.rows[0]
    assert display_text(row, "started_at") == row.started_at[:16].replace("T", " ")


def _export(
    qtbot: QtBot,
    page: RecordsPage,
    monkeypatch: pytest.MonkeyPatch,
    target: Path,
    kind: ListKind,
    fmt: str,
) -> None:
    monkeypatch.setattr(exports, "choose_export_path", lambda *_: target)
    page.show_list(kind)
    page.wait_until_read()
    button = page.lists[kind].csv_button if fmt == "csv" else page.lists[kind].xlsx_button
    button.click()
    task = page.tasks[-1]
    with qtbot.waitSignal(task.done, timeout=20000):
        pass


@pytest.mark.usefixtures("zh")
def test_export_the_filtered_list_to_csv_and_read_it_back(
    qtbot: QtBot,
    page: RecordsPage,
    supervisor_ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.filter_bar.area.setCurrentIndex(page.filter_bar.area.findData("220100"))
    page.wait_until_read()
    target = tmp_path / "指令书.csv"
    _export(qtbot, page, monkeypatch, target, ListKind.NOTICES, "csv")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    cols = columns(ListKind.NOTICES)
    assert rows[0] == [c.zh for c in cols]
    model = page.lists[ListKind.NOTICES].model
    model.fetch_all()
    assert (
        len(rows) - 1
        == len(model.rows)
        == count(supervisor_ws, ListKind.NOTICES, Filters(area="220100"))
    )
    number = [c.key for c in cols].index("number")
    assert [r[number] for r in rows[1:]] == [r.number for r in model.rows]
    assert f"{len(model.rows):,}" in page.message.text() and str(target) in page.message.text()


@pytest.mark.usefixtures("zh")
def test_export_to_excel_and_read_it_back(
    qtbot: QtBot,
    page: RecordsPage,
    supervisor_ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "units.xlsx"
    _export(qtbot, page, monkeypatch, target, ListKind.UNITS, "xlsx")
    workbook = load_workbook(target, read_only=True)
    try:
        values = [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()  # read-only workbooks keep the file open until closed
    cols = columns(ListKind.UNITS)
    assert list(values[0]) == [c.zh for c in cols]
    assert len(values) - 1 == count(supervisor_ws, ListKind.UNITS)
    credit = [c.key for c in cols].index("credit_code")
    model = page.lists[ListKind.UNITS].model
    model.fetch_all()
    assert [v[credit] for v in values[1:]] == [r.credit_code for r in model.rows]


@pytest.mark.usefixtures("zh")
def test_a_cancelled_export_leaves_no_file(
    qtbot: QtBot, page: RecordsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldapp.gui import tasks

    real = tasks.BackgroundTask.start

    def cancel_first(self: tasks.BackgroundTask) -> None:
        self.cancel()  # as if the user pressed Cancel before the first rows were written
        real(self)

    monkeypatch.setattr(tasks.BackgroundTask, "start", cancel_first)
    target = tmp_path / "cancelled.csv"
    _export(qtbot, page, monkeypatch, target, ListKind.INSPECTIONS, "csv")
    assert not target.exists()
    assert not list(tmp_path.glob("cancelled*"))
    assert page.message.text()


@pytest.mark.usefixtures("zh")
def test_a_newer_query_replaces_one_still_reading(
    page: RecordsPage, supervisor_ws: Workspace
) -> None:
    view = page.lists[ListKind.NOTICES]
    view.load(Filters(), SUPERVISOR_TODAY)
    assert view.model.loading and "正在读取" in view.count_label.text()
    view.load(Filters(area="220100"), SUPERVISOR_TODAY)  # before the first has come back
    view.model.wait()
    expected = count(supervisor_ws, ListKind.NOTICES, Filters(area="220100"))
    assert view.model.total == expected < count(supervisor_ws, ListKind.NOTICES)
    assert all(r.district_name.startswith("长春市") for r in view.model.rows)
    assert f"{expected:,}" in view.count_label.text()


@pytest.mark.usefixtures("zh")
def test_closing_stops_a_query_still_reading(page: RecordsPage) -> None:
    view = page.lists[ListKind.FINDINGS]
    view.load(Filters(text="梯"), SUPERVISOR_TODAY)
    assert view.model.loading
    view.model.close()  # as when the app quits: interrupted, its worker joined
    assert not view.model.loading
    assert all(not task.running for task in view.model._tasks)


def test_a_change_while_hidden_is_read_when_shown_again(
    page: RecordsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldapp.workflow import Changes

    reloads: list[bool] = []
    real = page.reload
    monkeypatch.setattr(page, "reload", lambda: reloads.append(True) or real())
    page.hide()
    page.on_changes(Changes(settings=True))  # nothing the lists show
    page.on_changes(Changes(inspections=True))
    assert reloads == [] and all(view.stale for view in page.lists.values())
    page.show()
    assert reloads == [True]
    page.on_changes(Changes(units=True))  # shown: read at once
    assert reloads == [True, True]
    page.wait_until_read()
