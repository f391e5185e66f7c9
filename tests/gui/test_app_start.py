"""The real start-up path (run_gui) in a separate process: the window shows at once, the
workspace opens in a worker, and a workspace that cannot be opened gives a plain message."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from fieldapp.workspace import Workspace

CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from fieldapp.gui import app as gui_app, dialogs

    dialogs.show_user_error = lambda _parent, message: print("USER ERROR:", message)
    events = []

    def shown(window):
        events.append("shown")
        print("shown; opening page:", window.ui.pages.currentWidget() is window.opening)

    def ready(window):
        events.append("ready")
        nav = [window.ui.navigation.item(i).text() for i in range(4)]
        print("ready;", "|".join(nav), "| units:", len(window.registry.units.rows))
        QApplication.quit()

    QTimer.singleShot(20000, QApplication.quit)  # never hang the test run
    status = gui_app.run_gui(sys.argv[1], sys.argv[2], on_shown=shown, on_ready=ready)
    print("events:", ",".join(events), "status:", status)
    sys.exit(status)
""")


def run_child(home: Path, lang: str = "zh") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(home), lang],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_window_shows_first_then_the_workspace(demo_home: Path) -> None:
    result = run_child(demo_home)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "shown; opening page: True"
    assert lines[1].startswith("ready; 检查|单位与设备|整改跟踪|数据交换 | units: ")
    assert int(lines[1].rsplit(" ", 1)[1]) >= 40
    assert lines[2] == "events: shown,ready status: 0"


def test_english_start(demo_home: Path) -> None:
    result = run_child(demo_home, "en")
    assert "ready; Inspections|Units and Equipment|Follow-ups|Data Exchange" in result.stdout


def test_locked_workspace_gives_a_plain_message_and_exit_1(demo_home: Path) -> None:
    with Workspace.open(demo_home):
        result = run_child(demo_home)
    assert result.returncode == 1, result.stderr
    assert "USER ERROR:" in result.stdout and "正被另一个 fieldapp 进程使用" in result.stdout
    assert "ready" not in result.stdout


def test_damaged_database_gives_a_plain_message_and_exit_1(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    home.mkdir()
    (home / "fieldapp.db").write_bytes(b"not a database at all" * 10)
    result = run_child(home)
    assert result.returncode == 1, result.stderr
    assert "USER ERROR:" in result.stdout and "not an SQLite database" in result.stdout
    assert (home / "fieldapp.db").read_bytes() == b"not a database at all" * 10
