"""The detail pane beside the supervisor's lists: an inspection, notice, finding, unit or
device with its photos, signatures and documents (PDF preview through QtPdf)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.models import is_overdue
from fieldapp.errors import UserError
from fieldapp.gui.document_viewer import DocumentViewer, fill_pdf
from fieldapp.gui.i18n import language
from fieldapp.gui.inspection_runner import MEASURE, SEVERITY, term
from fieldapp.gui.inspections_view import inspection_html, state_label
from fieldapp.gui.registry_view import (
    catalogue_name,
    district_label,
    equipment_details_html,
    unit_details_html,
)
from fieldapp.reports.filters import Filters, ListKind
from fieldapp.reports.lists import fetch_rows
from fieldapp.store import inspections as q
from fieldapp.store import notices as n
from fieldapp.store import registry as reg
from fieldapp.workspace import Workspace

translate = QCoreApplication.translate
esc = html.escape

Resources = Callable[[str, bytes], str]
DOCUMENT_ORDER = ("order", "seal", "seize", "record")


def document_label(kind: str) -> str:
    return {
        "order": translate("RecordDetails", "Notice"),
        "record": translate("RecordDetails", "Inspection record"),
        "seal": translate("RecordDetails", "Seal decision"),
        "seize": translate("RecordDetails", "Seizure decision"),
    }.get(kind, kind)


def notice_state_label(state: str) -> str:
    return {
        "issued": translate("RecordDetails", "issued"),
        "awaiting_reinspection": translate("RecordDetails", "awaiting re-inspection"),
        "escalated": translate("RecordDetails", "escalated"),
        "closed": translate("RecordDetails", "closed"),
    }.get(state, state)


def _table(rows: list[tuple[str, str]]) -> str:
    """Label/value rows; values are HTML already."""
    cells = "".join(
        f"<tr><td style='color:#444;padding-right:12px' valign='top'>{esc(k)}</td><td>{v}</td></tr>"
        for k, v in rows
        if v
    )
    return f"<table cellspacing='2'>{cells}</table>"


def _photos(workspace: Workspace, shas: list[str] | tuple[str, ...], res: Resources) -> str:
    parts = []
    for sha in shas:
        try:
            url = res(sha, workspace.attachments.read_bytes(sha))
            parts.append(f"<img src='{url}' height='150'> ")
        except UserError as err:
            parts.append(f"<span style='color:#b00020'>{esc(str(err))}</span> ")
    return "".join(parts)


def _red(text: str) -> str:
    return f"<b style='color:#b00020'>{esc(text)}</b>"


def reinspections_html(
    workspace: Workspace, notice_id: str, res: Resources, finding_id: str | None = None
) -> str:
    """The re-inspections of a notice (only ``finding_id``'s result when given), with photos."""
    from fieldapp.notices.issue import ESCALATIONS

    with workspace.store.reading() as db:
        rechecks = n.reinspections(db, notice_id)
        findings = {f.id: f for f in q.findings(db, n.get_notice(db, notice_id).inspection_id)}
    if not rechecks:
        return "<p>" + esc(translate("RecordDetails", "Not re-inspected yet.")) + "</p>"
    parts = []
    for recheck in rechecks:
        results = recheck.results
        if finding_id is not None:
            results = {k: v for k, v in results.items() if k == finding_id}
        done = sum(1 for ok, _note, _p in results.values() if ok)
        heading = (
            translate("RecordDetails", "Re-inspected %1: %2 of %3 rectified")
            .replace("%1", recheck.at[:10])
            .replace("%2", str(done))
            .replace("%3", str(len(results)))
        )
        if recheck.escalation:
            heading += " — " + ESCALATIONS.get(recheck.escalation, recheck.escalation)
        parts.append(f"<p><b>{esc(heading)}</b>")
        if recheck.note:
            parts.append(f"<br><i>{esc(recheck.note)}</i>")
        parts.append("</p><ul>")
        for fid, (ok, note, photos) in results.items():
            finding = findings.get(fid)
            text = finding.text if finding else fid
            mark = (
                esc(translate("RecordDetails", "rectified"))
                if ok
                else _red(translate("RecordDetails", "not rectified"))
            )
            parts.append(
                f"<li>{esc(text)} — {mark}"
                + (f"<br><i>{esc(note)}</i>" if note else "")
                + (f"<br>{_photos(workspace, photos, res)}" if photos else "")
                + "</li>"
            )
        parts.append("</ul>")
    return "".join(parts)


def notice_html(workspace: Workspace, notice_id: str, today: dt.date, res: Resources) -> str:
    from fieldapp.notices.issue import findings_of_notice

    with workspace.store.reading() as db:
        notice = n.get_notice(db, notice_id)
        inspection = q.get_inspection(db, notice.inspection_id)
        unit = reg.get_unit(db, inspection.unit_id)
        issuer = reg.get_officer(db, inspection.created_by)
        covered = findings_of_notice(db, notice)
    deadline = ""
    if notice.deadline:
        days = (notice.deadline - today).days
        deadline = esc(notice.deadline.isoformat())
        still_open = notice.state in ("issued", "awaiting_reinspection")
        if still_open and days < 0:
            deadline += " — " + _red(
                translate("RecordDetails", "%1 days past the deadline").replace("%1", str(-days))
            )
        elif still_open:
            deadline += " — " + esc(
                translate("RecordDetails", "%1 days left").replace("%1", str(days))
            )
    else:
        deadline = esc(translate("RecordDetails", "immediately"))
    parts = [
        f"<h3>{esc(notice.number)}</h3>",
        _table(
            [
                (translate("RecordDetails", "Document"), esc(document_label(notice.kind))),
                (translate("RecordDetails", "Unit"), esc(unit.name)),
                (translate("RecordDetails", "District"), esc(district_label(unit.district_code))),
                (
                    translate("RecordDetails", "Issued"),
                    esc(f"{notice.issued_at[:10]} · {issuer.name}（{issuer.law_id}）"),
                ),
                (translate("RecordDetails", "Deadline"), deadline),
                (translate("RecordDetails", "State"), esc(notice_state_label(notice.state))),
                (
                    translate("RecordDetails", "Closed"),
                    esc(notice.closed_at[:10]) if notice.closed_at else "",
                ),
            ]
        ),
        "<h4>" + esc(translate("RecordDetails", "Problems ordered to be corrected")) + "</h4><ol>",
    ]
    for finding in covered:
        parts.append(
            f"<li>{esc(finding.text)} · {esc(term(MEASURE, finding.measure))}"
            f"<br><small>{esc(finding.violated)}；{esc(finding.penalty)}</small></li>"
        )
    parts.append("</ol><h4>" + esc(translate("RecordDetails", "Re-inspections")) + "</h4>")
    parts.append(reinspections_html(workspace, notice_id, res))
    return "".join(parts)


def finding_html(workspace: Workspace, finding_id: str, today: dt.date, res: Resources) -> str:
    with workspace.store.reading() as db:
        finding = q.get_finding(db, finding_id)
        inspection = q.get_inspection(db, finding.inspection_id)
        unit = reg.get_unit(db, inspection.unit_id)
        device = reg.get_equipment(db, finding.equipment_id) if finding.equipment_id else None
        answer = (
            q.get_answer(db, finding.run_id, finding.item_id)
            if finding.run_id and finding.item_id
            else None
        )
        notices = n.notices_of(db, finding.inspection_id)
    deadline = finding.deadline.isoformat() if finding.deadline else ""
    open_notice = any(x.state in ("issued", "awaiting_reinspection") for x in notices)
    if finding.deadline and open_notice and finding.deadline < today:
        deadline = _red(deadline)
    else:
        deadline = esc(deadline)
    device_text = ""
    if device is not None:
        device_text = esc(
            f"{catalogue_name(device.catalogue_code)} "
            f"{device.equipment_code or device.internal_number}"
        )
    severity = term(SEVERITY, finding.severity)
    parts = [
        f"<h3>{esc(finding.text)}</h3>",
        _table(
            [
                (translate("RecordDetails", "Unit"), esc(unit.name)),
                (translate("RecordDetails", "Device"), device_text),
                (
                    translate("RecordDetails", "Inspection"),
                    esc(f"{inspection.started_at[:10]} · {state_label(inspection.state)}"),
                ),
                (translate("RecordDetails", "Checklist item"), esc(finding.item_id or "")),
                (
                    translate("RecordDetails", "Severity"),
                    _red(severity) if finding.severity == "serious" else esc(severity),
                ),
                (translate("RecordDetails", "Measure"), esc(term(MEASURE, finding.measure))),
                (translate("RecordDetails", "Deadline"), deadline),
                (translate("RecordDetails", "Violates"), esc(finding.violated)),
                (translate("RecordDetails", "Penalty basis"), esc(finding.penalty)),
                (
                    translate("RecordDetails", "Not adopted"),
                    esc(finding.drop_reason) if finding.dropped else "",
                ),
                (translate("RecordDetails", "Officer's note"), esc(answer.note) if answer else ""),
            ]
        ),
    ]
    if answer and answer.photos:
        parts.append("<h4>" + esc(translate("RecordDetails", "Photos on site")) + "</h4><p>")
        parts.append(_photos(workspace, answer.photos, res) + "</p>")
    for notice in notices:
        parts.append(
            f"<h4>{esc(document_label(notice.kind))} {esc(notice.number)} · "
            f"{esc(notice_state_label(notice.state))}</h4>"
        )
        parts.append(reinspections_html(workspace, notice.id, res, finding_id=finding.id))
    return "".join(parts)


def unit_html(workspace: Workspace, unit_id: str, today: dt.date) -> str:
    with workspace.store.reading() as db:
        unit = reg.get_unit(db, unit_id)
        devices = reg.equipment_of_unit(db, unit_id)
    parts = [f"<h3>{'★ ' if unit.is_key_unit else ''}{esc(unit.name)}</h3>"]
    parts.append(unit_details_html(unit))
    overdue = sum(is_overdue(d, today) for d in devices)
    heading = translate("RecordDetails", "Equipment (%1)").replace("%1", str(len(devices)))
    if overdue:
        heading += " — " + translate("RecordDetails", "%1 overdue for periodic inspection").replace(
            "%1", str(overdue)
        )
    parts.append(f"<h4>{esc(heading)}</h4>")
    parts.append("<table cellspacing='0' cellpadding='3' border='1' width='100%'>")
    parts.append(
        "<tr>"
        + "".join(
            f"<th align='left'>{esc(t)}</th>"
            for t in (
                translate("RecordDetails", "Type"),
                translate("RecordDetails", "Equipment code"),
                translate("RecordDetails", "Next inspection"),
                translate("RecordDetails", "Status"),
            )
        )
        + "</tr>"
    )
    for device in devices:
        late = is_overdue(device, today)
        due = device.next_inspection_due.isoformat() if device.next_inspection_due else ""
        status = translate("RecordDetails", "Overdue") if late else device.status.label(language())
        parts.append(
            f"<tr><td>{esc(catalogue_name(device.catalogue_code))}</td>"
            f"<td>{esc(device.equipment_code)}</td>"
            f"<td>{_red(due) if late else esc(due)}</td>"
            f"<td>{_red(status) if late or device.status.code == 'sealed' else esc(status)}</td>"
            "</tr>"
        )
    parts.append("</table>")
    return "".join(parts)


def device_html(workspace: Workspace, device_id: str, today: dt.date) -> str:
    with workspace.store.reading() as db:
        device = reg.get_equipment(db, device_id)
        unit = reg.get_unit(db, device.unit_id)
        item = next(
            (
                row
                for row in fetch_rows(
                    db, ListKind.DEVICES, Filters(unit_id=device.unit_id), limit=10_000, today=today
                )
                if row.id == device_id
            ),
            None,
        )
    parts = [
        f"<h3>{esc(catalogue_name(device.catalogue_code))} {esc(device.equipment_code)}</h3>",
        f"<p>{esc(unit.name)} · {esc(district_label(unit.district_code))}</p>",
        equipment_details_html(device, today),
    ]
    if item is not None and item.held_by_notice:
        parts.append(
            "<p>"
            + _red(
                translate("RecordDetails", "%1 under %2")
                .replace("%1", item.status_label)
                .replace("%2", item.held_by_notice)
            )
            + "</p>"
        )
    return "".join(parts)


class DetailPane(QWidget):
    """Shows one record; ``unit_chosen`` asks the lists to show only that record's unit."""

    unit_chosen = Signal(str, str)

    def __init__(self, workspace: Workspace, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.today = workspace, today
        self.kind: str = ""
        self.record_id = ""
        self.unit: tuple[str, str] = ("", "")
        self.inspection_id = ""
        self.history: list[tuple[str, str]] = []
        self.documents: dict[str, tuple[str, str]] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.back_button = QPushButton(translate("RecordDetails", "◀ Back"))
        self.inspection_button = QPushButton(translate("RecordDetails", "Whole inspection"))
        self.unit_button = QPushButton(translate("RecordDetails", "Only this unit"))
        self.unit_button.setToolTip(
            translate("RecordDetails", "Show only this unit's records in every list")
        )
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        bar.addWidget(self.inspection_button)
        bar.addWidget(self.unit_button)
        layout.addLayout(bar)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.tabs.addTab(self.browser, translate("RecordDetails", "Details"))
        document_tab = QWidget()
        doc_layout = QVBoxLayout(document_tab)
        doc_layout.setContentsMargins(0, 4, 0, 0)
        doc_bar = QHBoxLayout()
        self.document_choice = QComboBox()
        self.document_choice.setAccessibleName(translate("RecordDetails", "Document"))
        self.open_document_button = QPushButton(translate("RecordDetails", "Open, print or save…"))
        doc_bar.addWidget(self.document_choice, 1)
        doc_bar.addWidget(self.open_document_button)
        doc_layout.addLayout(doc_bar)
        self.document_note = QLabel()
        self.document_note.setWordWrap(True)
        doc_layout.addWidget(self.document_note)
        self.pdf_view = QPdfView()
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setStyleSheet("background: #8a8a8a;")
        doc_layout.addWidget(self.pdf_view, 1)
        self.pdf_document = QPdfDocument(self)  # one document, refilled for each record
        self.pdf_view.setDocument(self.pdf_document)
        self.tabs.addTab(document_tab, translate("RecordDetails", "Documents (PDF)"))
        self.back_button.clicked.connect(self.back)
        self.unit_button.clicked.connect(lambda: self.unit_chosen.emit(*self.unit))
        self.inspection_button.clicked.connect(
            lambda: self.show_record(ListKind.INSPECTIONS, self.inspection_id)
        )
        self.document_choice.currentIndexChanged.connect(self._load_document)
        self.open_document_button.clicked.connect(self.open_document)
        self.clear()

    def clear(self) -> None:
        self.kind, self.record_id = "", ""
        self.history.clear()
        self.browser.setHtml(
            "<p style='color:#666'>"
            + esc(translate("RecordDetails", "Choose a row to see its details."))
            + "</p>"
        )
        self._set_documents("", {})
        self.unit = ("", "")
        self.inspection_id = ""
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.back_button.setEnabled(bool(self.history))
        self.unit_button.setEnabled(bool(self.unit[0]))
        self.inspection_button.setVisible(
            bool(self.inspection_id) and self.kind != ListKind.INSPECTIONS
        )

    def _resource(self, name: str, data: bytes) -> str:
        url = f"attachment:{name}"
        self.browser.document().addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(url), QImage.fromData(data)
        )
        return url

    def show_record(self, kind: str, record_id: str, remember: bool = True) -> None:
        """Show one record of ``kind`` (a ListKind value)."""
        if remember and self.record_id and (self.kind, self.record_id) != (kind, record_id):
            self.history.append((self.kind, self.record_id))
        self.kind, self.record_id = kind, record_id
        self.inspection_id, self.unit = "", ("", "")
        documents: dict[str, tuple[str, str]] = {}
        first = ""
        self.browser.document().clear()  # and the photos it held
        try:
            text = self._html(kind, record_id)
            with self.workspace.store.reading() as db:
                if self.inspection_id:
                    documents = n.documents(db, self.inspection_id)
                if kind == ListKind.NOTICES:
                    first = n.get_notice(db, record_id).kind
        except UserError as err:
            text = f"<p style='color:#b00020'>{esc(str(err))}</p>"
        self.browser.setHtml(text)
        self._set_documents(first, documents)
        self._update_buttons()

    def _html(self, kind: str, record_id: str) -> str:
        with self.workspace.store.reading() as db:
            if kind == ListKind.INSPECTIONS:
                self.inspection_id = record_id
                unit_id = q.get_inspection(db, record_id).unit_id
            elif kind == ListKind.NOTICES:
                self.inspection_id = n.get_notice(db, record_id).inspection_id
                unit_id = q.get_inspection(db, self.inspection_id).unit_id
            elif kind == ListKind.FINDINGS:
                self.inspection_id = q.get_finding(db, record_id).inspection_id
                unit_id = q.get_inspection(db, self.inspection_id).unit_id
            elif kind == ListKind.DEVICES:
                unit_id = reg.get_equipment(db, record_id).unit_id
            else:
                unit_id = record_id
            self.unit = (unit_id, reg.get_unit(db, unit_id).name)
        if kind == ListKind.INSPECTIONS:
            return inspection_html(self.workspace, record_id, self._resource)
        if kind == ListKind.NOTICES:
            return notice_html(self.workspace, record_id, self.today, self._resource)
        if kind == ListKind.FINDINGS:
            return finding_html(self.workspace, record_id, self.today, self._resource)
        if kind == ListKind.DEVICES:
            return device_html(self.workspace, record_id, self.today)
        return unit_html(self.workspace, record_id, self.today)

    def back(self) -> None:
        if self.history:
            kind, record_id = self.history.pop()
            self.show_record(kind, record_id, remember=False)

    def _set_documents(self, first: str, documents: dict[str, tuple[str, str]]) -> None:
        self.documents = documents
        order = sorted(
            documents,
            key=lambda k: (k != first, DOCUMENT_ORDER.index(k) if k in DOCUMENT_ORDER else 9),
        )
        self.document_choice.blockSignals(True)
        self.document_choice.clear()
        for kind in order:
            self.document_choice.addItem(
                f"{document_label(kind)} — {documents[kind][1].removesuffix('.pdf')}", kind
            )
        self.document_choice.blockSignals(False)
        self.tabs.setTabEnabled(1, bool(documents))
        self.open_document_button.setEnabled(bool(documents))
        self._load_document()

    def _load_document(self) -> None:
        kind = self.document_choice.currentData()
        self.document_note.setText("")
        if not kind:
            self.pdf_document.close()
            return
        sha, _name = self.documents[kind]
        try:
            fill_pdf(self.pdf_document, self.workspace.attachments.read_bytes(sha))
        except UserError as err:
            self.document_note.setText(str(err))

    def open_document(self) -> None:
        """The chosen document in the full viewer (print two copies, save a copy)."""
        kind = self.document_choice.currentData()
        if not kind:
            return
        sha, name = self.documents[kind]
        try:
            pdf = self.workspace.attachments.read_bytes(sha)
            viewer = DocumentViewer(name.removesuffix(".pdf"), pdf, name, self)
        except UserError as err:
            from fieldapp.gui import dialogs

            dialogs.show_user_error(self, str(err))
            return
        viewer.exec()

    def select_tab(self, documents: bool) -> None:
        self.tabs.setCurrentIndex(1 if documents and self.documents else 0)
