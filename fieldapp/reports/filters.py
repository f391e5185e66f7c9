"""What a supervisor narrows a list down by, and how each filter becomes SQL.

A ``Filters`` value is plain data (the GUI keeps one per view); ``Where`` turns it into the
WHERE clause of one list's query. Codes are compared as ranges (``code >= prefix AND code <
prefix || '~'``) so that the indexes on district and catalogue codes are used.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from fieldapp.domain.catalogue import catalogue, districts
from fieldapp.errors import ValidationError


class ListKind(StrEnum):
    INSPECTIONS = "inspections"
    NOTICES = "notices"
    FINDINGS = "findings"
    UNITS = "units"
    DEVICES = "devices"


class BadFilter(ValidationError):
    """A filter value is malformed (a code, a date range, a status)."""


MEASURES = ("rectify", "stop_use", "seal", "seize")

#: The status codes each list accepts, with their labels (Chinese, English).
STATUSES: dict[ListKind, dict[str, tuple[str, str]]] = {
    ListKind.INSPECTIONS: {
        "": ("全部", "All"),
        "finished": ("已完成", "Finished"),
        "notice_issued": ("已下达指令书", "Notice issued"),
        "awaiting_reinspection": ("待复查", "Awaiting re-inspection"),
        "closed": ("已结案", "Closed"),
        "draft": ("草稿", "Draft"),
        "overdue": ("整改逾期", "Overdue notice"),
    },
    ListKind.NOTICES: {
        "": ("全部", "All"),
        "open": ("未结案", "Open"),
        "overdue": ("逾期未整改", "Overdue"),
        "issued": ("已下达", "Issued"),
        "awaiting_reinspection": ("待复查", "Awaiting re-inspection"),
        "escalated": ("已移交/立案", "Escalated"),
        "closed": ("已结案", "Closed"),
    },
    ListKind.FINDINGS: {
        "": ("全部", "All"),
        "open": ("整改中", "Open"),
        "rectified": ("已整改", "Rectified"),
        "escalated": ("已移交/立案", "Escalated"),
        "dropped": ("未列入指令书", "Dropped"),
    },
    ListKind.UNITS: {
        "": ("全部", "All"),
        "inspected": ("已检查", "Inspected"),
        "not_inspected": ("未检查", "Not inspected"),
    },
    ListKind.DEVICES: {
        "": ("全部", "All"),
        "in_use": ("在用", "In use"),
        "out_of_use": ("停用", "Out of use"),
        "sealed": ("查封", "Sealed"),
        "scrapped": ("报废", "Scrapped"),
        "overdue": ("超期未检", "Overdue for inspection"),
        "held": ("停用/查封令执行中", "Held by a notice"),
    },
}
OPEN_NOTICE_STATES = ("issued", "awaiting_reinspection")
_AREA_RE = re.compile(r"[0-9]{1,6}")
_CLASS_RE = re.compile(r"[1-9F][0-9A-Z]{0,3}")


@dataclass(frozen=True)
class Filters:
    """The filters of one list view; empty values filter nothing. See API.md for what each
    means on each list."""

    area: str = ""  # GB/T 2260: 220000 province, 220100 city, 220102 district, or a prefix
    unit_id: str = ""
    equipment_class: str = ""  # catalogue code: 3000 class, 3100 category, 3110 variety
    officer_id: str = ""
    date_from: dt.date | None = None  # inclusive
    date_to: dt.date | None = None  # inclusive
    status: str = ""
    measure: str = ""
    text: str = ""
    key_units_only: bool = False

    def replace(self, **changes: Any) -> Filters:
        return dataclasses.replace(self, **changes)

    def is_empty(self) -> bool:
        return self == Filters()


NO_FILTERS = Filters()
"""The default of every report function's ``filters`` (a frozen value, safe to share)."""


def status_label(kind: ListKind, status: str, lang: str = "zh") -> str:
    zh, en = STATUSES[kind].get(status, (status, status))
    return zh if lang == "zh" else en


def area_prefix(code: str) -> str:
    """The district-code prefix a GB/T 2260 code stands for: ``2201`` for ``220100``.

    Raises BadFilter for anything but up to six digits.
    """
    code = code.strip()
    if not _AREA_RE.fullmatch(code):
        raise BadFilter(
            {"area": f"行政区划代码应为数字（如220100） / area {code!r}: digits (e.g. 220100)"}
        )
    while len(code) > 2 and len(code) % 2 == 0 and code.endswith("00"):
        code = code[:-2]
    return code


def class_prefix(code: str) -> str:
    """The catalogue-code prefix a 种类/类别/品种 code stands for: ``3`` for ``3000``, ``31``
    for ``3100``. Raises BadFilter for a malformed code."""
    code = code.strip().upper()
    if not _CLASS_RE.fullmatch(code):
        raise BadFilter(
            {
                "equipment_class": (
                    f"设备类别代码“{code}”格式不对（如3000、3110） / equipment class {code!r}"
                    " is malformed (e.g. 3000, 3110)"
                )
            }
        )
    stripped = code.rstrip("0")
    return stripped or code[0]


def area_choices() -> list[tuple[str, str]]:
    """(code, name) of the province, each city and, indented, its districts."""
    table = districts()
    result: list[tuple[str, str]] = []
    for code, district in table.items():
        if district.parent is None:
            result.append((code, district.name_zh))
        elif table.get(district.parent) is not None and table[district.parent].parent is None:
            result.append((code, district.name_zh))
            result.extend(
                (child.code, "    " + child.name_zh)
                for child in table.values()
                if child.parent == code
            )
    return result


def class_choices() -> list[tuple[str, str]]:
    """(code, name) of the ten 种类 of the 2014 catalogue and, indented, their 类别."""
    result: list[tuple[str, str]] = []
    for entry in catalogue().values():
        if entry.level == 1:
            result.append((entry.code, entry.name_zh))
            result.extend(
                (child.code, "    " + child.name_zh)
                for child in catalogue().values()
                if child.parent == entry.code and child.level == 2
            )
    return result


def day_after(day: dt.date) -> str:
    return (day + dt.timedelta(days=1)).isoformat()


class Where:
    """WHERE clauses and named parameters being put together for one query."""

    def __init__(self, today: dt.date) -> None:
        self.clauses: list[str] = []
        self.params: dict[str, Any] = {"today": today.isoformat()}

    def add(self, clause: str, **params: Any) -> None:
        self.clauses.append(clause)
        self.params.update(params)

    def code_range(self, column: str, name: str, prefix: str) -> None:
        self.add(
            f"{column} >= :{name}_lo AND {column} < :{name}_hi",
            **{f"{name}_lo": prefix, f"{name}_hi": prefix + "~"},
        )

    def date_range(self, column: str, filters: Filters) -> None:
        if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
            raise BadFilter({"date": "开始日期晚于结束日期 / the start date is after the end date"})
        if filters.date_from:
            self.add(f"{column} >= :date_from", date_from=filters.date_from.isoformat())
        if filters.date_to:
            self.add(f"{column} < :date_to", date_to=day_after(filters.date_to))

    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "1 = 1"


def check_status(kind: ListKind, filters: Filters) -> None:
    """Raises BadFilter if the status or measure is not one this list knows."""
    if filters.status not in STATUSES[kind]:
        known = "、".join(s for s in STATUSES[kind] if s)
        raise BadFilter(
            {
                "status": f"未知状态“{filters.status}”，可用：{known}"
                f" / unknown status {filters.status!r}; known: {known}"
            }
        )
    if filters.measure and filters.measure not in MEASURES:
        raise BadFilter(
            {"measure": f"未知措施“{filters.measure}” / unknown measure {filters.measure!r}"}
        )
