"""Dashboard figures: inspections per month, findings by equipment class, the most-failed
checklist items, the share of notices rectified on time, and this year's sampling coverage
against the targets of 市监特设发〔2022〕59号 (≥ 5 % of using units, ≥ 50 % of key units).

Read-only SQL (the store stays the only place that writes). Each figure takes the same
``Filters`` as the lists, so a dashboard can be narrowed to a city or an officer.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlite_utils import Database

from fieldapp.domain.catalogue import catalogue, equipment_class
from fieldapp.errors import ValidationError
from fieldapp.reports.filters import NO_FILTERS, Filters, ListKind, Where, check_status
from fieldapp.reports.lists import (
    _SPECS,
    _finding_where,
    _inspection_where,
    _notice_where,
    area_name,
)
from fieldapp.store.registry import get_setting

__all__ = [
    "CityCoverage",
    "ClassCount",
    "Coverage",
    "Dashboard",
    "ItemCount",
    "MonthCount",
    "OnTimeShare",
    "dashboard",
    "findings_by_class",
    "inspections_per_month",
    "on_time_share",
    "sampling_coverage",
    "top_failed_items",
]

DEFAULT_TARGET_UNITS = 0.05
DEFAULT_TARGET_KEY_UNITS = 0.50


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


# --- inspections per month -------------------------------------------------------------------


@dataclass(frozen=True)
class MonthCount:
    month: str  # 2026-03
    inspections: int
    with_findings: int


def _month_start(day: dt.date, back: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def inspections_per_month(
    db: Database, filters: Filters = NO_FILTERS, months: int = 12, today: dt.date | None = None
) -> list[MonthCount]:
    """Finished inspections in each of the ``months`` months ending with the month of
    ``filters.date_to`` (else today's), months without any included. Raises BadFilter."""
    today = _today(today)
    end = filters.date_to or today
    start = _month_start(end, months - 1)
    where = _inspection_where(filters.replace(date_from=start, date_to=end), today)
    where.add("i.state != 'draft'")
    rows = db.execute(
        "SELECT substr(i.started_at, 1, 7), COUNT(*), COALESCE(SUM(EXISTS (SELECT 1 FROM"
        " findings f WHERE f.inspection_id = i.id AND f.dropped = 0)), 0)"
        f" FROM inspections i JOIN units u ON u.id = i.unit_id WHERE {where.sql()} GROUP BY 1",
        where.params,
    ).fetchall()
    counted = {month: (count, with_findings) for month, count, with_findings in rows}
    result = []
    for back in range(months - 1, -1, -1):
        month = _month_start(end, back).isoformat()[:7]
        count, with_findings = counted.get(month, (0, 0))
        result.append(MonthCount(month, count, with_findings))
    return result


# --- findings by class and the most-failed items ---------------------------------------------


@dataclass(frozen=True)
class ClassCount:
    code: str  # 3000; "" for the unit-level management items
    name_zh: str
    name_en: str
    findings: int
    serious: int


def _finding_source(sql: str) -> str:
    """FROM findings with only the joins ``sql`` needs."""
    return _SPECS[ListKind.FINDINGS].source(sql)


def findings_by_class(db: Database, filters: Filters = NO_FILTERS) -> list[ClassCount]:
    """Adopted findings per 种类 of the device they concern (unit-level findings apart),
    the most first; the date range is the inspection's. Raises BadFilter."""
    check_status(ListKind.FINDINGS, filters)
    where = _finding_where(filters, dt.date.today())
    where.add("f.dropped = 0")
    rows = db.execute(
        "SELECT e.catalogue_code, COUNT(*), COALESCE(SUM(f.severity = 'serious'), 0)"
        f" {_finding_source('e.catalogue_code ' + where.sql())} WHERE {where.sql()}"
        " GROUP BY 1",
        where.params,
    ).fetchall()
    totals: dict[str, list[int]] = {}
    for code, count, serious in rows:
        top = _top_class(code) if code else ""
        bucket = totals.setdefault(top, [0, 0])
        bucket[0] += count
        bucket[1] += serious
    result = []
    for top, (count, serious) in totals.items():
        entry = catalogue().get(top)
        zh = entry.name_zh if entry else (top or "单位安全管理")
        en = entry.name_en if entry else (top or "Unit safety management")
        result.append(ClassCount(top, zh, en, count, serious))
    result.sort(key=lambda c: (-c.findings, c.code))
    return result


@cache
def _top_class(code: str) -> str:
    try:
        return equipment_class(code)
    except ValidationError:
        return code[:1] + "000"


@dataclass(frozen=True)
class ItemCount:
    item_id: str
    checklist_id: str
    text_zh: str
    text_en: str
    failures: int


def _items_of_body(body: str) -> dict[str, tuple[str, str]]:
    """item id → (Chinese, English) text, from a pinned checklist's canonical JSON."""
    data = json.loads(body)
    items: dict[str, tuple[str, str]] = {}
    for section in data.get("sections", []):
        for item in section.get("items", []):
            text = item.get("text", {})
            items[item["id"]] = (text.get("zh", ""), text.get("en", ""))
    return items


def _shipped_text(item_id: str) -> tuple[str, str, str]:
    from fieldapp.checklists import shipped_checklists

    for checklist in shipped_checklists():
        for item in checklist.items:
            if item.id == item_id:
                return checklist.id, item.text.zh, item.text.en
    return "", item_id, item_id


def top_failed_items(
    db: Database, filters: Filters = NO_FILTERS, limit: int = 10
) -> list[ItemCount]:
    """The checklist items that failed most often (every failed item makes a finding, kept
    or dropped), with their text as the checklist pinned with the inspection words it.
    Raises BadFilter."""
    check_status(ListKind.FINDINGS, filters)
    where = _finding_where(filters, dt.date.today())
    where.add("f.item_id IS NOT NULL")
    rows = db.execute(
        f"SELECT f.item_id, COUNT(*) {_finding_source(where.sql())} WHERE {where.sql()}"
        " GROUP BY f.item_id ORDER BY 2 DESC, 1 LIMIT :limit",
        {**where.params, "limit": limit},
    ).fetchall()
    result = []
    for item_id, count in rows:
        found = db.execute(
            "SELECT r.checklist_id, r.checklist_hash FROM inspection_runs r WHERE r.id = ("
            " SELECT run_id FROM findings WHERE item_id = ? AND run_id IS NOT NULL LIMIT 1)",
            [item_id],
        ).fetchone()
        text = _pinned_items(db, found[1]).get(item_id) if found else None
        if found and text:
            result.append(ItemCount(item_id, found[0], text[0], text[1], count))
        else:
            checklist_id, zh, en = _shipped_text(item_id)
            result.append(ItemCount(item_id, checklist_id, zh, en, count))
    return result


def _pinned_items(db: Database, content_hash: str) -> dict[str, tuple[str, str]]:
    """item id → (Chinese, English) text of a pinned checklist (parsed once per hash)."""
    if content_hash not in _PINNED:
        row = db.execute(
            "SELECT body FROM checklist_versions WHERE content_hash = ?", [content_hash]
        ).fetchone()
        _PINNED[content_hash] = _items_of_body(row[0]) if row else {}
    return _PINNED[content_hash]


_PINNED: dict[str, dict[str, tuple[str, str]]] = {}  # pinned content never changes


# --- notices rectified on time ----------------------------------------------------------------


@dataclass(frozen=True)
class OnTimeShare:
    due: int  # order notices past their deadline, or already closed or escalated
    on_time: int  # closed without ever being escalated
    late: int  # escalated at a re-inspection (closed since or not)
    overdue_open: int  # still open past the deadline
    share: float | None  # on_time / due; None when nothing is due


def on_time_share(
    db: Database, filters: Filters = NO_FILTERS, today: dt.date | None = None
) -> OnTimeShare:
    """How many 指令书 were rectified on time: closed by a re-inspection that found every
    finding rectified, never escalated. The date range is the notice's issue. Raises
    BadFilter."""
    today = _today(today)
    where = _notice_where(filters.replace(status=""), today)
    where.add("x.kind = 'order' AND (x.deadline < :today OR x.state IN ('closed', 'escalated'))")
    escalated = (
        "EXISTS (SELECT 1 FROM reinspections r WHERE r.notice_id = x.id"
        " AND r.outcome = 'escalated')"
    )
    source = "FROM notices x JOIN inspections i ON i.id = x.inspection_id"
    if "u." in where.sql():
        source += " JOIN units u ON u.id = i.unit_id"
    row = db.execute(
        f"SELECT COUNT(*), COALESCE(SUM(x.state = 'closed' AND NOT {escalated}), 0),"
        f" COALESCE(SUM({escalated}), 0),"
        " COALESCE(SUM(x.state IN ('issued', 'awaiting_reinspection')), 0)"
        f" {source} WHERE {where.sql()}",
        where.params,
    ).fetchone()
    due, on_time, late, overdue = (int(v) for v in row)
    return OnTimeShare(due, on_time, late, overdue, on_time / due if due else None)


# --- sampling coverage ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CityCoverage:
    code: str  # 220100; "220000" for the province total
    name: str
    units: int  # using units (使用单位) registered
    checked: int  # of them inspected this year (a finished inspection)
    share: float | None
    key_units: int
    key_checked: int
    key_share: float | None
    meets_units: bool
    meets_key: bool


@dataclass(frozen=True)
class Coverage:
    year: int
    target_units: float
    target_key: float
    cities: tuple[CityCoverage, ...]
    total: CityCoverage


def _target(db: Database, key: str, default: float) -> float:
    text = get_setting(db, key)
    try:
        value = float(text) if text else default
    except ValueError:
        return default
    return value if 0 <= value <= 1 else default


def _city(
    code: str, name: str, values: tuple[int, int, int, int], target: float, target_key: float
) -> CityCoverage:
    units, checked, key_units, key_checked = values
    share = checked / units if units else None
    key_share = key_checked / key_units if key_units else None
    return CityCoverage(
        code,
        name,
        units,
        checked,
        share,
        key_units,
        key_checked,
        key_share,
        share is not None and share >= target,
        key_share is None or key_share >= target_key,
    )


def sampling_coverage(
    db: Database, year: int | None = None, today: dt.date | None = None, area: str = ""
) -> Coverage:
    """The share of using units and of key units with a finished inspection in ``year``
    (default: this year), per city and for the whole area, against the targets kept in the
    workspace settings ``reports.target_units`` and ``reports.target_key_units`` (default
    5 % and 50 %). ``area`` narrows to a city or district code. Raises BadFilter."""
    year = year or _today(today).year
    where = Where(_today(today))
    where.add("u.category = 'user'")
    if area:
        from fieldapp.reports.filters import area_prefix

        where.code_range("u.district_code", "area", area_prefix(area))
    inspected = (
        "EXISTS (SELECT 1 FROM inspections i WHERE i.unit_id = u.id AND i.started_at >= :y0"
        " AND i.started_at < :y1 AND i.state != 'draft')"
    )
    params: dict[str, Any] = {
        **where.params,
        "y0": f"{year:04d}-01-01",
        "y1": f"{year + 1:04d}-01-01",
    }
    rows = db.execute(
        f"SELECT substr(u.district_code, 1, 4) || '00', COUNT(*), COALESCE(SUM({inspected}), 0),"
        f" COALESCE(SUM(u.is_key_unit), 0), COALESCE(SUM(u.is_key_unit AND {inspected}), 0)"
        f" FROM units u WHERE {where.sql()} GROUP BY 1 ORDER BY 1",
        params,
    ).fetchall()
    target = _target(db, "reports.target_units", DEFAULT_TARGET_UNITS)
    target_key = _target(db, "reports.target_key_units", DEFAULT_TARGET_KEY_UNITS)
    cities = tuple(
        _city(
            code,
            area_name(code) if len(code) == 6 else "（未注明地区）",
            tuple(v),
            target,
            target_key,
        )
        for code, *v in rows
    )
    sums = (
        sum(c.units for c in cities),
        sum(c.checked for c in cities),
        sum(c.key_units for c in cities),
        sum(c.key_checked for c in cities),
    )
    total = _city("220000", area_name("220000"), sums, target, target_key)
    return Coverage(year, target, target_key, cities, total)


# --- all at once --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dashboard:
    per_month: tuple[MonthCount, ...]
    by_class: tuple[ClassCount, ...]
    top_items: tuple[ItemCount, ...]
    on_time: OnTimeShare
    coverage: Coverage


def dashboard(
    db: Database, filters: Filters = NO_FILTERS, today: dt.date | None = None
) -> Dashboard:
    """Every dashboard figure with these filters (coverage: this year, the filters' area)."""
    today = _today(today)
    return Dashboard(
        tuple(inspections_per_month(db, filters, today=today)),
        tuple(findings_by_class(db, filters)),
        tuple(top_failed_items(db, filters)),
        on_time_share(db, filters, today),
        sampling_coverage(db, today=today, area=filters.area),
    )
