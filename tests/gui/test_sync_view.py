"""The 数据交换 view: an officer exports through it, a supervisor drops files on it and reads
a report per file, refusals are messages, a receipt goes back and the officer sees 已被接收.

``FIELDAPP_SCREENSHOTS=docs/screenshots`` also writes sync-officer.png and
sync-supervisor.png there (otherwise they go to the test's tmp_path).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp import sync, workflow
from fieldapp.gui import dialogs, sync_dialogs
from fieldapp.gui.inspections_view import InspectionList
from fieldapp.gui.sync_view import SyncView
from fieldapp.home import DB_NAME
from fieldapp.keys import PublicKeyInfo
from fieldapp.store import registry as reg
from fieldapp.store import sync as q
from fieldapp.workflow import keys as wf
from fieldapp.workspace import Workspace
from tests.sync.conftest import officer_home, supervisor_home, table_hashes

__all__ = ["officer_home", "supervisor_home"]  # fixtures shared with tests/sync

LONG = 120_000  # ms; a whole demo batch is checked and merged within a few seconds


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages shown to the user; a crash dialog fails the test."""
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_user_error", lambda _parent, text: shown.append(text))
    monkeypatch.setattr(dialogs, "show_info", lambda _parent, _title, text: shown.append(text))

    def crash(_parent: object, details: str, _log: object) -> None:
        raise AssertionError(f"crash dialog: {details}")

    monkeypatch.setattr(dialogs, "show_crash", crash)
    return shown


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make the next file dialogs answer ``path``."""

    def answer(path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        monkeypatch.setattr(sync_dialogs, "choose_save_path", lambda _p, _t, _s: path)

    return answer


@pytest.fixture
def officer(officer_home: Path, supervisor_home: Path) -> Iterator[Workspace]:
    """The demo officer, who trusts the supervisor (and is trusted by them)."""
    ws = Workspace.open(officer_home)
    yield ws
    ws.close()


@pytest.fixture
def supervisor(supervisor_home: Path) -> Iterator[Workspace]:
    ws = Workspace.open(supervisor_home)
    yield ws
    ws.close()


def make_view(qtbot: QtBot, ws: Workspace) -> SyncView:
    view = SyncView(ws)
    qtbot.addWidget(view)
    view.resize(1160, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def wait(qtbot: QtBot, view: SyncView) -> None:
    qtbot.waitUntil(lambda: not view.busy, timeout=LONG)


def drop(view: SyncView, paths: list[Path]) -> bool:
    """Drag ``paths`` over the view and drop them; whether the drag was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dragEnterEvent(enter)
    if not enter.isAccepted():
        return False
    view.dropEvent(
        QDropEvent(
            QPointF(20, 20),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    return True


def export_through(
    qtbot: QtBot, view: SyncView, save_to: Callable[[Path], None], out: Path
) -> None:
    save_to(out)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    wait(qtbot, view)


def change_a_unit(ws: Workspace, address: str) -> str:
    with ws.store.reading() as db:
        unit_id = db.execute("SELECT id FROM units ORDER BY id LIMIT 1").fetchone()[0]
        unit = reg.get_unit(db, unit_id)
    workflow.update_unit(ws.store, dataclasses.replace(unit, address=address))
    return str(unit_id)


def shot(view: SyncView, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FIELDAPP_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    QApplication.processEvents()
    assert view.window().grab().save(str(path))
    return path


@pytest.mark.slow
@pytest.mark.usefixtures("zh")
def test_export_import_receipt_round_trip(
    qtbot: QtBot,
    officer: Workspace,
    supervisor: Workspace,
    tmp_path: Path,
    save_to: Callable[[Path], None],
    messages: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stick = tmp_path / "usb"
    off_view = make_view(qtbot, officer)
    # 1. the officer exports the first batch, then two more after changes
    export_through(qtbot, off_view, save_to, stick / "batch-1.zip")
    assert messages == [] and (stick / "batch-1.zip").is_file()
    assert str(stick / "batch-1.zip") in off_view.status.text()
    history = off_view.history
    assert [(r.direction, r.kind, r.sequence) for r in history.rows] == [("export", "batch", 1)]
    export_through(qtbot, off_view, save_to, stick / "nothing.zip")
    assert len(messages) == 1 and "Nothing new or changed" in messages[0]
    assert not (stick / "nothing.zip").exists()
    messages.clear()
    change_a_unit(officer, "吉林省长春市新地址2号")
    export_through(qtbot, off_view, save_to, stick / "batch-2.zip")
    change_a_unit(officer, "吉林省长春市新地址3号")
    export_through(qtbot, off_view, save_to, stick / "batch-3.zip")
    assert [r.sequence for r in history.rows] == [3, 2, 1]
    # a lost stick: batch 2 is written again from the history, byte for byte
    history.table.selectRow(1)
    assert history.action.isEnabled() and "2" in history.action.text()
    save_to(tmp_path / "again" / "batch-2.zip")
    qtbot.mouseClick(history.action, Qt.MouseButton.LeftButton)
    wait(qtbot, off_view)
    assert (tmp_path / "again" / "batch-2.zip").read_bytes() == (stick / "batch-2.zip").read_bytes()

    # 2. the supervisor drops batches 1 and 3 (2 is "lost") and a damaged file at once
    damaged = stick / "damaged.zip"
    damaged.write_bytes((stick / "batch-1.zip").read_bytes()[:5000])
    sup_view = make_view(qtbot, supervisor)
    before = table_hashes(supervisor.home, ("units", "inspections"))
    assert drop(sup_view, [stick / "batch-1.zip", damaged, stick / "batch-3.zip"])
    wait(qtbot, sup_view)
    assert messages == [], "a refused file is reported in its row, not as a pop-up"
    first, refused, third = sup_view.outcomes
    assert first.report is not None and first.report.status == "imported"
    totals = first.report.totals()
    assert totals.new > 3000 and totals.refused == totals.conflicts == 0
    table = sup_view.results
    assert [table.item(0, c).text() for c in (0, 2, 6)] == ["batch-1.zip", f"{totals.new:,}", "0"]
    assert refused.report is None and "damaged.zip" in refused.refused
    assert "不是完整的数据交换文件" in refused.refused
    assert third.report is not None and third.report.missing_batches == [2]
    assert table.item(2, 7).text() == "2"
    details = sup_view.details.toPlainText()
    assert "已导入批次 第1批（王建国）" in details and "缺少该监察员的第 2 批" in details
    assert refused.refused.splitlines()[0][:40] in details
    assert table_hashes(supervisor.home, ("units", "inspections")) != before
    shot(sup_view, "sync-supervisor.png", tmp_path)
    # the same files again: already imported, nothing changes
    before = table_hashes(supervisor.home)
    sup_view.import_files([stick / "batch-1.zip"])
    wait(qtbot, sup_view)
    only = sup_view.outcomes[0].report
    assert only is not None and only.status == "already"
    assert "没有任何改动" in sup_view.details.toPlainText()
    assert table_hashes(supervisor.home) == before
    # the lost batch 2 arrives later (written again by the officer)
    sup_view.import_files([tmp_path / "again" / "batch-2.zip"])
    wait(qtbot, sup_view)

    # 3. a receipt for batch 1 goes back to the officer
    rows = sup_view.history.rows
    index = next(i for i, r in enumerate(rows) if r.direction == "import" and r.sequence == 1)
    sup_view.history.table.selectRow(index)
    assert sup_view.history.action.isEnabled()
    save_to(stick / "receipt-1.zip")
    qtbot.mouseClick(sup_view.history.action, Qt.MouseButton.LeftButton)
    wait(qtbot, sup_view)
    assert messages == [] and (stick / "receipt-1.zip").is_file()
    assert any(r.direction == "export" and r.kind == "receipt" for r in sup_view.history.rows)
    monkeypatch.setattr(sync_dialogs, "choose_open_paths", lambda _p, _t: [stick / "receipt-1.zip"])
    with qtbot.waitSignal(off_view.changed, timeout=LONG):
        qtbot.mouseClick(off_view.import_button, Qt.MouseButton.LeftButton)
    wait(qtbot, off_view)
    receipt = off_view.outcomes[0].report
    assert receipt is not None and receipt.kind == "receipt" and messages == []
    # 已被接收 in the officer's list for every finished inspection, none for a draft
    listing = InspectionList(officer, dt.date.today())
    qtbot.addWidget(listing)
    assert not listing.table.isColumnHidden(6)
    with officer.store.reading() as db:
        received = q.received(db, "inspections")
    assert received
    for row, summary in enumerate(listing.rows):
        text = listing.table.item(row, 6).text()
        assert text == ("已被接收" if summary.id in received else ""), summary.state
        assert (summary.state == "draft") == (summary.id not in received)
    off_view.tabs.setCurrentWidget(off_view.history)
    off_view.history.table.selectRow(1)
    shot(off_view, "sync-officer.png", tmp_path)


@pytest.mark.usefixtures("zh")
def test_refusals_are_messages_not_crashes(
    qtbot: QtBot,
    officer: Workspace,
    tmp_path: Path,
    save_to: Callable[[Path], None],
    messages: list[str],
) -> None:
    view = make_view(qtbot, officer)
    export_through(qtbot, view, save_to, tmp_path / "b.zip")
    junk = tmp_path / "notes.zip"
    junk.write_text("这不是 zip 文件", encoding="utf-8")
    before = table_hashes(officer.home)
    view.import_files([tmp_path / "b.zip", junk, tmp_path / "missing.zip"])
    wait(qtbot, view)
    assert messages == []
    reasons = [o.refused for o in view.outcomes]
    assert "监察员批次只能导入监督工作区" in reasons[0]
    assert "notes.zip" in reasons[1] and "找不到文件" in reasons[2]
    assert all(view.results.item(r, 1).text() for r in range(3))
    text = view.details.toPlainText()
    assert all(reason.splitlines()[0] in text for reason in reasons)
    assert table_hashes(officer.home) == before
    # a key file that is not one: a message naming the file, nothing trusted
    keys_panel = view.keys
    broken = tmp_path / "key.json"
    broken.write_text("{}", encoding="utf-8")
    original = sync_dialogs.choose_key_file
    try:
        sync_dialogs.choose_key_file = lambda _p: broken  # type: ignore[assignment]
        keys_panel.trust_key_file()
    finally:
        sync_dialogs.choose_key_file = original  # type: ignore[assignment]
    assert len(messages) == 1 and "key.json" in messages[0]


@pytest.mark.usefixtures("zh")
def test_cancel_stops_the_import_and_changes_nothing(
    qtbot: QtBot,
    supervisor: Workspace,
    tmp_path: Path,
    messages: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[Path] = []

    def slow_import(ws: Workspace, path: Path, progress: Any, cancelled: Any) -> None:
        started.append(path)
        progress("verify", 1, 2)
        while not cancelled():
            time.sleep(0.005)
        raise sync.ImportCancelled("导入已取消，没有任何改动 / import cancelled; nothing changed")

    monkeypatch.setattr(sync, "import_file", slow_import)
    view = make_view(qtbot, supervisor)
    before = table_hashes(supervisor.home)
    view.import_files([tmp_path / "a.zip", tmp_path / "b.zip"])
    # the worker waits in the import until cancelled: its progress report arrives first
    qtbot.waitUntil(lambda: bool(started) and view.progress.maximum() == 1000)
    assert view.progress_row.isVisible() and view.cancel_button.isEnabled()
    assert "a.zip" in view.progress_label.text()
    assert not view.import_button.isEnabled(), "one job at a time"
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    wait(qtbot, view)
    assert started == [tmp_path / "a.zip"]
    assert [o.cancelled for o in view.outcomes] == [True, True]
    assert not view.progress_row.isVisible() and view.import_button.isEnabled()
    assert messages == [] and table_hashes(supervisor.home) == before


@pytest.mark.usefixtures("zh")
def test_conflict_shown_beside_ours_and_kept(
    qtbot: QtBot,
    officer: Workspace,
    supervisor: Workspace,
    tmp_path: Path,
    save_to: Callable[[Path], None],
    messages: list[str],
) -> None:
    off_view = make_view(qtbot, officer)
    export_through(qtbot, off_view, save_to, tmp_path / "b1.zip")
    sup_view = make_view(qtbot, supervisor)
    sup_view.import_files([tmp_path / "b1.zip"])
    wait(qtbot, sup_view)
    with officer.store.reading() as db:
        unit_id, name = db.execute("SELECT id, name FROM units ORDER BY id LIMIT 1").fetchone()
    with closing(sqlite3.connect(supervisor.home / DB_NAME)) as conn, conn:
        conn.execute("UPDATE units SET name = '别的名字有限公司' WHERE id = ?", (unit_id,))
    save_to(tmp_path / "all.zip")
    qtbot.mouseClick(off_view.export_all_button, Qt.MouseButton.LeftButton)
    wait(qtbot, off_view)
    sup_view.import_files([tmp_path / "all.zip"])
    wait(qtbot, sup_view)
    assert sup_view.results.item(0, 5).text() == "1"
    panel = sup_view.conflicts
    assert [(v.kind, v.record_id) for v in panel.views] == [("units", unit_id)]
    assert sup_view.tabs.tabText(sup_view.tabs.indexOf(panel)).endswith("(1)")
    compare = {
        panel.compare.item(r, 0).text(): (
            panel.compare.item(r, 1).text(),
            panel.compare.item(r, 2).text(),
        )
        for r in range(panel.compare.rowCount())
    }
    assert compare["name"] == ("别的名字有限公司", name)
    assert panel.views[0].differing == ("name",)
    assert panel.keep.isEnabled()
    qtbot.mouseClick(panel.keep, Qt.MouseButton.LeftButton)
    assert panel.views == [] and messages == []
    with supervisor.store.reading() as db:
        assert q.open_conflicts(db) == []
        assert reg.get_unit(db, unit_id).name == "别的名字有限公司"
        audit = db.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'resolve' AND entity = 'conflict'"
        ).fetchone()[0]
    assert audit == 1


@pytest.mark.usefixtures("zh")
def test_trusting_a_key_file_shows_its_fingerprint(
    qtbot: QtBot,
    supervisor: Workspace,
    officer_ws: Workspace,
    tmp_path: Path,
    messages: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key_file = tmp_path / "new-officer.pub.json"
    info = wf.export_own_key(officer_ws, key_file)
    asked: list[PublicKeyInfo] = []
    monkeypatch.setattr(sync_dialogs, "choose_key_file", lambda _p: key_file)
    monkeypatch.setattr(sync_dialogs, "confirm_trust", lambda _p, i: asked.append(i) or True)
    view = make_view(qtbot, supervisor)
    panel = view.keys
    rows_before = panel.table.rowCount()
    qtbot.mouseClick(panel.trust, Qt.MouseButton.LeftButton)
    assert [a.fingerprint for a in asked] == [info.fingerprint]
    assert len(messages) == 1 and info.fingerprint in messages[0]
    assert panel.table.rowCount() == rows_before + 1
    prints = [panel.table.item(r, 3).text() for r in range(panel.table.rowCount())]
    assert info.fingerprint in prints
    # the supervisor's own fingerprint is shown too, beside the workspace's facts
    own = wf.own_key(supervisor)
    assert own is not None and own.fingerprint in view.facts.text()
    assert str(supervisor.home) in view.facts.text() and supervisor.device_id in view.facts.text()
    # declining trusts nothing
    monkeypatch.setattr(sync_dialogs, "confirm_trust", lambda _p, _i: False)
    other = tmp_path / "supervisor.pub.json"
    wf.export_own_key(supervisor, other)
    monkeypatch.setattr(sync_dialogs, "choose_key_file", lambda _p: other)
    qtbot.mouseClick(panel.trust, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == rows_before + 1 and len(messages) == 1
