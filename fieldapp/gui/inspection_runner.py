"""The checklist runner: sections and items on the left, the item on the right.

Keys: 1 符合, 2 不符合, 3 不适用, Enter next, Backspace back, Ctrl+F find, Ctrl+Enter
save the note and go on. Every answer is saved at once, in its own transaction; reopening
resumes at the same item.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.checklists.engine import Evaluation
from fieldapp.checklists.model import Item
from fieldapp.errors import UserError
from fieldapp.gui.i18n import language
from fieldapp.gui.photo_strip import PhotoStrip
from fieldapp.gui.registry_view import catalogue_name
from fieldapp.store import inspections as q
from fieldapp.store import registry as reg
from fieldapp.workflow import Changes
from fieldapp.workflow import inspection as wf
from fieldapp.workspace import Workspace

translate = QCoreApplication.translate

PASS_COLOUR = QColor("#1b6e2a")
FAIL_COLOUR = QColor("#b00020")
NA_COLOUR = QColor("#666666")
SEVERITY = {
    "general": ("一般隐患", "General hazard"),
    "serious": ("严重事故隐患", "Serious accident hazard"),
}
MEASURE = {
    "rectify": ("责令限期改正", "Correct within a deadline"),
    "stop_use": ("责令立即停止使用", "Stop use immediately"),
    "seal": ("查封", "Seal"),
    "seize": ("扣押", "Seize"),
}


def term(table: dict[str, tuple[str, str]], code: str) -> str:
    zh, en = table.get(code, (code, code))
    return zh if language() == "zh" else en


def answer_text(item: Item, value: Any) -> str:
    """How an answer reads in lists and summaries."""
    if value is None:
        return ""
    if item.kind == "check":
        return {
            "pass": translate("Runner", "Compliant"),
            "fail": translate("Runner", "Non-compliant"),
            "na": translate("Runner", "Not applicable"),
        }.get(value, str(value))
    if item.kind == "choice":
        choice = next((c for c in item.choices if c.id == value), None)
        return choice.text.get(language()) if choice else str(value)
    if item.kind == "number":
        return f"{value} {item.unit}".strip()
    return str(value)


class InspectionRunner(QWidget):
    """Works through one inspection's checklists."""

    closed = Signal()
    review_requested = Signal(str)
    changed = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        inspection_id: str,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.inspection_id = inspection_id
        self.today = today or dt.date.today()
        with workspace.store.reading() as db:
            self.inspection = q.get_inspection(db, inspection_id)
            self.runs = wf.load_runs(db, inspection_id)
            self.unit = reg.get_unit(db, self.inspection.unit_id)
        self.run_index = 0
        self.item_id = ""
        self.answers: dict[str, q.AnswerRow] = {}
        self.evaluation: Evaluation | None = None
        self._tree_items: dict[str, QTreeWidgetItem] = {}
        self.value_input: QLineEdit | QDateEdit | QPlainTextEdit | None = None
        self.choice_group: QButtonGroup | None = None
        self.check_buttons: dict[str, QPushButton] = {}
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(600)
        self._note_timer.timeout.connect(self._save_note)
        self._build()
        self._shortcuts()
        start_run = min(self.inspection.current_run, len(self.runs) - 1)
        self.show_run(max(start_run, 0), self.inspection.current_item or None)

    # --- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        title = QLabel(f"<b>{self.unit.name}</b>")
        title.setTextFormat(Qt.TextFormat.RichText)
        header.addWidget(title)
        header.addStretch(1)
        self.run_switcher = QComboBox()
        self.run_switcher.setMinimumWidth(300)
        self.run_switcher.setAccessibleName(translate("Runner", "Checklist"))
        for view in self.runs:
            self.run_switcher.addItem(self._run_title(view))
        header.addWidget(QLabel(translate("Runner", "Checklist:")))
        header.addWidget(self.run_switcher)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setFormat("%v / %m")
        header.addWidget(self.progress)
        self.review_button = QPushButton(translate("Runner", "Review && sign (Ctrl+R)"))
        self.back_button = QPushButton(translate("Runner", "Back to list"))
        header.addWidget(self.review_button)
        header.addWidget(self.back_button)
        layout.addLayout(header)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText(translate("Runner", "Find an item (Ctrl+F)"))
        self.find_box.setClearButtonEnabled(True)
        left_layout.addWidget(self.find_box)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)
        self.tree.setAccessibleName(translate("Runner", "Items"))
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # a fixed state column: sizing it to its contents measures every row on every answer
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.tree.header().resizeSection(1, 110)
        left_layout.addWidget(self.tree)
        splitter.addWidget(left)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        panel = QWidget()
        self.panel = QVBoxLayout(panel)
        self.item_header = QLabel()
        self.item_header.setStyleSheet("color: #555;")
        self.item_text = QLabel()
        self.item_text.setWordWrap(True)
        font = QFont(self.item_text.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.item_text.setFont(font)
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.basis = QLabel()
        self.basis.setWordWrap(True)
        self.basis.setStyleSheet("color: #333;")
        for widget in (self.item_header, self.item_text, self.guidance, self.basis):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.panel.addWidget(widget)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        self.panel.addWidget(line)
        self.answer_box = QVBoxLayout()
        self.panel.addLayout(self.answer_box)
        self.note_label = QLabel(translate("Runner", "Note (required when non-compliant)"))
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(90)
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(translate("Runner", "Note"))
        self.panel.addWidget(self.note_label)
        self.panel.addWidget(self.note)
        self.photos = PhotoStrip(self.workspace.attachments.read_bytes)
        self.panel.addWidget(self.photos)
        self.finding = QLabel()
        self.finding.setWordWrap(True)
        self.finding.setTextFormat(Qt.TextFormat.RichText)
        self.panel.addWidget(self.finding)
        self.panel.addStretch(1)
        nav = QHBoxLayout()
        self.prev_button = QPushButton(translate("Runner", "◀ Previous (Backspace)"))
        self.next_button = QPushButton(translate("Runner", "Next (Enter) ▶"))
        nav.addWidget(self.prev_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        self.panel.addLayout(nav)
        hint = QLabel(
            translate(
                "Runner",
                "Keys: 1 compliant · 2 non-compliant · 3 not applicable · Enter next ·"
                " Backspace back · Ctrl+F find · Ctrl+Enter save the note and go on",
            )
        )
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)
        self.panel.addWidget(hint)
        scroll.setWidget(panel)
        splitter.addWidget(scroll)
        splitter.setSizes([430, 800])
        layout.addWidget(splitter, 1)

        self.run_switcher.currentIndexChanged.connect(lambda i: self.show_run(i))
        self.tree.currentItemChanged.connect(self._tree_selected)
        self.find_box.textChanged.connect(self._filter_tree)
        self.note.textChanged.connect(self._note_timer.start)
        self.photos.photo_added.connect(self._add_photo)
        self.photos.photo_removed.connect(self._remove_photo)
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.review_button.clicked.connect(self._review)
        self.back_button.clicked.connect(self._close)

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        bindings: list[tuple[Any, Any]] = [
            ("1", lambda: self.answer_check("pass")),
            ("2", lambda: self.answer_check("fail")),
            ("3", lambda: self.answer_check("na")),
            (QKeySequence(Qt.Key.Key_Return), self._enter),
            (QKeySequence(Qt.Key.Key_Enter), self._enter),
            (QKeySequence(Qt.Key.Key_Backspace), self.previous),
            (QKeySequence.StandardKey.Find, self._focus_find),
            ("Ctrl+Return", self._note_and_next),
            ("Ctrl+Enter", self._note_and_next),
            ("Ctrl+R", self._review),
        ]
        for key, slot in bindings:
            shortcut = QShortcut(QKeySequence(key) if isinstance(key, str) else key, self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    def _run_title(self, view: wf.RunView) -> str:
        title = view.checklist.title.get(language())
        if view.equipment is None:
            return title
        device = view.equipment
        name = device.internal_number or device.location or device.equipment_code
        return f"{name} · {catalogue_name(device.catalogue_code)}"

    # --- state -----------------------------------------------------------------------

    @property
    def run(self) -> wf.RunView:
        return self.runs[self.run_index]

    def current_item(self) -> Item | None:
        if not self.item_id:
            return None
        try:
            return self.run.checklist.item(self.item_id)
        except KeyError:
            return None

    def _reload_answers(self) -> None:
        with self.workspace.store.reading() as db:
            self.answers = q.answers_of_run(db, self.run.id)
        self.evaluation = self.run.evaluate(self.answers)

    def show_run(self, index: int, item_id: str | None = None) -> None:
        self._save_note()
        self.item_id = ""
        self.run_index = index
        if self.run_switcher.currentIndex() != index:
            self.run_switcher.blockSignals(True)
            self.run_switcher.setCurrentIndex(index)
            self.run_switcher.blockSignals(False)
        self._reload_answers()
        self._fill_tree()
        assert self.evaluation is not None
        visible = [i.id for i in self.evaluation.visible]
        target = (
            item_id
            if item_id in visible
            else (self.evaluation.missing[0] if self.evaluation.missing else (visible or [""])[0])
        )
        self.show_item(target)

    def _fill_tree(self) -> None:
        """Build the run's whole tree once; conditions then only show and hide items."""
        self.tree.blockSignals(True)
        self.tree.clear()
        self._tree_items = {}
        self._section_nodes: list[tuple[QTreeWidgetItem, list[str]]] = []
        for section in self.run.checklist.sections:
            parent = QTreeWidgetItem([section.title.get(language()), ""])
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(parent)
            for item in section.items:
                child = QTreeWidgetItem([f"{item.id}  {item.text.get(language())}", ""])
                child.setData(0, Qt.ItemDataRole.UserRole, item.id)
                child.setToolTip(0, item.text.get(language()))
                parent.addChild(child)
                self._tree_items[item.id] = child
                self._mark(item)
            parent.setExpanded(True)
            self._section_nodes.append((parent, [i.id for i in section.items]))
        self.tree.blockSignals(False)
        self._apply_visibility()

    def _apply_visibility(self) -> None:
        """Hide the items whose conditions do not hold, or that do not match the search."""
        assert self.evaluation is not None
        visible = {i.id for i in self.evaluation.visible}
        needle = self.find_box.text().strip().lower()
        for parent, item_ids in getattr(self, "_section_nodes", []):
            any_shown = False
            for item_id in item_ids:
                node = self._tree_items[item_id]
                hidden = item_id not in visible or (
                    bool(needle) and needle not in node.text(0).lower()
                )
                if node.isHidden() != hidden:
                    node.setHidden(hidden)
                any_shown |= not hidden
            if parent.isHidden() == any_shown:
                parent.setHidden(not any_shown)
        self._update_progress()

    def _mark(self, item: Item) -> None:
        node = self._tree_items.get(item.id)
        if node is None:
            return
        answer = self.answers.get(item.id)
        value = answer.value if answer else None
        if value is None:
            node.setText(1, "○")
            node.setForeground(1, QBrush(NA_COLOUR))
            return
        if item.fails_with(value):
            mark, colour = "✗", FAIL_COLOUR
        elif value == "na":
            mark, colour = "—", NA_COLOUR
        else:
            mark, colour = "✓", PASS_COLOUR
        if item.kind not in ("check",):
            mark = f"{mark} {answer_text(item, value)}"[:14]
        node.setText(1, mark)
        node.setForeground(1, QBrush(colour))

    def _update_progress(self) -> None:
        assert self.evaluation is not None
        required = self.evaluation.required
        self.progress.setMaximum(max(required, 1))
        self.progress.setValue(required - len(self.evaluation.missing))

    def _filter_tree(self, _text: str) -> None:
        self._apply_visibility()

    # --- one item --------------------------------------------------------------------

    def show_item(self, item_id: str) -> None:
        self._save_note()
        self.item_id = item_id
        item = self.current_item()
        node = self._tree_items.get(item_id)
        if node is not None and self.tree.currentItem() is not node:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(node)
            self.tree.blockSignals(False)
        self._clear_answer_box()
        if item is None:
            self.item_text.setText(translate("Runner", "Nothing to answer in this checklist."))
            return
        wording = (
            translate("Runner", "official wording")
            if item.wording == "official"
            else translate("Runner", "provisional wording")
        )
        self.item_header.setText(f"{item.id} · {wording}")
        self.item_text.setText(item.text.get(language()))
        self.guidance.setText(item.guidance.get(language()) if item.guidance else "")
        self.guidance.setVisible(item.guidance is not None)
        self.basis.setText(translate("Runner", "Basis: %1").replace("%1", "；".join(item.basis)))
        answer = self.answers.get(item.id)
        value = answer.value if answer else None
        self._build_answer(item, value)
        self.note.blockSignals(True)
        self.note.setPlainText(answer.note if answer else "")
        self.note.blockSignals(False)
        self.photos.set_photos(list(answer.photos) if answer else [])
        self.photos.set_enabled_for_input(answer is not None)
        self._show_finding(item, value)
        if self.value_input is not None and item.kind == "number":
            self.value_input.setFocus()
        elif not self.note.hasFocus():
            self.tree.setFocus()  # digits answer, arrows move, Enter goes on

    def _clear_answer_box(self) -> None:
        def drop(widget: QWidget) -> None:
            widget.hide()  # gone from the panel at once, deleted at the next event loop
            widget.deleteLater()

        while self.answer_box.count():
            child = self.answer_box.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                drop(widget)
            elif child is not None and (layout := child.layout()) is not None:
                while layout.count():
                    inner = layout.takeAt(0)
                    inner_widget = inner.widget() if inner is not None else None
                    if inner_widget is not None:
                        drop(inner_widget)

    def _build_answer(self, item: Item, value: Any) -> None:
        self.value_input = None
        self.choice_group = None
        self.check_buttons = {}
        if item.kind == "check":
            row = QHBoxLayout()
            for code, label, colour in (
                ("pass", translate("Runner", "1  Compliant"), PASS_COLOUR),
                ("fail", translate("Runner", "2  Non-compliant"), FAIL_COLOUR),
                ("na", translate("Runner", "3  Not applicable"), NA_COLOUR),
            ):
                button = QPushButton(label)
                button.setCheckable(True)
                button.setChecked(value == code)
                button.setMinimumHeight(44)
                if value == code:
                    button.setStyleSheet(
                        f"background: {colour.name()}; color: white; font-weight: bold;"
                    )
                button.clicked.connect(lambda _=False, c=code: self.answer_check(c))
                row.addWidget(button)
                self.check_buttons[code] = button
            holder = QWidget()
            holder.setLayout(row)
            self.answer_box.addWidget(holder)
        elif item.kind == "number":
            row = QHBoxLayout()
            field = QLineEdit("" if value is None else str(value))
            field.setMaximumWidth(160)
            field.setAccessibleName(item.text.get(language()))
            row.addWidget(field)
            row.addWidget(QLabel(item.unit))
            limits = []
            if item.limit_min is not None:
                limits.append(f"≥ {item.limit_min:g}")
            if item.limit_max is not None:
                limits.append(f"≤ {item.limit_max:g}")
            if limits:
                row.addWidget(
                    QLabel(
                        translate("Runner", "Compliant: %1").replace(
                            "%1", " ".join(limits) + f" {item.unit}"
                        )
                    )
                )
            save = QPushButton(translate("Runner", "Save"))
            save.clicked.connect(self._save_input)
            row.addWidget(save)
            row.addStretch(1)
            holder = QWidget()
            holder.setLayout(row)
            self.answer_box.addWidget(holder)
            field.returnPressed.connect(self._save_input_and_next)
            self.value_input = field
        elif item.kind == "choice":
            group = QButtonGroup(self)
            holder = QWidget()
            column = QVBoxLayout(holder)
            for index, choice in enumerate(item.choices, start=1):
                radio = QRadioButton(f"{index}. {choice.text.get(language())}")
                radio.setChecked(value == choice.id)
                group.addButton(radio, index - 1)
                column.addWidget(radio)
            group.idClicked.connect(lambda i: self._answer(item.choices[i].id))
            self.answer_box.addWidget(holder)
            self.choice_group = group
        elif item.kind == "date":
            row = QHBoxLayout()
            field_date = QDateEdit()
            field_date.setCalendarPopup(True)
            field_date.setDisplayFormat("yyyy-MM-dd")
            field_date.setDate(
                QDate.fromString(value, "yyyy-MM-dd") if value else QDate.currentDate()
            )
            row.addWidget(field_date)
            save = QPushButton(translate("Runner", "Save"))
            save.clicked.connect(self._save_input)
            row.addWidget(save)
            row.addStretch(1)
            holder = QWidget()
            holder.setLayout(row)
            self.answer_box.addWidget(holder)
            self.value_input = field_date
        else:  # text, photo
            field_text = QPlainTextEdit("" if value is None else str(value))
            field_text.setMaximumHeight(80)
            field_text.setTabChangesFocus(True)
            self.answer_box.addWidget(field_text)
            save = QPushButton(translate("Runner", "Save"))
            save.clicked.connect(self._save_input)
            self.answer_box.addWidget(save, alignment=Qt.AlignmentFlag.AlignLeft)
            self.value_input = field_text

    def _show_finding(self, item: Item, value: Any) -> None:
        failing = item.fails_with(value)
        self.note_label.setStyleSheet("color: #b00020; font-weight: bold;" if failing else "")
        if not failing or item.finding is None:
            self.finding.setText("")
            return
        template = item.finding
        days = template.deadline_days
        deadline = (
            translate("Runner", "immediately")
            if not days
            else translate("Runner", "within %1 days").replace("%1", str(days))
        )
        self.finding.setText(
            "<div style='background:#fdecee; padding:6px'>"
            + translate("Runner", "Proposed finding:")
            + f" <b>{template.text.get(language())}</b>"
            + f"<br>{term(SEVERITY, template.severity)} · {term(MEASURE, template.measure)}"
            + f" · {deadline}<br>"
            + translate("Runner", "Violates %1; penalty %2")
            .replace("%1", template.violated)
            .replace("%2", template.penalty)
            + "</div>"
        )

    # --- answering -------------------------------------------------------------------

    def _answer(self, value: Any, go_on: bool | None = None) -> None:
        item = self.current_item()
        if item is None:
            return
        note = self.note.toPlainText() if self.note.toPlainText().strip() else None
        try:
            changes = wf.answer_item(
                self.workspace.store,
                self.inspection_id,
                self.run.id,
                item.id,
                value,
                note=note,
                today=self.today,
            )
        except UserError as err:
            from fieldapp.gui import dialogs

            dialogs.show_user_error(self, str(err))
            return
        self._after_change(changes)
        failing = item.fails_with(value)
        if go_on is None:
            go_on = not failing
        if go_on:
            self.next(unanswered_first=True)
        else:
            self.show_item(item.id)
            if failing:
                self.note.setFocus()

    def answer_check(self, code: str) -> None:
        item = self.current_item()
        if item is not None and item.kind == "check":
            self._answer(code)
        elif item is not None and item.kind == "choice":
            index = {"pass": 0, "fail": 1, "na": 2}[code]
            if index < len(item.choices):
                self._answer(item.choices[index].id)

    def _input_value(self) -> Any:
        widget = self.value_input
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QDateEdit):
            return widget.date().toString("yyyy-MM-dd")
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return None

    def _save_input(self) -> None:
        value = self._input_value()
        if value is not None and str(value).strip():
            self._answer(value, go_on=False)

    def _save_input_and_next(self) -> None:
        value = self._input_value()
        if value is not None and str(value).strip():
            self._answer(value)

    def _after_change(self, changes: Changes) -> None:
        shown_before = [item.id for item in self.evaluation.visible] if self.evaluation else []
        self._reload_answers()
        assert self.evaluation is not None
        current = self.current_item()
        if current is not None:  # only the answered item's mark changed
            self._mark(current)
        if [item.id for item in self.evaluation.visible] == shown_before:
            self._update_progress()
        else:
            self._apply_visibility()
        self.changed.emit(changes)

    def _save_note(self) -> None:
        if not hasattr(self, "_note_timer"):
            return
        self._note_timer.stop()
        item = self.current_item()
        if item is None:
            return
        answer = self.answers.get(item.id)
        text = self.note.toPlainText().strip()
        if answer is None or answer.note == text:
            return
        try:
            changes = wf.note_item(
                self.workspace.store, self.inspection_id, self.run.id, item.id, text
            )
        except UserError:
            return  # a locked inspection: the note field is read-only anyway
        self.answers[item.id] = q.AnswerRow(
            answer.id,
            answer.run_id,
            answer.item_id,
            answer.value,
            text,
            answer.answered_at,
            answer.photos,
        )
        self.changed.emit(changes)

    def _add_photo(self, data: bytes, name: str) -> None:
        item = self.current_item()
        if item is None:
            return
        try:
            changes = wf.add_photo(
                self.workspace.store,
                self.workspace.attachments,
                self.inspection_id,
                self.run.id,
                item.id,
                data,
                name,
            )
        except UserError as err:
            from fieldapp.gui import dialogs

            dialogs.show_user_error(self, str(err))
            return
        self._reload_answers()
        answer = self.answers.get(item.id)
        self.photos.set_photos(list(answer.photos) if answer else [])
        self.changed.emit(changes)

    def _remove_photo(self, sha256: str) -> None:
        item = self.current_item()
        if item is None:
            return
        changes = wf.remove_photo(
            self.workspace.store, self.inspection_id, self.run.id, item.id, sha256
        )
        self._reload_answers()
        answer = self.answers.get(item.id)
        self.photos.set_photos(list(answer.photos) if answer else [])
        self.changed.emit(changes)

    def hideEvent(self, event: QHideEvent) -> None:
        if self._note_timer.isActive():  # leaving with a note not yet saved: save it now
            self._save_note()
        super().hideEvent(event)

    def _enter(self) -> None:
        """Enter saves a typed value and goes on, or just goes on."""
        if isinstance(self.value_input, QLineEdit) and self.value_input.hasFocus():
            self._save_input_and_next()
        else:
            self.next()

    def _note_and_next(self) -> None:
        self._save_note()
        self.next()

    # --- moving ----------------------------------------------------------------------

    def _visible_ids(self) -> list[str]:
        assert self.evaluation is not None
        return [item.id for item in self.evaluation.visible]

    def next(self, unanswered_first: bool = False) -> None:
        self._save_note()
        ids = self._visible_ids()
        if not ids:
            return
        position = ids.index(self.item_id) if self.item_id in ids else -1
        following = ids[position + 1 :]
        if unanswered_first:
            assert self.evaluation is not None
            unanswered = set(self.evaluation.missing)
            missing = [i for i in following if i in unanswered]
            if missing:
                following = missing
        if following:
            self._go(self.run_index, following[0])
        elif self.run_index + 1 < len(self.runs):
            self.show_run(self.run_index + 1)
        self._remember()

    def previous(self) -> None:
        self._save_note()
        ids = self._visible_ids()
        position = ids.index(self.item_id) if self.item_id in ids else 0
        if position > 0:
            self._go(self.run_index, ids[position - 1])
        elif self.run_index > 0:
            self.show_run(self.run_index - 1)
            last = self._visible_ids()
            if last:
                self.show_item(last[-1])
        self._remember()

    def _go(self, run_index: int, item_id: str) -> None:
        if run_index != self.run_index:
            self.show_run(run_index, item_id)
        else:
            self.show_item(item_id)

    def _remember(self) -> None:
        if self.item_id and not self.inspection.locked:
            wf.remember_position(
                self.workspace.store, self.inspection_id, self.run_index, self.item_id
            )

    def _tree_selected(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        item_id = current.data(0, Qt.ItemDataRole.UserRole)
        if item_id:
            self.show_item(str(item_id))
            self._remember()

    def _focus_find(self) -> None:
        self.find_box.setFocus()
        self.find_box.selectAll()

    def _review(self) -> None:
        self._save_note()
        self.review_requested.emit(self.inspection_id)

    def _close(self) -> None:
        self._save_note()
        self.closed.emit()

    def focus_answer(self) -> None:
        """Put the keyboard focus where answering starts."""
        if isinstance(self.value_input, QLineEdit):
            self.value_input.setFocus()
        else:
            self.tree.setFocus()
