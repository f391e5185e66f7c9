"""检查: the list of inspections (filters, search, drafts), and the screens an inspection
goes through — the wizard, the checklist runner, review and signatures, the record."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldapp.checklists import Checklist
from fieldapp.domain.models import CheckType, InspectionState
from fieldapp.errors import UserError
from fieldapp.gui.i18n import language
from fieldapp.gui.inspection_runner import MEASURE, SEVERITY, answer_text, term
from fieldapp.store import inspections as q
from fieldapp.store import registry as reg
from fieldapp.store import sync as sync_q
from fieldapp.workflow import Changes
from fieldapp.workflow import inspection as wf
from fieldapp.workspace import Workspace

translate = QCoreApplication.translate

FILTERS = ("", "draft", "finished", "notice_issued", "awaiting_reinspection", "overdue", "closed")


def state_label(state: str, findings: int = 0) -> str:
    if state == "overdue":
        return translate("Inspections", "Overdue")
    label = InspectionState.from_code(state).label(language())
    if state == "finished" and findings:
        label += translate("Inspections", " (notice to be issued)")
    return label


class InspectionList(QWidget):
    open_requested = Signal(str)
    new_requested = Signal()

    def __init__(self, workspace: Workspace, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.today = workspace, today
        self.rows: list[q.InspectionSummary] = []
        layout = QVBoxLayout(self)
        heading = QLabel("<h2>" + translate("Inspections", "Inspections") + "</h2>")
        layout.addWidget(heading)
        bar = QHBoxLayout()
        self.new_button = QPushButton(translate("Inspections", "&New inspection (Ctrl+N)"))
        self.new_button.setStyleSheet("font-weight: bold;")
        self.new_button.setEnabled(workspace.officer is not None)
        bar.addWidget(self.new_button)
        self.state = QComboBox()
        self.state.setAccessibleName(translate("Inspections", "State"))
        for code in FILTERS:
            self.state.addItem(state_label(code) if code else translate("Inspections", "All"), code)
        bar.addWidget(self.state)
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("Inspections", "Search unit, credit code, task"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 1)
        layout.addLayout(bar)
        self.drafts_note = QLabel()
        self.drafts_note.setStyleSheet("color: #8a5300;")
        layout.addWidget(self.drafts_note)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                translate("Inspections", "Unit"),
                translate("Inspections", "Type"),
                translate("Inspections", "State"),
                translate("Inspections", "Started"),
                translate("Inspections", "Devices"),
                translate("Inspections", "Findings"),
                translate("Inspections", "Supervisor"),
            ]
        )
        # 已被接收: what the supervisor's receipt confirmed (only an officer sends batches)
        self.table.setColumnHidden(6, workspace.role.code != "officer")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.new_button.clicked.connect(self.new_requested)
        self.state.currentIndexChanged.connect(self.reload)
        self.search.textChanged.connect(self.reload)
        self.table.cellDoubleClicked.connect(lambda row, _c: self._open(row))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda: self._open(self.table.currentRow()))
        self.reload()

    def reload(self) -> None:
        with self.workspace.store.reading() as db:
            self.rows = q.list_inspections(
                db,
                state=self.state.currentData() or None,
                text=self.search.text(),
                today=self.today,
            )
            drafts = len(q.list_inspections(db, state="draft"))
            officer = self.workspace.role.code == "officer"
            exchange = sync_q.exchange_states(db, "inspections") if officer else {}
        self.drafts_note.setText(
            translate(
                "Inspections", "%1 unfinished drafts: open one to carry on where you stopped."
            ).replace("%1", str(drafts))
            if drafts
            else ""
        )
        self.table.setRowCount(len(self.rows))
        for row, summary in enumerate(self.rows):
            state = summary.state
            if summary.overdue_findings and state in ("notice_issued", "awaiting_reinspection"):
                state = "overdue"
            cells = [
                summary.unit_name,
                CheckType.from_code(summary.check_type).label(language()),
                state_label(state, summary.findings),
                summary.started_at[:16].replace("T", " "),
                str(summary.devices),
                str(summary.findings),
                {
                    "received": translate("Inspections", "Received"),
                    "exported": translate("Inspections", "Exported"),
                }.get(exchange.get(summary.id, ""), ""),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if state == "draft" and column == 2:
                    item.setForeground(QBrush(QColor("#8a5300")))
                if state == "overdue" and column == 2:
                    item.setForeground(QBrush(QColor("#b00020")))
                if column == 6 and exchange.get(summary.id) == "received":
                    item.setForeground(QBrush(QColor("#1b6e20")))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.open_requested.emit(self.rows[row].id)


def inspection_html(
    workspace: Workspace, inspection_id: str, resources: Callable[[str, bytes], str]
) -> str:
    """The whole record as HTML; ``resources(name, png)`` registers an image, returns its URL."""
    with workspace.store.reading() as db:
        row = q.get_inspection(db, inspection_id)
        unit = reg.get_unit(db, row.unit_id)
        officers = [reg.get_officer(db, o) for o in q.officer_ids(db, inspection_id)]
        runs = wf.load_runs(db, inspection_id)
        answers = {view.id: q.answers_of_run(db, view.id) for view in runs}
        findings = q.findings(db, inspection_id)
        signed = q.signatures(db, inspection_id)
        amendments = q.amendments(db, inspection_id)
    esc = html.escape
    lang = language()
    parts = [
        f"<h2>{esc(unit.name)}</h2>",
        f"<p>{esc(CheckType.from_code(row.check_type).label(lang))} · "
        f"{esc(state_label(row.state, sum(not f.dropped for f in findings)))}<br>"
        + translate("Inspections", "Started %1, finished %2")
        .replace("%1", row.started_at[:16].replace("T", " "))
        .replace("%2", (row.finished_at or "—")[:16].replace("T", " "))
        + "<br>"
        + esc(translate("Inspections", "Officers"))
        + ": "
        + "，".join(f"{esc(o.name)}（{esc(o.law_id)}）" for o in officers)
        + "<br>"
        + esc(translate("Inspections", "Unit representative"))
        + ": "
        + esc(
            " ".join(
                filter(
                    None,
                    [
                        row.unit_representative,
                        row.unit_representative_post,
                        row.unit_representative_phone,
                    ],
                )
            )
        )
        + "</p>",
    ]
    for view in runs:
        title = view.checklist.title.get(lang)
        if view.equipment is not None:
            title += f" — {view.equipment.internal_number or view.equipment.equipment_code}"
        parts.append(f"<h3>{esc(title)} <small>({esc(view.checklist.label())})</small></h3>")
        result = view.evaluate(answers[view.id])
        parts.append("<table cellspacing='0' cellpadding='3' border='1' width='100%'>")
        for item in result.visible:
            answer = answers[view.id].get(item.id)
            value = answer.value if answer else None
            colour = "#b00020" if item.fails_with(value) else "#000"
            note = f"<br><i>{esc(answer.note)}</i>" if answer and answer.note else ""
            photos = ""
            for sha in answer.photos if answer else ():
                try:
                    url = resources(sha, workspace.attachments.read_bytes(sha))
                    photos += f"<img src='{url}' height='80'> "
                except UserError as err:
                    photos += f"<span style='color:#b00020'>{esc(str(err))}</span>"
            parts.append(
                f"<tr><td width='14%'>{esc(item.id)}</td><td>{esc(item.text.get(lang))}{note}"
                f"{'<br>' + photos if photos else ''}</td>"
                f"<td width='16%' style='color:{colour}'>{esc(answer_text(item, value))}</td></tr>"
            )
        parts.append("</table>")
    parts.append("<h3>" + esc(translate("Inspections", "Findings")) + "</h3><ol>")
    for finding in findings:
        style = " style='color:#888; text-decoration: line-through'" if finding.dropped else ""
        extra = (
            " — "
            + esc(translate("Inspections", "not adopted: %1").replace("%1", finding.drop_reason))
            if finding.dropped
            else ""
        )
        parts.append(
            f"<li{style}>{esc(finding.text)} · {esc(term(SEVERITY, finding.severity))} · "
            f"{esc(term(MEASURE, finding.measure))} · "
            f"{esc(finding.deadline.isoformat() if finding.deadline else '')}<br>"
            f"<small>{esc(finding.violated)}；{esc(finding.penalty)}</small>{extra}</li>"
        )
    parts.append("</ol>")
    from fieldapp.store import notices as n

    with workspace.store.reading() as db:
        notices = n.notices_of(db, inspection_id)
        rechecks = {x.id: n.reinspections(db, x.id) for x in notices}
    if notices:
        parts.append("<h3>" + esc(translate("Inspections", "Notices")) + "</h3><ul>")
        states = {
            "issued": translate("Inspections", "issued"),
            "awaiting_reinspection": translate("Inspections", "awaiting re-inspection"),
            "escalated": translate("Inspections", "escalated"),
            "closed": translate("Inspections", "closed"),
        }
        for notice in notices:
            deadline = notice.deadline.isoformat() if notice.deadline else "—"
            parts.append(
                f"<li><b>{esc(notice.number)}</b> · {esc(states[notice.state])} · "
                + esc(translate("Inspections", "deadline"))
                + f" {esc(deadline)}"
            )
            for recheck in rechecks[notice.id]:
                done = sum(r for r, _note, _p in recheck.results.values())
                parts.append(
                    "<br>"
                    + esc(
                        translate("Inspections", "Re-inspected %1: %2 of %3 rectified")
                        .replace("%1", recheck.at[:10])
                        .replace("%2", str(done))
                        .replace("%3", str(len(recheck.results)))
                    )
                    + (f" — {esc(recheck.escalation)}" if recheck.escalation else "")
                )
            parts.append("</li>")
        parts.append("</ul>")
    parts.append(
        "<p><b>" + esc(translate("Inspections", "Unit opinion")) + ":</b> "
        f"{esc(row.unit_opinion or '—')}</p>"
    )
    parts.append("<h3>" + esc(translate("Inspections", "Signatures")) + "</h3><p>")
    for signer, signature in signed.items():
        try:
            url = resources(signer, workspace.attachments.read_bytes(signature.sha256))
            parts.append(f"{esc(signature.name)}<br><img src='{url}' height='60'><br>")
        except UserError as err:
            parts.append(f"{esc(signature.name)}: {esc(str(err))}<br>")
    if row.refused_to_sign:
        parts.append(
            esc(
                translate("Inspections", "The unit refused to sign: %1; witness: %2")
                .replace("%1", row.refusal_reason)
                .replace("%2", row.refusal_witness)
            )
        )
    parts.append("</p>")
    if amendments:
        parts.append("<h3>" + esc(translate("Inspections", "Amendments")) + "</h3><ul>")
        for amendment in amendments:
            parts.append(
                f"<li>{esc(amendment.at[:16].replace('T', ' '))} {esc(amendment.actor)}: "
                f"{esc(amendment.field)} “{esc(amendment.old_value)}” → "
                f"“{esc(amendment.new_value)}” — {esc(amendment.reason)}</li>"
            )
        parts.append("</ul>")
    return "".join(parts)


class AmendDialog(QDialog):
    """Choose what to amend on a finished inspection, the new value and the reason."""

    def __init__(
        self, targets: list[tuple[str, str, str, str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.targets = targets
        self.setWindowTitle(translate("Inspections", "Amend a finished inspection"))
        form = QFormLayout(self)
        self.target = QComboBox()
        for _entity, _entity_id, _field, label, _value in targets:
            self.target.addItem(label)
        self.current = QLabel()
        self.current.setWordWrap(True)
        self.value = QLineEdit()
        self.reason = QLineEdit()
        form.addRow(translate("Inspections", "&Change"), self.target)
        form.addRow(translate("Inspections", "Now"), self.current)
        form.addRow(translate("Inspections", "&New value"), self.value)
        form.addRow(translate("Inspections", "&Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.target.currentIndexChanged.connect(self._chosen)
        self._chosen(0)

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self.targets):
            self.current.setText(self.targets[index][4])
            self.value.setText(self.targets[index][4])


class InspectionDetail(QWidget):
    back_requested = Signal()
    changed = Signal(object)

    def __init__(
        self, workspace: Workspace, inspection_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace, self.inspection_id = workspace, inspection_id
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.back_button = QPushButton(translate("Inspections", "Back to list"))
        self.issue_button = QPushButton(translate("Inspections", "&Issue the notice…"))
        self.issue_button.setStyleSheet("font-weight: bold;")
        self.documents_bar = QHBoxLayout()
        self.reinspect_button = QPushButton(translate("Inspections", "&Re-inspection…"))
        self.amend_button = QPushButton(translate("Inspections", "&Amend…"))
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        bar.addLayout(self.documents_bar)
        bar.addWidget(self.issue_button)
        bar.addWidget(self.reinspect_button)
        bar.addWidget(self.amend_button)
        layout.addLayout(bar)
        self.browser = QTextBrowser()
        layout.addWidget(self.browser, 1)
        self.back_button.clicked.connect(self.back_requested)
        self.amend_button.clicked.connect(self._amend)
        self.issue_button.clicked.connect(self.issue)
        self.reinspect_button.clicked.connect(self.reinspection)
        self.reload()

    def _resource(self, name: str, data: bytes) -> str:
        url = f"attachment:{name}"
        self.browser.document().addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(url), QImage.fromData(data)
        )
        return url

    def reload(self) -> None:
        from fieldapp.store import notices as n

        self.browser.setHtml(inspection_html(self.workspace, self.inspection_id, self._resource))
        with self.workspace.store.reading() as db:
            row = q.get_inspection(db, self.inspection_id)
            adopted = q.findings(db, self.inspection_id, include_dropped=False)
            self.notices = n.notices_of(db, self.inspection_id)
            self.documents = n.documents(db, self.inspection_id)
        self.issue_button.setVisible(
            row.state == "finished" and bool(adopted) and self.workspace.officer is not None
        )
        open_notices = [x for x in self.notices if x.state in ("issued", "escalated")]
        self.reinspect_button.setVisible(bool(open_notices) and self.workspace.officer is not None)
        while self.documents_bar.count():
            item = self.documents_bar.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        labels = {
            "order": translate("Inspections", "Notice"),
            "record": translate("Inspections", "Inspection record"),
            "seal": translate("Inspections", "Seal decision"),
            "seize": translate("Inspections", "Seizure decision"),
        }
        for kind in ("order", "seal", "seize", "record"):
            if kind in self.documents:
                button = QPushButton(labels[kind])
                button.clicked.connect(lambda _=False, k=kind: self.show_document(k))
                self.documents_bar.addWidget(button)

    def show_document(self, kind: str) -> None:
        from fieldapp.gui.document_viewer import DocumentViewer

        sha, name = self.documents[kind]
        try:
            pdf = self.workspace.attachments.read_bytes(sha)
        except UserError as err:
            from fieldapp.gui import dialogs

            dialogs.show_user_error(self, str(err))
            return
        DocumentViewer(name.removesuffix(".pdf"), pdf, name, self).exec()

    def issue(self) -> None:
        from fieldapp.gui.keys_ui import keyring
        from fieldapp.notices.issue import issue_notices

        try:
            key = keyring(self.workspace, self).signing_key()
            changes, _issued = issue_notices(
                self.workspace.store,
                self.workspace.attachments,
                self.workspace.home / "notices",
                self.inspection_id,
                key,
            )
        except UserError as err:
            from fieldapp.gui import dialogs

            dialogs.show_user_error(self, str(err))
            self.reload()
            return
        self.changed.emit(changes)
        self.reload()
        self.show_document("order")

    def reinspection(self) -> None:
        from fieldapp.gui.reinspection_dialog import ReinspectionDialog

        open_notices = [x for x in self.notices if x.state in ("issued", "escalated")]
        if not open_notices:
            return
        dialog = ReinspectionDialog(self.workspace, open_notices[0].id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.changes is not None:
            self.changed.emit(dialog.changes)
        self.reload()

    def _amend(self) -> None:
        with self.workspace.store.reading() as db:
            row = q.get_inspection(db, self.inspection_id)
            findings = q.findings(db, self.inspection_id, include_dropped=False)
        targets = [
            (
                "inspection",
                self.inspection_id,
                "unit_opinion",
                translate("Inspections", "Unit opinion"),
                row.unit_opinion,
            )
        ]
        for number, finding in enumerate(findings, start=1):
            for field, label in (
                ("text", translate("Inspections", "problem")),
                ("deadline", translate("Inspections", "deadline")),
                ("measure", translate("Inspections", "measure")),
            ):
                value = getattr(finding, field)
                value = value.isoformat() if isinstance(value, dt.date) else str(value)
                targets.append(
                    (
                        "finding",
                        finding.id,
                        field,
                        translate("Inspections", "Finding %1: %2")
                        .replace("%1", str(number))
                        .replace("%2", label),
                        value,
                    )
                )
        dialog = AmendDialog(targets, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        entity, entity_id, field, _label, _value = targets[dialog.target.currentIndex()]
        try:
            changes = wf.amend(
                self.workspace.store,
                self.inspection_id,
                entity,
                entity_id,
                field,
                dialog.value.text().strip(),
                dialog.reason.text(),
            )
        except UserError as err:
            from fieldapp.gui import dialogs

            dialogs.show_user_error(self, str(err))
            return
        self.changed.emit(changes)
        self.reload()


class InspectionsView(QWidget):
    """The 检查 section: list ↔ wizard ↔ runner ↔ review ↔ record."""

    changed = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        checklists: Callable[[], list[Checklist]],
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.checklists = checklists
        self.today = today or dt.date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.list = InspectionList(workspace, self.today)
        self.stack.addWidget(self.list)
        self.current_screen: QWidget | None = None
        self.list.new_requested.connect(self.new_inspection)
        self.list.open_requested.connect(self.open_inspection)
        shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_inspection)

    def on_changes(self, changes: Changes) -> None:
        if changes.inspections and self.stack.currentWidget() is self.list:
            self.list.reload()

    def _show(self, widget: QWidget) -> None:
        if self.current_screen is not None:
            self.stack.removeWidget(self.current_screen)
            self.current_screen.deleteLater()
        self.current_screen = widget
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    def show_list(self) -> None:
        if self.current_screen is not None:
            self.stack.removeWidget(self.current_screen)
            self.current_screen.deleteLater()
            self.current_screen = None
        self.list.reload()
        self.stack.setCurrentWidget(self.list)

    def new_inspection(self) -> None:
        from fieldapp.gui.new_inspection import NewInspectionWizard

        if self.workspace.officer is None:
            return
        wizard = NewInspectionWizard(self.workspace, self.checklists, self, today=self.today)
        if wizard.exec() == NewInspectionWizard.DialogCode.Accepted and wizard.inspection_id:
            self.changed.emit(Changes(inspections=True, record_id=wizard.inspection_id))
            self.open_inspection(wizard.inspection_id)

    def open_inspection(self, inspection_id: str) -> None:
        with self.workspace.store.reading() as db:
            row = q.get_inspection(db, inspection_id)
        if row.locked:
            detail = InspectionDetail(self.workspace, inspection_id)
            detail.back_requested.connect(self.show_list)
            detail.changed.connect(self.changed)
            self._show(detail)
        else:
            self.open_runner(inspection_id)

    def open_runner(self, inspection_id: str) -> None:
        from fieldapp.gui.inspection_runner import InspectionRunner

        runner = InspectionRunner(self.workspace, inspection_id, today=self.today)
        runner.closed.connect(self.show_list)
        runner.review_requested.connect(self.open_review)
        runner.changed.connect(self.changed)
        self._show(runner)
        runner.focus_answer()

    def open_review(self, inspection_id: str) -> None:
        from fieldapp.gui.inspection_review import InspectionReview

        review = InspectionReview(self.workspace, inspection_id)
        review.back_requested.connect(self.open_runner)
        review.finished.connect(self.open_inspection)
        review.changed.connect(self.changed)
        self._show(review)
