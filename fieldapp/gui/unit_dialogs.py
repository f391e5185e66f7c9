"""Adding a using unit or a device on site: forms that check identifiers as the officer types.

Officers meet units and devices that are not in the registry yet. Each dialog builds the
record from its fields and hands it to a ``save`` callback (the caller's use-case); when
that raises ``ValidationError`` every problem is shown in red under its field, the first
bad field takes the focus and the dialog stays open with everything the officer typed.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.catalogue import catalogue, districts
from fieldapp.domain.codes import (
    CREDIT_CODE_ALPHABET,
    check_usage_registration_number,
    credit_code_check_char,
    normalise_code,
    parse_equipment_code,
    validate_credit_code,
)
from fieldapp.domain.models import Equipment, EquipmentStatus, Unit
from fieldapp.errors import UserError, ValidationError
from fieldapp.gui.i18n import language

translate = QCoreApplication.translate

ERROR_COLOUR = "#b00020"
OK_COLOUR = "#1b6e2a"
PENDING_COLOUR = "#666666"
WARNING_COLOUR = "#9a5b00"  # amber, dark enough to read on white

#: Kinds of 重点监督检查单位 (data, stored as written; the officer may type another).
KEY_UNIT_KINDS = ("学校", "医院", "车站", "商场", "公园", "体育场馆", "其他")
#: Conclusions of a periodic inspection report (data, stored as written).
INSPECTION_CONCLUSIONS = ("合格", "不合格", "复检合格")

_TRAILING_CODE = re.compile(r"\(([0-9]{6})\)$")
_CODE_CHARS = re.compile(r"[0-9A-Z]*")


def in_language(message: str) -> str:
    """The half of a "中文 / English" domain message in the GUI's language.

    A message without the `` / `` separator is returned whole.
    """
    zh, separator, en = message.rpartition(" / ")
    if not separator:
        return message
    return zh if language() == "zh" else en


def show_status(label: QLabel, colour: str, text: str, tooltip: str = "") -> None:
    """Plain text in one colour; the tooltip keeps the full (bilingual) message."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {colour};")
    label.setText(text)
    label.setToolTip(tooltip)
    label.show()


def wrapping(label: QLabel) -> QLabel:
    """Word-wrapped, and never the reason a form gets wider than its window."""
    label.setWordWrap(True)
    label.setMinimumWidth(1)
    return label


def hide_status(label: QLabel) -> None:
    label.clear()
    label.setToolTip("")
    label.hide()


def checked_field(edit: QLineEdit, status: QLabel, width_chars: int) -> QVBoxLayout:
    """A code field wide enough for ``width_chars`` characters, its live status below it."""
    edit.setMaxLength(40)  # room for pasted spaces: the check counts what is left
    edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("W" * width_chars))
    wrapping(status)
    status.hide()
    row = QHBoxLayout()
    row.addWidget(edit)
    row.addStretch(1)
    column = QVBoxLayout()
    column.setSpacing(2)
    column.addLayout(row)
    column.addWidget(status)
    return column


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def _editable_combo(items: Iterable[str], placeholder: str = "") -> QComboBox:
    """An editable combo that never adds what is typed to its list, and filters by substring."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(list(items))
    combo.setCurrentIndex(-1)
    # long catalogue names must not widen the form; the list still shows them in full
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    combo.setMaxVisibleItems(20)
    line = combo.lineEdit()
    if line is not None:
        line.setPlaceholderText(placeholder)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)
    return combo


class OptionalDate:
    """A date that may be unknown: a checkbox (the row's label) enables a QDateEdit."""

    def __init__(self, text: str, default: dt.date) -> None:
        self.check = QCheckBox(text)
        self.edit = QDateEdit(_qdate(default))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(QDate(1950, 1, 1))
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)

    def value(self) -> dt.date | None:
        return _pydate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        self.check.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(_qdate(day))


class RecordDialog(QDialog):
    """What both dialogs share: form rows that can show a problem under their field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.problems = wrapping(QLabel())  # problems that belong to no field of the form
        self.problems.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.problems.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        ok.setAutoDefault(True)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self._errors: dict[str, QLabel] = {}
        self._focus: dict[str, QWidget] = {}
        self._order: list[str] = []  # field names, top to bottom
        self._inputs: list[QWidget] = []  # for the tab order
        self._live: dict[str, QLabel] = {}  # live status labels, which a save problem replaces

    def add_row(
        self,
        label: str | QWidget,
        editor: QWidget | QLayout,
        fields: tuple[str, ...],
        inputs: tuple[QWidget, ...],
    ) -> QLabel:
        """Add ``editor`` under ``label`` with a hidden error label below it.

        Problems about any of ``fields`` (record field names) appear in that label; the first
        of ``inputs`` takes the focus when one of them is wrong.
        """
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(editor, QLayout):
            column.addLayout(editor)
        else:
            column.addWidget(editor)
        error = wrapping(QLabel())
        error.setStyleSheet(f"color: {ERROR_COLOUR};")
        error.hide()
        column.addWidget(error)
        if isinstance(label, QWidget):
            self._inputs.append(label)
        self.form.addRow(label, box)
        for name in fields:
            self._errors[name] = error
            self._focus[name] = inputs[0]
            self._order.append(name)
        for widget in inputs:
            self._inputs.append(widget)
            self._clear_on_change(widget, error)
        return error

    def finish_tab_order(self) -> None:
        """Tab runs down the form, then to OK and Cancel."""
        chain = [
            *self._inputs,
            self.buttons.button(QDialogButtonBox.StandardButton.Ok),
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _clear_on_change(widget: QWidget, error: QLabel) -> None:
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(error.hide)
        elif isinstance(widget, QComboBox):
            widget.currentTextChanged.connect(error.hide)
        elif isinstance(widget, QDateEdit):
            widget.dateChanged.connect(error.hide)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(error.hide)

    def field_error(self, field: str) -> str:
        """The problem shown under ``field`` ("" if none)."""
        label = self._errors[field]
        return "" if label.isHidden() else label.text()

    def clear_problems(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()
        self.problems.clear()
        self.problems.hide()

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each problem under its field, the rest at the bottom; focus the first bad field."""
        self.clear_problems()
        stray: list[str] = []
        for name, message in problems.items():
            label = self._errors.get(name)
            if label is None:
                stray.append(in_language(message))
                continue
            text = in_language(message)
            label.setText(f"{label.text()}\n{text}" if label.text() else text)
            label.setToolTip(message)
            label.show()
            if name in self._live:  # say it once; the status comes back with the next edit
                self._live[name].hide()
        if stray:
            self.show_general_problem("\n".join(stray))
        first = next((name for name in self._order if name in problems), None)
        if first is not None:
            self.reveal(self._focus[first])
        self.fit_height()

    def show_general_problem(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()
        self.fit_height()

    def reveal(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def fit_height(self) -> None:
        """Grow (never shrink) so that wrapped messages under the fields are not cut off.

        A window does not follow its layout's height-for-width by itself.
        """
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        needed = layout.totalHeightForWidth(self.width())
        limit = self.screen().availableGeometry().height() - 80
        if self.height() < needed:
            self.resize(self.width(), min(needed, limit))

    def submit(self, save: Callable[[], str]) -> str | None:
        """Run ``save``; on a user error show it and return None (the dialog stays open)."""
        self.clear_problems()
        try:
            return save()
        except ValidationError as err:
            self.show_problems(err.problems)
        except UserError as err:
            self.show_general_problem(in_language(str(err)))
        return None

    def _save(self) -> None:
        raise NotImplementedError


class UnitDialog(RecordDialog):
    """Adds a using unit met on site; ``unit_id`` holds the new unit's id once accepted."""

    def __init__(self, save: Callable[[Unit], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save_unit = save
        self.unit_id: str | None = None
        self.setWindowTitle(translate("UnitDialog", "Add a using unit"))
        self.setMinimumWidth(600)
        required = translate("UnitDialog", "Required")

        self.name = QLineEdit()
        self.name.setPlaceholderText(required)
        self.add_row(translate("UnitDialog", "Unit name"), self.name, ("name",), (self.name,))

        self.credit_code = QLineEdit()
        self.credit_code.setPlaceholderText(translate("UnitDialog", "18 characters"))
        self.credit_code_status = QLabel()
        credit_row = checked_field(self.credit_code, self.credit_code_status, 17)
        self._live["credit_code"] = self.credit_code_status
        self.credit_code.textChanged.connect(self._credit_code_changed)
        self.add_row(
            translate("UnitDialog", "Unified social credit code"),
            credit_row,
            ("credit_code",),
            (self.credit_code,),
        )

        self.address = QLineEdit()
        self.add_row(
            translate("UnitDialog", "Address"), self.address, ("address",), (self.address,)
        )

        self.district = _editable_combo(
            [], translate("UnitDialog", "Type a name or a 6-digit code")
        )
        self._fill_districts()
        self.add_row(
            translate("UnitDialog", "District"),
            self.district,
            ("district_code", "district"),
            (self.district,),
        )

        self.legal_representative = QLineEdit()
        self.add_row(
            translate("UnitDialog", "Legal representative"),
            self.legal_representative,
            ("legal_representative",),
            (self.legal_representative,),
        )
        self.safety_manager = QLineEdit()
        self.add_row(
            translate("UnitDialog", "Safety manager"),
            self.safety_manager,
            ("safety_manager",),
            (self.safety_manager,),
        )
        self.safety_manager_phone = QLineEdit()
        self.add_row(
            translate("UnitDialog", "Safety manager's mobile"),
            self.safety_manager_phone,
            ("safety_manager_phone",),
            (self.safety_manager_phone,),
        )
        self.contact_person = QLineEdit()
        self.add_row(
            translate("UnitDialog", "Contact person"),
            self.contact_person,
            ("contact_person",),
            (self.contact_person,),
        )
        self.contact_phone = QLineEdit()
        self.add_row(
            translate("UnitDialog", "Contact phone"),
            self.contact_phone,
            ("contact_phone",),
            (self.contact_phone,),
        )

        self.key_unit = QCheckBox(translate("UnitDialog", "Key unit for supervision"))
        self.key_unit_kind = _editable_combo(KEY_UNIT_KINDS, translate("UnitDialog", "Kind"))
        self.key_unit_kind.setEnabled(False)
        self.key_unit.toggled.connect(self.key_unit_kind.setEnabled)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_unit)
        key_row.addWidget(self.key_unit_kind, 1)
        self.add_row(
            translate("UnitDialog", "Key unit"),
            key_row,
            ("is_key_unit", "key_unit_kind"),
            (self.key_unit, self.key_unit_kind),
        )

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problems)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.finish_tab_order()
        self.name.setFocus()

    def _fill_districts(self) -> None:
        """One item per city and its county-level districts, cities in file order."""
        table = districts()
        self.district.addItem("", "")
        cities = [d for d in table.values() if d.parent is not None and d.code.endswith("00")]
        for city in cities:
            self.district.insertSeparator(self.district.count())
            self.district.addItem(f"{city.name_zh} ({city.code})", city.code)
            for district in table.values():
                if district.parent == city.code:
                    text = f"{city.name_zh} · {district.name_zh} ({district.code})"
                    self.district.addItem(text, district.code)
        self.district.setCurrentIndex(0)

    def district_code(self) -> str:
        """The chosen item's code, or the code typed: a bare code or one ending in "(220102)"."""
        text = self.district.currentText().strip()
        index = self.district.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            return str(self.district.itemData(index))
        typed = normalise_code(text)  # full-width digits and brackets → ASCII
        match = _TRAILING_CODE.search(typed)
        return match.group(1) if match else typed

    def _credit_code_changed(self, text: str) -> None:
        code = normalise_code(text)
        if not code:
            hide_status(self.credit_code_status)
            return
        try:
            if len(code) < 18:  # a wrong character is worth saying before the length is complete
                credit_code_check_char(code.ljust(17, "0")[:17])
            validate_credit_code(code)
        except ValidationError as err:
            message = "; ".join(err.problems.values())
            typing = len(code) < 18 and all(ch in CREDIT_CODE_ALPHABET for ch in code)
            colour = PENDING_COLOUR if typing else ERROR_COLOUR
            show_status(self.credit_code_status, colour, in_language(message), message)
        else:
            show_status(self.credit_code_status, OK_COLOUR, "✓ " + translate("UnitDialog", "Valid"))
        self.fit_height()

    def build_unit(self) -> Unit:
        """The unit as entered, with the credit code normalised; not validated."""
        is_key = self.key_unit.isChecked()
        return Unit(
            id="",
            name=self.name.text().strip(),
            credit_code=normalise_code(self.credit_code.text()),
            address=self.address.text().strip(),
            district_code=self.district_code(),
            legal_representative=self.legal_representative.text().strip(),
            safety_manager=self.safety_manager.text().strip(),
            safety_manager_phone=self.safety_manager_phone.text().strip(),
            contact_person=self.contact_person.text().strip(),
            contact_phone=self.contact_phone.text().strip(),
            is_key_unit=is_key,
            key_unit_kind=self.key_unit_kind.currentText().strip() if is_key else "",
        )

    def _save(self) -> None:
        unit = self.build_unit()
        unit_id = self.submit(lambda: self._save_unit(unit))
        if unit_id is not None:
            self.unit_id = unit_id
            self.accept()


class EquipmentDialog(RecordDialog):
    """Adds a device to a unit; ``equipment_id`` holds the new device's id once accepted."""

    def __init__(
        self,
        unit_id: str,
        unit_name: str,
        save: Callable[[Equipment], str],
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.unit_id = unit_id
        self._save_equipment = save
        self.today = today or dt.date.today()
        self.equipment_id: str | None = None
        self.setWindowTitle(
            translate("EquipmentDialog", "Add equipment to %1").replace("%1", unit_name)
        )

        self.catalogue_code = _editable_combo(
            [], translate("EquipmentDialog", "Type a catalogue code or name to filter")
        )
        self._fill_catalogue()
        self.add_row(
            translate("EquipmentDialog", "Equipment type"),
            self.catalogue_code,
            ("catalogue_code",),
            (self.catalogue_code,),
        )

        self.equipment_code = QLineEdit()
        self.equipment_code.setPlaceholderText(translate("EquipmentDialog", "18 or 20 characters"))
        self.equipment_code_status = QLabel()
        code_row = checked_field(self.equipment_code, self.equipment_code_status, 19)
        self._live["equipment_code"] = self.equipment_code_status
        self.equipment_code.textChanged.connect(self._equipment_code_changed)
        self.add_row(
            translate("EquipmentDialog", "Equipment code"),
            code_row,
            ("equipment_code",),
            (self.equipment_code,),
        )

        self.usage_registration_number = QLineEdit()
        self.usage_registration_number.setPlaceholderText("梯11吉A00123(19)")
        self.usage_status = wrapping(QLabel())
        usage_box = QVBoxLayout()
        usage_box.setSpacing(2)
        usage_box.addWidget(self.usage_registration_number)
        usage_box.addWidget(self.usage_status)
        self.usage_status.hide()
        self.usage_registration_number.textChanged.connect(self._usage_number_changed)
        self.add_row(
            translate("EquipmentDialog", "Usage registration certificate no."),
            usage_box,
            ("usage_registration_number",),
            (self.usage_registration_number,),
        )

        self.product_name = self._text_row(
            translate("EquipmentDialog", "Product name"), "product_name"
        )
        self.model = self._text_row(translate("EquipmentDialog", "Model"), "model")
        self.manufacturer = self._text_row(
            translate("EquipmentDialog", "Manufacturer"), "manufacturer"
        )
        self.serial_number = self._text_row(
            translate("EquipmentDialog", "Serial number"), "serial_number"
        )
        self.internal_number = self._text_row(
            translate("EquipmentDialog", "Number within the unit"), "internal_number"
        )
        self.internal_number.setPlaceholderText(translate("EquipmentDialog", "e.g. No. 1 lift"))
        self.location = self._text_row(translate("EquipmentDialog", "Location"), "location")

        self.first_use = OptionalDate(translate("EquipmentDialog", "First used on"), self.today)
        self.add_row(
            self.first_use.check,
            self.first_use.edit,
            ("first_use_date",),
            (self.first_use.edit,),
        )

        self.last_inspection = OptionalDate(
            translate("EquipmentDialog", "Last inspected on"), self.today
        )
        self.last_conclusion = _editable_combo(
            INSPECTION_CONCLUSIONS, translate("EquipmentDialog", "Conclusion")
        )
        last_row = QHBoxLayout()
        last_row.addWidget(self.last_inspection.edit)
        last_row.addWidget(self.last_conclusion, 1)
        self.add_row(
            self.last_inspection.check,
            last_row,
            ("last_inspection_date", "last_inspection_conclusion"),
            (self.last_inspection.edit, self.last_conclusion),
        )

        self.next_due = OptionalDate(
            translate("EquipmentDialog", "Next inspection due"), self.today
        )
        self.add_row(
            self.next_due.check,
            self.next_due.edit,
            ("next_inspection_due", "inspection_postponed_until"),
            (self.next_due.edit,),
        )
        for date_edit in (self.first_use.edit, self.last_inspection.edit, self.next_due.edit):
            date_edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        self.status = QComboBox()
        for status in EquipmentStatus:
            self.status.addItem(status.label(language()), status.code)
        self.add_row(
            translate("EquipmentDialog", "Status"), self.status, ("status",), (self.status,)
        )

        heading = QLabel(translate("EquipmentDialog", "Using unit: %1").replace("%1", unit_name))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        inner = QWidget()
        inner.setLayout(self.form)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes OK → Cancel → top
        self.scroll_area.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.finish_tab_order()
        self.setMinimumWidth(640)
        self.resize(680, self._comfortable_height())
        self.catalogue_code.setFocus()

    def _comfortable_height(self) -> int:
        """Room for every row and a few warnings, inside a 1366×768 screen with its taskbar."""
        return min(640, self.screen().availableGeometry().height() - 80)

    def _text_row(self, label: str, field: str) -> QLineEdit:
        edit = QLineEdit()
        self.add_row(label, edit, (field,), (edit,))
        return edit

    def _fill_catalogue(self) -> None:
        """Categories (类别, bold) and varieties (品种) of the 2014 catalogue, in table order."""
        bold = QFont(self.font())
        bold.setBold(True)
        for entry in catalogue().values():
            if entry.level not in (2, 3):
                continue
            name = entry.name_zh if language() == "zh" else entry.name_en
            self.catalogue_code.addItem(f"{entry.code} {name}", entry.code)
            if entry.level == 2:
                index = self.catalogue_code.count() - 1
                self.catalogue_code.setItemData(index, bold, Qt.ItemDataRole.FontRole)
        self.catalogue_code.setCurrentIndex(-1)
        view = self.catalogue_code.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 24)

    def select_catalogue_code(self, code: str) -> bool:
        """Choose the entry with this code; False if the combo has none."""
        index = self.catalogue_code.findData(code)
        if index >= 0:
            self.catalogue_code.setCurrentIndex(index)
        return index >= 0

    def catalogue_code_entered(self) -> str:
        """The chosen entry's code, or the first word typed (an older code is allowed)."""
        text = self.catalogue_code.currentText().strip()
        index = self.catalogue_code.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            return str(self.catalogue_code.itemData(index))
        return normalise_code(text.split()[0]) if text else ""

    def _equipment_code_changed(self, text: str) -> None:
        code = normalise_code(text)
        status = self.equipment_code_status
        if not code:
            hide_status(status)
            return
        try:
            parsed = parse_equipment_code(code, today=self.today)
        except ValidationError as err:
            message = "; ".join(err.problems.values())
            if len(code) < 20 and len(code) != 18 and _CODE_CHARS.fullmatch(code):
                typed = translate(
                    "EquipmentDialog", "%1 characters: a device code has 18, a registration code 20"
                ).replace("%1", str(len(code)))
                show_status(status, PENDING_COLOUR, typed, message)
            else:
                show_status(status, ERROR_COLOUR, in_language(message), message)
            return
        if parsed.kind == "device_code":
            ok = translate("EquipmentDialog", "Device code, made in %1").replace(
                "%1", str(parsed.year)
            )
        else:
            ok = translate("EquipmentDialog", "Registration code, registered %1").replace(
                "%1", f"{parsed.year}-{parsed.month or 0:02d}"
            )
        parts = [f"<span style='color:{OK_COLOUR}'>✓ {html.escape(ok)}</span>"]
        parts += [
            f"<span style='color:{WARNING_COLOUR}'>{html.escape(in_language(w))}</span>"
            for w in parsed.warnings
        ]
        status.setTextFormat(Qt.TextFormat.RichText)
        status.setStyleSheet("")
        status.setText("<br>".join(parts))
        status.setToolTip("\n".join(parsed.warnings))
        status.show()
        if not self.catalogue_code.currentText().strip():  # the code names the type: offer it
            self.select_catalogue_code(parsed.catalogue_code)

    def _usage_number_changed(self, text: str) -> None:
        _normalised, warnings = check_usage_registration_number(text)
        if not warnings:
            hide_status(self.usage_status)
            return
        joined = "\n".join(in_language(w) for w in warnings)
        show_status(self.usage_status, WARNING_COLOUR, joined, "\n".join(warnings))

    def build_equipment(self) -> Equipment:
        """The device as entered, identifiers normalised; not validated."""
        usage_number, _warnings = check_usage_registration_number(
            self.usage_registration_number.text()
        )
        return Equipment(
            id="",
            unit_id=self.unit_id,
            catalogue_code=self.catalogue_code_entered(),
            equipment_code=normalise_code(self.equipment_code.text()),
            usage_registration_number=usage_number,
            product_name=self.product_name.text().strip(),
            model=self.model.text().strip(),
            manufacturer=self.manufacturer.text().strip(),
            serial_number=self.serial_number.text().strip(),
            internal_number=self.internal_number.text().strip(),
            location=self.location.text().strip(),
            first_use_date=self.first_use.value(),
            last_inspection_date=self.last_inspection.value(),
            last_inspection_conclusion=self.last_conclusion.currentText().strip(),
            next_inspection_due=self.next_due.value(),
            status=EquipmentStatus.from_code(str(self.status.currentData())),
        )

    def reveal(self, widget: QWidget) -> None:
        self.scroll_area.ensureWidgetVisible(widget)
        super().reveal(widget)

    def _save(self) -> None:
        equipment = self.build_equipment()
        equipment_id = self.submit(lambda: self._save_equipment(equipment))
        if equipment_id is not None:
            self.equipment_id = equipment_id
            self.accept()
