"""The tabs of the data-exchange view beside the import results: the history of files written
and taken in, the open conflicts (ours beside the incoming record), and this workspace's
key with the keys it trusts."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp import keys
from fieldapp.errors import UserError
from fieldapp.gui import dialogs, sync_dialogs
from fieldapp.store import sync as q
from fieldapp.sync import conflicts
from fieldapp.workflow import keys as wf
from fieldapp.workspace import Workspace

translate = QCoreApplication.translate

DIFFERS = QBrush(QColor("#fff1c2"))
WARN = "#b00020"


def local_time(stamp: str) -> str:
    """An ISO time stamp as local time to the minute (the text itself if it is not one)."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp[:16].replace("T", " ")
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def file_kind_label(kind: str) -> str:
    return {
        "batch": translate("SyncView", "Batch"),
        "pack": translate("SyncView", "Reference pack"),
        "receipt": translate("SyncView", "Receipt"),
    }.get(kind, kind)


def record_kind_label(kind: str) -> str:
    return {
        "officers": translate("SyncView", "Officer"),
        "units": translate("SyncView", "Unit"),
        "equipment": translate("SyncView", "Device"),
        "inspections": translate("SyncView", "Inspection"),
        "answers": translate("SyncView", "Checklist answer"),
        "findings": translate("SyncView", "Finding"),
        "notices": translate("SyncView", "Notice"),
        "reinspections": translate("SyncView", "Re-inspection"),
        "amendments": translate("SyncView", "Amendment"),
        "signatures": translate("SyncView", "Signature"),
        "attachments": translate("SyncView", "Attachment"),
        "answer_photos": translate("SyncView", "Photo of an answer"),
        "checklist_versions": translate("SyncView", "Checklist version"),
        "checklists": translate("SyncView", "Checklist"),
        "documents": translate("SyncView", "Document"),
        "inspection_officers": translate("SyncView", "Inspecting officer"),
        "inspection_runs": translate("SyncView", "Checklist of an inspection"),
        "reinspection_findings": translate("SyncView", "Re-inspected finding"),
        "keys": translate("SyncView", "Trusted key"),
        "settings": translate("SyncView", "Setting"),
        "received": translate("SyncView", "Confirmed record"),
    }.get(kind, kind)


def make_table(headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def item_at(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item of a cell that ``fill_row`` filled."""
    item = table.item(row, column)
    assert item is not None
    return item


def fill_row(
    table: QTableWidget, row: int, cells: list[str], numbers: tuple[int, ...] = ()
) -> None:
    for column, text in enumerate(cells):
        item = QTableWidgetItem(text)
        if column in numbers:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, column, item)


class HistoryPanel(QWidget):
    """Every file written or taken in, newest first; an officer writes a batch again from
    here, a supervisor writes the receipt for an imported batch."""

    write_again = Signal(int)
    write_receipt = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.officer = workspace.role.code == "officer"
        self.rows: list[q.BatchRow] = []
        layout = QVBoxLayout(self)
        self.table = make_table(
            [
                translate("SyncView", "When"),
                translate("SyncView", "Direction"),
                translate("SyncView", "Kind"),
                translate("SyncView", "No."),
                translate("SyncView", "Officer or sender"),
                translate("SyncView", "Records"),
                translate("SyncView", "File"),
            ],
            stretch=6,
        )
        layout.addWidget(self.table, 1)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        bar = QHBoxLayout()
        self.action = QPushButton()
        self.action.setEnabled(False)
        bar.addWidget(self.action)
        bar.addStretch(1)
        layout.addLayout(bar)
        self._reset_action()
        self.table.itemSelectionChanged.connect(self._selected)
        self.action.clicked.connect(self._act)

    def _reset_action(self) -> None:
        self.action.setText(
            translate("SyncView", "Write this batch again…")
            if self.officer
            else translate("SyncView", "Write receipt for this batch…")
        )

    def reload(self) -> None:
        with self.workspace.store.reading() as db:
            self.rows = q.batch_history(db)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            fill_row(
                self.table,
                index,
                [
                    local_time(row.processed_at),
                    translate("SyncView", "Exported")
                    if row.direction == "export"
                    else translate("SyncView", "Imported"),
                    file_kind_label(row.kind),
                    str(row.sequence) if row.kind == "batch" and row.sequence else "",
                    " ".join(filter(None, (row.producer_name, row.producer_code))),
                    f"{row.records:,}",
                    row.file_name,
                ],
                numbers=(3, 5),
            )
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self._selected()

    def selected(self) -> q.BatchRow | None:
        row = self.table.currentRow()
        if not self.table.selectedItems() or not 0 <= row < len(self.rows):
            return None
        return self.rows[row]

    def _actionable(self, row: q.BatchRow | None) -> bool:
        if row is None or row.kind != "batch":
            return False
        return row.direction == ("export" if self.officer else "import")

    def _selected(self) -> None:
        row = self.selected()
        self.action.setEnabled(self._actionable(row))
        if self.officer and self._actionable(row) and row is not None:
            self.action.setText(
                translate("SyncView", "Write batch %1 again…").replace("%1", str(row.sequence))
            )
        else:
            self._reset_action()
        self.detail.setText(self._describe(row) if row else "")

    def _describe(self, row: q.BatchRow) -> str:
        counts = row.report.get("counts", {})
        if row.direction == "import":  # new/updated/... per kind: the totals
            totals = {"new": 0, "updated": 0, "unchanged": 0, "conflicts": 0, "refused": 0}
            for value in counts.values():
                for key in totals:
                    totals[key] += int(value.get(key, 0)) if isinstance(value, dict) else 0
            text = (
                translate("SyncView", "New %1, updated %2, unchanged %3, conflicts %4, refused %5.")
                .replace("%1", f"{totals['new']:,}")
                .replace("%2", f"{totals['updated']:,}")
                .replace("%3", f"{totals['unchanged']:,}")
                .replace("%4", f"{totals['conflicts']:,}")
                .replace("%5", f"{totals['refused']:,}")
            )
        else:
            text = "；".join(f"{record_kind_label(k)} {v:,}" for k, v in counts.items())
            attachments = row.report.get("attachments")
            if attachments:
                text += f"；{record_kind_label('attachments')} {attachments:,}"
        missing = row.report.get("missing_batches") or []
        if missing:
            text += "　" + translate("SyncView", "Missing batches: %1").replace(
                "%1", "、".join(str(n) for n in missing)
            )
        return text

    def _act(self) -> None:
        row = self.selected()
        if not self._actionable(row) or row is None:
            return
        if self.officer and row.sequence:
            self.write_again.emit(row.sequence)
        elif not self.officer:
            self.write_receipt.emit(row.batch_id)


class ConflictsPanel(QWidget):
    """Open conflicts: the list, the chosen one's fields held here beside the incoming ones
    (differences marked), and "keep ours"."""

    count_changed = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.views: list[conflicts.ConflictView] = []
        layout = QVBoxLayout(self)
        note = QLabel(
            translate(
                "SyncView",
                "A record that arrived with the same revision as the one held here but with"
                " other content was kept apart, not written over ours. Compare the two; if"
                " ours is right, keep it. If the incoming one is right, ask the officer to"
                " correct the record and send it in the next batch.",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = make_table(
            [
                translate("SyncView", "Record"),
                translate("SyncView", "Id"),
                translate("SyncView", "Sent by"),
                translate("SyncView", "Arrived"),
            ],
            stretch=1,
        )
        splitter.addWidget(self.table)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        right_layout.addWidget(self.reason)
        self.compare = make_table(
            [
                translate("SyncView", "Field"),
                translate("SyncView", "Held here (ours)"),
                translate("SyncView", "Incoming"),
            ],
            stretch=2,
        )
        self.compare.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.compare.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        right_layout.addWidget(self.compare, 1)
        bar = QHBoxLayout()
        self.keep = QPushButton(translate("SyncView", "Keep ours (mark resolved)"))
        self.keep.setEnabled(False)
        bar.addStretch(1)
        bar.addWidget(self.keep)
        right_layout.addLayout(bar)
        splitter.addWidget(right)
        splitter.setSizes([420, 620])
        layout.addWidget(splitter, 1)
        self.table.itemSelectionChanged.connect(self._selected)
        self.keep.clicked.connect(self.keep_ours)

    def reload(self) -> None:
        self.views = conflicts.open_conflicts(self.workspace)
        self.table.setRowCount(len(self.views))
        for index, view in enumerate(self.views):
            name = next(
                (
                    str(view.incoming[k])
                    for k in ("name", "number", "product_name", "text")
                    if view.incoming.get(k)
                ),
                "",
            )
            fill_row(
                self.table,
                index,
                [
                    f"{record_kind_label(view.kind)} {name}".strip(),
                    view.record_id,
                    view.sender,
                    local_time(view.at),
                ],
            )
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if self.views:
            self.table.selectRow(0)
        self._selected()
        self.count_changed.emit(len(self.views))

    def selected(self) -> conflicts.ConflictView | None:
        row = self.table.currentRow()
        if not self.table.selectedItems() or not 0 <= row < len(self.views):
            return None
        return self.views[row]

    def _selected(self) -> None:
        view = self.selected()
        self.keep.setEnabled(view is not None)
        if view is None:
            self.reason.setText(
                translate("SyncView", "No open conflicts.") if not self.views else ""
            )
            self.compare.setRowCount(0)
            return
        gone = (
            "<br><span style='color:{}'>{}</span>".format(
                WARN, html.escape(translate("SyncView", "The record held here no longer exists."))
            )
            if view.local is None
            else ""
        )
        self.reason.setText(
            "<b>"
            + html.escape(
                translate("SyncView", "%1 differing fields: %2")
                .replace("%1", str(len(view.differing)))
                .replace("%2", ", ".join(view.differing))
            )
            + "</b>"
            + gone
        )
        self.compare.setRowCount(len(view.fields))
        for index, field in enumerate(view.fields):
            ours = "" if view.local is None else _text(view.local.get(field))
            fill_row(self.compare, index, [field, ours, _text(view.incoming.get(field))])
            if field in view.differing:
                for column in range(3):
                    item = item_at(self.compare, index, column)
                    item.setBackground(DIFFERS)
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
        self.compare.resizeColumnToContents(0)

    def keep_ours(self) -> None:
        view = self.selected()
        if view is None:
            return
        try:
            conflicts.keep_ours(self.workspace, view.id)
        except UserError as err:
            dialogs.show_user_error(self, str(err))
        self.reload()


def _text(value: object) -> str:
    return "" if value is None else str(value)


class KeysPanel(QWidget):
    """This workspace (folder, role, device) and its key; the keys it trusts; exporting
    our public key and trusting another's, with the fingerprint shown."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        layout = QVBoxLayout(self)
        self.facts = QLabel()
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.facts)
        bar = QHBoxLayout()
        self.export_key = QPushButton(translate("SyncView", "Export my public key…"))
        self.trust = QPushButton(translate("SyncView", "Trust a key file…"))
        bar.addWidget(self.export_key)
        bar.addWidget(self.trust)
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addWidget(QLabel("<b>" + translate("SyncView", "Trusted keys") + "</b>"))
        self.table = make_table(
            [
                translate("SyncView", "Name"),
                translate("SyncView", "Law-enforcement ID"),
                translate("SyncView", "Organisation"),
                translate("SyncView", "Fingerprint"),
                translate("SyncView", "Trusted since"),
                translate("SyncView", "State"),
            ],
            stretch=2,
        )
        layout.addWidget(self.table, 1)
        self.export_key.clicked.connect(self.export_own_key)
        self.trust.clicked.connect(self.trust_key_file)

    def reload(self) -> None:
        ws = self.workspace
        size_kb = ws.db_path.stat().st_size // 1024
        backups = len(list((ws.home / "backups").glob("*.db")))
        try:
            own = wf.own_key(ws)
        except UserError as err:
            own_text = f"<span style='color:{WARN}'>{html.escape(str(err))}</span>"
        else:
            own_text = (
                f"<b>{html.escape(own.fingerprint)}</b> ({html.escape(own.name)})"
                if own
                else translate("SyncView", "none")
            )
        rows = [
            (translate("SyncView", "Workspace folder"), html.escape(str(ws.home))),
            (
                translate("SyncView", "Role"),
                html.escape(ws.role.label("zh") + " / " + ws.role.label("en")),
            ),
            (translate("SyncView", "Device id"), html.escape(ws.device_id)),
            (translate("SyncView", "My key's fingerprint"), own_text),
            (translate("SyncView", "Database size"), f"{size_kb:,} KB"),
            (translate("SyncView", "Backups kept"), str(backups)),
            (translate("SyncView", "Log file"), html.escape(str(ws.log_path))),
        ]
        self.facts.setText(
            "<table cellspacing='3'>"
            + "".join(f"<tr><td style='color:#444'>{k}</td><td>{v}</td></tr>" for k, v in rows)
            + "</table>"
        )
        trusted = wf.trusted_key_list(ws, include_removed=True)
        self.table.setRowCount(len(trusted))
        for index, key in enumerate(trusted):
            fill_row(
                self.table,
                index,
                [
                    key.name,
                    key.law_id,
                    key.organisation,
                    keys.fingerprint(key.public_key),
                    local_time(key.added_at),
                    translate("SyncView", "trusted")
                    if key.removed_at is None
                    else translate("SyncView", "withdrawn %1").replace(
                        "%1", local_time(key.removed_at)
                    ),
                ],
            )
            if key.removed_at is not None:
                for column in range(6):
                    item_at(self.table, index, column).setForeground(QBrush(QColor("#888")))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def export_own_key(self) -> None:
        ws = self.workspace
        who = ws.officer.officer_code if ws.officer else ws.role.code
        suggested = sync_dialogs.default_folder() / f"public-key-{who}.json"
        out = sync_dialogs.choose_key_out(self, suggested)
        if out is None:
            return
        try:
            info = wf.export_own_key(ws, out)
        except UserError as err:
            dialogs.show_user_error(self, str(err))
            return
        dialogs.show_info(
            self,
            translate("SyncView", "Export my public key"),
            translate(
                "SyncView",
                "Your public key is written to %1.\nFingerprint: %2\n\nGive the file to the"
                " colleague who is to trust it, and read the fingerprint to them so that they"
                " can compare it.",
            )
            .replace("%1", str(out))
            .replace("%2", info.fingerprint),
        )

    def trust_key_file(self) -> None:
        path = sync_dialogs.choose_key_file(self)
        if path is None:
            return
        try:
            info = keys.read_public_key_file(path)
            if not sync_dialogs.confirm_trust(self, info):
                return
            wf.trust_key_file(self.workspace, path)
        except UserError as err:
            dialogs.show_user_error(self, str(err))
            return
        self.reload()
        dialogs.show_info(
            self,
            translate("SyncView", "Trust a key file"),
            translate(
                "SyncView",
                "%1's key is trusted now (fingerprint %2): files and notices it signs are"
                " accepted here.",
            )
            .replace("%1", info.name or info.key_id)
            .replace("%2", info.fingerprint),
        )
