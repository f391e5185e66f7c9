"""The records of the domain as plain dataclasses (no I/O, no Qt).

Every record carries ``id`` (UUIDv7), ``rev`` (bumped on every change), ``updated_at`` and
``origin_device``. Enumerations keep the exact Chinese legal term beside an English gloss;
they are data, so the GUI shows ``label(lang)`` instead of translating them again.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass, field
from typing import Any, Self

from fieldapp.domain.catalogue import is_known_district, lookup_catalogue_code
from fieldapp.domain.codes import (
    check_usage_registration_number,
    parse_equipment_code,
    validate_credit_code,
)
from fieldapp.errors import ValidationError


class LabelledEnum(enum.Enum):
    """An enum member is (stable code, Chinese label, English label)."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        self.code = code
        self.zh = zh
        self.en = en

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en

    @classmethod
    def from_code(cls, code: str) -> Self:
        """The member with this stable code. Raises ValueError if there is none."""
        for member in cls:
            if member.code == code:
                return member
        raise ValueError(f"{code!r} is not a {cls.__name__} code")

    @classmethod
    def parse(cls, text: str) -> Self:
        """The member whose code, Chinese or English label is ``text``.

        Raises ValueError when none matches.
        """
        for member in cls:
            if text in (member.code, member.zh, member.en):
                return member
        raise ValueError(f"{text!r} is not a {cls.__name__}")


class Role(LabelledEnum):
    OFFICER = ("officer", "监察员", "Officer")
    SUPERVISOR = ("supervisor", "监管部门", "Supervisor")


class EquipmentStatus(LabelledEnum):
    IN_USE = ("in_use", "在用", "In use")
    OUT_OF_USE = ("out_of_use", "停用", "Out of use")
    SCRAPPED = ("scrapped", "报废", "Scrapped")
    SEALED = ("sealed", "查封", "Sealed")


class CheckType(LabelledEnum):
    ROUTINE = ("routine", "常规检查", "Routine")
    CAMPAIGN = ("campaign", "专项检查", "Campaign")
    POST_LICENCE = ("post_licence", "证后检查", "Post-licence")
    OTHER = ("other", "其他检查", "Other")


class InspectionState(LabelledEnum):
    DRAFT = ("draft", "草稿", "Draft")
    FINISHED = ("finished", "已完成", "Finished")
    NOTICE_ISSUED = ("notice_issued", "已下达指令书", "Notice issued")
    AWAITING_REINSPECTION = ("awaiting_reinspection", "待复查", "Awaiting re-inspection")
    CLOSED = ("closed", "已结案", "Closed")


class AnswerResult(LabelledEnum):
    PASS = ("pass", "符合", "Compliant")
    FAIL = ("fail", "不符合", "Non-compliant")
    NOT_APPLICABLE = ("na", "不适用", "Not applicable")


class Severity(LabelledEnum):
    GENERAL = ("general", "一般隐患", "General hazard")
    SERIOUS = ("serious", "严重事故隐患", "Serious accident hazard")


class Measure(LabelledEnum):
    RECTIFY = ("rectify", "责令限期改正", "Correct within a deadline")
    STOP_USE = ("stop_use", "责令立即停止使用", "Stop use immediately")
    SEAL = ("seal", "查封", "Seal")
    SEIZE = ("seize", "扣押", "Seize")


class UnitCategory(LabelledEnum):
    USER = ("user", "使用单位", "Using unit")
    MAINTENANCE = ("maintenance", "维保单位", "Maintenance unit")
    FILLING = ("filling", "充装单位", "Filling unit")
    PRODUCER = ("producer", "生产单位", "Producer")
    OTHER = ("other", "其他", "Other")


_PHONE = re.compile(r"^\+?[0-9][0-9\- ]{5,18}[0-9]$")
_DISTRICT = re.compile(r"^\d{6}$")


@dataclass(frozen=True, kw_only=True)
class Record:
    """What every stored record carries."""

    id: str
    rev: int = 1
    updated_at: str = ""
    origin_device: str = ""


@dataclass(frozen=True, kw_only=True)
class Officer(Record):
    name: str
    law_id: str  # 执法证号
    organisation: str = ""
    agency_code: str = ""  # 机关代字, used in notice numbers
    officer_code: str = ""  # short code unique per officer, used in notice numbers
    phone: str = ""
    is_self: bool = False  # the officer who owns this laptop's workspace


@dataclass(frozen=True, kw_only=True)
class Unit(Record):
    """A using unit (使用单位) or another unit the supervision deals with."""

    name: str
    credit_code: str  # 统一社会信用代码
    address: str = ""
    district_code: str = ""  # GB/T 2260
    legal_representative: str = ""
    safety_manager: str = ""
    safety_manager_phone: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    category: UnitCategory = UnitCategory.USER
    is_key_unit: bool = False  # 重点监督检查单位
    key_unit_kind: str = ""  # 学校 / 医院 / 商场 / …


@dataclass(frozen=True, kw_only=True)
class Equipment(Record):
    unit_id: str
    catalogue_code: str  # 2014 catalogue (older codes accepted with a warning)
    equipment_code: str = ""  # 设备代码 (18) or 注册代码 (20)
    usage_registration_number: str = ""  # 使用登记证编号
    product_name: str = ""
    model: str = ""
    manufacturer: str = ""
    serial_number: str = ""  # 产品编号
    internal_number: str = ""  # 单位内编号
    location: str = ""
    first_use_date: dt.date | None = None
    design_life_years: int | None = None
    maintenance_unit: str = ""
    maintenance_phone: str = ""
    last_inspection_date: dt.date | None = None
    last_inspection_conclusion: str = ""  # 合格 / 不合格 / 复检合格 …
    next_inspection_due: dt.date | None = None
    inspection_postponed_until: dt.date | None = None  # 延期检验
    status: EquipmentStatus = EquipmentStatus.IN_USE
    attributes: dict[str, Any] = field(default_factory=dict)  # rated speed, floors, …


def is_overdue(equipment: Equipment, today: dt.date) -> bool:
    """Whether periodic inspection is overdue (shared/domain.md §7).

    Overdue means: in use, today is after the next-due date, and no recorded
    postponement covers today.
    """
    if equipment.status is not EquipmentStatus.IN_USE or equipment.next_inspection_due is None:
        return False
    if today <= equipment.next_inspection_due:
        return False
    postponed = equipment.inspection_postponed_until
    return postponed is None or today > postponed


def validate_officer(officer: Officer) -> None:
    """Raises ValidationError naming every field that is wrong."""
    problems: dict[str, str] = {}
    if not officer.name.strip():
        problems["name"] = "姓名不能为空 / name is required"
    if not officer.law_id.strip():
        problems["law_id"] = "执法证号不能为空 / law-enforcement ID is required"
    if officer.phone and not _PHONE.match(officer.phone):
        problems["phone"] = f"电话号码格式不对：{officer.phone} / not a phone number"
    if problems:
        raise ValidationError(problems)


def validate_unit(unit: Unit) -> list[str]:
    """Check a unit; return warnings, raise ValidationError naming every bad field."""
    problems: dict[str, str] = {}
    warnings: list[str] = []
    if not unit.name.strip():
        problems["name"] = "单位名称不能为空 / unit name is required"
    try:
        validate_credit_code(unit.credit_code)
    except ValidationError as err:
        problems.update(err.problems)
    if unit.district_code:
        if not _DISTRICT.match(unit.district_code):
            problems["district_code"] = (
                f"行政区划代码应为6位数字，而不是“{unit.district_code}” / "
                "district code must be 6 digits (GB/T 2260)"
            )
        elif not is_known_district(unit.district_code):
            warnings.append(
                f"行政区划代码 {unit.district_code} 不在本地区划表中 / "
                "district code not in the local table"
            )
    for name in ("safety_manager_phone", "contact_phone"):
        value = getattr(unit, name)
        if value and not _PHONE.match(value):
            problems[name] = f"电话号码格式不对：{value} / not a phone number"
    if problems:
        raise ValidationError(problems)
    return warnings


def validate_equipment(equipment: Equipment, today: dt.date | None = None) -> list[str]:
    """Check a device; return warnings, raise ValidationError naming every bad field."""
    problems: dict[str, str] = {}
    warnings: list[str] = []
    if not equipment.unit_id:
        problems["unit_id"] = "设备必须属于一个使用单位 / equipment needs a using unit"
    try:
        check = lookup_catalogue_code(equipment.catalogue_code)
        if check.warning:
            warnings.append(check.warning)
    except ValidationError as err:
        problems.update(err.problems)
    if equipment.equipment_code:
        try:
            warnings.extend(parse_equipment_code(equipment.equipment_code, today=today).warnings)
        except ValidationError as err:
            problems.update(err.problems)
    if equipment.usage_registration_number:
        warnings.extend(check_usage_registration_number(equipment.usage_registration_number)[1])
    if equipment.design_life_years is not None and not 0 < equipment.design_life_years <= 100:
        problems["design_life_years"] = "设计使用年限应在1到100年之间 / design life out of range"
    if (
        equipment.last_inspection_date
        and equipment.next_inspection_due
        and equipment.next_inspection_due < equipment.last_inspection_date
    ):
        problems["next_inspection_due"] = (
            "下次检验日期早于上次检验日期 / next inspection is before the last one"
        )
    if equipment.maintenance_phone and not _PHONE.match(equipment.maintenance_phone):
        problems["maintenance_phone"] = (
            f"电话号码格式不对：{equipment.maintenance_phone} / not a phone number"
        )
    if problems:
        raise ValidationError(problems)
    return warnings


# --- Shapes that later capabilities fill in -------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Inspection(Record):
    unit_id: str
    check_type: CheckType
    task_source: str = ""
    state: InspectionState = InspectionState.DRAFT
    started_at: str = ""
    finished_at: str = ""
    officer_ids: tuple[str, ...] = ()
    equipment_ids: tuple[str, ...] = ()
    unit_representative: str = ""
    unit_representative_post: str = ""
    unit_representative_phone: str = ""
    unit_opinion: str = ""
    locked: bool = False


@dataclass(frozen=True, kw_only=True)
class Answer(Record):
    inspection_id: str
    subject_id: str  # the unit for unit-level checklists, else an equipment id
    checklist_id: str
    checklist_version: str
    item_id: str
    result: AnswerResult | None = None
    value: str = ""  # number, choice, text or date answers, as text
    note: str = ""
    answered_at: str = ""


@dataclass(frozen=True, kw_only=True)
class Finding(Record):
    inspection_id: str
    equipment_id: str | None
    item_id: str | None  # None for a free finding
    text: str
    severity: Severity = Severity.GENERAL
    measure: Measure = Measure.RECTIFY
    deadline: dt.date | None = None
    violated_article: str = ""
    penalty_article: str = ""


@dataclass(frozen=True, kw_only=True)
class Notice(Record):
    inspection_id: str
    number: str
    issued_at: str
    deadline: dt.date | None = None
    closed_at: str = ""


@dataclass(frozen=True)
class Attachment:
    """A file kept under ``attachments/``, addressed by the SHA-256 of its bytes."""

    sha256: str
    size: int
    media_type: str
    original_name: str = ""
    created_at: str = ""


@dataclass(frozen=True)
class AuditEntry:
    """One link of the append-only audit chain."""

    seq: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    detail: str  # canonical JSON
    prev_hash: str
    hash: str
