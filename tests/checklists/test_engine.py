"""Evaluation (visibility, completeness, findings), composition and version pinning."""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path

import pytest

from fieldapp.checklists import Checklist, Item, load_pinned, pin
from fieldapp.checklists.engine import compose, covers, device_facts, evaluate
from fieldapp.checklists.loader import load_checklist, parse_checklist_text
from fieldapp.domain.ids import uuid7
from fieldapp.domain.models import Equipment
from fieldapp.errors import NotFound
from fieldapp.store.checklists import pinned_versions
from fieldapp.workspace import Workspace

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    return load_checklist(DATA / "forms_engine.yaml")


TRACTION = {"catalogue_code": "3110", "drive": "traction"}
HYDRAULIC = {"catalogue_code": "3210"}


def ids(items: Iterable[Item]) -> list[str]:
    return [item.id for item in items]


def test_conditional_items_appear_and_disappear(checklist: Checklist) -> None:
    assert ids(evaluate(checklist, {}, TRACTION).visible) == ["T-01", "T-03", "T-04", "T-05"]
    assert "T-02" in ids(evaluate(checklist, {"T-01": "fail"}, TRACTION).visible)
    assert "T-02" not in ids(evaluate(checklist, {"T-01": "pass"}, TRACTION).visible)
    hydraulic = evaluate(checklist, {}, HYDRAULIC)
    assert ids(hydraulic.visible) == ["T-01", "T-03", "T-04", "T-05", "T-10"]
    assert "T-11" in ids(evaluate(checklist, {"T-10": "pass"}, HYDRAULIC).visible)
    # the answer of a hidden item is ignored, also by the conditions that read it
    hidden = evaluate(checklist, {"T-10": "pass", "T-11": "fail"}, TRACTION)
    assert "T-11" not in ids(hidden.visible)


def test_completeness(checklist: Checklist) -> None:
    empty = evaluate(checklist, {}, TRACTION)
    assert empty.missing == ("T-01", "T-03", "T-04") and empty.progress == 0.0
    assert not empty.complete
    done = evaluate(checklist, {"T-01": "pass", "T-03": 12, "T-04": "maker"}, TRACTION)
    assert done.complete and done.progress == 1.0 and done.answered == 3
    opened = evaluate(checklist, {"T-01": "fail", "T-03": 12, "T-04": "maker"}, TRACTION)
    assert opened.missing == ("T-02",), "a newly shown required item must be answered"


def test_failed_items_propose_their_findings(checklist: Checklist) -> None:
    result = evaluate(checklist, {"T-01": "fail", "T-03": 45, "T-04": "unlicensed"}, TRACTION)
    found = {f.item_id: f.template for f in result.findings}
    assert set(found) == {"T-01", "T-03", "T-04"}
    assert found["T-01"].measure == "stop_use" and found["T-01"].severity == "serious"
    assert found["T-01"].penalty.endswith("第八十四条第一项") and found["T-01"].code == "T01"
    assert found["T-03"].deadline_days == 15 and found["T-03"].code == "T-03"
    ok = evaluate(checklist, {"T-01": "pass", "T-03": 30, "T-04": "licensed"}, TRACTION)
    assert ok.findings == ()
    na = evaluate(checklist, {"T-01": "na"}, TRACTION)
    assert na.findings == ()


def test_answers_to_renamed_items_follow_the_new_id(checklist: Checklist) -> None:
    result = evaluate(checklist, {"T-OLD-03": 99}, TRACTION)
    assert [f.item_id for f in result.findings] == ["T-03"]
    assert checklist.item("T-OLD-03").id == "T-03"


def test_device_facts_from_a_registry_record() -> None:
    device = Equipment(
        id="e", unit_id="u", catalogue_code="3210", attributes={"floors": 6, "machine_room": False}
    )
    facts = device_facts(device)
    assert facts == {
        "floors": 6,
        "machine_room": False,
        "catalogue_code": "3210",
        "status": "in_use",
    }


def test_covers_follows_the_catalogue() -> None:
    assert covers(["3000"], "3110") and covers(["3100"], "3110") and covers(["3110"], "3110")
    assert not covers(["3100"], "3210") and not covers(["3300"], "3110")
    assert covers(["6000"], "6A00")
    assert covers(["3100"], "3111"), "an older code is matched by its category"


def _device(code: str) -> Equipment:
    return Equipment(id=uuid7(), unit_id="u", catalogue_code=code)


def test_composition_unit_once_and_each_device() -> None:
    unit_text = (DATA / "forms_sample.yaml").read_text(encoding="utf-8")
    unit_list = parse_checklist_text(
        unit_text.replace("id: sample", "id: unit_x")
        .replace("scope: equipment", "scope: unit")
        .replace('applies_to: ["3100"]\n', "")
        .replace('        when: device.drive == "hydraulic" and answer.S-01 != "na"\n', "")
    )
    elevators = parse_checklist_text(unit_text.replace("id: sample", "id: elevators"))
    holiday = parse_checklist_text(
        unit_text.replace("id: sample", "id: holiday").replace(
            'applies_to: ["3100"]', 'applies_to: ["3000"]\ncampaign: holiday'
        )
    )
    lifts = [_device("3110") for _ in range(8)]
    boiler = _device("1100")
    runs = compose([unit_list, elevators, holiday], [*lifts, boiler])
    assert [r.checklist.id for r in runs] == ["unit_x"] + ["elevators"] * 8
    assert runs[0].equipment_id is None
    assert [r.equipment_id for r in runs[1:]] == [d.id for d in lifts]
    campaign = compose([unit_list, elevators, holiday], [*lifts, boiler], campaign="holiday")
    assert [r.checklist.id for r in campaign] == ["unit_x"] + ["holiday"] * 8


def test_pinned_version_survives_a_newer_file(officer_ws: Workspace) -> None:
    text = (DATA / "forms_engine.yaml").read_text(encoding="utf-8")
    old = parse_checklist_text(text)
    new = parse_checklist_text(
        text.replace('version: "2026.2"', 'version: "2026.3"').replace(
            "在检验有效期内", "电梯在检验有效期内并张贴检验合格标志"
        )
    )
    with officer_ws.store.transaction() as db:
        old_hash = pin(db, old)
        assert pin(db, old) == old_hash, "pinning twice changes nothing"
    with officer_ws.store.transaction() as db:
        new_hash = pin(db, new)
    assert old_hash != new_hash
    with officer_ws.store.reading() as db:
        again = load_pinned(db, old_hash)
        assert again.version == "2026.2"
        assert again.item("T-01").text.zh == "在检验有效期内"
        assert load_pinned(db, new_hash).item("T-01").text.zh.startswith("电梯")
        assert [v for v, _ in pinned_versions(db, "engine_test")] == ["2026.2", "2026.3"]
        with pytest.raises(NotFound):
            load_pinned(db, "0" * 64)


def test_pinned_body_that_was_edited_is_refused(officer_ws: Workspace) -> None:
    checklist = parse_checklist_text((DATA / "forms_engine.yaml").read_text(encoding="utf-8"))
    with officer_ws.store.transaction() as db:
        content_hash = pin(db, checklist)
        db.execute("UPDATE checklist_versions SET body = replace(body, '在检验', '不在检验')")
    with officer_ws.store.reading() as db, pytest.raises(ValueError, match="does not match"):
        load_pinned(db, content_hash)


def test_evaluation_is_deterministic_under_random_answers(checklist: Checklist) -> None:
    rng = random.Random(7)
    values = {
        "T-01": ["pass", "fail", "na", None],
        "T-02": ["pass", None],
        "T-03": [0, 30, 31, None],
        "T-04": ["maker", "unlicensed", None],
        "T-10": ["pass", None],
        "T-11": ["fail", None],
    }
    for _ in range(300):
        answers = {k: rng.choice(v) for k, v in values.items()}
        answers = {k: v for k, v in answers.items() if v is not None}
        device = rng.choice([TRACTION, HYDRAULIC, {}])
        first = evaluate(checklist, answers, device)
        assert first == evaluate(checklist, dict(reversed(list(answers.items()))), device)
        assert set(first.missing) <= set(ids(first.visible))
        assert {f.item_id for f in first.findings} <= set(ids(first.visible))


def test_every_demo_device_gets_a_shipped_checklist(demo_home: Path) -> None:
    from fieldapp.checklists import shipped_checklists
    from fieldapp.store import registry as reg

    checklists = shipped_checklists()
    with Workspace.open(demo_home) as ws, ws.store.reading() as db:
        devices = [
            d
            for s in reg.search_units(db, limit=1000)
            for d in reg.equipment_of_unit(db, s.unit.id)
        ]
    runs = compose(checklists, devices)
    assert [r.checklist.id for r in runs if r.equipment_id is None] == ["unit_management"]
    covered = {r.equipment_id for r in runs}
    uncovered = sorted({d.catalogue_code for d in devices if d.id not in covered})
    assert uncovered == [], f"no checklist for catalogue codes {uncovered}"
    elevators = [d for d in devices if d.catalogue_code.startswith(("31", "32", "34"))]
    assert sum(r.checklist.id == "elevator" for r in runs) == len(elevators)
    for run in runs[:50]:  # a fresh inspection of a real device shows items and needs answers
        device = next((d for d in devices if d.id == run.equipment_id), None)
        result = evaluate(run.checklist, {}, device_facts(device))
        assert result.visible and result.missing
