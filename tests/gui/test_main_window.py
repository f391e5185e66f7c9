"""The main window on a demo workspace: navigation, search, details, overdue marks."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.domain.models import is_overdue
from fieldapp.gui.main_window import MainWindow
from fieldapp.store import registry as reg
from fieldapp.workspace import Workspace


@pytest.fixture
def window(qtbot: QtBot, demo_ws: Workspace) -> MainWindow:
    win = MainWindow(demo_ws)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def search(qtbot: QtBot, window: MainWindow, text: str) -> list[str]:
    view = window.registry
    view.ui.search.clear()
    if text.isascii():
        qtbot.keyClicks(view.ui.search, text)
    else:  # QTest types ASCII only; Chinese arrives through the input method as text
        view.ui.search.setText(text)
    qtbot.waitUntil(lambda: view.units.filters.get("text") == text, timeout=2000)
    return [s.unit.name for s in view.units.rows]


@pytest.mark.usefixtures("zh")
def test_opens_in_chinese_on_the_registry(window: MainWindow, demo_ws: Workspace) -> None:
    nav = [window.ui.navigation.item(i).text() for i in range(window.ui.navigation.count())]
    assert nav == ["检查", "单位与设备", "整改跟踪", "数据交换"]
    assert window.ui.pages.currentWidget() is window.registry
    status = window._status.text()
    assert "监察员" in status and "王建国" in status and str(demo_ws.home) in status
    assert "演示工作区" in status
    assert window.ui.menuFile.title() == "文件(&F)"


@pytest.mark.usefixtures("en")
def test_english_on_request(window: MainWindow) -> None:
    nav = [window.ui.navigation.item(i).text() for i in range(window.ui.navigation.count())]
    assert nav == ["Inspections", "Units and Equipment", "Follow-ups", "Data Exchange"]
    assert "Officer" in window._status.text()


@pytest.mark.usefixtures("zh")
def test_navigation_by_click_and_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    nav = window.ui.navigation
    rect = nav.visualItemRect(nav.item(2))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.ui.pages.currentWidget() is window.follow_ups
    window.ui.actionSync.trigger()
    assert window.ui.pages.currentWidget() is window.sync
    window.ui.actionInspections.trigger()
    assert window.ui.pages.currentWidget() is window.inspections
    assert window.ui.actionRegistry.shortcut().toString() == "Ctrl+2"


@pytest.mark.usefixtures("zh")
def test_search_by_name_credit_code_and_equipment_code(
    qtbot: QtBot, window: MainWindow, demo_ws: Workspace
) -> None:
    with demo_ws.store.reading() as db:
        everything = reg.search_units(db, limit=10_000)
        target = everything[7].unit
        devices = reg.equipment_of_unit(db, target.id)
    assert len(window.registry.units.rows) == len(everything)
    assert target.name in search(qtbot, window, target.name)
    assert search(qtbot, window, target.credit_code.lower()) == [target.name]
    code = next(d.equipment_code for d in devices if d.equipment_code)
    assert target.name in search(qtbot, window, code)
    assert search(qtbot, window, "不存在的单位名称") == []
    assert window.registry.ui.unitTitle.text() == "没有符合条件的单位"


@pytest.mark.usefixtures("zh")
def test_city_and_overdue_filters(qtbot: QtBot, window: MainWindow, demo_ws: Workspace) -> None:
    view = window.registry
    jilin = view.ui.city.findData("2202")
    assert jilin > 0
    view.ui.city.setCurrentIndex(jilin)
    assert view.units.rows and all(s.unit.district_code.startswith("2202") for s in view.units.rows)
    view.ui.city.setCurrentIndex(0)
    view.ui.overdueOnly.setChecked(True)
    assert view.units.rows and all(s.overdue_count > 0 for s in view.units.rows)
    with demo_ws.store.reading() as db:
        assert sum(s.overdue_count for s in view.units.rows) == reg.count_equipment(db)[1]


@pytest.mark.usefixtures("zh")
def test_selecting_a_unit_shows_its_equipment_with_overdue_marked(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.registry
    view.ui.overdueOnly.setChecked(True)
    view.ui.unitTable.selectRow(0)
    summary = view.units.rows[0]
    assert summary.unit.name in view.ui.unitTitle.text()
    assert summary.unit.credit_code in view.ui.unitDetails.text()
    model = view.equipment
    assert model.rowCount() == summary.equipment_count
    today = dt.date.today()
    overdue_rows = [i for i, d in enumerate(model.rows) if is_overdue(d, today)]
    assert len(overdue_rows) == summary.overdue_count
    row = overdue_rows[0]
    assert model.index(row, 4).data() == "超期未检"
    assert model.index(row, 4).data(Qt.ItemDataRole.FontRole).bold()
    view.ui.equipmentTable.selectRow(row)
    assert "超期未检：不得继续使用" in view.ui.equipmentDetails.toPlainText()
    assert "超期未检" in view.ui.equipmentHeading.text()


@pytest.mark.usefixtures("zh")
def test_follow_ups_list_every_overdue_device(window: MainWindow, demo_ws: Workspace) -> None:
    assert window.follow_ups.table.rowCount() == 0, "read only when first shown"
    window.ui.actionFollowUps.trigger()
    with demo_ws.store.reading() as db:
        overdue = reg.count_equipment(db)[1]
    assert window.follow_ups.table.rowCount() == overdue > 0
    assert str(overdue) in window.follow_ups.summary.text()
    days = [int(window.follow_ups.table.item(r, 4).text()) for r in range(overdue)]
    assert days == sorted(days, reverse=True) and min(days) >= 1


@pytest.mark.usefixtures("zh")
def test_sync_page_names_the_workspace(window: MainWindow, demo_ws: Workspace) -> None:
    text = window.sync.facts.text()
    assert str(demo_ws.home) in text and demo_ws.device_id in text


@pytest.mark.usefixtures("zh")
def test_views_reread_after_a_published_change(
    qtbot: QtBot, window: MainWindow, demo_ws: Workspace
) -> None:
    import dataclasses

    from fieldapp import workflow

    view = window.registry
    view.ui.unitTable.selectRow(3)
    unit = view.units.rows[3].unit
    changes = workflow.update_unit(demo_ws.store, dataclasses.replace(unit, name="改名后的单位"))
    window.publish(changes)
    names = [s.unit.name for s in view.units.rows]
    assert "改名后的单位" in names and unit.name not in names
    assert view.selected_unit_id() == unit.id, "the selection stays on the same unit"
