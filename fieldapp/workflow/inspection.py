"""The on-site inspection: start, answer, photos, findings, signatures, finish, amend.

Every function is one transaction and returns ``Changes``; nothing here imports Qt. An
inspection pins the exact checklist versions it uses; once finished it is locked, and
later changes are amendments kept beside the original.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from fieldapp.checklists import Checklist, compose, device_facts, evaluate, load_pinned, pin
from fieldapp.checklists.engine import Evaluation
from fieldapp.checklists.model import Item
from fieldapp.domain.ids import uuid7
from fieldapp.domain.models import CheckType, Equipment
from fieldapp.errors import UserError, ValidationError
from fieldapp.media import prepare_photo
from fieldapp.store import AttachmentStore, Store
from fieldapp.store import inspections as q
from fieldapp.store import registry as reg
from fieldapp.store.attachments import record_attachment
from fieldapp.workflow import Changes

UNIT_SIGNER = "unit"


def officer_signer(officer_id: str) -> str:
    return f"officer:{officer_id}"


class InspectionLocked(UserError):
    """The inspection is finished: record an amendment instead."""


class FinishRefused(UserError):
    """The inspection cannot be finished yet; ``problems`` says what is missing."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__(
            "还不能完成检查 / cannot finish yet:\n" + "\n".join(f"· {p}" for p in self.problems)
        )


# --- reading -----------------------------------------------------------------------------

_PINNED: dict[str, Checklist] = {}


def pinned_checklist(db: Database, content_hash: str) -> Checklist:
    """A pinned checklist, parsed once per process (they never change)."""
    checklist = _PINNED.get(content_hash)
    if checklist is None:
        checklist = _PINNED[content_hash] = load_pinned(db, content_hash)
    return checklist


@dataclass(frozen=True)
class RunView:
    """One checklist of an inspection, with what it is about."""

    run: q.RunRow
    checklist: Checklist
    equipment: Equipment | None
    facts: dict[str, Any]

    @property
    def id(self) -> str:
        return self.run.id

    def evaluate(self, answers: dict[str, q.AnswerRow]) -> Evaluation:
        return evaluate(self.checklist, {k: a.value for k, a in answers.items()}, self.facts)


def load_runs(db: Database, inspection_id: str) -> list[RunView]:
    views = []
    for run in q.runs(db, inspection_id):
        device = reg.get_equipment(db, run.equipment_id) if run.equipment_id else None
        views.append(
            RunView(run, pinned_checklist(db, run.checklist_hash), device, device_facts(device))
        )
    return views


def _writable(db: Database, inspection_id: str) -> q.InspectionRow:
    row = q.get_inspection(db, inspection_id)
    if row.locked:
        raise InspectionLocked(
            "这次检查已完成并锁定；如需更改，请记录更正（说明理由）。 / This inspection is"
            " finished and locked; record an amendment with a reason instead."
        )
    return row


def _run_view(db: Database, inspection_id: str, run_id: str) -> RunView:
    for view in load_runs(db, inspection_id):
        if view.id == run_id:
            return view
    raise ValidationError({"run": "检查表不属于这次检查 / not a checklist of this inspection"})


# --- start -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewInspection:
    unit_id: str
    equipment_ids: tuple[str, ...]
    officer_ids: tuple[str, ...]  # the laptop's officer first
    check_type: CheckType
    task_source: str = ""
    campaign: str | None = None
    representative: str = ""
    representative_post: str = ""
    representative_phone: str = ""


def start_inspection(
    store: Store,
    new: NewInspection,
    checklists: Sequence[Checklist],
    officer_id: str,
    now: str | None = None,
) -> Changes:
    """Create a draft inspection: its officers, and the composed checklists, pinned.

    Raises ValidationError if the unit or a device is unknown, a device belongs to another
    unit, no officer is named, or no checklist applies.
    """
    problems: dict[str, str] = {}
    if not new.officer_ids:
        problems["officers"] = "至少需要一名检查人员 / at least one officer is needed"
    if len(set(new.equipment_ids)) != len(new.equipment_ids):
        problems["equipment"] = "同一台设备选了两次 / a device is chosen twice"
    if problems:
        raise ValidationError(problems)
    inspection_id = uuid7()
    with store.transaction() as db:
        reg.get_unit(db, new.unit_id)
        devices = [reg.get_equipment(db, e) for e in new.equipment_ids]
        foreign = [d.equipment_code or d.id for d in devices if d.unit_id != new.unit_id]
        if foreign:
            raise ValidationError(
                {"equipment": (f"设备不属于该单位：{', '.join(foreign)} / devices of another unit")}
            )
        for officer in new.officer_ids:
            reg.get_officer(db, officer)
        composed = compose(checklists, devices, campaign=new.campaign)
        if not composed:
            raise ValidationError({"checklists": "没有适用的检查表 / no checklist applies"})
        started = now or reg.now_text()
        q.insert_inspection(
            db,
            {
                "id": inspection_id,
                "unit_id": new.unit_id,
                "check_type": new.check_type.code,
                "task_source": new.task_source.strip(),
                "campaign": new.campaign,
                "state": "draft",
                "started_at": started,
                "created_by": officer_id,
                "unit_representative": new.representative.strip(),
                "unit_representative_post": new.representative_post.strip(),
                "unit_representative_phone": new.representative_phone.strip(),
                "updated_at": started,
                "origin_device": store.device_id,
            },
        )
        q.set_officers(db, inspection_id, list(new.officer_ids))
        for position, run in enumerate(composed):
            q.insert_run(
                db,
                uuid7(),
                inspection_id,
                position,
                run.checklist.id,
                pin(db, run.checklist),
                run.equipment_id,
            )
        store.audit(
            db,
            "start",
            "inspection",
            inspection_id,
            {
                "unit_id": new.unit_id,
                "equipment": list(new.equipment_ids),
                "checklists": [f"{r.checklist.id} {r.checklist.version}" for r in composed],
            },
        )
    return Changes(inspections=True, record_id=inspection_id)


# --- answering ---------------------------------------------------------------------------


def check_value(item: Item, value: Any) -> Any:
    """The value to store for an answer to ``item``. Raises ValidationError if unfit."""
    problem = None
    if item.kind == "check":
        if value not in ("pass", "fail", "na"):
            problem = "应为 符合/不符合/不适用 / must be pass, fail or na"
    elif item.kind == "number":
        if isinstance(value, str):
            try:
                value = float(value.strip().replace(",", "."))
            except ValueError:
                value = None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            problem = "请输入数字 / enter a number"
        elif (item.range_min is not None and value < item.range_min) or (
            item.range_max is not None and value > item.range_max
        ):
            problem = (
                f"超出可输入范围 {item.range_min}–{item.range_max} {item.unit} / outside"
                " the possible range: a typo?"
            )
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
    elif item.kind == "choice":
        if value not in {c.id for c in item.choices}:
            problem = "不是此项的选项 / not one of the choices"
    elif item.kind == "date":
        try:
            value = dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            problem = "日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD"
    elif item.kind in ("text", "photo"):
        value = str(value).strip()
        if item.kind == "text" and not value:
            problem = "内容不能为空 / the text is empty"
    if problem:
        raise ValidationError({item.id: problem})
    return value


def _sync_findings(
    db: Database, store: Store, inspection: q.InspectionRow, view: RunView, today: dt.date
) -> None:
    """Propose findings for failed visible items; take back proposals that no longer fail."""
    answers = q.answers_of_run(db, view.id)
    result = view.evaluate(answers)
    failing = {f.item_id: f.template for f in result.findings}
    existing = {
        f.item_id: f for f in q.findings(db, inspection.id) if f.run_id == view.id and f.item_id
    }
    for item_id, finding in existing.items():
        if item_id not in failing:
            q.delete_finding(db, finding.id)
    started = dt.date.fromisoformat(inspection.started_at[:10]) if inspection.started_at else today
    for item_id, template in failing.items():
        if item_id in existing:
            continue
        deadline = (
            started + dt.timedelta(days=template.deadline_days)
            if template.deadline_days
            else started
        )
        q.insert_finding(
            db,
            {
                "id": uuid7(),
                "inspection_id": inspection.id,
                "run_id": view.id,
                "item_id": item_id,
                "equipment_id": view.run.equipment_id,
                "text": template.text.zh,
                "severity": template.severity,
                "measure": template.measure,
                "deadline": deadline.isoformat(),
                "violated": template.violated,
                "penalty": template.penalty,
                "code": template.code,
                "origin_device": store.device_id,
            },
        )


def answer_item(
    store: Store,
    inspection_id: str,
    run_id: str,
    item_id: str,
    value: Any,
    note: str | None = None,
    today: dt.date | None = None,
) -> Changes:
    """Save one answer (and its note) at once, in its own transaction.

    ``value`` None clears the answer. Raises InspectionLocked, ValidationError.
    """
    today = today or dt.date.today()
    with store.transaction() as db:
        inspection = _writable(db, inspection_id)
        view = _run_view(db, inspection_id, run_id)
        item = view.checklist.item(item_id)
        existing = q.get_answer(db, run_id, item.id)
        if value is None:
            q.delete_answer(db, run_id, item.id)
        else:
            stored = check_value(item, value)
            q.upsert_answer(
                db,
                existing.id if existing else uuid7(),
                inspection_id,
                run_id,
                item.id,
                stored,
                (note if note is not None else existing.note if existing else "").strip(),
                store.device_id,
            )
        runs = [r.id for r in q.runs(db, inspection_id)]
        q.set_position(db, inspection_id, runs.index(run_id), item.id)
        _sync_findings(db, store, inspection, view, today)
        store.audit(
            db,
            "answer",
            "inspection",
            inspection_id,
            {"run": run_id, "item": item.id, "value": value},
        )
    return Changes(inspections=True, record_id=inspection_id)


def note_item(store: Store, inspection_id: str, run_id: str, item_id: str, note: str) -> Changes:
    """Save the note of an answered item. Raises UserError if it is not answered yet."""
    with store.transaction() as db:
        _writable(db, inspection_id)
        existing = q.get_answer(db, run_id, item_id)
        if existing is None:
            raise UserError("请先回答此项，再写说明 / answer the item before writing a note")
        q.upsert_answer(
            db,
            existing.id,
            inspection_id,
            run_id,
            item_id,
            existing.value,
            note.strip(),
            store.device_id,
        )
        store.audit(db, "note", "inspection", inspection_id, {"run": run_id, "item": item_id})
    return Changes(inspections=True, record_id=inspection_id)


def remember_position(store: Store, inspection_id: str, run_index: int, item_id: str) -> None:
    """Where the officer is, so that reopening resumes there."""
    with store.transaction() as db:
        q.set_position(db, inspection_id, run_index, item_id)


def add_photo(
    store: Store,
    attachments: AttachmentStore,
    inspection_id: str,
    run_id: str,
    item_id: str,
    raw: bytes,
    name: str = "",
) -> Changes:
    """Attach a photo to an answered item: downscaled, hashed, stored, linked.

    Raises NotAnImage, InspectionLocked, UserError (item not answered yet).
    """
    photo = prepare_photo(raw, name)
    sha = attachments.put_bytes(photo.data)
    with store.transaction() as db:
        _writable(db, inspection_id)
        answer = q.get_answer(db, run_id, item_id)
        if answer is None:
            raise UserError("请先回答此项，再加照片 / answer the item before adding photos")
        record_attachment(db, sha, len(photo.data), photo.media_type, name)
        q.add_photo(db, answer.id, sha, photo.taken_at)
        store.audit(
            db,
            "photo",
            "inspection",
            inspection_id,
            {"item": item_id, "sha256": sha, "taken_at": photo.taken_at},
        )
    return Changes(inspections=True, record_id=inspection_id)


def remove_photo(
    store: Store, inspection_id: str, run_id: str, item_id: str, sha256: str
) -> Changes:
    with store.transaction() as db:
        _writable(db, inspection_id)
        answer = q.get_answer(db, run_id, item_id)
        if answer is not None:
            q.remove_photo(db, answer.id, sha256)
            store.audit(
                db, "remove photo", "inspection", inspection_id, {"item": item_id, "sha256": sha256}
            )
    return Changes(inspections=True, record_id=inspection_id)


# --- findings ----------------------------------------------------------------------------

FINDING_FIELDS = ("text", "severity", "measure", "deadline", "violated", "penalty")


def _check_finding(values: dict[str, Any]) -> dict[str, Any]:
    problems: dict[str, str] = {}
    if "text" in values and not str(values["text"]).strip():
        problems["text"] = "问题描述不能为空 / describe the problem"
    if values.get("severity", "general") not in ("general", "serious"):
        problems["severity"] = "应为一般隐患或严重事故隐患 / general or serious"
    if values.get("measure", "rectify") not in ("rectify", "stop_use", "seal", "seize"):
        problems["measure"] = "措施无效 / unknown measure"
    deadline = values.get("deadline")
    if isinstance(deadline, dt.date):
        values["deadline"] = deadline.isoformat()
    elif deadline:
        try:
            values["deadline"] = dt.date.fromisoformat(str(deadline)).isoformat()
        except ValueError:
            problems["deadline"] = "日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD"
    if problems:
        raise ValidationError(problems)
    return values


def update_finding(store: Store, finding_id: str, **values: Any) -> Changes:
    """Edit a finding in review. Raises ValidationError, InspectionLocked."""
    unknown = set(values) - set(FINDING_FIELDS)
    if unknown:
        raise ValueError(f"not finding fields: {sorted(unknown)}")
    values = _check_finding(dict(values))
    with store.transaction() as db:
        finding = q.get_finding(db, finding_id)
        _writable(db, finding.inspection_id)
        q.update_finding(db, finding_id, **values)
        store.audit(
            db,
            "edit finding",
            "inspection",
            finding.inspection_id,
            {"finding": finding_id, **{k: str(v) for k, v in values.items()}},
        )
    return Changes(inspections=True, record_id=finding.inspection_id)


def add_free_finding(
    store: Store,
    inspection_id: str,
    equipment_id: str | None,
    text: str,
    severity: str,
    measure: str,
    deadline: dt.date | str | None,
    violated: str,
    penalty: str,
) -> Changes:
    """A finding the checklists did not propose. Raises ValidationError, InspectionLocked."""
    values = _check_finding(
        {"text": text, "severity": severity, "measure": measure, "deadline": deadline}
    )
    with store.transaction() as db:
        _writable(db, inspection_id)
        finding_id = uuid7()
        q.insert_finding(
            db,
            {
                "id": finding_id,
                "inspection_id": inspection_id,
                "run_id": None,
                "item_id": None,
                "equipment_id": equipment_id,
                "text": text.strip(),
                "severity": severity,
                "measure": measure,
                "deadline": values["deadline"],
                "violated": violated.strip(),
                "penalty": penalty.strip(),
                "code": "FREE",
                "origin_device": store.device_id,
            },
        )
        store.audit(
            db, "add finding", "inspection", inspection_id, {"finding": finding_id, "text": text}
        )
    return Changes(inspections=True, record_id=finding_id)


def drop_finding(store: Store, finding_id: str, reason: str) -> Changes:
    """Drop a proposed finding (kept, marked, with the reason) or delete a free one.

    Raises ValidationError without a reason, InspectionLocked.
    """
    if not reason.strip():
        raise ValidationError({"reason": "请说明不采纳的理由 / give the reason"})
    with store.transaction() as db:
        finding = q.get_finding(db, finding_id)
        _writable(db, finding.inspection_id)
        if finding.item_id is None:
            q.delete_finding(db, finding_id)
        else:
            q.update_finding(db, finding_id, dropped=1, drop_reason=reason.strip())
        store.audit(
            db,
            "drop finding",
            "inspection",
            finding.inspection_id,
            {"finding": finding_id, "reason": reason.strip()},
        )
    return Changes(inspections=True, record_id=finding.inspection_id)


def restore_finding(store: Store, finding_id: str) -> Changes:
    with store.transaction() as db:
        finding = q.get_finding(db, finding_id)
        _writable(db, finding.inspection_id)
        q.update_finding(db, finding_id, dropped=0, drop_reason="")
        store.audit(
            db, "restore finding", "inspection", finding.inspection_id, {"finding": finding_id}
        )
    return Changes(inspections=True, record_id=finding.inspection_id)


# --- people, opinion, signatures ----------------------------------------------------------


def set_details(store: Store, inspection_id: str, **values: str) -> Changes:
    """Set the unit's representative, post, phone, opinion or the task source."""
    allowed = {
        "unit_representative",
        "unit_representative_post",
        "unit_representative_phone",
        "unit_opinion",
        "task_source",
    }
    if set(values) - allowed:
        raise ValueError(f"not editable here: {sorted(set(values) - allowed)}")
    with store.transaction() as db:
        _writable(db, inspection_id)
        q.update_inspection(db, inspection_id, **{k: v.strip() for k, v in values.items()})
        store.audit(db, "edit", "inspection", inspection_id, dict(values))
    return Changes(inspections=True, record_id=inspection_id)


def set_officers(store: Store, inspection_id: str, officer_ids: Sequence[str]) -> Changes:
    """Who inspected (the laptop's officer first). Raises NotFound, InspectionLocked."""
    with store.transaction() as db:
        _writable(db, inspection_id)
        for officer in officer_ids:
            reg.get_officer(db, officer)
        q.set_officers(db, inspection_id, list(dict.fromkeys(officer_ids)))
        store.audit(db, "officers", "inspection", inspection_id, {"officers": list(officer_ids)})
    return Changes(inspections=True, record_id=inspection_id)


def sign(
    store: Store,
    attachments: AttachmentStore,
    inspection_id: str,
    signer: str,
    name: str,
    png: bytes,
) -> Changes:
    """Keep a signature image (PNG) for an officer (``officer:<id>``) or the unit."""
    if not png.startswith(b"\x89PNG"):
        raise ValidationError({"signature": "签名图像无效 / not a signature image"})
    sha = attachments.put_bytes(png)
    with store.transaction() as db:
        _writable(db, inspection_id)
        record_attachment(db, sha, len(png), "image/png", f"signature-{signer}.png")
        q.set_signature(db, inspection_id, signer, name.strip(), sha)
        if signer == UNIT_SIGNER:
            q.update_inspection(
                db, inspection_id, refused_to_sign=0, refusal_reason="", refusal_witness=""
            )
        store.audit(db, "sign", "inspection", inspection_id, {"signer": signer, "sha256": sha})
    return Changes(inspections=True, record_id=inspection_id)


def clear_signature(store: Store, inspection_id: str, signer: str) -> Changes:
    with store.transaction() as db:
        _writable(db, inspection_id)
        q.clear_signature(db, inspection_id, signer)
        store.audit(db, "clear signature", "inspection", inspection_id, {"signer": signer})
    return Changes(inspections=True, record_id=inspection_id)


def record_refusal(store: Store, inspection_id: str, reason: str, witness: str) -> Changes:
    """The unit refused to sign: the reason and a witness replace its signature."""
    problems = {}
    if not reason.strip():
        problems["refusal_reason"] = "请写明拒签情况 / describe the refusal"
    if not witness.strip():
        problems["refusal_witness"] = "请写明见证人 / name a witness"
    if problems:
        raise ValidationError(problems)
    with store.transaction() as db:
        _writable(db, inspection_id)
        q.clear_signature(db, inspection_id, UNIT_SIGNER)
        q.update_inspection(
            db,
            inspection_id,
            refused_to_sign=1,
            refusal_reason=reason.strip(),
            refusal_witness=witness.strip(),
        )
        store.audit(
            db,
            "refusal",
            "inspection",
            inspection_id,
            {"reason": reason.strip(), "witness": witness.strip()},
        )
    return Changes(inspections=True, record_id=inspection_id)


# --- finish, amend, delete ----------------------------------------------------------------


def finish_problems(db: Database, inspection_id: str) -> list[str]:
    """Everything that keeps the inspection from being finished, in words."""
    inspection = q.get_inspection(db, inspection_id)
    problems: list[str] = []
    for view in load_runs(db, inspection_id):
        answers = q.answers_of_run(db, view.id)
        result = view.evaluate(answers)
        where = view.checklist.title.zh
        if view.equipment is not None:
            where += f"（{view.equipment.internal_number or view.equipment.equipment_code}）"
        if result.missing:
            shown = "、".join(result.missing[:5]) + ("…" if len(result.missing) > 5 else "")
            problems.append(
                f"{where}：{len(result.missing)} 个必答项未回答（{shown}） /"
                f" {len(result.missing)} required items unanswered"
            )
        no_note = [
            it.id
            for it in result.visible
            if it.fails_with(answers[it.id].value if it.id in answers else None)
            and not answers[it.id].note
        ]
        if no_note:
            problems.append(
                f"{where}：不符合项需写明情况（{'、'.join(no_note[:5])}） /"
                " non-compliant items need a note"
            )
    officers = q.officer_ids(db, inspection_id)
    if len(officers) < 2:
        problems.append("检查人员不少于二名 / at least two officers must be recorded")
    signed = q.signatures(db, inspection_id)
    for officer_id in officers:
        if officer_signer(officer_id) not in signed:
            name = reg.get_officer(db, officer_id).name
            problems.append(f"检查人员 {name} 尚未签名 / officer {name} has not signed")
    if not inspection.unit_representative:
        problems.append("请填写被检查单位陪同人员 / name the unit's representative")
    if UNIT_SIGNER not in signed and not inspection.refused_to_sign:
        problems.append(
            "被检查单位尚未签名，也未记录拒签 / the unit has neither signed nor refused"
        )
    return problems


def finish_inspection(store: Store, inspection_id: str, now: str | None = None) -> Changes:
    """Finish and lock the inspection. Raises FinishRefused listing what is missing."""
    with store.transaction() as db:
        _writable(db, inspection_id)
        problems = finish_problems(db, inspection_id)
        if problems:
            raise FinishRefused(problems)
        q.update_inspection(
            db, inspection_id, state="finished", finished_at=now or reg.now_text(), locked=1
        )
        count = len(q.findings(db, inspection_id, include_dropped=False))
        store.audit(db, "finish", "inspection", inspection_id, {"findings": count})
    return Changes(inspections=True, record_id=inspection_id)


def amend(
    store: Store,
    inspection_id: str,
    entity: str,
    entity_id: str,
    field: str,
    new_value: str,
    reason: str,
) -> Changes:
    """Record a change to a finished inspection, beside the original, with a reason.

    Raises ValidationError without a reason, UserError if the inspection is still a draft.
    """
    if not reason.strip():
        raise ValidationError({"reason": "更正需说明理由 / an amendment needs a reason"})
    with store.transaction() as db:
        inspection = q.get_inspection(db, inspection_id)
        if not inspection.locked:
            raise UserError("草稿可以直接修改，无需更正 / a draft can simply be edited")
        old = _current_value(db, inspection, entity, entity_id, field)
        q.insert_amendment(
            db,
            {
                "id": uuid7(),
                "inspection_id": inspection_id,
                "entity": entity,
                "entity_id": entity_id,
                "field": field,
                "old_value": old,
                "new_value": new_value,
                "reason": reason.strip(),
                "at": reg.now_text(),
                "actor": store.actor,
                "origin_device": store.device_id,
            },
        )
        store.audit(
            db,
            "amend",
            "inspection",
            inspection_id,
            {
                "entity": entity,
                "entity_id": entity_id,
                "field": field,
                "old": old,
                "new": new_value,
                "reason": reason.strip(),
            },
        )
    return Changes(inspections=True, record_id=inspection_id)


def _current_value(
    db: Database, inspection: q.InspectionRow, entity: str, entity_id: str, field: str
) -> str:
    for amendment in reversed(q.amendments(db, inspection.id)):
        if (amendment.entity, amendment.entity_id, amendment.field) == (entity, entity_id, field):
            return amendment.new_value
    if entity == "inspection" and field in (
        "unit_opinion",
        "unit_representative",
        "unit_representative_post",
        "unit_representative_phone",
        "task_source",
    ):
        return str(getattr(inspection, field))
    if entity == "finding" and field in FINDING_FIELDS:
        value = getattr(q.get_finding(db, entity_id), field)
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    raise ValidationError({"field": f"不能更正 {entity}.{field} / cannot amend this field"})


def delete_draft(store: Store, inspection_id: str) -> Changes:
    """Throw away a draft. Raises InspectionLocked for a finished inspection."""
    with store.transaction() as db:
        _writable(db, inspection_id)
        q.delete_draft(db, inspection_id)
        store.audit(db, "delete draft", "inspection", inspection_id, {})
    return Changes(inspections=True, record_id=inspection_id)
