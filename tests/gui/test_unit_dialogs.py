"""Adding a unit or a device on site: live checks, the record handed to save, problems shown."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.domain.codes import make_credit_code
from fieldapp.domain.models import (
    Equipment,
    EquipmentStatus,
    Unit,
    validate_equipment,
    validate_unit,
)
from fieldapp.errors import UserError, ValidationError
from fieldapp.gui.unit_dialogs import ERROR_COLOUR, OK_COLOUR, EquipmentDialog, UnitDialog

TODAY = dt.date(2024, 5, 20)
CREDIT_CODE = make_credit_code("91220102MA17ABCDE")
DEVICE_CODE = "311022019201900123"  # 3110, manufacturer 22019, made 2019, serial 00123


class FakeSave:
    """Stands in for the use-case: validates like it does, records what it was given."""

    def __init__(self, new_id: str = "new-id") -> None:
        self.new_id = new_id
        self.saved: list[Unit | Equipment] = []

    def unit(self, unit: Unit) -> str:
        validate_unit(unit)
        self.saved.append(unit)
        return self.new_id

    def equipment(self, equipment: Equipment) -> str:
        validate_equipment(equipment, today=TODAY)
        self.saved.append(equipment)
        return self.new_id


def press_ok(qtbot: QtBot, dialog: QDialog, buttons: QDialogButtonBox) -> None:
    button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)


def wrong_check_character(code: str) -> str:
    return code[:17] + ("0" if code[17] != "0" else "1")


@pytest.mark.usefixtures("zh")
def test_a_valid_unit_is_saved_normalised(qtbot: QtBot) -> None:
    save = FakeSave("unit-1")
    dialog = UnitDialog(save.unit)
    shown(qtbot, dialog)
    dialog.name.setText("长春市第一实验小学")
    # a full-width digit, lower case and a space, as some input methods and copies give it
    dialog.credit_code.setText("９" + CREDIT_CODE[1:8] + " " + CREDIT_CODE[8:].lower())
    assert dialog.credit_code_status.text().startswith("✓")
    dialog.address.setText("长春市南关区人民大街1号")
    dialog.district.setCurrentIndex(dialog.district.findData("220102"))
    assert dialog.district.currentText() == "长春市 · 南关区 (220102)"
    dialog.legal_representative.setText("张伟")
    dialog.safety_manager.setText("李娜")
    qtbot.keyClicks(dialog.safety_manager_phone, "13904310001")
    dialog.contact_person.setText("王芳")
    qtbot.keyClicks(dialog.contact_phone, "0431-88880000")
    dialog.key_unit.setChecked(True)
    dialog.key_unit_kind.setCurrentText("学校")
    press_ok(qtbot, dialog, dialog.buttons)
    assert save.saved == [
        Unit(
            id="",
            name="长春市第一实验小学",
            credit_code=CREDIT_CODE,
            address="长春市南关区人民大街1号",
            district_code="220102",
            legal_representative="张伟",
            safety_manager="李娜",
            safety_manager_phone="13904310001",
            contact_person="王芳",
            contact_phone="0431-88880000",
            is_key_unit=True,
            key_unit_kind="学校",
        )
    ]
    assert dialog.unit_id == "unit-1"
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.mark.usefixtures("zh")
def test_a_typed_district_code_and_no_key_unit_kind_unless_ticked(qtbot: QtBot) -> None:
    save = FakeSave()
    dialog = UnitDialog(save.unit)
    shown(qtbot, dialog)
    dialog.name.setText("某单位")
    dialog.credit_code.setText(CREDIT_CODE)
    dialog.district.setEditText("220581")
    dialog.key_unit_kind.setCurrentText("医院")  # typed, then the box left unticked
    assert not dialog.key_unit_kind.isEnabled()
    press_ok(qtbot, dialog, dialog.buttons)
    unit = save.saved[0]
    assert isinstance(unit, Unit)
    assert (unit.district_code, unit.is_key_unit, unit.key_unit_kind) == ("220581", False, "")
    dialog.district.setEditText("通化市 · 梅河口市（２２０５８１）")  # edited, full-width
    assert dialog.district_code() == "220581"
    dialog.district.setEditText("")
    assert dialog.district_code() == ""


@pytest.mark.usefixtures("zh")
def test_a_wrong_credit_code_is_named_under_the_field_and_nothing_is_lost(qtbot: QtBot) -> None:
    save = FakeSave()
    dialog = UnitDialog(save.unit)
    shown(qtbot, dialog)
    bad = wrong_check_character(CREDIT_CODE)
    dialog.name.setText("吉林市江城商场")
    qtbot.keyClicks(dialog.credit_code, bad)
    qtbot.keyClicks(dialog.contact_phone, "12")
    press_ok(qtbot, dialog, dialog.buttons)
    assert save.saved == []
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.unit_id is None
    message = dialog.field_error("credit_code")
    assert message.startswith("校验位错误：第18位应为") and " / " not in message
    assert "wrong check character" in dialog._errors["credit_code"].toolTip()
    assert dialog.credit_code_status.isHidden(), "the same message is not shown twice"
    assert dialog.field_error("contact_phone") == "电话号码格式不对：12"
    assert dialog.field_error("name") == ""
    assert dialog.focusWidget() is dialog.credit_code, "the first bad field takes the focus"
    assert dialog.credit_code.text() == bad and dialog.name.text() == "吉林市江城商场"
    assert dialog.contact_phone.text() == "12"
    # correcting a field clears its message; a second OK then saves
    dialog.contact_phone.clear()
    qtbot.keyClicks(dialog.contact_phone, "13904310001")
    assert dialog.field_error("contact_phone") == ""
    dialog.credit_code.setText(CREDIT_CODE)
    press_ok(qtbot, dialog, dialog.buttons)
    assert dialog.unit_id == "new-id" and len(save.saved) == 1


@pytest.mark.usefixtures("zh")
def test_the_credit_code_status_follows_the_typing(qtbot: QtBot) -> None:
    dialog = UnitDialog(FakeSave().unit)
    shown(qtbot, dialog)
    status = dialog.credit_code_status
    assert status.isHidden()
    qtbot.keyClicks(dialog.credit_code, CREDIT_CODE[:5])
    assert status.text() == "统一社会信用代码应为18位，实际为5位"
    assert ERROR_COLOUR not in status.styleSheet(), "still typing: not yet an error"
    qtbot.keyClicks(dialog.credit_code, CREDIT_CODE[5:])
    assert status.text().startswith("✓")
    assert OK_COLOUR in status.styleSheet()
    qtbot.keyClicks(dialog.credit_code, "1")
    assert status.text() == "统一社会信用代码应为18位，实际为19位"
    assert ERROR_COLOUR in status.styleSheet()
    dialog.credit_code.setText("9122010I")
    assert status.text().startswith("第8位字符“I”不允许")
    assert ERROR_COLOUR in status.styleSheet()
    dialog.credit_code.setText(wrong_check_character(CREDIT_CODE))
    assert status.text().startswith("校验位错误")
    dialog.credit_code.clear()
    assert status.isHidden()


@pytest.mark.usefixtures("en")
def test_the_status_speaks_english_in_english(qtbot: QtBot) -> None:
    dialog = UnitDialog(FakeSave().unit)
    shown(qtbot, dialog)
    assert dialog.windowTitle() == "Add a using unit"
    dialog.credit_code.setText(CREDIT_CODE[:5])
    assert dialog.credit_code_status.text() == "a credit code has 18 characters, got 5"


@pytest.mark.usefixtures("zh")
def test_another_user_error_is_shown_and_the_dialog_stays(qtbot: QtBot) -> None:
    def refuse(_unit: Unit) -> str:
        raise UserError("工作区只读 / the workspace is read-only")

    dialog = UnitDialog(refuse)
    shown(qtbot, dialog)
    dialog.name.setText("某单位")
    dialog.credit_code.setText(CREDIT_CODE)
    press_ok(qtbot, dialog, dialog.buttons)
    assert dialog.isVisible() and dialog.unit_id is None
    assert dialog.problems.text() == "工作区只读" and not dialog.problems.isHidden()


@pytest.mark.usefixtures("zh")
def test_keyboard_enter_saves_escape_cancels_tab_goes_down(qtbot: QtBot) -> None:
    save = FakeSave()
    dialog = UnitDialog(save.unit)
    shown(qtbot, dialog)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isDefault()
    dialog.name.setFocus()
    chain = [dialog.focusWidget()]
    for _ in range(5):
        dialog.focusNextChild()  # what Tab does
        chain.append(dialog.focusWidget())
    assert chain == [
        dialog.name,
        dialog.credit_code,
        dialog.address,
        dialog.district,
        dialog.legal_representative,
        dialog.safety_manager,
    ]
    dialog.name.setText("某单位")
    dialog.credit_code.setText(CREDIT_CODE)
    qtbot.keyClick(dialog.credit_code, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and len(save.saved) == 1

    other = UnitDialog(save.unit)
    shown(qtbot, other)
    qtbot.keyClick(other.name, Qt.Key.Key_Escape)
    assert other.result() == QDialog.DialogCode.Rejected and not other.isVisible()
    assert len(save.saved) == 1


# --- equipment ------------------------------------------------------------------------------


def equipment_dialog(qtbot: QtBot, save: FakeSave) -> EquipmentDialog:
    dialog = EquipmentDialog("unit-7", "长春市第一实验小学", save.equipment, today=TODAY)
    shown(qtbot, dialog)
    return dialog


@pytest.mark.usefixtures("zh")
def test_the_equipment_dialog_builds_the_device(qtbot: QtBot) -> None:
    save = FakeSave("dev-1")
    dialog = equipment_dialog(qtbot, save)
    assert dialog.windowTitle() == "为 长春市第一实验小学 添加设备"
    assert dialog.catalogue_code.findText("3110 曳引驱动乘客电梯") >= 0
    assert dialog.catalogue_code.findData("3000") < 0, "classes (种类) are not offered"
    dialog.catalogue_code.setCurrentIndex(dialog.catalogue_code.findData("3120"))
    qtbot.keyClicks(dialog.equipment_code, DEVICE_CODE.replace("3110", "3120").lower())
    dialog.usage_registration_number.setText("梯12吉A00123（19）")
    dialog.product_name.setText("载货电梯")
    dialog.model.setText("TKJ1000")
    dialog.manufacturer.setText("沈阳某电梯有限公司")
    dialog.serial_number.setText("E2019-123")
    dialog.internal_number.setText("2号梯")
    dialog.location.setText("教学楼东侧")
    dialog.first_use.edit.setDate(dt.date(2019, 9, 1))  # changed but not ticked: not saved
    dialog.last_inspection.set_value(dt.date(2024, 3, 1))
    dialog.last_conclusion.setCurrentText("合格")
    dialog.next_due.set_value(dt.date(2025, 3, 1))
    dialog.status.setCurrentIndex(dialog.status.findData(EquipmentStatus.OUT_OF_USE.code))
    assert dialog.status.currentText() == "停用"
    press_ok(qtbot, dialog, dialog.buttons)
    assert save.saved == [
        Equipment(
            id="",
            unit_id="unit-7",
            catalogue_code="3120",
            equipment_code="312022019201900123",
            usage_registration_number="梯12吉A00123(19)",
            product_name="载货电梯",
            model="TKJ1000",
            manufacturer="沈阳某电梯有限公司",
            serial_number="E2019-123",
            internal_number="2号梯",
            location="教学楼东侧",
            first_use_date=None,
            last_inspection_date=dt.date(2024, 3, 1),
            last_inspection_conclusion="合格",
            next_inspection_due=dt.date(2025, 3, 1),
            status=EquipmentStatus.OUT_OF_USE,
        )
    ]
    assert dialog.equipment_id == "dev-1"
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.mark.usefixtures("zh")
def test_the_type_can_be_typed_and_the_device_code_offers_it(qtbot: QtBot) -> None:
    dialog = equipment_dialog(qtbot, FakeSave())
    dialog.catalogue_code.setEditText("4110")  # (typing would open the completer's popup)
    assert dialog.catalogue_code_entered() == "4110"
    dialog.catalogue_code.setEditText("6c10")  # an older code is passed on (with a warning)
    assert dialog.catalogue_code_entered() == "6C10"
    dialog.catalogue_code.setEditText("")
    qtbot.keyClicks(dialog.equipment_code, DEVICE_CODE)
    assert dialog.catalogue_code.currentText() == "3110 曳引驱动乘客电梯"
    status = dialog.equipment_code_status
    assert "✓" in status.text() and "2019" in status.text()


@pytest.mark.usefixtures("zh")
def test_the_equipment_code_status_follows_the_typing(qtbot: QtBot) -> None:
    dialog = equipment_dialog(qtbot, FakeSave())
    status = dialog.equipment_code_status
    qtbot.keyClicks(dialog.equipment_code, DEVICE_CODE[:10])
    assert status.text().startswith("已输入 10 位")
    assert ERROR_COLOUR not in status.styleSheet()
    dialog.equipment_code.setText("3110X2019201900123")
    assert status.text().startswith("设备代码第5–9位（制造单位代号）")
    assert ERROR_COLOUR in status.styleSheet()
    dialog.equipment_code.setText("31102201920190012345678")
    assert status.text().startswith("长度不对：实际为23位")
    dialog.equipment_code.setText("31002201022010070123")  # a registration code
    assert "✓" in status.text() and "2010-07" in status.text()
    dialog.equipment_code.setText("311099019194000012")  # odd region and year
    assert "✓" in status.text() and "1940年不合常理" in status.text()


@pytest.mark.usefixtures("zh")
def test_usage_number_warnings_are_amber_and_never_block(qtbot: QtBot) -> None:
    save = FakeSave()
    dialog = equipment_dialog(qtbot, save)
    dialog.catalogue_code.setCurrentIndex(dialog.catalogue_code.findData("3110"))
    dialog.usage_registration_number.setText("梯11吉A00123(19)")
    assert dialog.usage_status.isHidden()
    dialog.usage_registration_number.setText("电梯123")
    assert dialog.usage_status.text().startswith("使用登记证编号“电梯123”与常见格式")
    assert not dialog.usage_status.isHidden()
    press_ok(qtbot, dialog, dialog.buttons)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = save.saved[0]
    assert isinstance(saved, Equipment) and saved.usage_registration_number == "电梯123"


@pytest.mark.usefixtures("zh")
def test_save_problems_appear_under_their_fields(qtbot: QtBot) -> None:
    problems = {
        "next_inspection_due": "下次检验日期早于上次检验日期 / next inspection before last",
        "equipment_code": "设备代码已登记 / this equipment code is already registered",
        "unit_id": "设备必须属于一个使用单位 / equipment needs a using unit",
    }

    def refuse(_equipment: Equipment) -> str:
        raise ValidationError(problems)

    dialog = EquipmentDialog("unit-7", "某单位", refuse, today=TODAY)
    shown(qtbot, dialog)
    dialog.catalogue_code.setCurrentIndex(dialog.catalogue_code.findData("3110"))
    dialog.equipment_code.setText(DEVICE_CODE)
    dialog.last_inspection.set_value(dt.date(2024, 3, 1))
    dialog.next_due.set_value(dt.date(2023, 3, 1))
    press_ok(qtbot, dialog, dialog.buttons)
    assert dialog.isVisible() and dialog.equipment_id is None
    assert dialog.field_error("next_inspection_due") == "下次检验日期早于上次检验日期"
    assert "next inspection before last" in dialog._errors["next_inspection_due"].toolTip()
    assert dialog.field_error("equipment_code") == "设备代码已登记"
    assert dialog.field_error("catalogue_code") == ""
    assert dialog.problems.text() == "设备必须属于一个使用单位"
    assert dialog.focusWidget() is dialog.equipment_code
    assert dialog.equipment_code.text() == DEVICE_CODE
    assert dialog.next_due.value() == dt.date(2023, 3, 1)


@pytest.mark.usefixtures("zh")
def test_a_missing_type_is_reported_by_validation(qtbot: QtBot) -> None:
    save = FakeSave()
    dialog = equipment_dialog(qtbot, save)
    press_ok(qtbot, dialog, dialog.buttons)
    assert save.saved == [] and dialog.isVisible()
    assert dialog.field_error("catalogue_code").startswith("目录代码")
    assert dialog.focusWidget() is dialog.catalogue_code


@pytest.mark.usefixtures("en")
def test_equipment_labels_follow_the_language(qtbot: QtBot) -> None:
    dialog = equipment_dialog(qtbot, FakeSave())
    labels = [dialog.status.itemText(i) for i in range(dialog.status.count())]
    assert labels == [s.label("en") for s in EquipmentStatus]
    assert dialog.catalogue_code.findText("3110 Traction passenger elevators") >= 0
    assert dialog.height() <= 768 - 80
