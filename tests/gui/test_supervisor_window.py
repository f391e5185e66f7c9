"""A supervisor's main window: the follow-ups page for imported data, and the records and
dashboards sections with their shortcuts."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from fieldapp.gui.dashboards import DashboardsPage
from fieldapp.gui.followups_view import SupervisorFollowUps
from fieldapp.gui.main_window import MainWindow
from fieldapp.gui.supervisor_views import RecordsPage
from fieldapp.workflow import Changes
from fieldapp.workspace import Workspace
from tests.gui.conftest import SUPERVISOR_TODAY


@pytest.mark.usefixtures("en")
def test_supervisor_sections(qtbot: QtBot, supervisor_ws: Workspace) -> None:
    window = MainWindow(supervisor_ws, today=SUPERVISOR_TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    nav = window.ui.navigation
    assert nav.count() == 6
    assert [nav.item(i).text() for i in (4, 5)] == ["Records", "Dashboards"]
    assert isinstance(window.follow_ups, SupervisorFollowUps)
    window.show_section(2)
    assert window.ui.pages.currentWidget() is window.follow_ups
    window.follow_ups.wait_until_read()
    assert window.follow_ups.current.model.rows, "the open notices are read when shown"
    records, dashboards = window.supervisor_actions
    assert [records.shortcut().toString(), dashboards.shortcut().toString()] == [
        "Ctrl+5",
        "Ctrl+6",
    ]
    records.trigger()
    assert isinstance(window.ui.pages.currentWidget(), RecordsPage)
    window.records.wait_until_read()
    assert window.records.current.model.rows
    with qtbot.waitSignal(window.dashboards.loaded, timeout=20000):
        dashboards.trigger()
    assert isinstance(window.ui.pages.currentWidget(), DashboardsPage)
    # an import tells every view; the one on screen reads again at once
    with qtbot.waitSignal(window.dashboards.loaded, timeout=20000):
        window.publish(Changes(inspections=True))
    assert window.records._stale is False or not window.records.isVisible()
