"""Slow work off the GUI thread: a job runs in a worker thread, reports progress, can be
cancelled, and hands its result (or its error) back on the GUI thread.

The job never touches a widget; it gets a ``Progress`` to report to and to ask whether the
user cancelled. Jobs that read the database open their own connection in the worker.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from fieldapp.errors import UserError

translate = QCoreApplication.translate
log = logging.getLogger(__name__)


class Cancelled(UserError):
    """The user cancelled a long job."""

    def __init__(self) -> None:
        super().__init__("已取消 / cancelled")


class Progress:
    """What a job reports to, from the worker thread."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancelled = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        """``done`` of ``total`` steps; raises Cancelled once the user has cancelled."""
        self.check()
        self._emit(done, total, text)

    def check(self) -> None:
        """Raises Cancelled once the user has cancelled."""
        if self._cancelled.is_set():
            raise Cancelled

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()


class BackgroundTask(QObject):
    """Runs ``job(progress)`` in a worker thread.

    ``progress`` (done, total, text), ``succeeded`` (the result) and ``failed`` (the
    exception; Cancelled when the user cancelled) are delivered on the GUI thread. Exactly
    one of ``succeeded`` and ``failed`` is emitted, then ``done``. The worker hands its
    outcome over once; the GUI thread then emits the public signals itself, so their
    receivers run one after the other, in the order they were connected.
    """

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    done = Signal()
    _ended = Signal(bool, object)  # from the worker: (succeeded, result or exception)

    def __init__(
        self, job: Callable[[Progress], Any], name: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._job = job
        self._name = name
        self.handle = Progress(self.progress.emit)
        self._thread: threading.Thread | None = None
        self._ended.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self.handle.cancel()

    def wait(self, timeout: float | None = None) -> None:
        """Block until the worker ends (used when the window closes)."""
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        try:
            outcome: tuple[bool, object] = (True, self._job(self.handle))
        except Exception as err:  # noqa: BLE001  (handed to the GUI thread, which reports it)
            outcome = (False, err)
        try:
            self._ended.emit(*outcome)
        except RuntimeError:
            # the page that started the job was closed meanwhile: nobody waits for it
            log.info("%s ended after its window was closed", self._name)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: object) -> None:
        try:
            if ok:
                self.succeeded.emit(value)
            else:
                self.failed.emit(value)
        finally:
            self.done.emit()


def run_with_progress(
    parent: QWidget,
    title: str,
    job: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
) -> BackgroundTask:
    """Start ``job`` in a worker with a cancellable progress dialog over ``parent``.

    The dialog shows after half a second (quick jobs never flash it) and closes when the
    job ends; ``on_success`` or ``on_failure`` then runs on the GUI thread. A cancelled
    job ends in ``on_failure`` with Cancelled.
    """
    task = BackgroundTask(job, name=title, parent=parent)
    dialog = QProgressDialog(title, translate("Tasks", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    task.dialog = dialog  # type: ignore[attr-defined]

    def show_progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total > 0 else 0)
        if text:
            dialog.setLabelText(text)

    def finish() -> None:
        dialog.canceled.disconnect(task.cancel)
        dialog.reset()
        dialog.close()
        # deleted once every other receiver of ``done`` has had it
        QTimer.singleShot(0, dialog.deleteLater)
        QTimer.singleShot(0, task.deleteLater)

    task.progress.connect(show_progress)
    task.succeeded.connect(on_success)
    task.failed.connect(on_failure)
    task.done.connect(finish)
    dialog.canceled.connect(task.cancel)
    task.start()
    return task
