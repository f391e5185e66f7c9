"""The supervisor's filter bar: full-text search, area, equipment class, officer, dates,
status, measure, key units, and the unit picked from a list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui.i18n import language
from fieldapp.gui.inspection_runner import MEASURE, term
from fieldapp.reports.filters import (
    STATUSES,
    Filters,
    ListKind,
    area_choices,
    class_choices,
    status_label,
)
from fieldapp.store import registry as reg
from fieldapp.workflow import Changes
from fieldapp.workspace import Workspace

translate = QCoreApplication.translate

NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum, shown as "any"
SEARCH_DELAY_MS = 250
#: filters that mean nothing for a list (the reports API ignores them there)
IGNORED: dict[ListKind, frozenset[str]] = {
    ListKind.INSPECTIONS: frozenset({"key_units_only"}),
    ListKind.NOTICES: frozenset({"key_units_only"}),
    ListKind.FINDINGS: frozenset({"key_units_only"}),
    ListKind.UNITS: frozenset({"measure"}),
    ListKind.DEVICES: frozenset({"officer", "measure", "key_units_only"}),
}


def _date_edit(tip: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(translate("FilterBar", "any"))
    edit.setDate(NO_DATE)
    edit.setToolTip(tip)
    edit.setAccessibleName(tip)
    return edit


def date_of(edit: QDateEdit) -> dt.date | None:
    if edit.date() == NO_DATE:
        return None
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def set_date(edit: QDateEdit, value: dt.date | None) -> None:
    edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)


class FilterBar(QWidget):
    """Emits ``changed`` whenever a filter changes (typing in the search box after a short
    pause); ``filters(kind)`` gives the Filters for one list."""

    changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        fields: frozenset[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.kind = ListKind.INSPECTIONS
        self._statuses: dict[ListKind, str] = {}
        self._unit: tuple[str, str] = ("", "")
        self._filling = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        first = QHBoxLayout()
        outer.addLayout(first)
        # a page with few filters (no search box) has them on one line
        second = first if fields is not None and "text" not in fields else QHBoxLayout()
        if second is not first:
            outer.addLayout(second)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            translate("FilterBar", "Search unit names, addresses, findings and notes (Ctrl+F)")
        )
        self.search.setAccessibleName(translate("FilterBar", "Search"))
        self.area = self._combo(translate("FilterBar", "Area"), translate("FilterBar", "All areas"))
        for code, name in area_choices():
            self.area.addItem(name, code)
        self.equipment_class = self._combo(
            translate("FilterBar", "Equipment class"), translate("FilterBar", "All classes")
        )
        for code, name in class_choices():
            self.equipment_class.addItem(name, code)
        self.officer = self._combo(
            translate("FilterBar", "Officer"), translate("FilterBar", "All officers")
        )
        self.reload_officers()
        first.addWidget(self.search, 3)
        first.addWidget(self.area, 0 if second is first else 1)
        first.addWidget(self.equipment_class, 0 if second is first else 1)
        first.addWidget(self.officer, 0 if second is first else 1)

        self.date_from = _date_edit(translate("FilterBar", "From (inclusive)"))
        self.date_to = _date_edit(translate("FilterBar", "To (inclusive)"))
        self.dates_label = QLabel(translate("FilterBar", "Dates"))
        self.status = self._combo(translate("FilterBar", "Status"), translate("FilterBar", "Any"))
        self.measure = self._combo(
            translate("FilterBar", "Measure"), translate("FilterBar", "Any measure")
        )
        for code in MEASURE:
            self.measure.addItem(term(MEASURE, code), code)
        self.key_units_only = QCheckBox(translate("FilterBar", "Key units only"))
        self.unit_chip = QToolButton()
        self.unit_chip.setToolTip(translate("FilterBar", "Show every unit again"))
        self.unit_chip.setStyleSheet(
            "QToolButton { background: #dbe8f5; border: 1px solid #2f6ea5; border-radius: 9px;"
            " padding: 1px 8px; }"
        )
        self.unit_chip.setVisible(False)
        self.clear_button = QPushButton(translate("FilterBar", "Clear filters"))
        second.addWidget(self.dates_label)
        second.addWidget(self.date_from)
        self.dash = QLabel("–")
        second.addWidget(self.dash)
        second.addWidget(self.date_to)
        second.addWidget(self.status)
        second.addWidget(self.measure)
        second.addWidget(self.key_units_only)
        second.addWidget(self.unit_chip)
        second.addStretch(1)
        second.addWidget(self.clear_button)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._emit_now)
        for combo in (self.area, self.equipment_class, self.officer, self.measure):
            combo.currentIndexChanged.connect(self._emit)
        self.status.currentIndexChanged.connect(self._status_chosen)
        self.date_from.dateChanged.connect(self._emit)
        self.date_to.dateChanged.connect(self._emit)
        self.key_units_only.toggled.connect(self._emit)
        self.unit_chip.clicked.connect(lambda: self.set_unit("", ""))
        self.clear_button.clicked.connect(self.clear)
        self.set_kind(ListKind.INSPECTIONS)
        if fields is not None:
            self.show_only(fields)

    def _combo(self, name: str, all_text: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.addItem(all_text, "")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaximumWidth(220)
        return combo

    def show_only(self, fields: frozenset[str]) -> None:
        """Hide the filters a page does not offer (names as in Filters, plus 'dates')."""
        widgets: dict[str, list[QWidget]] = {
            "text": [self.search],
            "area": [self.area],
            "equipment_class": [self.equipment_class],
            "officer": [self.officer],
            "dates": [self.dates_label, self.date_from, self.dash, self.date_to],
            "status": [self.status],
            "measure": [self.measure],
            "key_units_only": [self.key_units_only],
        }
        for name, group in widgets.items():
            for widget in group:
                widget.setVisible(name in fields)

    def reload_officers(self) -> None:
        """Officers known to the workspace (imported batches bring new ones)."""
        current = self.officer.currentData()
        with self.workspace.store.reading() as db:
            officers = reg.list_officers(db)
        self._filling = True
        try:
            while self.officer.count() > 1:
                self.officer.removeItem(1)
            for officer in sorted(officers, key=lambda o: (o.organisation, o.name)):
                self.officer.addItem(f"{officer.name}（{officer.law_id}）", officer.id)
            index = self.officer.findData(current)
            self.officer.setCurrentIndex(max(index, 0))
        finally:
            self._filling = False

    def set_kind(self, kind: ListKind) -> None:
        """Offer the status choices of ``kind``'s list; keep what was chosen for each list."""
        self.kind = kind
        self._filling = True
        try:
            self.status.clear()
            for code in STATUSES[kind]:
                label = status_label(kind, code, language()) if code else ""
                self.status.addItem(label or translate("FilterBar", "Any status"), code)
            index = self.status.findData(self._statuses.get(kind, ""))
            self.status.setCurrentIndex(max(index, 0))
        finally:
            self._filling = False
        ignored = IGNORED[kind]
        self.officer.setEnabled("officer" not in ignored)
        self.measure.setEnabled("measure" not in ignored)
        self.key_units_only.setEnabled("key_units_only" not in ignored)

    def set_unit(self, unit_id: str, name: str) -> None:
        """Limit every list to one unit (``""`` shows all units again)."""
        self._unit = (unit_id, name)
        self.unit_chip.setText(
            translate("FilterBar", "Unit: %1  ✕").replace("%1", name) if unit_id else ""
        )
        self.unit_chip.setVisible(bool(unit_id))
        self._emit()

    def set_status(self, kind: ListKind, status: str) -> None:
        self._statuses[kind] = status
        if kind == self.kind:
            index = self.status.findData(status)
            self.status.setCurrentIndex(max(index, 0))

    def set_text(self, text: str) -> None:
        """Search at once (no typing pause)."""
        self.search.blockSignals(True)
        self.search.setText(text)
        self.search.blockSignals(False)
        self._emit_now()

    def clear(self) -> None:
        self._filling = True
        try:
            self.search.clear()
            for combo in (self.area, self.equipment_class, self.officer, self.measure):
                combo.setCurrentIndex(0)
            set_date(self.date_from, None)
            set_date(self.date_to, None)
            self.key_units_only.setChecked(False)
            self._statuses.clear()
            self.status.setCurrentIndex(0)
            self._unit = ("", "")
            self.unit_chip.setVisible(False)
        finally:
            self._filling = False
        self._emit_now()

    def filters(self, kind: ListKind | None = None) -> Filters:
        kind = kind or self.kind
        ignored = IGNORED[kind]
        return Filters(
            area=self.area.currentData() or "",
            unit_id=self._unit[0],
            equipment_class=self.equipment_class.currentData() or "",
            officer_id="" if "officer" in ignored else self.officer.currentData() or "",
            date_from=date_of(self.date_from),
            date_to=date_of(self.date_to),
            status=self._statuses.get(kind, ""),
            measure="" if "measure" in ignored else self.measure.currentData() or "",
            text=self.search.text().strip(),
            key_units_only=self.key_units_only.isChecked() and "key_units_only" not in ignored,
        )

    def _status_chosen(self) -> None:
        if not self._filling:
            self._statuses[self.kind] = self.status.currentData() or ""
            self._emit()

    def _emit_now(self) -> None:
        self._timer.stop()
        self.changed.emit()

    def _emit(self) -> None:
        if not self._filling:
            self._timer.stop()
            self.changed.emit()


class ReadsWhenShown:
    """Mixin (listed before QWidget) for a supervisor page with a ``filter_bar`` that reads
    its rows or figures in the background in ``reload()``: a change to what it shows is
    read at once while the page is shown, else when it is next shown."""

    filter_bar: FilterBar
    _stale = True

    def reload(self) -> None:
        raise NotImplementedError

    def mark_parts_stale(self) -> None:
        """Mark the parts read on their own (the lists behind other tabs) stale as well."""

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)  # type: ignore[misc]

    def read_again(self, changes: Changes) -> None:
        """``changes`` touched what the page shows."""
        self._stale = True
        self.mark_parts_stale()
        if changes.officers:
            self.filter_bar.reload_officers()
        if self.isVisible():  # type: ignore[attr-defined]
            self.reload()
