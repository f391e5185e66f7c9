"""整改跟踪 — following up notices: what is open and overdue, how re-inspections went, what
was escalated, who and which district carry how much, which devices are overdue for their
periodic inspection, and which stop-use orders and seals are in force.

Read-only SQL (the store stays the only place that writes).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from fieldapp.domain.catalogue import catalogue
from fieldapp.domain.models import EquipmentStatus
from fieldapp.reports import search
from fieldapp.reports.filters import (
    NO_FILTERS,
    Filters,
    ListKind,
    Where,
    area_prefix,
    check_status,
    class_prefix,
)
from fieldapp.reports.lists import (
    _NOTICE_SELECT,
    _SPECS,
    NOTICE_KINDS,
    DeviceItem,
    NoticeItem,
    _matches,
    _notice_row,
    _notice_where,
    area_name,
    common_where,
    fetch_rows,
    local_date,
    walk_pays,
)
from fieldapp.reports.parallel import run_side_by_side
from fieldapp.store.registry import OVERDUE_SQL

__all__ = [
    "AreaCounts",
    "EscalationItem",
    "HoldItem",
    "OfficerCounts",
    "ReinspectionItem",
    "count_holds",
    "count_open_notices",
    "counts_by_district",
    "counts_by_officer",
    "escalations",
    "holds_in_force",
    "open_notices",
    "overdue_devices",
    "reinspection_results",
]

_OPEN = "('issued', 'awaiting_reinspection')"
ESCALATIONS = {
    "case": ("立案处罚", "Case opened"),
    "seal": ("查封", "Sealed"),
    "transfer": ("移交", "Transferred"),
    "": ("", ""),
}
SEAL_DAYS = 30  # 查封/扣押: at most 30 days (one extension of 30 more), Law 61


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


# --- open notices ----------------------------------------------------------------------------


def open_notices(
    db: Database,
    filters: Filters = NO_FILTERS,
    today: dt.date | None = None,
    offset: int = 0,
    limit: int = 200,
) -> list[NoticeItem]:
    """Notices not yet closed (nor escalated), by deadline: immediate measures (no deadline)
    first, then the earliest deadline; ``overdue`` marks those past it. ``filters.status``
    may narrow to ``overdue``. Raises BadFilter."""
    today = _today(today)
    status = "overdue" if filters.status == "overdue" else "open"
    matches = _matches(db, ListKind.NOTICES, filters)  # a word only in unit names: from those
    where = _notice_where(filters.replace(status=status), today, matches)
    spec = _SPECS[ListKind.NOTICES]
    sql = (
        f"{_NOTICE_SELECT}\n{spec.source()}\nWHERE {where.sql()}\n"
        "ORDER BY x.deadline IS NOT NULL, x.deadline, x.issued_at, x.rowid"
        " LIMIT :limit OFFSET :offset"
    )
    rows = db.execute(sql, {**where.params, "limit": limit, "offset": offset}).fetchall()
    return [_notice_row(row, today) for row in rows]


def count_open_notices(
    db: Database, filters: Filters = NO_FILTERS, today: dt.date | None = None
) -> tuple[int, int]:
    """(open notices, of them past their deadline) with these filters. Raises BadFilter."""
    today = _today(today)
    where = _notice_where(
        filters.replace(status="open"), today, _matches(db, ListKind.NOTICES, filters)
    )
    spec = _SPECS[ListKind.NOTICES]
    row = db.execute(
        f"SELECT COUNT(*), COALESCE(SUM(x.deadline < :today), 0) {spec.source()}"
        f" WHERE {where.sql()}",
        where.params,
    ).fetchone()
    return int(row[0]), int(row[1])


# --- re-inspections and escalations ----------------------------------------------------------


@dataclass(frozen=True)
class ReinspectionItem:
    id: str
    at: str
    notice_id: str
    notice_number: str
    unit_name: str
    district_name: str
    officer_name: str
    outcome: str
    outcome_label: str
    escalation: str
    escalation_label: str
    rectified: int
    of: int
    note: str


def _reinspection_where(filters: Filters, today: dt.date, walk: bool = False) -> Where:
    """``walk``: the re-inspections are walked newest first, so their units are tested row by
    row ("+" keeps SQLite from starting at the units)."""
    where = Where(today)
    if walk:
        common_where(where, filters.replace(key_units_only=False), "+u.district_code", "x.unit_id")
        if filters.key_units_only:
            where.add("+u.is_key_unit = 1")
    else:
        common_where(where, filters, "u.district_code", "x.unit_id")
    if filters.officer_id:
        where.add("r.officer_id = :officer", officer=filters.officer_id)
    where.date_range("r.at", filters)
    if filters.status in ("rectified", "escalated"):
        where.add("r.outcome = :outcome", outcome=filters.status)
    elif filters.status:
        check_status(ListKind.FINDINGS, filters)
    for n, word in enumerate(search.words(filters.text)):
        units, params = search.matching_units(word, n)
        where.add(f"{'+' if walk else ''}x.unit_id IN ({units})", **params)
    return where


def _wide(filters: Filters) -> bool:
    """Whether walking the re-inspections newest first (by ``reinspections_at``) finds a
    page sooner than collecting those of the filters' units and sorting them, as far as the
    area says: yes for a city or the province (or key units anywhere), which hold tens of
    thousands (on the province demo a city's page 10,000 deep: 150 ms walked, 680 ms
    sorted); no for a district or one unit, which hold few."""
    if filters.unit_id:
        return False
    return not filters.area or len(area_prefix(filters.area)) <= 4


def _newest_first(db: Database, filters: Filters, offset: int, limit: int) -> bool:
    """``_wide``, and the units whose names hold the searched words (if any) are many
    enough for a walk to reach the page first (``walk_pays``)."""
    if not _wide(filters):
        return False
    if not search.words(filters.text):
        return True
    units = db.execute("SELECT MAX(rowid) FROM units").fetchone()[0] or 1
    rows = db.execute("SELECT MAX(rowid) FROM reinspections").fetchone()[0] or 1
    share = 1.0
    for counts in search.word_uses(db, filters.text).values():
        share *= min(1.0, counts.get("unit", 0) / units)
    return walk_pays(rows, share, offset, limit)


#: what the filters need to pick a page's re-inspections (their columns are read after)
_REINSPECTION_PICK = (
    "FROM reinspections r JOIN notices x ON x.id = r.notice_id JOIN units u ON u.id = x.unit_id"
)
_REINSPECTION_SOURCE = (
    "FROM reinspections r JOIN notices x ON x.id = r.notice_id"
    " JOIN inspections i ON i.id = x.inspection_id JOIN units u ON u.id = x.unit_id"
    " LEFT JOIN officers o ON o.id = r.officer_id"
)


def reinspection_results(
    db: Database,
    filters: Filters = NO_FILTERS,
    offset: int = 0,
    limit: int = 200,
    today: dt.date | None = None,
) -> list[ReinspectionItem]:
    """复查 results, the newest first: per re-inspection how many of the notice's findings
    were rectified. ``filters.status`` may be ``rectified`` or ``escalated``; the date range
    applies to the re-inspection. Raises BadFilter."""
    walk = _newest_first(db, filters, offset, limit)
    where = _reinspection_where(filters, _today(today), walk)
    sql = f"""
SELECT r.id, r.at, x.id, x.number, u.name, u.district_code, o.name, r.outcome, r.escalation,
  (SELECT COALESCE(SUM(rf.rectified), 0) FROM reinspection_findings rf
     WHERE rf.reinspection_id = r.id),
  (SELECT COUNT(*) FROM reinspection_findings rf WHERE rf.reinspection_id = r.id),
  r.note
{_REINSPECTION_SOURCE}
WHERE r.rowid IN (
  SELECT r.rowid {_REINSPECTION_PICK} WHERE {where.sql()}
  ORDER BY r.at DESC, r.rowid DESC LIMIT :limit OFFSET :offset)
ORDER BY r.at DESC, r.rowid DESC"""
    rows = db.execute(sql, {**where.params, "limit": limit, "offset": offset}).fetchall()
    return [
        ReinspectionItem(
            rid,
            at,
            nid,
            number,
            name,
            area_name(district),
            officer or "",
            outcome,
            "已整改" if outcome == "rectified" else "未整改，已移交/立案",
            escalation,
            ESCALATIONS.get(escalation, (escalation, escalation))[0],
            rectified,
            of,
            note,
        )
        for (
            rid,
            at,
            nid,
            number,
            name,
            district,
            officer,
            outcome,
            escalation,
            rectified,
            of,
            note,
        ) in rows
    ]


@dataclass(frozen=True)
class EscalationItem:
    notice_id: str
    notice_number: str
    unit_name: str
    district_name: str
    officer_name: str
    issued_on: dt.date
    deadline: dt.date | None
    escalated_at: str
    escalation: str
    escalation_label: str
    note: str
    state: str  # the notice's state now: escalated, or closed after a later re-inspection
    state_label: str


def escalations(
    db: Database,
    filters: Filters = NO_FILTERS,
    offset: int = 0,
    limit: int = 200,
    today: dt.date | None = None,
) -> list[EscalationItem]:
    """Notices escalated at a re-inspection (立案处罚, 查封, 移交), the newest first, with the
    notice's state now. ``filters.status`` ``open`` keeps those still escalated. Raises
    BadFilter."""
    # escalations are few (a few thousand in a province): walked whatever the words
    where = _reinspection_where(filters.replace(status=""), _today(today), _wide(filters))
    where.add("r.outcome = 'escalated'")
    if filters.status == "open":
        where.add("x.state = 'escalated'")
    sql = f"""
SELECT x.id, x.number, u.name, u.district_code, oi.name, x.issued_at, x.deadline, r.at,
  r.escalation, r.note, x.state
{_REINSPECTION_SOURCE} LEFT JOIN officers oi ON oi.id = i.created_by
WHERE {where.sql()}
ORDER BY r.at DESC, r.rowid DESC LIMIT :limit OFFSET :offset"""
    rows = db.execute(sql, {**where.params, "limit": limit, "offset": offset}).fetchall()
    return [
        EscalationItem(
            nid,
            number,
            name,
            area_name(district),
            officer or "",
            local_date(issued),
            dt.date.fromisoformat(deadline) if deadline else None,
            at,
            escalation,
            ESCALATIONS.get(escalation, (escalation, escalation))[0],
            note,
            state,
            "已结案" if state == "closed" else "已移交/立案",
        )
        for (
            nid,
            number,
            name,
            district,
            officer,
            issued,
            deadline,
            at,
            escalation,
            note,
            state,
        ) in rows
    ]


# --- counts per officer and per district -----------------------------------------------------


@dataclass(frozen=True)
class OfficerCounts:
    officer_id: str
    name: str
    law_id: str
    organisation: str
    inspections: int  # took part in
    findings: int  # in the inspections they led
    notices: int  # issued
    open: int
    overdue: int
    closed: int
    escalated: int


def _scope(filters: Filters, today: dt.date) -> Where:
    """The inspections counted: area, unit, key units, class and date range (started)."""
    where = Where(today)
    common_where(where, filters, "u.district_code", "i.unit_id")
    where.date_range("i.started_at", filters)
    where.add("i.state != 'draft'")
    return where


def _join_inspection(alias: str, clause: str) -> str:
    """Join the inspection of the rows of ``alias`` (and its unit, if ``clause`` needs it)."""
    join = f"JOIN inspections i ON i.id = {alias}.inspection_id"
    return join + " JOIN units u ON u.id = i.unit_id" if "u." in clause else join


def _notice_sums() -> str:
    return (
        f"COUNT(x.id), COALESCE(SUM(x.state IN {_OPEN}), 0),"
        f" COALESCE(SUM(x.state IN {_OPEN} AND x.deadline < :today), 0),"
        " COALESCE(SUM(x.state = 'closed'), 0), COALESCE(SUM(x.state = 'escalated'), 0)"
    )


def counts_by_officer(
    db: Database, filters: Filters = NO_FILTERS, today: dt.date | None = None
) -> list[OfficerCounts]:
    """Per officer: inspections taken part in, findings and notices of the inspections they
    led, and how those notices stand. Area, unit, key units and the date range (of the
    inspection) apply. Officers with nothing in scope are left out; busiest first."""
    today = _today(today)
    where = _scope(filters, today)
    clause, params = where.sql(), where.params
    took_part = dict(
        db.execute(
            f"SELECT io.officer_id, COUNT(*) FROM inspection_officers io"
            f" {_join_inspection('io', clause)} WHERE {clause} GROUP BY io.officer_id",
            params,
        ).fetchall()
    )
    findings = dict(
        db.execute(
            f"SELECT i.created_by, COUNT(*) FROM findings f {_join_inspection('f', clause)}"
            f" WHERE f.dropped = 0 AND {clause} GROUP BY i.created_by",
            params,
        ).fetchall()
    )
    notices = {
        row[0]: row[1:]
        for row in db.execute(
            f"SELECT i.created_by, {_notice_sums()} FROM notices x"
            f" {_join_inspection('x', clause)} WHERE x.kind = 'order' AND {clause}"
            " GROUP BY i.created_by",
            params,
        ).fetchall()
    }
    result = []
    for officer_id, name, law_id, organisation in db.execute(
        "SELECT id, name, law_id, organisation FROM officers ORDER BY name"
    ).fetchall():
        counted = notices.get(officer_id, (0, 0, 0, 0, 0))
        if not took_part.get(officer_id) and not counted[0]:
            continue
        result.append(
            OfficerCounts(
                officer_id,
                name,
                law_id,
                organisation,
                took_part.get(officer_id, 0),
                findings.get(officer_id, 0),
                *counted,
            )
        )
    result.sort(key=lambda c: (-c.inspections, c.name))
    return result


@dataclass(frozen=True)
class AreaCounts:
    code: str
    name: str
    units: int
    key_units: int
    inspections: int
    findings: int
    notices: int
    open: int
    overdue: int
    overdue_devices: int


def counts_by_district(
    db: Database,
    filters: Filters = NO_FILTERS,
    today: dt.date | None = None,
    level: str = "district",
) -> list[AreaCounts]:
    """Per district (``level="district"``) or per city (``"city"``): units, inspections,
    findings, order notices and how many are open and overdue, and devices overdue for
    periodic inspection. Area, key units and the date range (of the inspection) apply."""
    if level not in ("district", "city"):
        raise ValueError(f"level {level!r}")
    today = _today(today)
    key = "u.district_code" if level == "district" else "substr(u.district_code, 1, 4) || '00'"
    where = _scope(filters.replace(unit_id=""), today)
    clause, params = where.sql(), where.params
    units_where = Where(today)
    common_where(units_where, filters.replace(unit_id=""), "u.district_code", "u.id")
    if filters.date_from or filters.date_to:  # SQLite starts from the dates' inspections
        inspections_from = "inspections i JOIN units u ON u.id = i.unit_id"
        findings_from = (
            "findings f JOIN inspections i ON i.id = f.inspection_id"
            " JOIN units u ON u.id = i.unit_id"
        )
        notices_from = (
            "notices x JOIN inspections i ON i.id = x.inspection_id"
            " JOIN units u ON u.id = i.unit_id"
        )
        scope, scope_params = clause, params
    else:
        # unit by unit (CROSS JOIN keeps that order), each unit's rows one range of an index
        # by unit; a finding or notice is reached by its own unit, the few drafts are left
        # out by id, and no inspection is read
        inspections_from = "units u CROSS JOIN inspections i ON i.unit_id = u.id"
        findings_from = "units u CROSS JOIN findings f ON f.unit_id = u.id"
        notices_from = "units u CROSS JOIN notices x ON x.unit_id = u.id"
        scope, scope_params = units_where.sql(), units_where.params
    drafts = "SELECT id FROM inspections WHERE state = 'draft'"
    # the slowest first, so that they start at once side by side
    findings_rows, notice_rows, inspection_rows, device_rows, unit_rows = run_side_by_side(
        db,
        [
            (
                f"SELECT {key}, COUNT(*) FROM {findings_from} WHERE f.dropped = 0"
                f" AND f.inspection_id NOT IN ({drafts}) AND {scope} GROUP BY 1",
                scope_params,
            ),
            (
                f"SELECT {key}, {_notice_sums()} FROM {notices_from} WHERE x.kind = 'order'"
                f" AND x.inspection_id NOT IN ({drafts}) AND {scope} GROUP BY 1",
                scope_params,
            ),
            (
                f"SELECT {key}, COUNT(*) FROM {inspections_from} WHERE {clause} GROUP BY 1",
                params,
            ),
            (
                f"SELECT {key}, COUNT(*) FROM equipment e JOIN units u ON u.id = e.unit_id"
                f" WHERE {OVERDUE_SQL} AND {units_where.sql()} GROUP BY 1",
                units_where.params,
            ),
            (
                f"SELECT {key}, COUNT(*), COALESCE(SUM(u.is_key_unit), 0)"
                f" FROM units u WHERE {units_where.sql()} GROUP BY 1",
                units_where.params,
            ),
        ],
    )
    findings = dict(findings_rows)
    inspections = dict(inspection_rows)
    overdue_devices = dict(device_rows)
    notices: dict[str, tuple[int, int, int]] = {
        row[0]: (row[1], row[2], row[3]) for row in notice_rows
    }
    result = [
        AreaCounts(
            code,
            area_name(code),
            units,
            key_units,
            inspections.get(code, 0),
            findings.get(code, 0),
            *notices.get(code, (0, 0, 0)),
            overdue_devices.get(code, 0),
        )
        for code, units, key_units in unit_rows
    ]
    result.sort(key=lambda c: c.code)
    return result


# --- devices ---------------------------------------------------------------------------------


def overdue_devices(
    db: Database,
    filters: Filters = NO_FILTERS,
    today: dt.date | None = None,
    offset: int = 0,
    limit: int = 200,
) -> list[DeviceItem]:
    """Devices in use past their periodic inspection date (no postponement in force), the
    longest overdue first. Raises BadFilter."""
    rows: list[DeviceItem] = fetch_rows(
        db, ListKind.DEVICES, filters.replace(status="overdue"), offset, limit, today
    )
    return rows


@dataclass(frozen=True)
class HoldItem:
    equipment_id: str
    unit_id: str
    unit_name: str
    district_name: str
    device: str
    equipment_code: str
    status: str
    status_label: str
    notice_id: str
    notice_number: str
    kind: str
    kind_label: str
    since: dt.date
    days: int
    seal_expires: dt.date | None  # 30 days after a seal or seizure
    expired: bool


def _hold_where(filters: Filters, today: dt.date) -> Where:
    where = Where(today)
    common_where(where, filters, "u.district_code", "e.unit_id")
    if filters.equipment_class:
        where.code_range("e.catalogue_code", "class", class_prefix(filters.equipment_class))
    if filters.officer_id:
        where.add(
            "x.inspection_id IN (SELECT id FROM inspections WHERE created_by = :officer)",
            officer=filters.officer_id,
        )
    if filters.measure in ("seal", "seize"):
        where.add("x.kind = :kind", kind=filters.measure)
    elif filters.measure == "stop_use":
        where.add("x.kind = 'order'")
    where.date_range("x.issued_at", filters)
    for n, word in enumerate(search.words(filters.text)):
        units, params = search.matching_units(word, n)
        where.add(f"e.unit_id IN ({units})", **params)
    return where


_HOLD_SOURCE = (
    "FROM equipment e JOIN notices x ON x.id = e.held_by_notice JOIN units u ON u.id = e.unit_id"
)


def holds_in_force(
    db: Database,
    filters: Filters = NO_FILTERS,
    today: dt.date | None = None,
    offset: int = 0,
    limit: int = 200,
) -> list[HoldItem]:
    """Devices under a stop-use order or a seal/seizure that is not closed, the oldest
    first; a seal past its 30 days is marked ``expired``. ``filters.measure`` may narrow to
    ``stop_use``, ``seal`` or ``seize``. Raises BadFilter."""
    today = _today(today)
    where = _hold_where(filters, today)
    sql = f"""
SELECT e.id, e.unit_id, u.name, u.district_code, e.internal_number, e.location,
  e.catalogue_code, e.equipment_code, e.status, x.id, x.number, x.kind, x.issued_at
{_HOLD_SOURCE}
WHERE e.held_by_notice IS NOT NULL AND {where.sql()}
ORDER BY x.issued_at, e.rowid LIMIT :limit OFFSET :offset"""
    result = []
    for (
        eid,
        unit_id,
        name,
        district,
        internal,
        location,
        code,
        equipment_code,
        status,
        nid,
        number,
        kind,
        issued,
    ) in db.execute(sql, {**where.params, "limit": limit, "offset": offset}).fetchall():
        since = local_date(issued)
        expires = since + dt.timedelta(days=SEAL_DAYS) if kind in ("seal", "seize") else None
        entry = catalogue().get(code)
        label = internal or location or ""
        kind_name = entry.name_zh if entry else code
        result.append(
            HoldItem(
                eid,
                unit_id,
                name,
                area_name(district),
                f"{label}（{kind_name}）" if label else kind_name,
                equipment_code,
                status,
                EquipmentStatus.from_code(status).zh,
                nid,
                number,
                kind,
                "责令停止使用" if kind == "order" else NOTICE_KINDS[kind][0],
                since,
                (today - since).days,
                expires,
                expires is not None and expires < today,
            )
        )
    return result


def count_holds(db: Database, filters: Filters = NO_FILTERS, today: dt.date | None = None) -> int:
    """How many devices :func:`holds_in_force` lists. Raises BadFilter."""
    where = _hold_where(filters, _today(today))
    row = db.execute(
        f"SELECT COUNT(*) {_HOLD_SOURCE} WHERE e.held_by_notice IS NOT NULL AND {where.sql()}",
        where.params,
    ).fetchone()
    return int(row[0])
