"""The inspection use-cases, without a screen: start, answer, findings, sign, finish, amend."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from fieldapp.checklists import Checklist, Item
from fieldapp.errors import UserError, ValidationError
from fieldapp.media import NotAnImage
from fieldapp.store import inspections as q
from fieldapp.store.audit import verify_audit_chain
from fieldapp.workflow import inspection as wf
from fieldapp.workspace import Workspace
from tests.workflow.conftest import jpeg, png_signature, start


def compliant_value(item: Item) -> object:
    if item.kind == "number":
        return item.limit_max if item.limit_max is not None else item.limit_min or 1
    if item.kind == "choice":
        return next(c.id for c in item.choices if not c.fails)
    return {"check": "pass", "date": "2026-06-01", "text": "正常", "photo": "见照片"}[item.kind]


def answer_everything(
    ws: Workspace,
    inspection_id: str,
    fail: tuple[str, str] | None = None,
) -> None:
    """Answer every visible item, compliant, except ``fail`` = (run id, item id)."""
    with ws.store.reading() as db:
        views = wf.load_runs(db, inspection_id)
    for view in views:
        for _round in range(5):  # conditional items appear as answers arrive
            with ws.store.reading() as db:
                result = view.evaluate(q.answers_of_run(db, view.id))
            if not result.missing:
                break
            for item_id in result.missing:
                value = compliant_value(view.checklist.item(item_id))
                if fail == (view.id, item_id):
                    value = "fail"
                wf.answer_item(
                    ws.store,
                    inspection_id,
                    view.id,
                    item_id,
                    value,
                    note="轿厢内未张贴检验合格标志" if value == "fail" else None,
                )


def sign_all(ws: Workspace, inspection_id: str) -> None:
    with ws.store.reading() as db:
        officers = q.officer_ids(db, inspection_id)
    for officer in officers:
        wf.sign(
            ws.store,
            ws.attachments,
            inspection_id,
            wf.officer_signer(officer),
            "签名",
            png_signature(),
        )
    wf.sign(ws.store, ws.attachments, inspection_id, wf.UNIT_SIGNER, "张伟", png_signature())


def test_start_pins_checklists_and_composes_runs(
    demo_ws: Workspace, checklists: list[Checklist]
) -> None:
    inspection_id, unit, lifts = start(demo_ws, checklists)
    with demo_ws.store.reading() as db:
        row = q.get_inspection(db, inspection_id)
        runs = q.runs(db, inspection_id)
    assert row.state == "draft" and not row.locked and row.unit_id == unit.id
    assert [r.checklist_id for r in runs] == ["unit_management", "elevator", "elevator"]
    assert [r.equipment_id for r in runs] == [None, lifts[0].id, lifts[1].id]
    elevator = next(c for c in checklists if c.id == "elevator")
    assert runs[1].checklist_hash == elevator.content_hash


def test_devices_of_another_unit_are_refused(
    demo_ws: Workspace, checklists: list[Checklist]
) -> None:
    from fieldapp.domain.models import CheckType
    from fieldapp.store import registry as reg

    _, unit, lifts = start(demo_ws, checklists)
    with demo_ws.store.reading() as db:
        other = next(
            s.unit
            for s in reg.search_units(db, limit=100)
            if s.unit.id != unit.id and s.equipment_count
        )
    assert demo_ws.officer is not None
    new = wf.NewInspection(
        unit_id=other.id,
        equipment_ids=(lifts[0].id,),
        officer_ids=(demo_ws.officer.id,),
        check_type=CheckType.ROUTINE,
    )
    with pytest.raises(ValidationError, match="devices of another unit"):
        wf.start_inspection(demo_ws.store, new, checklists, demo_ws.officer.id)


def test_answers_are_checked_and_failures_propose_findings(
    demo_ws: Workspace, checklists: list[Checklist]
) -> None:
    inspection_id, _, lifts = start(demo_ws, checklists)
    with demo_ws.store.reading() as db:
        run = wf.load_runs(db, inspection_id)[1]
    with pytest.raises(ValidationError):
        wf.answer_item(demo_ws.store, inspection_id, run.id, "EL-REG-03", "maybe")
    wf.answer_item(
        demo_ws.store, inspection_id, run.id, "EL-REG-03", "fail", today=dt.date(2026, 11, 28)
    )
    with demo_ws.store.reading() as db:
        findings = q.findings(db, inspection_id)
        position = q.get_inspection(db, inspection_id)
    assert len(findings) == 1
    finding = findings[0]
    assert finding.measure == "stop_use" and finding.severity == "serious"
    assert finding.equipment_id == lifts[0].id and finding.item_id == "EL-REG-03"
    assert finding.penalty.endswith("第八十四条第一项")
    assert (position.current_run, position.current_item) == (1, "EL-REG-03")
    wf.answer_item(demo_ws.store, inspection_id, run.id, "EL-REG-03", "pass")
    with demo_ws.store.reading() as db:
        assert q.findings(db, inspection_id) == [], "a proposal goes when the item passes"


def test_number_items_check_range_and_limits(
    demo_ws: Workspace, checklists: list[Checklist]
) -> None:
    inspection_id, _, _ = start(demo_ws, checklists)
    with demo_ws.store.reading() as db:
        run = wf.load_runs(db, inspection_id)[1]
    number = next(
        i for i in run.checklist.items if i.kind == "number" and i.limit_max and i.when is None
    )
    with pytest.raises(ValidationError, match="enter a number"):
        wf.answer_item(demo_ws.store, inspection_id, run.id, number.id, "abc")
    assert number.limit_max is not None
    wf.answer_item(demo_ws.store, inspection_id, run.id, number.id, str(number.limit_max + 1))
    with demo_ws.store.reading() as db:
        assert [f.item_id for f in q.findings(db, inspection_id)] == [number.id]


def test_photos_are_downscaled_and_kept(demo_ws: Workspace, checklists: list[Checklist]) -> None:
    import io

    from PIL import Image

    inspection_id, _, _ = start(demo_ws, checklists)
    with demo_ws.store.reading() as db:
        run = wf.load_runs(db, inspection_id)[1]
    with pytest.raises(UserError, match="answer the item"):
        wf.add_photo(demo_ws.store, demo_ws.attachments, inspection_id, run.id, "EL-REG-02", jpeg())
    wf.answer_item(demo_ws.store, inspection_id, run.id, "EL-REG-02", "fail", note="未张贴")
    wf.add_photo(
        demo_ws.store,
        demo_ws.attachments,
        inspection_id,
        run.id,
        "EL-REG-02",
        jpeg(4000, 3000),
        "IMG_0001.jpg",
    )
    with pytest.raises(NotAnImage):
        wf.add_photo(
            demo_ws.store, demo_ws.attachments, inspection_id, run.id, "EL-REG-02", b"not a picture"
        )
    with demo_ws.store.reading() as db:
        answer = q.get_answer(db, run.id, "EL-REG-02")
    assert answer is not None and len(answer.photos) == 1
    stored = Image.open(io.BytesIO(demo_ws.attachments.read_bytes(answer.photos[0])))
    assert max(stored.size) == 2048 and stored.size == (2048, 1536)


def test_finish_refuses_with_what_is_missing(
    demo_ws: Workspace, checklists: list[Checklist]
) -> None:
    inspection_id, _, _ = start(demo_ws, checklists, colleagues=0)
    with pytest.raises(wf.FinishRefused) as caught:
        wf.finish_inspection(demo_ws.store, inspection_id)
    text = str(caught.value)
    assert "required items unanswered" in text
    assert "at least two officers" in text
    assert "has not signed" in text
    assert "neither signed nor refused" in text
    with demo_ws.store.reading() as db:
        assert not q.get_inspection(db, inspection_id).locked


def test_two_officer_rule(demo_ws: Workspace, checklists: list[Checklist]) -> None:
    inspection_id, _, _ = start(demo_ws, checklists, colleagues=0)
    answer_everything(demo_ws, inspection_id)
    sign_all(demo_ws, inspection_id)
    with pytest.raises(wf.FinishRefused) as caught:
        wf.finish_inspection(demo_ws.store, inspection_id)
    assert caught.value.problems == ["检查人员不少于二名 / at least two officers must be recorded"]


def test_full_inspection_with_a_failure_then_locked(
    demo_ws: Workspace, checklists: list[Checklist]
) -> None:
    inspection_id, _, lifts = start(demo_ws, checklists)
    with demo_ws.store.reading() as db:
        run = wf.load_runs(db, inspection_id)[2]
    answer_everything(demo_ws, inspection_id, fail=(run.id, "EL-REG-02"))
    wf.add_photo(demo_ws.store, demo_ws.attachments, inspection_id, run.id, "EL-REG-02", jpeg())
    wf.set_details(demo_ws.store, inspection_id, unit_opinion="同意检查意见，立即整改。")
    sign_all(demo_ws, inspection_id)
    wf.finish_inspection(demo_ws.store, inspection_id)
    with demo_ws.store.reading() as db:
        row = q.get_inspection(db, inspection_id)
        findings = q.findings(db, inspection_id)
        assert verify_audit_chain(db) == []
    assert row.state == "finished" and row.locked and row.finished_at
    assert [(f.item_id, f.equipment_id) for f in findings] == [("EL-REG-02", lifts[1].id)]
    with pytest.raises(wf.InspectionLocked):
        wf.answer_item(demo_ws.store, inspection_id, run.id, "EL-REG-02", "pass")
    with pytest.raises(sqlite3.IntegrityError, match="locked"):  # the database guards too
        demo_ws.store.db.execute(
            "UPDATE answers SET value = '\"pass\"' WHERE inspection_id = ?", [inspection_id]
        )


def test_refusal_to_sign_replaces_the_unit_signature(
    demo_ws: Workspace, checklists: list[Checklist]
) -> None:
    inspection_id, _, _ = start(demo_ws, checklists)
    answer_everything(demo_ws, inspection_id)
    sign_all(demo_ws, inspection_id)
    with pytest.raises(ValidationError) as caught:
        wf.record_refusal(demo_ws.store, inspection_id, "", "")
    assert set(caught.value.problems) == {"refusal_reason", "refusal_witness"}
    wf.record_refusal(
        demo_ws.store, inspection_id, "单位负责人拒绝在记录上签字", "商场保安 李强（在场见证）"
    )
    with demo_ws.store.reading() as db:
        assert wf.UNIT_SIGNER not in q.signatures(db, inspection_id)
    wf.finish_inspection(demo_ws.store, inspection_id)
    with demo_ws.store.reading() as db:
        row = q.get_inspection(db, inspection_id)
    assert row.refused_to_sign and row.refusal_witness.startswith("商场保安")


def test_amendments_are_kept_beside_the_original(
    demo_ws: Workspace, checklists: list[Checklist]
) -> None:
    inspection_id, _, _ = start(demo_ws, checklists)
    with demo_ws.store.reading() as db:
        run = wf.load_runs(db, inspection_id)[1]
    answer_everything(demo_ws, inspection_id, fail=(run.id, "EL-REG-02"))
    with pytest.raises(UserError, match="simply be edited"):
        wf.amend(
            demo_ws.store, inspection_id, "inspection", inspection_id, "unit_opinion", "x", "reason"
        )
    wf.set_details(demo_ws.store, inspection_id, unit_opinion="无异议")
    sign_all(demo_ws, inspection_id)
    wf.finish_inspection(demo_ws.store, inspection_id)
    with demo_ws.store.reading() as db:
        finding = q.findings(db, inspection_id)[0]
    with pytest.raises(ValidationError):
        wf.amend(demo_ws.store, inspection_id, "finding", finding.id, "deadline", "2026-12-31", "")
    wf.amend(
        demo_ws.store,
        inspection_id,
        "finding",
        finding.id,
        "deadline",
        "2026-12-31",
        "单位申请延期，经负责人同意",
    )
    wf.amend(
        demo_ws.store,
        inspection_id,
        "inspection",
        inspection_id,
        "unit_opinion",
        "无异议，已开始整改",
        "单位补充意见",
    )
    with demo_ws.store.reading() as db:
        amendments = q.amendments(db, inspection_id)
        original = q.get_finding(db, finding.id)
    assert [(a.field, a.old_value, a.new_value) for a in amendments] == [
        ("deadline", finding.deadline.isoformat() if finding.deadline else "", "2026-12-31"),
        ("unit_opinion", "无异议", "无异议，已开始整改"),
    ]
    assert original.deadline == finding.deadline, "the original is never overwritten"
    with pytest.raises(sqlite3.IntegrityError, match="kept as written"):
        demo_ws.store.db.execute("DELETE FROM amendments")


def test_findings_in_review(demo_ws: Workspace, checklists: list[Checklist]) -> None:
    inspection_id, _, lifts = start(demo_ws, checklists)
    with demo_ws.store.reading() as db:
        run = wf.load_runs(db, inspection_id)[1]
    wf.answer_item(demo_ws.store, inspection_id, run.id, "EL-REG-02", "fail")
    with demo_ws.store.reading() as db:
        proposed = q.findings(db, inspection_id)[0]
    wf.update_finding(
        demo_ws.store,
        proposed.id,
        text="1号梯轿厢内未张贴检验合格标志",
        deadline=dt.date(2026, 12, 5),
    )
    with pytest.raises(ValidationError):
        wf.update_finding(demo_ws.store, proposed.id, severity="terrible")
    with pytest.raises(ValidationError, match="reason"):
        wf.drop_finding(demo_ws.store, proposed.id, " ")
    wf.drop_finding(demo_ws.store, proposed.id, "现场已当场改正")
    free = wf.add_free_finding(
        demo_ws.store,
        inspection_id,
        lifts[0].id,
        "机房门未上锁",
        "general",
        "rectify",
        "2026-12-10",
        "《中华人民共和国特种设备安全法》第三十四条",
        "《中华人民共和国特种设备安全法》第六十二条",
    ).record_id
    with demo_ws.store.reading() as db:
        rows = {f.id: f for f in q.findings(db, inspection_id)}
    assert rows[proposed.id].dropped and rows[proposed.id].drop_reason == "现场已当场改正"
    assert rows[proposed.id].text == "1号梯轿厢内未张贴检验合格标志"
    assert rows[proposed.id].deadline == dt.date(2026, 12, 5)
    assert rows[free].code == "FREE" and rows[free].item_id is None
    wf.drop_finding(demo_ws.store, free, "重复")
    with demo_ws.store.reading() as db:
        assert free not in {f.id for f in q.findings(db, inspection_id)}


def test_a_newer_checklist_file_does_not_change_an_inspection(
    demo_ws: Workspace, checklists: list[Checklist]
) -> None:
    from fieldapp.checklists.loader import parse_checklist_text

    inspection_id, _, _ = start(demo_ws, checklists)
    elevator = next(c for c in checklists if c.id == "elevator")
    newer = parse_checklist_text(
        elevator.body.replace('"2026.1"', '"2026.2"').replace(
            "电梯已在投入使用前", "电梯已依法在投入使用前"
        )
    )
    newer_set = [newer if c.id == "elevator" else c for c in checklists]
    second, _, _ = start(demo_ws, newer_set)
    with demo_ws.store.reading() as db:
        old_runs = wf.load_runs(db, inspection_id)
        new_runs = wf.load_runs(db, second)
    assert old_runs[1].checklist.version == "2026.1"
    assert old_runs[1].checklist.item("EL-REG-01").text.zh.startswith("电梯已在投入使用前")
    assert new_runs[1].checklist.version == "2026.2"
