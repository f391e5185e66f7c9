"""Use-cases: validation, one transaction each, rev and audit bookkeeping."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp import workflow
from fieldapp.domain.codes import make_credit_code
from fieldapp.domain.ids import uuid7, uuid7_time_ms
from fieldapp.domain.models import Equipment, EquipmentStatus, Officer, Unit, is_overdue
from fieldapp.errors import NotFound, ValidationError
from fieldapp.store import registry as reg
from fieldapp.store.audit import audit_entries, verify_audit_chain
from fieldapp.store.registry import StaleRecord
from fieldapp.workspace import Workspace


def unit(n: int = 1, **changes: object) -> Unit:
    base = Unit(
        id="",
        name=f"长春示例商场{n}",
        credit_code=make_credit_code(f"91220102MA{n:07d}"),
        address="长春市南关区人民大街1号",
        district_code="220102",
        safety_manager="张伟",
        safety_manager_phone="13904310000",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def device(unit_id: str, **changes: object) -> Equipment:
    base = Equipment(
        id="",
        unit_id=unit_id,
        catalogue_code="3110",
        equipment_code="311010001201800001",
        location="1号客梯",
        next_inspection_due=dt.date(2027, 1, 1),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_add_unit_stamps_and_audits(officer_ws: Workspace) -> None:
    changes = workflow.add_unit(officer_ws.store, unit())
    assert changes.units and not changes.equipment
    with officer_ws.store.reading() as db:
        saved = reg.get_unit(db, changes.record_id)
        entries = audit_entries(db, entity_id=saved.id)
    assert saved.rev == 1 and saved.origin_device == officer_ws.device_id
    assert saved.updated_at.startswith(str(dt.date.today().year))
    assert uuid7_time_ms(saved.id) > 0
    assert [e.action for e in entries] == ["create"]
    assert entries[0].actor == "王建国（22010019001）"


def test_add_unit_refuses_bad_fields_all_at_once(officer_ws: Workspace) -> None:
    bad = unit(
        name=" ",
        credit_code="91110000600037341X",
        district_code="2201",
        safety_manager_phone="call me",
    )
    with pytest.raises(ValidationError) as caught:
        workflow.add_unit(officer_ws.store, bad)
    assert set(caught.value.problems) == {
        "name",
        "credit_code",
        "district_code",
        "safety_manager_phone",
    }
    with officer_ws.store.reading() as db:
        assert reg.count_units(db) == 0


def test_duplicate_credit_code_is_refused(officer_ws: Workspace) -> None:
    workflow.add_unit(officer_ws.store, unit(1))
    with pytest.raises(ValidationError, match="already registered"):
        workflow.add_unit(officer_ws.store, unit(1, name="另一个名字"))


def test_update_bumps_rev_and_refuses_stale_copies(officer_ws: Workspace) -> None:
    unit_id = workflow.add_unit(officer_ws.store, unit()).record_id
    with officer_ws.store.reading() as db:
        first = reg.get_unit(db, unit_id)
    workflow.update_unit(officer_ws.store, dataclasses.replace(first, address="新地址"))
    with officer_ws.store.reading() as db:
        second = reg.get_unit(db, unit_id)
        detail = audit_entries(db, entity_id=unit_id)[0].detail
    assert second.rev == 2 and second.address == "新地址"
    assert "新地址" in detail and "人民大街" in detail
    with pytest.raises(StaleRecord):
        workflow.update_unit(officer_ws.store, dataclasses.replace(first, name="过时的修改"))


def test_failure_inside_an_action_leaves_nothing(
    officer_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_audit(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("crash in the middle of the action")

    monkeypatch.setattr(officer_ws.store, "audit", broken_audit)
    with pytest.raises(RuntimeError):
        workflow.add_unit(officer_ws.store, unit())
    with officer_ws.store.reading() as db:
        assert reg.count_units(db) == 0


def test_equipment_needs_an_existing_unit_and_valid_codes(officer_ws: Workspace) -> None:
    with pytest.raises(NotFound):
        workflow.add_equipment(officer_ws.store, device(uuid7()))
    unit_id = workflow.add_unit(officer_ws.store, unit()).record_id
    with pytest.raises(ValidationError) as caught:
        workflow.add_equipment(
            officer_ws.store, device(unit_id, catalogue_code="ZZZZZ", equipment_code="12345")
        )
    assert set(caught.value.problems) == {"catalogue_code", "equipment_code"}
    changes = workflow.add_equipment(
        officer_ws.store,
        device(
            unit_id,
            catalogue_code="3111",
            equipment_code="",
            usage_registration_number="梯11吉A01234(18)",
        ),
    )
    assert any("2014" in w for w in changes.warnings), "an older code is accepted with a warning"


def test_search_finds_units_by_name_code_address_and_equipment_code(
    officer_ws: Workspace,
) -> None:
    store = officer_ws.store
    a = workflow.add_unit(store, unit(1, name="长春欧亚示例卖场")).record_id
    b = workflow.add_unit(
        store, unit(2, name="吉林市示例医院", district_code="220202", address="吉林市昌邑区解放路")
    ).record_id
    workflow.add_equipment(store, device(b, equipment_code="311010001201912345"))
    with store.reading() as db:

        def ids(**kwargs: object) -> list[str]:
            return [s.unit.id for s in reg.search_units(db, **kwargs)]  # type: ignore[arg-type]

        assert ids(text="欧亚") == [a]
        assert ids(text=make_credit_code("91220102MA0000002")[8:].lower()) == [b]
        assert ids(text="解放路") == [b]
        assert ids(text="201912345") == [b]
        assert ids(text="%") == []
        assert ids(district_prefix="2202") == [b]
        assert sorted(ids()) == sorted([a, b])


@settings(max_examples=60, deadline=None)
@given(
    due=st.one_of(st.none(), st.dates(dt.date(2024, 1, 1), dt.date(2028, 1, 1))),
    postponed=st.one_of(st.none(), st.dates(dt.date(2024, 1, 1), dt.date(2028, 1, 1))),
    status=st.sampled_from(list(EquipmentStatus)),
    today=st.dates(dt.date(2024, 1, 1), dt.date(2028, 1, 1)),
)
def test_overdue_in_sql_agrees_with_the_domain(
    tmp_path_factory: pytest.TempPathFactory,
    due: dt.date | None,
    postponed: dt.date | None,
    status: EquipmentStatus,
    today: dt.date,
) -> None:
    from fieldapp.store.database import open_database

    db = open_database(tmp_path_factory.mktemp("overdue") / "x.db")
    with db.atomic():
        u = reg.insert_record(db, "units", unit(id=uuid7()), "dev")
        reg.insert_record(
            db,
            "equipment",
            device(
                u.id,
                id=uuid7(),
                next_inspection_due=due,
                inspection_postponed_until=postponed,
                status=status,
            ),
            "dev",
        )
    stored = reg.equipment_of_unit(db, u.id)[0]
    assert reg.count_equipment(db, today)[1] == int(is_overdue(stored, today))
    db.close()


def test_colleagues(officer_ws: Workspace) -> None:
    colleague = Officer(id="", name="刘洋", law_id="22010019002")
    workflow.add_colleague(officer_ws.store, colleague)
    with pytest.raises(ValidationError, match="already listed"):
        workflow.add_colleague(officer_ws.store, colleague)
    with officer_ws.store.reading() as db:
        names = [o.name for o in reg.list_officers(db)]
        assert verify_audit_chain(db) == []
    assert names == sorted(["王建国", "刘洋"])
