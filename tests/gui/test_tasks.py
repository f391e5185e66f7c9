"""Slow work in a worker thread: the result, an error or a cancel arrives on the GUI
thread, followed by ``done``."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from fieldapp.errors import UserError
from fieldapp.gui.tasks import BackgroundTask, Cancelled, Progress


def run(qtbot: QtBot, job: object) -> tuple[list[object], list[BaseException], list[object]]:
    task = BackgroundTask(job, "test")  # type: ignore[arg-type]
    results: list[object] = []
    errors: list[BaseException] = []
    steps: list[object] = []
    threads: list[bool] = []
    task.succeeded.connect(results.append)
    task.failed.connect(errors.append)
    task.progress.connect(lambda done, total, _text: steps.append((done, total)))
    task.done.connect(lambda: threads.append(threading.current_thread() is threading.main_thread()))
    with qtbot.waitSignal(task.done, timeout=5000):
        task.start()
    task.wait(5)
    assert threads == [True], "results arrive on the GUI thread"
    return results, errors, steps


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    def job(progress: Progress) -> str:
        assert threading.current_thread() is not threading.main_thread()
        for step in range(3):
            progress.report(step + 1, 3)
        return "done"

    results, errors, steps = run(qtbot, job)
    assert results == ["done"] and not errors
    assert steps == [(1, 3), (2, 3), (3, 3)]


def test_an_error_is_handed_over_not_raised_in_the_worker(qtbot: QtBot) -> None:
    def job(_progress: Progress) -> None:
        raise UserError("磁盘已满 / disk full")

    results, errors, _steps = run(qtbot, job)
    assert not results
    assert [str(e) for e in errors] == ["磁盘已满 / disk full"]


def test_cancel_stops_at_the_next_report(qtbot: QtBot) -> None:
    started = threading.Event()
    go_on = threading.Event()

    def job(progress: Progress) -> int:
        started.set()
        go_on.wait(5)
        progress.report(1, 2)
        pytest.fail("a cancelled job must not get past its next report")

    task = BackgroundTask(job, "test")
    errors: list[BaseException] = []
    task.failed.connect(errors.append)
    with qtbot.waitSignal(task.done, timeout=5000):
        task.start()
        started.wait(5)
        task.cancel()
        go_on.set()
    assert len(errors) == 1 and isinstance(errors[0], Cancelled)
