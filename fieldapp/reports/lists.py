"""The supervisor's five lists — inspections, notices, findings, units, devices — one page
at a time (LIMIT/OFFSET in a fixed order that an index provides, and a separate count), or
streamed row by row for an export.

Read-only SQL lives here (the store stays the only place that writes). ``list_sql`` and
``count_sql`` give the exact statements, so a benchmark can run them in bare ``sqlite3``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlite_utils import Database

from fieldapp.domain.catalogue import catalogue, districts
from fieldapp.domain.models import CheckType, EquipmentStatus, InspectionState, Measure, Severity
from fieldapp.reports import search
from fieldapp.reports.filters import (
    OPEN_NOTICE_STATES,
    Filters,
    ListKind,
    Where,
    area_prefix,
    check_status,
    class_prefix,
    status_label,
)
from fieldapp.store.registry import OVERDUE_SQL

__all__ = [
    "Column",
    "DeviceItem",
    "FindingItem",
    "InspectionItem",
    "NoticeItem",
    "UnitItem",
    "area_name",
    "cell_text",
    "columns",
    "count_rows",
    "count_sql",
    "fetch_rows",
    "iter_rows",
    "list_sql",
]

_OPEN = "('issued', 'awaiting_reinspection')"


@dataclass(frozen=True)
class Column:
    """One column of a list: ``key`` is the row's attribute; headers in both languages."""

    key: str
    zh: str
    en: str
    width: int = 12  # characters, for a spreadsheet or a table view

    def header(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


# --- rows -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class InspectionItem:
    id: str
    started_at: str
    unit_id: str
    unit_name: str
    district_code: str
    district_name: str
    check_type: str
    check_type_label: str
    state: str
    state_label: str
    officers: str
    devices: int
    findings: int
    serious: int
    notice_numbers: str
    locked: bool


@dataclass(frozen=True)
class NoticeItem:
    id: str
    number: str
    kind: str
    kind_label: str
    inspection_id: str
    unit_id: str
    unit_name: str
    district_name: str
    officer_name: str
    issued_on: dt.date
    deadline: dt.date | None
    days_left: int | None
    overdue: bool
    state: str
    state_label: str
    findings: int
    held_devices: int
    pdf_sha256: str | None


@dataclass(frozen=True)
class FindingItem:
    id: str
    inspection_id: str
    unit_id: str
    unit_name: str
    district_name: str
    started_on: dt.date
    item_id: str
    text: str
    severity_label: str
    measure: str
    measure_label: str
    deadline: dt.date | None
    device: str
    equipment_class: str
    notice_number: str
    outcome: str
    outcome_label: str


@dataclass(frozen=True)
class UnitItem:
    id: str
    name: str
    credit_code: str
    address: str
    district_code: str
    district_name: str
    is_key_unit: bool
    key_unit_kind: str
    devices: int
    overdue_devices: int
    inspections: int
    last_inspected: dt.date | None
    open_notices: int


@dataclass(frozen=True)
class DeviceItem:
    id: str
    unit_id: str
    unit_name: str
    district_name: str
    catalogue_code: str
    class_name: str
    equipment_code: str
    registration_number: str
    location: str
    status: str
    status_label: str
    next_inspection_due: dt.date | None
    days_overdue: int | None
    held_by_notice: str


Row = InspectionItem | NoticeItem | FindingItem | UnitItem | DeviceItem

# --- shared helpers -------------------------------------------------------------------------

NOTICE_KINDS = {
    "order": ("指令书", "Order"),
    "seal": ("查封", "Seal"),
    "seize": ("扣押", "Seizure"),
}
OUTCOMES = {
    "open": ("整改中", "Open"),
    "rectified": ("已整改", "Rectified"),
    "escalated": ("已移交/立案", "Escalated"),
    "dropped": ("未列入指令书", "Dropped"),
    "": ("", ""),
}
CHINA = dt.timezone(dt.timedelta(hours=8))


@cache
def area_name(code: str) -> str:
    """``长春市南关区`` for 220102, ``长春市`` for 220100; the code itself if unknown."""
    table = districts()
    district = table.get(code)
    if district is None:
        return code
    parent = table.get(district.parent or "")
    if parent is not None and parent.parent is not None:
        return parent.name_zh + district.name_zh
    return district.name_zh


@cache
def _class_name(code: str) -> str:
    entry = catalogue().get(code)
    return entry.name_zh if entry else code


def local_date(stamp: str) -> dt.date:
    """The date (China time) of a stored time: UTC with an offset, or local without."""
    moment = dt.datetime.fromisoformat(stamp)
    if moment.tzinfo is not None:
        moment = moment.astimezone(CHINA)
    return moment.date()


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _device_label(internal: str | None, location: str | None, code: str | None) -> str:
    if code is None:
        return "单位"
    name = internal or location or ""
    kind = _class_name(code)
    return f"{name}（{kind}）" if name else kind


def cell_text(value: object, lang: str = "zh") -> str:
    """How a row value is shown in a table and written to a CSV file."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def common_where(where: Where, filters: Filters, district: str, unit: str) -> None:
    if filters.area:
        where.code_range(district, "area", area_prefix(filters.area))
    if filters.unit_id:
        where.add(f"{unit} = :unit_id", unit_id=filters.unit_id)
    if filters.key_units_only:
        where.add("u.is_key_unit = 1")


# --- inspections ----------------------------------------------------------------------------


def _checked_class(column: str, prefix: str) -> str:
    """Whether the inspection ``column`` checked a device whose code starts with ``prefix``:
    probed per inspection for a whole 种类 (most inspections match), else looked up from the
    few inspections that match."""
    if len(prefix) == 1:
        return (
            f"EXISTS (SELECT 1 FROM inspection_classes c WHERE c.inspection_id = {column}"
            " AND c.catalogue_code >= :class_lo AND c.catalogue_code < :class_hi)"
        )
    return (
        f"{column} IN (SELECT inspection_id FROM inspection_classes"
        " WHERE catalogue_code >= :class_lo AND catalogue_code < :class_hi)"
    )


def _inspection_where(
    filters: Filters,
    today: dt.date,
    matches: search.TextMatches | None = None,
    walk: bool = False,
) -> Where:
    where = Where(today)
    common_where(where, filters, "u.district_code", "i.unit_id")
    if filters.equipment_class:
        prefix = class_prefix(filters.equipment_class)
        where.add(_checked_class("i.id", prefix), class_lo=prefix, class_hi=prefix + "~")
    if filters.officer_id:
        where.add(
            "i.id IN (SELECT inspection_id FROM inspection_officers WHERE officer_id = :officer)",
            officer=filters.officer_id,
        )
    where.date_range("i.started_at", filters)
    if filters.status == "overdue":
        where.add(
            "i.id IN (SELECT inspection_id FROM notices"
            f" WHERE state IN {_OPEN} AND deadline < :today)"
        )
    elif filters.status:
        where.add("i.state = :state", state=filters.status)
    if filters.measure:
        where.add(f"i.id IN ({_WITH_MEASURE})", measure=filters.measure)
    for n, word in enumerate(search.words(filters.text)):
        term, params = search.inspection_predicate(word, n, "i.id", "i.unit_id", matches=matches)
        where.add(term, **params)
    return where


_INSPECTION_SELECT = """
SELECT i.id, i.started_at, i.unit_id, u.name, u.district_code, i.check_type, i.state,
  (SELECT group_concat(o.name, '、') FROM inspection_officers io
     JOIN officers o ON o.id = io.officer_id WHERE io.inspection_id = i.id),
  (SELECT COUNT(*) FROM inspection_runs r WHERE r.inspection_id = i.id
     AND r.equipment_id IS NOT NULL),
  (SELECT COUNT(*) FROM findings f WHERE f.inspection_id = i.id AND f.dropped = 0),
  (SELECT COUNT(*) FROM findings f WHERE f.inspection_id = i.id AND f.dropped = 0
     AND f.severity = 'serious'),
  (SELECT group_concat(x.number, '；') FROM notices x WHERE x.inspection_id = i.id),
  i.locked"""


def _inspection_row(row: Any, today: dt.date) -> InspectionItem:
    (
        id_,
        started,
        unit_id,
        name,
        district,
        check_type,
        state,
        officers,
        devices,
        findings,
        serious,
        notices,
        locked,
    ) = row
    return InspectionItem(
        id_,
        started,
        unit_id,
        name,
        district,
        area_name(district),
        check_type,
        CheckType.from_code(check_type).zh,
        state,
        InspectionState.from_code(state).zh,
        officers or "",
        devices,
        findings,
        serious,
        notices or "",
        bool(locked),
    )


# --- notices ---------------------------------------------------------------------------------


def _notice_where(
    filters: Filters,
    today: dt.date,
    matches: search.TextMatches | None = None,
    walk: bool = False,
) -> Where:
    where = Where(today)
    common_where(where, filters, "u.district_code", "x.unit_id")
    if filters.equipment_class:
        prefix = class_prefix(filters.equipment_class)
        where.add(_checked_class("x.inspection_id", prefix), class_lo=prefix, class_hi=prefix + "~")
    if filters.officer_id:
        where.add("i.created_by = :officer", officer=filters.officer_id)
    where.date_range("x.issued_at", filters)
    if filters.status == "open":
        where.add(f"x.state IN {_OPEN}")
    elif filters.status == "overdue":
        where.add(f"x.state IN {_OPEN} AND x.deadline < :today")
    elif filters.status:
        where.add("x.state = :state", state=filters.status)
    if filters.measure:
        where.add(f"x.inspection_id IN ({_WITH_MEASURE})", measure=filters.measure)
    few = filters.status not in ("", "closed")  # most notices are closed; the others few
    for n, word in enumerate(search.words(filters.text)):
        term, params = search.inspection_predicate(
            word, n, "x.inspection_id", "x.unit_id", ("finding",), matches, row_by_row=few
        )
        where.add(term, **params)
    return where


_NOTICE_SELECT = """
SELECT x.id, x.number, x.kind, x.inspection_id, x.unit_id, u.name, u.district_code, o.name,
  x.issued_at, x.deadline, x.state,
  (SELECT COUNT(*) FROM findings f WHERE f.inspection_id = x.inspection_id AND f.dropped = 0
     AND (x.kind = 'order' OR f.measure = x.kind)),
  (SELECT COUNT(*) FROM equipment e WHERE e.held_by_notice = x.id),
  x.pdf_sha256"""


def _notice_row(row: Any, today: dt.date) -> NoticeItem:
    (
        id_,
        number,
        kind,
        inspection_id,
        unit_id,
        name,
        district,
        officer,
        issued,
        deadline_text,
        state,
        findings,
        held,
        pdf,
    ) = row
    deadline = _date(deadline_text)
    is_open = state in OPEN_NOTICE_STATES
    days_left = (deadline - today).days if deadline and is_open else None
    return NoticeItem(
        id_,
        number,
        kind,
        NOTICE_KINDS.get(kind, (kind, kind))[0],
        inspection_id,
        unit_id,
        name,
        area_name(district),
        officer or "",
        local_date(issued),
        deadline,
        days_left,
        days_left is not None and days_left < 0,
        state,
        status_label(ListKind.NOTICES, state),
        findings,
        held,
        pdf,
    )


# --- findings --------------------------------------------------------------------------------

_ORDER_STATE = (
    "(SELECT x.state FROM notices x WHERE x.inspection_id = f.inspection_id AND x.kind = 'order')"
)
_WITH_MEASURE = "SELECT inspection_id FROM findings WHERE measure = :measure AND dropped = 0"
_ORDERS_IN = "SELECT inspection_id FROM notices WHERE kind = 'order' AND state"


def _finding_where(
    filters: Filters,
    today: dt.date,
    matches: search.TextMatches | None = None,
    walk: bool = False,
) -> Where:
    """``walk``: the rows are found by walking the inspections in their order, so a unit is
    tested on the inspection before its findings are read, and a word is looked up for each
    finding walked rather than by collecting every finding it is in."""
    where = Where(today)
    if walk and (filters.area or filters.key_units_only):
        units = Where(today)
        common_where(units, filters.replace(unit_id=""), "u.district_code", "u.id")
        where.add(f"i.unit_id IN (SELECT u.id FROM units u WHERE {units.sql()})", **units.params)
        common_where(where, Filters(unit_id=filters.unit_id), "", "f.unit_id")
    else:
        common_where(where, filters, "u.district_code", "f.unit_id")
    # With an area, dates, a unit or an officer the list is already narrow: then a class
    # (most devices are lifts) and a common word are tested row by row ("+" keeps SQLite from
    # starting at their big sets)
    narrow = bool(
        filters.area
        or filters.date_from
        or filters.date_to
        or filters.unit_id
        or filters.officer_id
    )
    if filters.equipment_class:
        prefix = class_prefix(filters.equipment_class)
        where.add(
            f"{'+' if narrow else ''}f.equipment_id IN (SELECT id FROM equipment"
            " WHERE catalogue_code >= :class_lo AND catalogue_code < :class_hi)",
            class_lo=prefix,
            class_hi=prefix + "~",
        )
    if filters.officer_id:
        where.add(
            "f.inspection_id IN (SELECT inspection_id FROM inspection_officers"
            " WHERE officer_id = :officer)",
            officer=filters.officer_id,
        )
    where.date_range("i.started_at", filters)
    dated = filters.date_from or filters.date_to
    if (filters.area or filters.key_units_only) and dated and not walk:
        # the units' inspections of those dates are fewer than the units' findings: saying
        # so lets SQLite go from the units to their inspections (by unit and date) first
        where.add("i.unit_id = u.id")
    if filters.status == "dropped":
        where.add("f.dropped = 1")
    elif filters.status == "open":
        where.add(f"f.dropped = 0 AND f.inspection_id IN ({_ORDERS_IN} IN {_OPEN})")
    elif filters.status == "rectified":
        where.add(f"f.dropped = 0 AND f.inspection_id IN ({_ORDERS_IN} = 'closed')")
    elif filters.status == "escalated":
        where.add(f"f.dropped = 0 AND f.inspection_id IN ({_ORDERS_IN} = 'escalated')")
    if filters.measure:
        where.add("f.measure = :measure", measure=filters.measure)
    for n, word in enumerate(search.words(filters.text)):
        term, params = search.finding_predicate(
            word, n, matches, row_by_row=narrow or walk, unit="i.unit_id" if walk else "f.unit_id"
        )
        where.add(term, **params)
    return where


_FINDING_SELECT = f"""
SELECT f.id, f.inspection_id, f.unit_id, u.name, u.district_code, i.started_at, f.item_id,
  f.text, f.severity, f.measure, f.deadline, e.internal_number, e.location, e.catalogue_code,
  (SELECT x.number FROM notices x WHERE x.inspection_id = f.inspection_id AND x.kind = 'order'),
  {_ORDER_STATE}, f.dropped"""


def _finding_row(row: Any, today: dt.date) -> FindingItem:
    (
        id_,
        inspection_id,
        unit_id,
        name,
        district,
        started,
        item_id,
        text,
        severity,
        measure,
        deadline,
        internal,
        location,
        code,
        number,
        notice_state,
        dropped,
    ) = row
    outcome = ""
    if dropped:
        outcome = "dropped"
    elif notice_state in OPEN_NOTICE_STATES:
        outcome = "open"
    elif notice_state == "closed":
        outcome = "rectified"
    elif notice_state == "escalated":
        outcome = "escalated"
    return FindingItem(
        id_,
        inspection_id,
        unit_id,
        name,
        area_name(district),
        local_date(started),
        item_id or "",
        text,
        Severity.from_code(severity).zh,
        measure,
        Measure.from_code(measure).zh,
        _date(deadline),
        _device_label(internal, location, code),
        code[0] + "000" if code else "",
        number or "",
        outcome,
        OUTCOMES[outcome][0],
    )


# --- units -----------------------------------------------------------------------------------


def _unit_where(
    filters: Filters,
    today: dt.date,
    matches: search.TextMatches | None = None,
    walk: bool = False,
) -> Where:
    where = Where(today)
    common_where(where, filters, "u.district_code", "u.id")
    if filters.equipment_class:
        prefix = class_prefix(filters.equipment_class)
        where.add(
            "u.id IN (SELECT unit_id FROM equipment"
            " WHERE catalogue_code >= :class_lo AND catalogue_code < :class_hi)",
            class_lo=prefix,
            class_hi=prefix + "~",
        )
    if filters.officer_id:
        where.add(
            "u.id IN (SELECT i.unit_id FROM inspection_officers io JOIN inspections i"
            " ON i.id = io.inspection_id WHERE io.officer_id = :officer)",
            officer=filters.officer_id,
        )
    inspected = Where(today)
    inspected.date_range("i.started_at", filters)
    inspected.add("i.state != 'draft'")
    inspections_of = f"SELECT 1 FROM inspections i WHERE i.unit_id = {{}} AND {inspected.sql()}"
    if filters.status == "not_inspected":
        # asked unit by unit (one range of the index by unit and date each), and the few
        # units found collected before they are sorted, not looked for along the whole list
        where.add(
            "u.rowid IN (SELECT n.rowid FROM units n"
            f" WHERE NOT EXISTS ({inspections_of.format('n.id')}))",
            **inspected.params,
        )
    elif filters.date_from or filters.date_to:  # the inspections of those dates are fewer
        where.add(
            f"u.id IN (SELECT i.unit_id FROM inspections i WHERE {inspected.sql()})",
            **inspected.params,
        )
    elif filters.status == "inspected":  # most units: asked for each one the list walks
        where.add(f"EXISTS ({inspections_of.format('u.id')})", **inspected.params)
    for n, word in enumerate(search.words(filters.text)):
        units, params = search.matching_units(word, n)
        where.add(f"u.id IN ({units})", **params)
    return where


_UNIT_SELECT = f"""
SELECT u.id, u.name, u.credit_code, u.address, u.district_code, u.is_key_unit, u.key_unit_kind,
  (SELECT COUNT(*) FROM equipment e WHERE e.unit_id = u.id),
  (SELECT COUNT(*) FROM equipment e WHERE e.unit_id = u.id AND {OVERDUE_SQL}),
  (SELECT COUNT(*) FROM inspections i WHERE i.unit_id = u.id),
  (SELECT MAX(i.started_at) FROM inspections i WHERE i.unit_id = u.id),
  (SELECT COUNT(*) FROM notices x WHERE x.unit_id = u.id AND x.state IN {_OPEN})"""


def _unit_row(row: Any, today: dt.date) -> UnitItem:
    (
        id_,
        name,
        credit,
        address,
        district,
        is_key,
        key_kind,
        devices,
        overdue,
        inspections,
        last,
        open_notices,
    ) = row
    return UnitItem(
        id_,
        name,
        credit,
        address,
        district,
        area_name(district),
        bool(is_key),
        key_kind,
        devices,
        overdue,
        inspections,
        local_date(last) if last else None,
        open_notices,
    )


# --- devices ---------------------------------------------------------------------------------


def _device_where(
    filters: Filters,
    today: dt.date,
    matches: search.TextMatches | None = None,
    walk: bool = False,
) -> Where:
    where = Where(today)
    common_where(where, filters, "u.district_code", "e.unit_id")
    if filters.equipment_class:
        where.code_range("e.catalogue_code", "class", class_prefix(filters.equipment_class))
    where.date_range("e.next_inspection_due", filters)
    if filters.status == "overdue":
        where.add(OVERDUE_SQL)
    elif filters.status == "held":
        where.add("e.held_by_notice IS NOT NULL")
    elif filters.status:
        where.add("e.status = :status", status=filters.status)
    for n, word in enumerate(search.words(filters.text)):
        units, params = search.matching_units(word, n)
        if word.isascii() and word.isalnum():  # may also be part of a 设备代码
            matching = f"SELECT id FROM equipment WHERE unit_id IN ({units})"
            matching += f" UNION SELECT id FROM equipment WHERE equipment_code LIKE :code{n}"
            params[f"code{n}"] = search.like_pattern(word.upper())
            where.add(f"e.id IN ({matching})", **params)
        else:  # only in unit names: start from those units
            where.add(f"e.unit_id IN ({units})", **params)
    return where


_DEVICE_SELECT = """
SELECT e.id, e.unit_id, u.name, u.district_code, e.catalogue_code, e.equipment_code,
  e.usage_registration_number, e.location, e.internal_number, e.status, e.next_inspection_due,
  e.inspection_postponed_until, (SELECT x.number FROM notices x WHERE x.id = e.held_by_notice)"""


def _device_row(row: Any, today: dt.date) -> DeviceItem:
    (
        id_,
        unit_id,
        name,
        district,
        code,
        equipment_code,
        registration,
        location,
        internal,
        status,
        due_text,
        postponed_text,
        held,
    ) = row
    due = _date(due_text)
    postponed = _date(postponed_text)
    overdue = (
        status == "in_use"
        and due is not None
        and due < today
        and (postponed is None or postponed < today)
    )
    entry = catalogue().get(code)
    kind = entry.name_zh if entry else code
    return DeviceItem(
        id_,
        unit_id,
        name,
        area_name(district),
        code,
        kind,
        equipment_code,
        registration,
        " ".join(filter(None, [internal, location])),
        status,
        EquipmentStatus.from_code(status).zh,
        due,
        (today - due).days if overdue and due else None,
        held or "",
    )


# --- the lists -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Spec:
    columns: tuple[Column, ...]
    select: str
    base: str  # the table the list is of, with its alias: "inspections i"
    joins: tuple[tuple[str, str, str], ...]  # (alias, JOIN clause, alias it needs or "")
    order: str
    where: Callable[[Filters, dt.date, search.TextMatches | None, bool], Where]
    row: Callable[[Any, dt.date], Row]
    # the same FROM, in the order of ORDER BY's table first, joined with CROSS JOIN so that
    # SQLite walks that table's index in order and stops once a page is full
    ordered_base: str = ""
    ordered_joins: tuple[tuple[str, str, str], ...] = ()

    @property
    def alias(self) -> str:
        return self.base.split()[1]

    def source(self, sql: str | None = None, ordered: bool = False) -> str:
        """FROM with every join, or (given the SQL that will use it) only those it needs."""
        base, joins = (
            (self.ordered_base, self.ordered_joins) if ordered else (self.base, self.joins)
        )
        wanted = {a for a, _, _ in joins} if sql is None else set(_ALIAS.findall(sql))
        for alias, _, needs in joins:
            if alias in wanted and needs:
                wanted.add(needs)
        joined = " ".join(join for alias, join, _ in joins if alias in wanted)
        return f"FROM {base} {joined}".rstrip()


_ALIAS = re.compile(r"(?<![\w.])([a-z])\.")
#: "alias.column IN (…)" at the top of a WHERE clause: a set that could drive the query
_DRIVING = re.compile(r"(?<![\w.+])[a-z]\.(?:id|inspection_id|unit_id|equipment_id) (?:NOT )?IN \(")


_SPECS: dict[ListKind, _Spec] = {
    ListKind.INSPECTIONS: _Spec(
        (
            Column("started_at", "检查时间", "Started", 18),
            Column("unit_name", "被检查单位", "Unit", 30),
            Column("district_name", "所在地区", "Area", 14),
            Column("check_type_label", "检查类别", "Check type", 10),
            Column("officers", "检查人员", "Officers", 14),
            Column("devices", "抽查设备", "Devices", 8),
            Column("findings", "问题数", "Findings", 8),
            Column("serious", "严重隐患", "Serious", 8),
            Column("state_label", "状态", "State", 12),
            Column("notice_numbers", "指令书编号", "Notices", 30),
        ),
        _INSPECTION_SELECT,
        "inspections i",
        (("u", "JOIN units u ON u.id = i.unit_id", ""),),
        "ORDER BY i.started_at DESC, i.rowid DESC",
        _inspection_where,
        _inspection_row,
        "inspections i",
        (("u", "CROSS JOIN units u ON u.id = i.unit_id", ""),),
    ),
    ListKind.NOTICES: _Spec(
        (
            Column("number", "编号", "Number", 30),
            Column("kind_label", "文书", "Kind", 8),
            Column("unit_name", "被检查单位", "Unit", 30),
            Column("district_name", "所在地区", "Area", 14),
            Column("officer_name", "下达人", "Officer", 10),
            Column("issued_on", "下达日期", "Issued", 11),
            Column("deadline", "整改期限", "Deadline", 11),
            Column("days_left", "剩余天数", "Days left", 8),
            Column("state_label", "状态", "State", 12),
            Column("findings", "问题数", "Findings", 8),
            Column("held_devices", "停用/查封设备", "Devices held", 8),
        ),
        _NOTICE_SELECT,
        "notices x",
        (
            ("i", "JOIN inspections i ON i.id = x.inspection_id", ""),
            ("u", "JOIN units u ON u.id = x.unit_id", ""),
            ("o", "LEFT JOIN officers o ON o.id = i.created_by", "i"),
        ),
        "ORDER BY x.issued_at DESC, x.rowid DESC",
        _notice_where,
        _notice_row,
        "notices x",
        (
            ("i", "CROSS JOIN inspections i ON i.id = x.inspection_id", ""),
            ("u", "CROSS JOIN units u ON u.id = x.unit_id", ""),
        ),
    ),
    ListKind.FINDINGS: _Spec(
        (
            Column("started_on", "检查日期", "Date", 11),
            Column("unit_name", "被检查单位", "Unit", 30),
            Column("district_name", "所在地区", "Area", 14),
            Column("device", "设备", "Device", 20),
            Column("item_id", "检查项", "Item", 10),
            Column("text", "问题", "Finding", 40),
            Column("severity_label", "隐患等级", "Severity", 12),
            Column("measure_label", "措施", "Measure", 14),
            Column("deadline", "整改期限", "Deadline", 11),
            Column("notice_number", "指令书编号", "Notice", 30),
            Column("outcome_label", "整改情况", "Outcome", 10),
        ),
        _FINDING_SELECT,
        "findings f",
        (
            ("i", "JOIN inspections i ON i.id = f.inspection_id", ""),
            ("u", "JOIN units u ON u.id = f.unit_id", ""),
            ("e", "LEFT JOIN equipment e ON e.id = f.equipment_id", ""),
        ),
        "ORDER BY i.started_at DESC, i.rowid DESC, f.position",
        _finding_where,
        _finding_row,
        "inspections i CROSS JOIN findings f ON f.inspection_id = i.id",
        (
            ("u", "CROSS JOIN units u ON u.id = f.unit_id", ""),
            ("e", "LEFT JOIN equipment e ON e.id = f.equipment_id", ""),
        ),
    ),
    ListKind.UNITS: _Spec(
        (
            Column("name", "单位名称", "Unit", 30),
            Column("credit_code", "统一社会信用代码", "Credit code", 20),
            Column("district_name", "所在地区", "Area", 14),
            Column("address", "地址", "Address", 36),
            Column("is_key_unit", "重点单位", "Key unit", 8),
            Column("key_unit_kind", "重点单位类别", "Key unit kind", 10),
            Column("devices", "设备数", "Devices", 8),
            Column("overdue_devices", "超期未检", "Overdue", 8),
            Column("inspections", "检查次数", "Inspections", 8),
            Column("last_inspected", "最近检查", "Last inspected", 11),
            Column("open_notices", "未结指令书", "Open notices", 8),
        ),
        _UNIT_SELECT,
        "units u",
        (),
        "ORDER BY u.name, u.rowid",
        _unit_where,
        _unit_row,
    ),
    ListKind.DEVICES: _Spec(
        (
            Column("unit_name", "使用单位", "Unit", 30),
            Column("district_name", "所在地区", "Area", 14),
            Column("class_name", "设备品种", "Kind", 16),
            Column("equipment_code", "设备代码", "Equipment code", 22),
            Column("registration_number", "使用登记证编号", "Registration", 18),
            Column("location", "编号/位置", "Number / location", 20),
            Column("status_label", "状态", "Status", 8),
            Column("next_inspection_due", "下次检验日期", "Next inspection", 11),
            Column("days_overdue", "超期天数", "Days overdue", 8),
            Column("held_by_notice", "停用/查封依据", "Held by", 30),
        ),
        _DEVICE_SELECT,
        "equipment e",
        (("u", "JOIN units u ON u.id = e.unit_id", ""),),
        "ORDER BY e.next_inspection_due, e.rowid",
        _device_where,
        _device_row,
    ),
}


def columns(kind: ListKind) -> tuple[Column, ...]:
    """The columns of a list, in the order they are shown and exported."""
    return _SPECS[ListKind(kind)].columns


def _where(
    kind: ListKind,
    filters: Filters,
    today: dt.date,
    matches: search.TextMatches | None = None,
    walk: bool = False,
) -> Where:
    check_status(kind, filters)
    return _SPECS[kind].where(filters, today, matches, walk)


def list_sql(
    kind: ListKind,
    filters: Filters,
    today: dt.date | None = None,
    offset: int | None = 0,
    limit: int | None = 200,
    ordered: bool = False,
    matches: search.TextMatches | None = None,
) -> tuple[str, dict[str, Any]]:
    """The statement (and parameters) for rows of a list; no LIMIT when ``limit`` is None.

    A page first picks its rows by the filters and the order alone (through the indexes),
    then reads the shown columns of just those rows. ``ordered`` picks them by walking the
    list's order and testing each row (best when many rows match); otherwise SQLite starts
    from the most selective filter. Raises BadFilter for a malformed filter.
    """
    kind = ListKind(kind)
    spec = _SPECS[kind]
    walk = ordered and limit is not None and bool(spec.ordered_base)
    where = _where(kind, filters, today or dt.date.today(), matches, walk)
    clause = where.sql()
    params = dict(where.params)
    if limit is None:
        return f"{spec.select}\n{spec.source()}\nWHERE {clause}\n{spec.order}", params
    key = f"{spec.alias}.rowid"
    source = spec.source(clause + spec.order)
    if walk:
        source = spec.source(clause + spec.order, ordered=True)
        clause = _DRIVING.sub(lambda m: "+" + m.group(0), clause)
    picked = f"SELECT {key} {source} WHERE {clause} {spec.order} LIMIT :limit OFFSET :offset"
    params.update(limit=limit, offset=offset or 0)
    return f"{spec.select}\n{spec.source()}\nWHERE {key} IN ({picked})\n{spec.order}", params


def count_sql(
    kind: ListKind,
    filters: Filters,
    today: dt.date | None = None,
    matches: search.TextMatches | None = None,
) -> tuple[str, dict[str, Any]]:
    """The statement counting the rows of a list. Raises BadFilter."""
    kind = ListKind(kind)
    spec = _SPECS[kind]
    where = _where(kind, filters, today or dt.date.today(), matches)
    if kind is ListKind.FINDINGS and (counted := _counted_in_index(filters, matches)):
        return counted
    clause = where.sql()
    return f"SELECT COUNT(*) {spec.source(clause)} WHERE {clause}", where.params


def _counted_in_index(
    filters: Filters, matches: search.TextMatches | None
) -> tuple[str, dict[str, Any]] | None:
    """When the findings are filtered by one searched word alone, found in finding texts and
    in no unit's name, their number is that of the search documents of findings holding it
    (every finding has exactly one, kept by triggers): no finding needs to be looked up."""
    found = search.words(filters.text)
    if len(found) != 1 or filters != Filters(text=filters.text) or matches is None:
        return None
    present = matches.get(found[0], frozenset())
    if "finding" not in present or "unit" in present:
        return None
    texts, params = search.matching_texts(found[0])
    return (
        f"SELECT COUNT(*) FROM search_docs WHERE kind = 'finding' AND text_id IN ({texts})",
        params,
    )


def _matches(db: Database, kind: ListKind, filters: Filters) -> search.TextMatches | None:
    """Which kinds of record hold each searched word (None when nothing is searched, or on
    the units and devices, which only look in unit names)."""
    if kind in (ListKind.UNITS, ListKind.DEVICES) or not search.words(filters.text):
        return None
    return search.text_matches(db, filters.text)


def count_rows(db: Database, kind: ListKind, filters: Filters, today: dt.date | None = None) -> int:
    """How many rows the list has with these filters. Raises BadFilter."""
    sql, params = count_sql(kind, filters, today, _matches(db, ListKind(kind), filters))
    return int(db.execute(sql, params).fetchone()[0])


def fetch_rows(
    db: Database,
    kind: ListKind,
    filters: Filters,
    offset: int = 0,
    limit: int = 200,
    today: dt.date | None = None,
) -> list[Any]:
    """One page of a list, in its fixed order. Raises BadFilter."""
    today = today or dt.date.today()
    kind = ListKind(kind)
    ordered = _walk_by_filters(kind, filters)
    matches: search.TextMatches | None = None
    if ordered is None:  # it depends on how much the words and the class match
        uses = search.word_uses(db, filters.text)  # also says where each word is
        ordered = _walk_by_share(db, kind, uses, filters.equipment_class, offset, limit)
        matches = {
            word: frozenset(k for k, n in counts.items() if n) for word, counts in uses.items()
        }
    elif search.words(filters.text):
        matches = _matches(db, kind, filters)
    sql, params = list_sql(kind, filters, today, offset, limit, ordered, matches)
    make = _SPECS[kind].row
    return [make(row, today) for row in db.execute(sql, params).fetchall()]


_COLLECT_COST = 3  # measured on the province demo: collecting and sorting a row ≈ 3 walked

_TABLES = {
    ListKind.INSPECTIONS: "inspections",
    ListKind.NOTICES: "notices",
    ListKind.FINDINGS: "findings",
}


def _walk_by_filters(kind: ListKind, filters: Filters) -> bool | None:
    """Whether walking the list in its order finds a page sooner than collecting every
    match and sorting them, when the filters alone say so; None when it depends on how
    many records the searched words and the class of equipment are in (``_walk_by_share``)."""
    if kind not in _TABLES:
        return False
    if filters.unit_id or filters.officer_id or filters.status:
        return False
    if filters.measure in ("stop_use", "seal", "seize"):
        return False
    if filters.area and len(area_prefix(filters.area)) >= 6:
        return False
    if not search.words(filters.text) and not filters.equipment_class:
        return True
    return None


def _walk_by_share(
    db: Database,
    kind: ListKind,
    uses: Mapping[str, Mapping[str, int]],
    equipment_class: str = "",
    offset: int = 0,
    limit: int = 200,
) -> bool:
    """Whether walking the list finds the page sooner than collecting. A walk tests about
    (offset + limit) / share rows, a collection sorts about share × rows, each row of which
    costs about ``_COLLECT_COST`` walked rows; share is the part of the list a search is
    likely to match (each word: the units using it over all units, plus the other records
    using it over the list's rows; a class of equipment: its devices over all devices; all
    of them together: the product). ``uses``: from ``search.word_uses``."""
    rows = db.execute(f"SELECT MAX(rowid) FROM {_TABLES[kind]}").fetchone()[0] or 1
    units = db.execute("SELECT MAX(rowid) FROM units").fetchone()[0] or 1
    share = 1.0
    for counts in uses.values():
        by_units = counts.get("unit", 0) / units
        others = sum(n for k, n in counts.items() if k != "unit")
        share *= min(1.0, by_units + others / rows)
    if equipment_class:
        prefix = class_prefix(equipment_class)
        devices = db.execute("SELECT MAX(rowid) FROM equipment").fetchone()[0] or 1
        of_class = db.execute(
            "SELECT COUNT(*) FROM equipment WHERE catalogue_code >= ? AND catalogue_code < ?",
            [prefix, prefix + "~"],
        ).fetchone()[0]
        share *= min(1.0, of_class / devices)
    return walk_pays(rows, share, offset, limit)


def walk_pays(rows: int, share: float, offset: int, limit: int) -> bool:
    """Whether walking ``rows`` in their order to the page at ``offset`` tests fewer rows
    than collecting the ``share`` of them that match and sorting them costs."""
    return share * share * rows * _COLLECT_COST >= offset + limit


def iter_rows(
    db: Database,
    kind: ListKind,
    filters: Filters,
    today: dt.date | None = None,
    batch: int = 2000,
) -> Iterator[Any]:
    """Every row of a list, read ``batch`` rows at a time (for exports). Raises BadFilter."""
    today = today or dt.date.today()
    sql, params = list_sql(
        kind, filters, today, limit=None, matches=_matches(db, ListKind(kind), filters)
    )
    make = _SPECS[ListKind(kind)].row
    cursor = db.execute(sql, params)
    while rows := cursor.fetchmany(batch):
        for row in rows:
            yield make(row, today)
