"""Uncaught errors: a UserError is a plain message; a bug is logged and named in a dialog."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldapp.errors import DiskFull
from fieldapp.gui import dialogs
from fieldapp.gui.app import ErrorHandler
from fieldapp.workspace import setup_logging


def test_user_error_shows_a_plain_message(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_user_error", lambda _p, msg: shown.append(msg))
    monkeypatch.setattr(dialogs, "show_crash", lambda *_a: pytest.fail("not a bug"))
    handler = ErrorHandler(lambda: None)
    err = DiskFull("磁盘已满 / The disk is full")
    handler.handle(type(err), err, None)
    assert shown == ["磁盘已满 / The disk is full"]


def test_bug_is_logged_and_the_dialog_names_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "logs").mkdir()
    log_file = setup_logging(tmp_path)
    crashes: list[tuple[str, Path | None]] = []
    monkeypatch.setattr(dialogs, "show_crash", lambda _p, text, path: crashes.append((text, path)))
    handler = ErrorHandler(lambda: log_file)
    try:
        raise ZeroDivisionError("a bug deep inside")
    except ZeroDivisionError:
        handler.handle(*sys.exc_info())  # type: ignore[arg-type]
    logging.getLogger("fieldapp").handlers[-1].flush()
    assert len(crashes) == 1
    text, path = crashes[0]
    assert path == log_file and "ZeroDivisionError: a bug deep inside" in text
    assert "Traceback" in log_file.read_text(encoding="utf-8")


@pytest.mark.usefixtures("zh")
def test_crash_dialog_names_the_log_file(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = dialogs.CrashDialog(None, "Traceback ...", tmp_path / "logs" / "fieldapp.log")
    qtbot.addWidget(dialog)
    labels = [w.text() for w in dialog.findChildren(dialogs.QLabel)]
    assert any(str(tmp_path / "logs" / "fieldapp.log") in t for t in labels)
    assert any("程序错误" in t for t in labels)
    assert dialog.details.toPlainText() == "Traceback ..."


def test_exceptions_raised_in_slots_reach_the_handler(tmp_path: Path) -> None:
    import subprocess
    import textwrap

    script = textwrap.dedent("""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from fieldapp.errors import UserError
        from fieldapp.gui import app as gui_app, dialogs

        calls = []
        dialogs.show_user_error = lambda _p, message: calls.append("user: " + message)
        dialogs.show_crash = lambda _p, text, _log: calls.append(
            "crash: " + text.strip().splitlines()[-1])
        app = QApplication([])
        gui_app.ErrorHandler(lambda: None).install()

        def bug():
            raise RuntimeError("bug in a slot")

        def refused():
            raise UserError("磁盘已满")

        QTimer.singleShot(0, bug)
        QTimer.singleShot(5, refused)
        QTimer.singleShot(50, app.quit)
        app.exec()
        print(calls)
    """)
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['crash: RuntimeError: bug in a slot', 'user: 磁盘已满']"
