"""Lists, follow-ups and dashboards against the hand-made fixture (see conftest.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.reports import (
    BadFilter,
    Filters,
    ListKind,
    count_holds,
    count_open_notices,
    count_rows,
    counts_by_district,
    counts_by_officer,
    escalations,
    fetch_rows,
    findings_by_class,
    holds_in_force,
    inspections_per_month,
    iter_rows,
    on_time_share,
    open_notices,
    overdue_devices,
    reinspection_results,
    sampling_coverage,
    top_failed_items,
)
from fieldapp.reports.lists import columns
from tests.reports.conftest import TODAY, Fixture


def ids_of(fx: Fixture, kind: ListKind, filters: Filters) -> set[str]:
    names = {v: k for k, v in fx.ids.items()}
    rows = fetch_rows(fx.db, kind, filters, 0, 1000, TODAY)
    assert count_rows(fx.db, kind, filters, TODAY) == len(rows)
    assert len(list(iter_rows(fx.db, kind, filters, TODAY))) == len(rows)
    return {names[r.id] for r in rows}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), {"I1", "I2", "I3", "I4", "I5"}),
        (Filters(area="220100"), {"I1", "I2", "I5"}),
        (Filters(area="220200"), {"I3", "I4"}),
        (Filters(area="220102"), {"I1", "I5"}),
        (Filters(area="220000"), {"I1", "I2", "I3", "I4", "I5"}),
        (Filters(equipment_class="3000"), {"I1", "I4"}),
        (Filters(equipment_class="3300"), {"I4"}),
        (Filters(equipment_class="2000"), set()),
        (Filters(date_from=dt.date(2026, 1, 1)), {"I1", "I2", "I4", "I5"}),
        (Filters(date_from=dt.date(2026, 3, 10), date_to=dt.date(2026, 3, 10)), {"I1"}),
        (Filters(status="overdue"), {"I1"}),
        (Filters(status="finished"), {"I2"}),
        (Filters(measure="seal"), {"I4"}),
        (Filters(measure="rectify"), {"I1", "I3", "I5"}),  # I4's rectify finding was dropped
        (Filters(key_units_only=True), {"I1", "I4", "I5"}),
        (Filters(text="维保记录"), {"I1"}),  # an answer's note
        (Filters(text="无异议"), {"I3"}),  # the unit's opinion
        (Filters(text="扶梯"), {"I4"}),  # two characters: LIKE over finding texts
        (Filters(text="实验学校"), {"I1", "I5"}),  # the unit's name
        (Filters(text="南关区"), {"I1", "I5"}),  # the unit's address
        (Filters(text="使用登记 吉林"), {"I3"}),  # every word, anywhere in the record
        (Filters(text="使用登记 化工"), {"I3"}),
        (Filters(area="220100", text="登记", date_from=dt.date(2026, 6, 1)), {"I5"}),
    ],
)
def test_inspection_filters(fixture: Fixture, filters: Filters, expected: set[str]) -> None:
    assert ids_of(fixture, ListKind.INSPECTIONS, filters) == expected


def test_officer_filter_means_took_part(fixture: Fixture) -> None:
    o1 = Filters(officer_id=fixture.ids["O1"])
    o2 = Filters(officer_id=fixture.ids["O2"])
    assert ids_of(fixture, ListKind.INSPECTIONS, o1) == {"I1", "I2", "I5"}
    assert ids_of(fixture, ListKind.INSPECTIONS, o2) == {"I1", "I3", "I4"}
    assert ids_of(fixture, ListKind.NOTICES, o2) == {"N2", "N3", "N4"}  # issued by O2


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), {"N1", "N2", "N3", "N4", "N5"}),
        (Filters(status="open"), {"N1", "N4", "N5"}),
        (Filters(status="overdue"), {"N1"}),
        (Filters(status="escalated"), {"N3"}),
        (Filters(status="closed"), {"N2"}),
        (Filters(area="220200"), {"N2", "N3", "N4"}),
        (Filters(text="扶梯"), {"N3", "N4"}),
        (Filters(measure="stop_use"), {"N1"}),
    ],
)
def test_notice_filters(fixture: Fixture, filters: Filters, expected: set[str]) -> None:
    assert ids_of(fixture, ListKind.NOTICES, filters) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), {"F1", "F2", "F3", "F4", "F5", "F6"}),
        (Filters(status="open"), {"F1", "F2", "F6"}),
        (Filters(status="rectified"), {"F3"}),
        (Filters(status="escalated"), {"F4"}),
        (Filters(status="dropped"), {"F5"}),
        (Filters(equipment_class="3000"), {"F2", "F4"}),
        (Filters(measure="rectify"), {"F1", "F3", "F5", "F6"}),
        (Filters(text="使用登记"), {"F1", "F2", "F3", "F6"}),
        (Filters(text="吉林市中心医院"), {"F4", "F5"}),
    ],
)
def test_finding_filters(fixture: Fixture, filters: Filters, expected: set[str]) -> None:
    assert ids_of(fixture, ListKind.FINDINGS, filters) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), {"U1", "U2", "U3", "U4", "U5"}),
        (Filters(status="not_inspected"), {"U5"}),
        (Filters(status="not_inspected", date_from=dt.date(2026, 1, 1)), {"U3", "U5"}),
        (Filters(date_from=dt.date(2026, 1, 1)), {"U1", "U2", "U4"}),
        (Filters(status="inspected"), {"U1", "U2", "U3", "U4"}),
        (Filters(status="inspected", date_to=dt.date(2025, 12, 31)), {"U3"}),
        (Filters(status="not_inspected", area="220100"), {"U5"}),
        (Filters(status="not_inspected", area="220200"), set()),
        (Filters(equipment_class="3110"), {"U1", "U2"}),
        (Filters(key_units_only=True), {"U1", "U4"}),
        (Filters(text="长春"), {"U1", "U2", "U5"}),
        (Filters(officer_id="o2-0000-7000-8000-000000000000"), {"U1", "U3", "U4"}),
    ],
)
def test_unit_filters(fixture: Fixture, filters: Filters, expected: set[str]) -> None:
    assert ids_of(fixture, ListKind.UNITS, filters) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(status="overdue"), {"E4"}),  # E1 is held (out of use), E3 postponed
        (Filters(status="held"), {"E1", "E5"}),
        (Filters(status="sealed"), {"E5"}),
        (Filters(equipment_class="3000"), {"E1", "E2", "E5"}),
        (Filters(area="220200"), {"E3", "E4", "E5"}),
        (Filters(date_to=dt.date(2026, 6, 30)), {"E1", "E3", "E4"}),
        (Filters(text="3110"), {"E1", "E2"}),  # a code: LIKE over equipment codes
        (Filters(text="化工"), {"E3"}),  # the unit's name
    ],
)
def test_device_filters(fixture: Fixture, filters: Filters, expected: set[str]) -> None:
    assert ids_of(fixture, ListKind.DEVICES, filters) == expected


def test_rows_carry_what_the_columns_name(fixture: Fixture) -> None:
    for kind in ListKind:
        row = fetch_rows(fixture.db, kind, Filters(), 0, 1, TODAY)[0]
        for column in columns(kind):
            assert hasattr(row, column.key), (kind, column.key)
    notice = fetch_rows(fixture.db, ListKind.NOTICES, Filters(status="overdue"), 0, 1, TODAY)[0]
    assert notice.number == "（测）市监特令〔2026〕第A31-0001号"
    assert (notice.deadline, notice.days_left, notice.overdue) == (dt.date(2026, 4, 10), -66, True)
    assert notice.district_name == "长春市南关区"
    assert notice.held_devices == 1 and notice.findings == 2


def test_pages_are_in_order_and_do_not_overlap(fixture: Fixture) -> None:
    first = fetch_rows(fixture.db, ListKind.INSPECTIONS, Filters(), 0, 2, TODAY)
    rest = fetch_rows(fixture.db, ListKind.INSPECTIONS, Filters(), 2, 10, TODAY)
    started = [r.started_at for r in first + rest]
    assert started == sorted(started, reverse=True) and len(set(started)) == 5


@pytest.mark.parametrize(
    "filters",
    [
        Filters(area="22x"),
        Filters(equipment_class="0000"),
        Filters(status="nonsense"),
        Filters(measure="fine"),
        Filters(date_from=dt.date(2026, 2, 1), date_to=dt.date(2026, 1, 1)),
    ],
)
def test_bad_filters_are_refused_with_a_message(fixture: Fixture, filters: Filters) -> None:
    with pytest.raises(BadFilter, match=" / "):
        count_rows(fixture.db, ListKind.INSPECTIONS, filters, TODAY)


# --- follow-ups -----------------------------------------------------------------------------


def test_open_notices_by_deadline_with_overdue_flagged(fixture: Fixture) -> None:
    rows = open_notices(fixture.db, Filters(), TODAY)
    names = {v: k for k, v in fixture.ids.items()}
    assert [names[r.id] for r in rows] == ["N4", "N1", "N5"]  # no deadline first
    assert [r.overdue for r in rows] == [False, True, False]
    assert rows[2].days_left == 16
    assert count_open_notices(fixture.db, Filters(), TODAY) == (3, 1)
    assert count_open_notices(fixture.db, Filters(), dt.date(2026, 7, 2)) == (3, 2)
    only_overdue = open_notices(fixture.db, Filters(status="overdue"), TODAY)
    assert [names[r.id] for r in only_overdue] == ["N1"]


def test_reinspections_and_escalations(fixture: Fixture) -> None:
    results = reinspection_results(fixture.db, Filters(), today=TODAY)
    assert [(r.outcome, r.rectified, r.of) for r in results] == [
        ("escalated", 0, 1),
        ("rectified", 1, 1),
    ]
    assert [
        r.outcome
        for r in reinspection_results(fixture.db, Filters(status="rectified"), today=TODAY)
    ] == ["rectified"]
    escalated = escalations(fixture.db, Filters(), today=TODAY)
    assert len(escalated) == 1
    assert (escalated[0].escalation_label, escalated[0].unit_name) == ("立案处罚", "吉林市中心医院")


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(area="220100"),
        Filters(area="220204"),
        Filters(text="吉林"),
        Filters(area="220000", status="escalated"),
    ],
)
def test_reinspections_walked_or_collected_alike(
    fixture: Fixture, filters: Filters, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fieldapp.reports.followups as followups

    found = {}
    for walk in (False, True):
        monkeypatch.setattr(followups, "_newest_first", lambda *_args, walk=walk: walk)
        monkeypatch.setattr(followups, "_wide", lambda _filters, walk=walk: walk)
        found[walk] = (
            reinspection_results(fixture.db, filters, today=TODAY),
            escalations(fixture.db, filters.replace(status=""), today=TODAY),
        )
    assert found[True] == found[False]


def test_counts_per_officer_and_district(fixture: Fixture) -> None:
    officers = {c.name: c for c in counts_by_officer(fixture.db, Filters(), TODAY)}
    assert (officers["张三"].inspections, officers["张三"].findings) == (3, 3)
    assert (officers["张三"].notices, officers["张三"].open, officers["张三"].overdue) == (2, 2, 1)
    assert (officers["李四"].inspections, officers["李四"].notices) == (3, 2)
    assert (officers["李四"].closed, officers["李四"].escalated) == (1, 1)
    this_year = Filters(date_from=dt.date(2026, 1, 1))
    this_year_counts = {c.name: c for c in counts_by_officer(fixture.db, this_year, TODAY)}
    assert this_year_counts["李四"].inspections == 2  # I1 and I4; I3 was in 2025
    cities = {c.code: c for c in counts_by_district(fixture.db, Filters(), TODAY, "city")}
    assert (cities["220100"].units, cities["220100"].inspections) == (3, 3)
    assert (cities["220100"].open, cities["220100"].overdue) == (2, 1)
    assert (cities["220200"].findings, cities["220200"].overdue_devices) == (2, 1)
    districts = {c.code for c in counts_by_district(fixture.db, Filters(), TODAY)}
    assert districts == {"220102", "220104", "220202", "220204"}


def test_counts_per_district_leave_drafts_out_with_or_without_dates(fixture: Fixture) -> None:
    """Without dates the findings and notices are counted by their own unit, with dates
    through their inspections: both give the same numbers, and a draft counts in neither."""
    every_year = Filters(date_from=dt.date(2000, 1, 1))
    before = counts_by_district(fixture.db, Filters(), TODAY, "city")
    assert counts_by_district(fixture.db, every_year, TODAY, "city") == before
    db = fixture.db
    with db.atomic():
        db.execute(
            "INSERT INTO inspections (id, unit_id, check_type, state, started_at, created_by,"
            " updated_at, origin_device) SELECT 'draft-1', unit_id, check_type, 'draft',"
            " started_at, created_by, updated_at, origin_device FROM inspections WHERE id = ?",
            [fixture.ids["I1"]],
        )
        db.execute(
            "INSERT INTO findings (id, inspection_id, position, text, severity, measure,"
            " updated_at, origin_device) VALUES ('draft-f', 'draft-1', 9, '草稿里的问题',"
            " 'general', 'rectify', ?, 'test-device')",
            [TODAY.isoformat()],
        )
    assert db.execute("SELECT unit_id FROM findings WHERE id = 'draft-f'").fetchone()[0]
    assert counts_by_district(fixture.db, Filters(), TODAY, "city") == before
    assert counts_by_district(fixture.db, every_year, TODAY, "city") == before


def test_overdue_devices_and_holds(fixture: Fixture) -> None:
    overdue = overdue_devices(fixture.db, Filters(), TODAY)
    assert [(d.equipment_code, d.days_overdue) for d in overdue] == [("1100-E4", 14)]
    holds = holds_in_force(fixture.db, Filters(), TODAY)
    assert [(h.equipment_code, h.kind, h.status_label) for h in holds] == [
        ("3310-E5", "seal", "查封"),
        ("3110-E1", "order", "停用"),
    ]
    seal = holds[0]
    assert (seal.seal_expires, seal.expired) == (dt.date(2026, 3, 3), True)
    assert count_holds(fixture.db, Filters(), TODAY) == 2
    assert count_holds(fixture.db, Filters(measure="seal"), TODAY) == 1


# --- dashboards -------------------------------------------------------------------------------


def test_inspections_per_month(fixture: Fixture) -> None:
    months = inspections_per_month(fixture.db, Filters(), 6, TODAY)
    assert [(m.month, m.inspections, m.with_findings) for m in months] == [
        ("2026-01", 0, 0),
        ("2026-02", 1, 1),
        ("2026-03", 1, 1),
        ("2026-04", 0, 0),
        ("2026-05", 1, 0),
        ("2026-06", 1, 1),
    ]


def test_findings_by_class_and_top_items(fixture: Fixture) -> None:
    classes = [(c.code, c.name_zh, c.findings, c.serious) for c in findings_by_class(fixture.db)]
    assert classes == [("", "单位安全管理", 3, 0), ("3000", "电梯", 2, 2)]
    top = top_failed_items(fixture.db, Filters(), limit=2)
    assert [(t.item_id, t.checklist_id, t.failures) for t in top] == [
        ("U01-B", "unit_management", 3),
        ("EL-REG-02", "elevator", 1),
    ]
    assert top[0].text_zh.startswith("投入使用已超过三十日")  # as the pinned checklist words it
    assert top_failed_items(fixture.db, Filters(area="220200"))[0].failures == 1


def test_share_of_notices_rectified_on_time(fixture: Fixture) -> None:
    share = on_time_share(fixture.db, Filters(), TODAY)
    # due: N1 (open, past deadline), N2 (closed, never escalated), N3 (escalated); N5 not yet
    assert (share.due, share.on_time, share.late, share.overdue_open) == (3, 1, 1, 1)
    assert share.share == pytest.approx(1 / 3)
    assert on_time_share(fixture.db, Filters(area="220300"), TODAY).share is None


def test_sampling_coverage_against_targets(fixture: Fixture) -> None:
    coverage = sampling_coverage(fixture.db, 2026, TODAY)
    cities = {c.code: c for c in coverage.cities}
    changchun, jilin = cities["220100"], cities["220200"]
    assert (changchun.units, changchun.checked, changchun.key_units, changchun.key_checked) == (
        3,
        2,
        1,
        1,
    )
    assert (jilin.units, jilin.checked, jilin.key_units, jilin.key_checked) == (2, 1, 1, 1)
    assert (coverage.total.units, coverage.total.checked) == (5, 3)
    assert coverage.total.share == pytest.approx(0.6)
    assert coverage.total.meets_units and coverage.total.meets_key
    last_year = sampling_coverage(fixture.db, 2025, TODAY)
    assert last_year.total.checked == 1 and not last_year.total.meets_key
    with fixture.ws.store.transaction() as db:
        db.execute("INSERT INTO workspace (key, value) VALUES ('reports.target_units', '0.7')")
    assert not sampling_coverage(fixture.db, 2026, TODAY).total.meets_units


@pytest.mark.parametrize("kind", [ListKind.INSPECTIONS, ListKind.NOTICES, ListKind.FINDINGS])
@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(area="220100"),
        Filters(key_units_only=True, equipment_class="3000"),
        Filters(text="登记"),
        Filters(text="使用登记", area="220000"),
        Filters(equipment_class="3310"),
        Filters(area="220100", date_from=dt.date(2026, 1, 1), text="登记"),
        Filters(key_units_only=True, date_to=dt.date(2026, 12, 31), equipment_class="3000"),
    ],
)
def test_both_ways_of_picking_a_page_agree(
    fixture: Fixture, kind: ListKind, filters: Filters
) -> None:
    from fieldapp.reports.lists import list_sql

    pages = []
    for ordered in (False, True):
        for offset in (0, 1, 3):
            sql, params = list_sql(kind, filters, TODAY, offset, 2, ordered)
            pages.append([row[0] for row in fixture.db.execute(sql, params)])
    assert pages[:3] == pages[3:]


@pytest.mark.parametrize("kind", list(ListKind))
@pytest.mark.parametrize("ordered", [False, True])
def test_a_page_picks_its_rows_once(fixture: Fixture, kind: ListKind, ordered: bool) -> None:
    """The subquery picking a page must not depend on the outer row (a correlated subquery
    would run once per row of the table: minutes at provincial scale)."""
    from fieldapp.reports.lists import list_sql

    filters = Filters(area="220100", key_units_only=True, equipment_class="3000", text="登记")
    sql, params = list_sql(kind, filters, TODAY, 0, 100, ordered)
    plan = [row[3] for row in fixture.db.execute("EXPLAIN QUERY PLAN " + sql, params)]
    assert not [step for step in plan if "CORRELATED LIST" in step], plan
