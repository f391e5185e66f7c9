"""The supervisor's follow-ups (整改跟踪): every tab shows what fieldapp.reports gives,
overdue notices are marked, counts drill down to the notices, lists export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import fieldapp.reports.followups as fu
from fieldapp.gui import exports
from fieldapp.gui.followups_view import SupervisorFollowUps
from fieldapp.gui.registry_view import OVERDUE_COLOUR
from fieldapp.reports.filters import Filters, ListKind
from fieldapp.reports.lists import count_rows
from fieldapp.workspace import Workspace
from tests.gui.conftest import SUPERVISOR_TODAY


@pytest.fixture
def page(qtbot: QtBot, supervisor_ws: Workspace) -> SupervisorFollowUps:
    widget = SupervisorFollowUps(supervisor_ws, today=SUPERVISOR_TODAY)
    qtbot.addWidget(widget)
    widget.resize(1150, 700)
    widget.show()
    widget.wait_until_read()
    return widget


@pytest.mark.usefixtures("zh")
def test_open_notices_by_deadline_with_the_overdue_marked(
    page: SupervisorFollowUps, supervisor_ws: Workspace
) -> None:
    with supervisor_ws.store.reading() as db:
        open_count, overdue = fu.count_open_notices(db, today=SUPERVISOR_TODAY)
        holds = fu.count_holds(db, today=SUPERVISOR_TODAY)
    assert open_count > overdue > 0
    summary = page.summary.text()
    assert f"{open_count:,}" in summary and f"{overdue:,}" in summary and f"{holds:,}" in summary
    tab = page.current
    model = tab.model
    model.fetch_all()
    assert len(model.rows) == open_count
    deadlines = [r.deadline for r in model.rows if r.deadline is not None]
    assert deadlines == sorted(deadlines), "by deadline"
    keys = [c.key for c in model.cols]
    marked = {
        r.id
        for i, r in enumerate(model.rows)
        if model.data(model.index(i, keys.index("days_left")), Qt.ItemDataRole.ForegroundRole)
        == OVERDUE_COLOUR
    }
    late = {r.id for r in model.rows if r.deadline is not None and r.deadline < SUPERVISOR_TODAY}
    assert marked == late and len(late) == overdue
    assert page.details.kind == ListKind.NOTICES and page.details.record_id == model.rows[0].id


@pytest.mark.usefixtures("zh")
def test_every_tab_shows_its_rows(page: SupervisorFollowUps, supervisor_ws: Workspace) -> None:
    with supervisor_ws.store.reading() as db:
        expected = [
            fu.open_notices(db, today=SUPERVISOR_TODAY, limit=10_000),
            fu.reinspection_results(db, limit=10_000),
            fu.escalations(db, limit=10_000),
            fu.counts_by_officer(db, today=SUPERVISOR_TODAY),
            fu.counts_by_district(db, today=SUPERVISOR_TODAY),
            fu.overdue_devices(db, today=SUPERVISOR_TODAY, limit=10_000),
            fu.holds_in_force(db, today=SUPERVISOR_TODAY, limit=10_000),
        ]
    assert len(page.tab_list) == len(expected)
    for index, rows in enumerate(expected):
        page.tabs.setCurrentIndex(index)
        page.wait_until_read()
        tab = page.current
        tab.model.fetch_all()
        assert tab.model.rows == rows, tab.name
        assert rows, f"the small demo has rows for {tab.name}"
        assert f"{len(rows):,}" in page.count_label.text()
        # every tab exports
        assert page.csv_button.isVisible() and page.csv_button.isEnabled()
    page.level.setCurrentIndex(page.level.findData("city"))
    page.wait_until_read()
    page.tabs.setCurrentIndex(4)
    page.wait_until_read()
    with supervisor_ws.store.reading() as db:
        cities = fu.counts_by_district(db, today=SUPERVISOR_TODAY, level="city")
    assert page.current.model.rows == cities
    assert all(c.code.endswith("00") for c in cities)


@pytest.mark.usefixtures("zh")
def test_double_click_on_an_officer_shows_their_open_notices(
    page: SupervisorFollowUps, supervisor_ws: Workspace
) -> None:
    page.tabs.setCurrentIndex(3)
    page.wait_until_read()
    officers = page.current.model.rows
    busiest = max(range(len(officers)), key=lambda i: officers[i].open)
    officer = officers[busiest]
    assert officer.open > 0
    page._drill_down(page.current, page.current.model.index(busiest, 0))
    page.wait_until_read()
    assert page.tabs.currentIndex() == 0
    assert page.filter_bar.officer.currentData() == officer.officer_id
    model = page.current.model
    model.fetch_all()
    assert len(model.rows) == officer.open
    assert {r.officer_name for r in model.rows} == {officer.name}


@pytest.mark.usefixtures("zh")
def test_the_area_filter_narrows_the_summary(
    page: SupervisorFollowUps, supervisor_ws: Workspace
) -> None:
    bar = page.filter_bar
    bar.area.setCurrentIndex(bar.area.findData("220100"))
    page.wait_until_read()
    with supervisor_ws.store.reading() as db:
        open_count, _overdue = fu.count_open_notices(
            db, Filters(area="220100"), today=SUPERVISOR_TODAY
        )
    assert f"{open_count:,}" in page.summary.text()
    page.current.model.fetch_all()
    assert len(page.current.model.rows) == open_count
    assert all(r.district_name.startswith("长春市") for r in page.current.model.rows)


@pytest.mark.usefixtures("zh")
def test_export_overdue_devices(
    qtbot: QtBot,
    page: SupervisorFollowUps,
    supervisor_ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "overdue.csv"
    _export_tab(qtbot, page, 5, target, monkeypatch)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    with supervisor_ws.store.reading() as db:
        expected = count_rows(
            db, ListKind.DEVICES, Filters(status="overdue"), today=SUPERVISOR_TODAY
        )
    page.current.model.fetch_all()
    assert len(rows) - 1 == expected == len(page.current.model.rows)


def _export_tab(
    qtbot: QtBot, page: SupervisorFollowUps, index: int, target: Path, mp: pytest.MonkeyPatch
) -> None:
    mp.setattr(exports, "choose_export_path", lambda *_: target)
    page.tabs.setCurrentIndex(index)
    page.wait_until_read()
    (page.csv_button if target.suffix == ".csv" else page.xlsx_button).click()
    with qtbot.waitSignal(page.tasks[-1].done, timeout=20000):
        pass
    assert str(target) in page.message.text()


@pytest.mark.usefixtures("zh")
def test_export_re_inspections_and_the_counts_per_district(
    qtbot: QtBot,
    page: SupervisorFollowUps,
    supervisor_ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with supervisor_ws.store.reading() as db:
        results = fu.reinspection_results(db, limit=10_000)
        districts = fu.counts_by_district(db, today=SUPERVISOR_TODAY)
    target = tmp_path / "复查.csv"
    _export_tab(qtbot, page, 1, target, monkeypatch)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    keys = [c.key for c in page.current.model.cols]
    assert rows[0] == [c.title for c in page.current.model.cols]
    assert [r[keys.index("notice_number")] for r in rows[1:]] == [r.notice_number for r in results]
    assert len(rows) - 1 == len(results) > 0

    target = tmp_path / "districts.xlsx"
    _export_tab(qtbot, page, 4, target, monkeypatch)
    workbook = load_workbook(target, read_only=True)
    try:
        values = [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
        about = {r[0]: r[1] for r in workbook.worksheets[1].iter_rows(values_only=True)}
    finally:
        workbook.close()
    keys = [c.key for c in page.current.model.cols]
    assert [(v[keys.index("code")], v[keys.index("findings")]) for v in values[1:]] == [
        (d.code, d.findings) for d in districts
    ]
    assert about["行数"] == len(districts) and about["列表"] == page.current.name
