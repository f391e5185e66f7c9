"""数据交换: moving work by file (docs/batch-format.md).

An officer exports batches for the supervisor (what is new or changed, or everything
again), writes a lost batch again from the history, and takes in reference packs and
receipts. A supervisor drops officers' batch files onto the view, sees a report per file,
writes receipts and reference packs, reviews conflicts and trusts officers' keys.

Exports and imports run in a worker with their own database connection
(``worker_workspace``); the view shows their progress with a Cancel button and re-reads
what it shows when they end. Refused files and other UserErrors are messages, not crashes.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldapp import sync
from fieldapp.domain.catalogue import districts
from fieldapp.errors import UserError
from fieldapp.gui import dialogs, sync_dialogs
from fieldapp.gui.sync_panels import (
    WARN,
    ConflictsPanel,
    HistoryPanel,
    KeysPanel,
    file_kind_label,
    fill_row,
    item_at,
    make_table,
)
from fieldapp.gui.tasks import BackgroundTask, Cancelled, Progress
from fieldapp.store import Store
from fieldapp.store import sync as q
from fieldapp.workflow import Changes
from fieldapp.workspace import Workspace

translate = QCoreApplication.translate

EVERYTHING_CHANGED = Changes(
    units=True, equipment=True, officers=True, inspections=True, settings=True
)


@contextlib.contextmanager
def worker_workspace(workspace: Workspace) -> Iterator[Workspace]:
    """``workspace`` seen through a second database connection, opened in (and used only
    by) the calling worker thread. The copy shares the folder, lock and attachments; only
    its connection is closed afterwards, never the workspace."""
    store = Store.open(workspace.db_path)
    store.device_id, store.actor = workspace.store.device_id, workspace.store.actor
    worker = copy.copy(workspace)
    worker.store = store
    try:
        yield worker
    finally:
        store.close()


@dataclass(frozen=True)
class FileOutcome:
    """What became of one file of an import: its report, or why it was refused."""

    path: Path
    report: sync.ImportReport | None = None
    refused: str = ""
    cancelled: bool = False


class _Relay(QObject):
    """Carries each file's outcome from the worker to the GUI thread as it is done."""

    outcome = Signal(object)


def _is_cancel(err: BaseException) -> bool:
    return isinstance(err, Cancelled | sync.ImportCancelled | sync.ExportCancelled)


def _files_in(paths: list[Path]) -> list[Path]:
    """The files named, with a folder standing for the .zip files in it."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix.lower() == ".zip")
        else:
            found.append(path)
    return found


class SyncView(QWidget):
    """The 数据交换 section; ``changed`` tells the other views what an import changed."""

    changed = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.officer = workspace.role.code == "officer"
        self.task: BackgroundTask | None = None
        self.outcomes: list[FileOutcome] = []
        self._relay = _Relay(self)
        self._relay.outcome.connect(self._add_outcome)
        self.setAcceptDrops(True)
        outer = QVBoxLayout(self)
        heading = QLabel("<h2>" + html.escape(translate("SyncView", "Data Exchange")) + "</h2>")
        outer.addWidget(heading)
        intro = QLabel(
            translate(
                "SyncView",
                "Send your finished inspections to the supervisor as a batch file (on a USB"
                " stick), and take in the reference packs and receipts the supervisor sends"
                " back. Drafts go once they are finished.",
            )
            if self.officer
            else translate(
                "SyncView",
                "Take in the officers' batch files (drop several at once), send each officer"
                " a receipt, and hand out reference packs with the registry, checklists and"
                " trusted keys.",
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        outer.addLayout(self._action_bar())
        self.progress_row = QWidget()
        row = QHBoxLayout(self.progress_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(translate("SyncView", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.progress_label, 2)
        row.addWidget(self.progress, 3)
        row.addWidget(self.cancel_button)
        self.progress_row.setVisible(False)
        outer.addWidget(self.progress_row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.status)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._results_tab(), translate("SyncView", "Import results"))
        self.history = HistoryPanel(workspace)
        self.history.write_again.connect(self.write_again)
        self.history.write_receipt.connect(self.write_receipt)
        self.tabs.addTab(self.history, translate("SyncView", "History"))
        self.conflicts = ConflictsPanel(workspace)
        self.conflicts.count_changed.connect(self._conflict_count)
        self.tabs.addTab(self.conflicts, translate("SyncView", "Conflicts"))
        self.keys = KeysPanel(workspace)
        self.tabs.addTab(self.keys, translate("SyncView", "Keys and this workspace"))
        self.facts = self.keys.facts
        outer.addWidget(self.tabs, 1)
        self.reload()

    # --- layout ------------------------------------------------------------------------------

    def _action_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        if self.officer:
            self.export_button = QPushButton(translate("SyncView", "&Export batch…"))
            self.export_button.setStyleSheet("font-weight: bold;")
            self.export_all_button = QPushButton(translate("SyncView", "Export everything again…"))
            self.import_button = QPushButton(translate("SyncView", "&Import pack or receipt…"))
            self.export_button.clicked.connect(lambda: self.export_batch(everything=False))
            self.export_all_button.clicked.connect(lambda: self.export_batch(everything=True))
            self.action_buttons = [self.export_button, self.export_all_button, self.import_button]
        else:
            self.import_button = QPushButton(translate("SyncView", "&Import batches…"))
            self.import_button.setStyleSheet("font-weight: bold;")
            self.pack_button = QPushButton(translate("SyncView", "Write reference &pack…"))
            self.action_buttons = [self.import_button, self.pack_button]
            self.pack_button.clicked.connect(self.write_pack)
        self.import_button.clicked.connect(self.choose_and_import)
        for button in self.action_buttons:
            bar.addWidget(button)
        bar.addStretch(1)
        return bar

    def _results_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.drop_zone = QLabel(
            translate(
                "SyncView",
                "Drop a reference pack or receipt from the supervisor here, or use Import pack"
                " or receipt.",
            )
            if self.officer
            else translate(
                "SyncView",
                "Drop officers' batch files (or a folder of them) here, or use Import batches."
                " Each file is checked whole before anything is taken in.",
            )
        )
        self.drop_zone.setWordWrap(True)
        self.drop_zone.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_zone.setMinimumHeight(48)
        self.drop_zone.setStyleSheet(
            "QLabel { border: 2px dashed #8aa4bf; border-radius: 6px; color: #355;"
            " padding: 8px; background: #f4f8fc; }"
        )
        layout.addWidget(self.drop_zone)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.results = make_table(
            [
                translate("SyncView", "File"),
                translate("SyncView", "Result"),
                translate("SyncView", "New"),
                translate("SyncView", "Updated"),
                translate("SyncView", "Unchanged"),
                translate("SyncView", "Conflicts"),
                translate("SyncView", "Refused"),
                translate("SyncView", "Missing batches"),
            ],
            stretch=1,
        )
        splitter.addWidget(self.results)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        splitter.addWidget(self.details)
        splitter.setSizes([160, 200])
        layout.addWidget(splitter, 1)
        if not self.officer:
            bar = QHBoxLayout()
            self.receipt_button = QPushButton(translate("SyncView", "Write &receipt…"))
            self.receipt_button.setEnabled(False)
            self.receipt_button.clicked.connect(self._receipt_for_selected)
            bar.addWidget(self.receipt_button)
            bar.addStretch(1)
            layout.addLayout(bar)
            self.results.itemSelectionChanged.connect(self._result_selected)
        return tab

    # --- reading -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if self.task is None:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        self.history.reload()
        self.conflicts.reload()
        self.keys.reload()

    def _conflict_count(self, count: int) -> None:
        index = self.tabs.indexOf(self.conflicts)
        title = translate("SyncView", "Conflicts")
        self.tabs.setTabText(index, f"{title} ({count})" if count else title)

    # --- running jobs ----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.task is not None

    def _say(self, text: str, error: bool = False) -> None:
        escaped = html.escape(text).replace("\n", "<br>")
        self.status.setText(f"<span style='color:{WARN}'>{escaped}</span>" if error else escaped)

    def _start(
        self, title: str, job: Callable[[Progress], Any], done: Callable[[Any], None]
    ) -> None:
        task = BackgroundTask(job, title, self)
        task.progress.connect(self._show_progress)
        task.succeeded.connect(done)
        task.failed.connect(self._failed)
        task.done.connect(self._finished)
        self.task = task
        for button in [*self.action_buttons, self.history.action, self.conflicts.keep]:
            button.setEnabled(False)
        self.progress_label.setText(title)
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.progress_row.setVisible(True)
        self._say("")
        task.start()

    def _show_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)
        if text:
            self.progress_label.setText(text)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(translate("SyncView", "Cancelling…"))

    def _failed(self, err: BaseException) -> None:
        if _is_cancel(err):
            self._say(translate("SyncView", "Cancelled: nothing was written and nothing changed."))
        elif isinstance(err, UserError):
            self._say(str(err), error=True)
            dialogs.show_user_error(self, str(err))
        else:
            raise err

    def _finished(self) -> None:
        if self.task is not None:
            self.task.deleteLater()
        self.task = None
        self.progress_row.setVisible(False)
        for button in self.action_buttons:
            button.setEnabled(True)
        self.reload()
        if not self.officer:
            self._result_selected()

    def _signing_key(self) -> Any:
        from fieldapp.gui.keys_ui import keyring

        try:
            return keyring(self.workspace, self).signing_key()
        except UserError as err:
            dialogs.show_user_error(self, str(err))
            return None

    # --- officer: export ----------------------------------------------------------------

    def _suggested_batch_name(self) -> Path:
        with self.workspace.store.reading() as db:
            sequence = q.last_export_sequence(db) + 1
        code = self.workspace.officer.officer_code if self.workspace.officer else "officer"
        return sync_dialogs.default_folder() / f"batch-{code}-{sequence:04d}.zip"

    def export_batch(self, everything: bool = False) -> None:
        """Ask where, then write the next batch (or everything) in a worker."""
        if self.busy:
            return
        title = (
            translate("SyncView", "Export everything again")
            if everything
            else translate("SyncView", "Export batch")
        )
        out = sync_dialogs.choose_save_path(self, title, self._suggested_batch_name())
        if out is None:
            return
        key = self._signing_key()
        if key is None:
            return
        workspace = self.workspace
        writing = translate("SyncView", "Writing %1…")
        files = translate("SyncView", "Writing attachments: %1 of %2")

        def job(progress: Progress) -> sync.ExportResult:
            def report(what: str, done: int, total: int) -> None:
                if what == "attachments":
                    text = files.replace("%1", str(done)).replace("%2", str(total))
                    progress.report(done * 1000 // max(total, 1), 1000, text)
                else:
                    progress.report(0, 0, writing.replace("%1", what))

            with worker_workspace(workspace) as worker:
                return sync.export_batch(
                    worker,
                    out,
                    key,
                    everything=everything,
                    progress=report,
                    cancelled=lambda: progress.cancelled,
                )

        self._start(title, job, self._exported)

    def _exported(self, result: sync.ExportResult) -> None:
        records = sum(result.counts.values())
        self._say(
            translate(
                "SyncView",
                "Batch %1 written to %2: %3 records and %4 attachments (%5 MB). A copy is kept"
                " in %6; if the stick is lost, write it again from the history.",
            )
            .replace("%1", str(result.sequence))
            .replace("%2", str(result.path))
            .replace("%3", f"{records:,}")
            .replace("%4", f"{result.attachments:,}")
            .replace("%5", f"{result.size / 1e6:.1f}")
            .replace("%6", str(result.kept.parent))
        )
        self.changed.emit(Changes(inspections=True))

    def write_again(self, sequence: int) -> None:
        """Write an earlier batch again, byte for byte (a lost or broken stick)."""
        if self.busy:
            return
        title = translate("SyncView", "Write batch %1 again").replace("%1", str(sequence))
        code = self.workspace.officer.officer_code if self.workspace.officer else "officer"
        suggested = sync_dialogs.default_folder() / f"batch-{code}-{sequence:04d}.zip"
        out = sync_dialogs.choose_save_path(self, title, suggested)
        if out is None:
            return
        workspace = self.workspace

        def job(progress: Progress) -> Path:
            progress.report(0, 0)
            with worker_workspace(workspace) as worker:
                return sync.copy_again(worker, sequence, out)

        def done(path: Path) -> None:
            self._say(
                translate(
                    "SyncView", "Batch %1 written again to %2 (the same file, byte for byte)."
                )
                .replace("%1", str(sequence))
                .replace("%2", str(path))
            )

        self._start(title, job, done)

    # --- importing ---------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        title = (
            translate("SyncView", "Import a reference pack or receipt")
            if self.officer
            else translate("SyncView", "Import officers' batches")
        )
        paths = sync_dialogs.choose_open_paths(self, title)
        if paths:
            self.import_files(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and all(url.isLocalFile() for url in urls) and not self.busy:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.tabs.setCurrentIndex(0)
            self.import_files(paths)

    def import_files(self, paths: list[Path]) -> None:
        """Import each file in turn in a worker; each gets its row and report as it ends."""
        if self.busy:
            self._say(translate("SyncView", "Wait until the current work has ended."), True)
            return
        files = _files_in(paths)
        if not files:
            self._say(translate("SyncView", "The folder holds no .zip files."), True)
            return
        self.outcomes = []
        self.results.setRowCount(0)
        self.details.clear()
        self.tabs.setCurrentIndex(0)
        workspace, relay, count = self.workspace, self._relay, len(files)
        checking = translate("SyncView", "File %1 of %2: checking %3…")
        importing = translate("SyncView", "File %1 of %2: taking in the records of %3…")

        def job(progress: Progress) -> None:
            with worker_workspace(workspace) as worker:
                for index, path in enumerate(files):
                    steps = {
                        "verify": checking.replace("%1", str(index + 1))
                        .replace("%2", str(count))
                        .replace("%3", path.name),
                        "records": importing.replace("%1", str(index + 1))
                        .replace("%2", str(count))
                        .replace("%3", path.name),
                    }
                    shown = [-1]

                    def report(
                        what: str,
                        done: int,
                        total: int,
                        index: int = index,
                        steps: dict[str, str] = steps,
                        shown: list[int] = shown,
                    ) -> None:
                        half = 0 if what == "verify" else 1
                        part = (half + min(done, total) / max(total, 1)) / 2
                        value = int((index + part) * 1000 / count)
                        if value != shown[0]:
                            shown[0] = value
                            progress.report(value, 1000, steps.get(what, what))

                    try:
                        progress.check()
                        outcome = FileOutcome(
                            path,
                            report=sync.import_file(
                                worker, path, progress=report, cancelled=lambda: progress.cancelled
                            ),
                        )
                    except (Cancelled, sync.ImportCancelled):
                        for rest in files[index:]:
                            relay.outcome.emit(FileOutcome(rest, cancelled=True))
                        return
                    except UserError as err:  # refused, or the disk is full: the next file
                        outcome = FileOutcome(path, refused=str(err))
                    relay.outcome.emit(outcome)

        self._start(translate("SyncView", "Importing"), job, self._imported)

    def _add_outcome(self, outcome: FileOutcome) -> None:
        self.outcomes.append(outcome)
        row = self.results.rowCount()
        self.results.setRowCount(row + 1)
        report = outcome.report
        if report is None:
            result = (
                translate("SyncView", "Not imported (cancelled)")
                if outcome.cancelled
                else translate("SyncView", "Refused")
            )
            fill_row(self.results, row, [outcome.path.name, result])
            if not outcome.cancelled:
                item_at(self.results, row, 1).setForeground(Qt.GlobalColor.darkRed)
        else:
            totals = report.totals()
            if report.status == "already":
                result = translate("SyncView", "Already imported: nothing changed")
            else:
                result = translate("SyncView", "Imported %1").replace(
                    "%1", file_kind_label(report.kind)
                )
                if report.kind == "batch" and report.sequence:
                    result += " " + translate("SyncView", "no. %1").replace(
                        "%1", str(report.sequence)
                    )
                if report.producer:
                    result += f" · {report.producer}"
            fill_row(
                self.results,
                row,
                [
                    report.path.name,
                    result,
                    f"{totals.new:,}",
                    f"{totals.updated:,}",
                    f"{totals.unchanged:,}",
                    f"{totals.conflicts:,}",
                    f"{totals.refused:,}",
                    "、".join(str(n) for n in report.missing_batches),
                ],
                numbers=(2, 3, 4, 5, 6),
            )
            for column, bad in ((5, totals.conflicts), (6, totals.refused), (7, 1)):
                if bad and item_at(self.results, row, column).text():
                    item_at(self.results, row, column).setForeground(Qt.GlobalColor.darkRed)
        self.results.resizeColumnsToContents()
        self.results.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._show_details()

    def _show_details(self) -> None:
        blocks = []
        for outcome in self.outcomes:
            if outcome.report is not None:
                lines = outcome.report.summary_lines()
                body = "<br>".join(html.escape(line) for line in lines)
                blocks.append(f"<p>{body}</p>")
            elif outcome.cancelled:
                text = translate("SyncView", "%1: not imported, the import was cancelled.")
                blocks.append(f"<p>{html.escape(text.replace('%1', outcome.path.name))}</p>")
            else:
                blocks.append(f"<p style='color:{WARN}'>{html.escape(outcome.refused)}</p>")
        self.details.setHtml("".join(blocks))

    def _imported(self, _result: object) -> None:
        counts = {"imported": 0, "already": 0, "refused": 0, "cancelled": 0}
        for outcome in self.outcomes:
            if outcome.cancelled:
                counts["cancelled"] += 1
            elif outcome.report is None:
                counts["refused"] += 1
            else:
                counts[outcome.report.status] += 1
        self._say(
            translate(
                "SyncView",
                "Files: %1 — %2 imported, %3 already imported before, %4 refused, %5 cancelled.",
            )
            .replace("%1", str(len(self.outcomes)))
            .replace("%2", str(counts["imported"]))
            .replace("%3", str(counts["already"]))
            .replace("%4", str(counts["refused"]))
            .replace("%5", str(counts["cancelled"])),
            error=bool(counts["refused"]),
        )
        if counts["imported"]:
            self.changed.emit(EVERYTHING_CHANGED)

    # --- supervisor: receipts and packs ---------------------------------------------------

    def _result_selected(self) -> None:
        row = self.results.currentRow()
        outcome = (
            self.outcomes[row]
            if self.results.selectedItems() and 0 <= row < len(self.outcomes)
            else None
        )
        self.receipt_button.setEnabled(
            not self.busy
            and outcome is not None
            and outcome.report is not None
            and outcome.report.kind == "batch"
        )

    def _receipt_for_selected(self) -> None:
        row = self.results.currentRow()
        if 0 <= row < len(self.outcomes) and self.outcomes[row].report is not None:
            report = self.outcomes[row].report
            assert report is not None
            self.write_receipt(report.batch_id)

    def write_receipt(self, batch_id: str) -> None:
        """Ask where, then write the receipt for an imported batch."""
        if self.busy:
            return
        with self.workspace.store.reading() as db:
            batch = q.get_batch(db, batch_id)
        if batch is None:
            return
        title = translate("SyncView", "Write receipt")
        name = f"receipt-{batch.producer_code or 'officer'}-{batch.sequence or 0:04d}.zip"
        out = sync_dialogs.choose_save_path(self, title, sync_dialogs.default_folder() / name)
        if out is None:
            return
        key = self._signing_key()
        if key is None:
            return
        workspace = self.workspace

        def job(progress: Progress) -> sync.ExportResult:
            progress.report(0, 0)
            with worker_workspace(workspace) as worker:
                return sync.write_receipt(worker, batch_id, out, key)

        def done(result: sync.ExportResult) -> None:
            self._say(
                translate(
                    "SyncView",
                    "Receipt for batch %1 of %2 written to %3 (%4 records). Give it to the"
                    " officer to import: those records then show as received.",
                )
                .replace("%1", str(batch.sequence or ""))
                .replace("%2", batch.producer_name or batch.producer_key)
                .replace("%3", str(result.path))
                .replace("%4", f"{sum(result.counts.values()):,}")
            )

        self._start(title, job, done)

    def district_choices(self) -> list[tuple[str, str]]:
        """(label, GB/T 2260 prefix) for a pack: everything, then each city and its districts."""
        choices = [(translate("SyncView", "The whole registry"), "")]
        for code, district in sorted(districts().items()):
            if code.endswith("0000"):
                continue
            if code.endswith("00"):
                choices.append((f"{district.name_zh} ({code[:4]})", code[:4]))
            else:
                choices.append((f"    {district.name_zh} ({code})", code))
        return choices

    def write_pack(self) -> None:
        """Ask for the district and where, then write a reference pack in a worker."""
        if self.busy:
            return
        district = sync_dialogs.choose_district(self, self.district_choices())
        if district is None:
            return
        title = translate("SyncView", "Write reference pack")
        suffix = f"-{district}" if district else ""
        name = f"reference-pack{suffix}-{dt.date.today().isoformat()}.zip"
        out = sync_dialogs.choose_save_path(self, title, sync_dialogs.default_folder() / name)
        if out is None:
            return
        key = self._signing_key()
        if key is None:
            return
        workspace = self.workspace

        def job(progress: Progress) -> sync.ExportResult:
            progress.report(0, 0)
            with worker_workspace(workspace) as worker:
                return sync.write_pack(worker, out, key, district)

        def done(result: sync.ExportResult) -> None:
            counts = result.counts
            self._say(
                translate(
                    "SyncView",
                    "Reference pack written to %1: %2 units, %3 devices, %4 officers, %5"
                    " trusted keys, %6 checklists.",
                )
                .replace("%1", str(result.path))
                .replace("%2", f"{counts.get('units', 0):,}")
                .replace("%3", f"{counts.get('equipment', 0):,}")
                .replace("%4", f"{counts.get('officers', 0):,}")
                .replace("%5", f"{counts.get('keys', 0):,}")
                .replace("%6", f"{counts.get('checklists', 0):,}")
            )

        self._start(title, job, done)
