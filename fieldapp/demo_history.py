"""Past inspections as a supervisor holds them after importing the officers' batches.

Made in bulk (rows straight into the tables through ``fieldapp.store.bulk``), not through
the use-cases: the province demo has two hundred thousand inspections. The rows are what the
use-cases would have written: every inspection is answered against the pinned shipped
checklists (the required items that no condition hides), a failed item proposes the
finding its checklist names, findings are adopted into a signed 指令书 numbered per officer
and year, and notices end open, past their deadline, escalated or closed by a 复查. Every
name is invented; the content is drawn from ``random.Random(seed)`` and dated relative to
``today``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from fieldapp.checklists import Checklist
from fieldapp.checklists.engine import covers
from fieldapp.checklists.model import FindingTemplate, Item
from fieldapp.notices import document as d
from fieldapp.notices.issue import DEFAULT_FORMATS, MEASURE, SEVERITY, content_text
from fieldapp.notices.qr import NoticeClaims, content_digest, sign_claims
from fieldapp.store import bulk
from fieldapp.store.inspections import INSPECTION_COLUMNS

# fmt: off
OPINIONS = (
    "无异议，按期整改。", "同意检查意见，立即安排维保单位整改。", "已知悉，整改后书面报告。",
    "对第一项有异议，已提供补充材料。", "同意，马上落实。", "", "", "",
)
NOTES = (
    "现场查看发现该问题", "资料不全，未能提供记录", "标志缺失", "单位人员现场确认",
    "维保记录缺少近两个月的签字", "检验标志已过有效期", "应急演练记录只有一次",
    "安全管理员证书已过期", "作业人员无证上岗", "自行检查记录流于形式，多处空白",
    "应急救援电话无人接听", "隐患排查台账未建立", "安全附件校验报告缺失",
    "现场未见设备使用标志", "安全技术档案缺少定期检验报告", "维保单位资质证书复印件未存档",
    "轿厢内警示标识脱落", "紧急报警装置无法接通值班室", "制动器动作不灵敏",
    "日常巡检记录与现场情况不符", "操作规程未在现场张贴", "培训记录无签到表",
)
NOTE_DETAILS = ("", "", "", "，已拍照留存", "，单位负责人在场", "，已要求当场整改")
REPRESENTATIVE_POSTS = ("安全管理员", "设备科长", "安全总监", "物业经理", "后勤主任", "总经理")
REFUSALS = ("单位负责人以需请示上级为由拒绝签字", "当事人对检查结论有异议，拒绝签字")
WITNESSES = ("物业保安 李强", "社区网格员 张丽", "单位员工 王磊")
ESCALATION_NOTES = {"case": "逾期未改正，已立案调查", "seal": "逾期未改正，依法查封",
                    "transfer": "涉嫌违法，移交相关部门"}
RECTIFIED_NOTES = ("单位已整改，现场复查符合要求", "整改到位，资料已补齐",
                   "已整改，提交了整改报告和照片")
# fmt: on
DROP_REASON = "现场已立即整改，经复核不再列入指令书"
SIGNER_UNIT = "unit"


# --- inputs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    catalogue_code: str
    first_use: dt.date | None
    subject: str  # as the documents name it: "3号梯（曳引驱动乘客电梯，设备代码 …）"
    short: str  # internal number or location
    scrapped: bool


@dataclass(frozen=True)
class UnitInfo:
    id: str
    name: str
    credit_code: str
    district: str
    is_key: bool
    safety_manager: str
    phone: str
    devices: tuple[DeviceInfo, ...]


@dataclass
class OfficerInfo:
    id: str
    name: str
    law_id: str
    organisation: str
    agency_code: str
    officer_code: str
    city: str
    device_id: str  # the laptop it works on (origin_device of its records)
    key: Ed25519PrivateKey
    key_id: str
    signature_sha: str = ""


@dataclass
class History:
    """What was written, and what the small demo renders documents for."""

    inspections: int = 0
    answers: int = 0
    findings: int = 0
    notices: int = 0
    reinspections: int = 0
    photos: int = 0
    recent_notices: list[str] = field(default_factory=list)  # ids, the newest last


# --- fast ids -------------------------------------------------------------------------------


class FastIds:
    """UUIDv7 ids stamped with the given time (so they sort like the records they name),
    unique through a counter instead of fresh randomness for each of millions of rows."""

    def __init__(self, rng: random.Random) -> None:
        self._next = rng.getrandbits(61)

    def at(self, ms: int) -> str:
        self._next += 1
        low = self._next & 0x3FFFFFFFFFFFFFFF
        high = ((ms & 0xFFFFFFFFFFFF) << 16) | 0x7000 | (self._next >> 50 & 0xFFF)
        text = f"{high:016x}{0x8000000000000000 | low:016x}"
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def _ms(moment: dt.datetime) -> int:
    return int(moment.replace(tzinfo=dt.UTC).timestamp() * 1000) - 8 * 3600 * 1000


def _utc_text(moment: dt.datetime) -> str:
    """A local (UTC+8) moment as the store writes times: UTC, ISO, milliseconds."""
    utc = moment - dt.timedelta(hours=8)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.000+00:00")


# --- checklists ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemPlan:
    id: str
    kind: str
    pass_value: str  # JSON; "" for a date (drawn per inspection)
    fail_value: str  # JSON; "" if the item cannot fail by its value
    finding: FindingTemplate | None
    weight: float  # how often it fails, relative to the others


@dataclass(frozen=True)
class ChecklistPlan:
    id: str
    content_hash: str
    checklist: Checklist
    items: tuple[ItemPlan, ...]
    failable: tuple[int, ...]  # indexes into items


def _values(item: Item) -> tuple[str, str]:
    dumps = json.dumps
    if item.kind == "check":
        return dumps("pass"), dumps("fail")
    if item.kind == "number":
        good = item.limit_max if item.limit_max is not None else item.limit_min or 10
        if item.limit_min is not None and item.limit_max is None:
            good = item.limit_min + 2
        good_value = int(good) if float(good).is_integer() else good
        bad: float | None = None
        if item.limit_max is not None:
            bad = item.limit_max + 5
        elif item.limit_min is not None:
            bad = item.limit_min - 1
        bad_text = "" if bad is None else dumps(int(bad) if float(bad).is_integer() else bad)
        return dumps(good_value), bad_text
    if item.kind == "choice":
        good_ids = [c.id for c in item.choices if not c.fails]
        bad_ids = [c.id for c in item.choices if c.fails]
        return dumps(good_ids[0] if good_ids else item.choices[0].id), (
            dumps(bad_ids[0]) if bad_ids else ""
        )
    if item.kind == "date":
        return "", ""
    return dumps("现场核实" if item.kind == "text" else "见照片", ensure_ascii=False), ""


def plan_checklist(checklist: Checklist, content_hash: str, rng: random.Random) -> ChecklistPlan:
    """The items a demo inspection answers: required, and hidden by no condition."""
    items: list[ItemPlan] = []
    for section in checklist.sections:
        if section.when is not None:
            continue
        for item in section.items:
            if item.when is not None or not item.required:
                continue
            good, bad = _values(item)
            finding = item.finding if bad else None
            weight = min(rng.paretovariate(1.05), 60.0) if finding else 0.0
            items.append(ItemPlan(item.id, item.kind, good, bad, finding, weight))
    failable = tuple(i for i, plan in enumerate(items) if plan.finding is not None)
    return ChecklistPlan(checklist.id, content_hash, checklist, tuple(items), failable)


# --- the writer -----------------------------------------------------------------------------

# the store's columns but the runner's place and the rev (the table's defaults serve)
_INSPECTION_COLUMNS = tuple(
    c for c in INSPECTION_COLUMNS if c not in ("current_run", "current_item", "rev")
)
_ANSWER_COLUMNS = (
    "id",
    "inspection_id",
    "run_id",
    "item_id",
    "value",
    "note",
    "answered_at",
    "updated_at",
    "origin_device",
)
_FINDING_COLUMNS = (
    "id",
    "inspection_id",
    "run_id",
    "item_id",
    "equipment_id",
    "position",
    "text",
    "severity",
    "measure",
    "deadline",
    "violated",
    "penalty",
    "code",
    "dropped",
    "drop_reason",
    "updated_at",
    "origin_device",
    "unit_id",  # triggers would derive it; given, they have nothing to do
)
_NOTICE_COLUMNS = (
    "id",
    "inspection_id",
    "kind",
    "number",
    "officer_code",
    "year",
    "sequence",
    "issued_at",
    "deadline",
    "state",
    "closed_at",
    "payload",
    "updated_at",
    "origin_device",
    "unit_id",
)
_REINSPECTION_COLUMNS = (
    "id",
    "notice_id",
    "officer_id",
    "at",
    "outcome",
    "escalation",
    "note",
    "updated_at",
    "origin_device",
)


@dataclass
class _Buffers:
    inspections: list[tuple[object, ...]] = field(default_factory=list)
    officers: list[tuple[object, ...]] = field(default_factory=list)
    runs: list[tuple[object, ...]] = field(default_factory=list)
    answers: list[tuple[object, ...]] = field(default_factory=list)
    photos: list[tuple[object, ...]] = field(default_factory=list)
    findings: list[tuple[object, ...]] = field(default_factory=list)
    signatures: list[tuple[object, ...]] = field(default_factory=list)
    notices: list[tuple[object, ...]] = field(default_factory=list)
    reinspections: list[tuple[object, ...]] = field(default_factory=list)
    results: list[tuple[object, ...]] = field(default_factory=list)

    def flush(self, db: Database) -> None:
        bulk.insert_rows(db, "inspections", _INSPECTION_COLUMNS, self.inspections)
        bulk.insert_rows(
            db, "inspection_officers", ("inspection_id", "officer_id", "position"), self.officers
        )
        bulk.insert_rows(
            db,
            "inspection_runs",
            ("id", "inspection_id", "position", "checklist_id", "checklist_hash", "equipment_id"),
            self.runs,
        )
        bulk.insert_rows(db, "answers", _ANSWER_COLUMNS, self.answers)
        bulk.insert_rows(
            db, "answer_photos", ("answer_id", "sha256", "position", "taken_at"), self.photos
        )
        bulk.insert_rows(db, "findings", _FINDING_COLUMNS, self.findings)
        bulk.insert_rows(
            db,
            "signatures",
            ("inspection_id", "signer", "name", "sha256", "signed_at"),
            self.signatures,
        )
        bulk.insert_rows(db, "notices", _NOTICE_COLUMNS, self.notices)
        bulk.insert_rows(db, "reinspections", _REINSPECTION_COLUMNS, self.reinspections)
        bulk.insert_rows(
            db,
            "reinspection_findings",
            ("reinspection_id", "finding_id", "rectified", "note", "photos"),
            self.results,
        )
        for rows in vars(self).values():
            rows.clear()


@dataclass(frozen=True)
class Visit:
    """One planned inspection."""

    started: dt.datetime
    unit: int  # index into the units


@dataclass(frozen=True)
class _Finding:
    id: str
    equipment_id: str | None
    subject: str
    template: FindingTemplate
    text: str
    deadline: dt.date | None
    measure: str  # as adopted: an officer may seal or seize where the checklist says stop


class HistoryWriter:
    """Writes planned visits as inspections with everything that follows from them."""

    def __init__(
        self,
        rng: random.Random,
        today: dt.date,
        units: Sequence[UnitInfo],
        officers_by_city: dict[str, list[OfficerInfo]],
        unit_plan: ChecklistPlan,
        device_plans: Callable[[str, bool], list[ChecklistPlan]],
        unit_signatures: Sequence[str],
        photos: Sequence[str] = (),
    ) -> None:
        self.rng = rng
        self.today = today
        self.units = units
        self.officers_by_city = officers_by_city
        self.officer_weights = {
            city: list(_cumulative([rng.uniform(0.4, 2.0) for _ in officers]))
            for city, officers in officers_by_city.items()
        }
        self.unit_plan = unit_plan
        self.device_plans = device_plans
        self.unit_signatures = unit_signatures
        self.photos = photos
        self.ids = FastIds(rng)
        self.sequences: dict[tuple[str, int, str], int] = {}
        self.holds: list[tuple[str, str, str]] = []  # (status, notice id, equipment id)
        self.summary = History()
        self.buffers = _Buffers()
        self._dropped: set[str] = set()

    # -- planning ---------------------------------------------------------------------------

    def _officers(self, city: str) -> tuple[OfficerInfo, OfficerInfo]:
        pool = self.officers_by_city.get(city) or next(iter(self.officers_by_city.values()))
        weights = self.officer_weights.get(city) or next(iter(self.officer_weights.values()))
        total = weights[-1]
        lead = bisect.bisect(weights, self.rng.random() * total)
        other = lead
        while other == lead and len(pool) > 1:
            other = bisect.bisect(weights, self.rng.random() * total)
        return pool[min(lead, len(pool) - 1)], pool[min(other, len(pool) - 1)]

    def _task(self, day: dt.date) -> tuple[str, str, str | None]:
        """(check type, task source, campaign)."""
        r = self.rng.random()
        if day.month in (1, 2, 9) and r < 0.45:
            holiday = "春节" if day.month <= 2 else "国庆节"
            return "campaign", f"{day.year}年{holiday}前特种设备安全专项检查", "holiday"
        if r < 0.52:
            topic = self.rng.choice(("电梯安全专项整治", "燃气安全专项整治", "起重机械专项检查"))
            return "campaign", f"{day.year}年{topic}", None
        if r < 0.60:
            source = self.rng.choice(("12345热线投诉举报核查", "上级交办", "事故隐患线索核查"))
            return "other", source, None
        return "routine", f"{day.year}年度特种设备安全监督检查计划", None

    def _sampled(self, unit: UnitInfo, day: dt.date) -> list[DeviceInfo]:
        by_class: dict[str, list[DeviceInfo]] = {}
        for device in unit.devices:
            if device.scrapped or (device.first_use is not None and device.first_use > day):
                continue
            by_class.setdefault(device.catalogue_code[0], []).append(device)
        classes = list(by_class)
        self.rng.shuffle(classes)
        return [self.rng.choice(by_class[c]) for c in classes[:2]]

    def _failures(self) -> int:
        if self.rng.random() < 0.42:
            return 0
        count = 1
        while count < 12 and self.rng.random() > 0.29:
            count += 1
        return count

    # -- one inspection ---------------------------------------------------------------------

    def add(self, visit: Visit) -> None:
        rng = self.rng
        ids = self.ids
        buffers = self.buffers
        unit = self.units[visit.unit]
        day = visit.started.date()
        lead, second = self._officers(unit.district[:4] + "00")
        origin = lead.device_id
        start_ms = _ms(visit.started)
        inspection_id = ids.at(start_ms)
        finished = visit.started + dt.timedelta(minutes=rng.randint(70, 210))
        started_text = visit.started.isoformat()
        finished_text = finished.isoformat()
        stamp = _utc_text(finished)
        check_type, source, campaign = self._task(day)
        refused = rng.random() < 0.03
        representative = unit.safety_manager or "单位安全管理员"
        opinion = "" if refused else rng.choice(OPINIONS)
        buffers.officers.append((inspection_id, lead.id, 0))
        buffers.officers.append((inspection_id, second.id, 1))
        for officer in (lead, second):
            buffers.signatures.append(
                (inspection_id, f"officer:{officer.id}", officer.name, officer.signature_sha, stamp)
            )
        if not refused:
            buffers.signatures.append(
                (
                    inspection_id,
                    SIGNER_UNIT,
                    representative,
                    rng.choice(self.unit_signatures),
                    stamp,
                )
            )

        runs: list[tuple[str, ChecklistPlan, DeviceInfo | None]] = [
            (ids.at(start_ms), self.unit_plan, None)
        ]
        for sampled in self._sampled(unit, day):
            for plan in self.device_plans(sampled.catalogue_code, campaign == "holiday"):
                runs.append((ids.at(start_ms), plan, sampled))
        candidates: list[tuple[int, int]] = []  # (run, item index)
        weights: list[float] = []
        for run_index, (_, plan, _) in enumerate(runs):
            for item_index in plan.failable:
                candidates.append((run_index, item_index))
                weights.append(plan.items[item_index].weight)
        failing: set[tuple[int, int]] = set()
        wanted = min(self._failures(), len(candidates))
        if wanted:
            cumulative = list(_cumulative(weights))
            while len(failing) < wanted:
                at = bisect.bisect(cumulative, rng.random() * cumulative[-1])
                failing.add(candidates[min(at, len(candidates) - 1)])
        date_value = json.dumps((day - dt.timedelta(days=rng.randint(20, 300))).isoformat())
        answered = started_text
        findings: list[_Finding] = []
        answers = buffers.answers
        for run_index, (run_id, plan, device) in enumerate(runs):
            buffers.runs.append(
                (run_id, inspection_id, run_index, plan.id, plan.content_hash, device and device.id)
            )
            for item_index, item in enumerate(plan.items):
                answer_id = ids.at(start_ms)
                if (run_index, item_index) in failing:
                    note = rng.choice(NOTES) + rng.choice(NOTE_DETAILS)
                    answers.append(
                        (
                            answer_id,
                            inspection_id,
                            run_id,
                            item.id,
                            item.fail_value,
                            note,
                            answered,
                            answered,
                            origin,
                        )
                    )
                    if self.photos and rng.random() < 0.6:
                        buffers.photos.append((answer_id, rng.choice(self.photos), 0, answered))
                        self.summary.photos += 1
                    assert item.finding is not None
                    findings.append(self._finding(ids.at(start_ms), item.finding, device, day))
                    buffers.findings.append(
                        self._finding_row(
                            findings[-1],
                            inspection_id,
                            run_id,
                            item.id,
                            stamp,
                            origin,
                            len(findings) - 1,
                            unit.id,
                        )
                    )
                else:
                    value = item.pass_value or date_value
                    if item.kind == "check" and rng.random() < 0.05:
                        value = '"na"'
                    answers.append(
                        (
                            answer_id,
                            inspection_id,
                            run_id,
                            item.id,
                            value,
                            "",
                            answered,
                            answered,
                            origin,
                        )
                    )
        self.summary.answers += sum(len(plan.items) for _, plan, _ in runs)
        self.summary.findings += len(findings)
        adopted = [f for f in findings if f.id not in self._dropped]
        state = "finished"
        if adopted:
            state = self._notices(inspection_id, unit, lead, day, finished, adopted, origin)
        buffers.inspections.append(
            (
                inspection_id,
                unit.id,
                check_type,
                source,
                campaign,
                state,
                started_text,
                finished_text,
                lead.id,
                representative,
                rng.choice(REPRESENTATIVE_POSTS),
                unit.phone,
                opinion,
                int(refused),
                rng.choice(REFUSALS) if refused else "",
                rng.choice(WITNESSES) if refused else "",
                0,
                stamp,
                origin,
            )
        )
        self.summary.inspections += 1

    def _finding(
        self, finding_id: str, template: FindingTemplate, device: DeviceInfo | None, day: dt.date
    ) -> _Finding:
        text = template.text.zh
        if device is not None and self.rng.random() < 0.5:
            text = f"{text}（{device.short}）"
        deadline = None
        if template.measure == "rectify":
            deadline = day + dt.timedelta(days=template.deadline_days or 30)
        measure = template.measure
        if measure == "stop_use" and device is not None:
            measure = self.rng.choices(("stop_use", "seal", "seize"), (86, 12, 2))[0]
        return _Finding(
            finding_id,
            device.id if device else None,
            device.subject if device else "单位",
            template,
            text,
            deadline,
            measure,
        )

    def _finding_row(
        self,
        finding: _Finding,
        inspection_id: str,
        run_id: str,
        item_id: str,
        stamp: str,
        origin: str,
        position: int,
        unit_id: str,
    ) -> tuple[object, ...]:
        template = finding.template
        dropped = self.rng.random() < 0.03
        if dropped:
            self._dropped.add(finding.id)
        return (
            finding.id,
            inspection_id,
            run_id,
            item_id,
            finding.equipment_id,
            position,
            finding.text,
            template.severity,
            finding.measure,
            finding.deadline.isoformat() if finding.deadline else None,
            template.violated,
            template.penalty,
            template.code,
            int(dropped),
            DROP_REASON if dropped else "",
            stamp,
            origin,
            unit_id,
        )

    # -- notices and re-inspections ---------------------------------------------------------

    def _number(self, officer: OfficerInfo, year: int, kind: str) -> tuple[str, int]:
        key = (officer.officer_code, year, kind)
        sequence = self.sequences.get(key, 0) + 1
        self.sequences[key] = sequence
        number = DEFAULT_FORMATS[kind].format(
            agency=officer.agency_code, year=year, officer=officer.officer_code, seq=sequence
        )
        return number, sequence

    def _notices(
        self,
        inspection_id: str,
        unit: UnitInfo,
        officer: OfficerInfo,
        day: dt.date,
        finished: dt.datetime,
        findings: list[_Finding],
        origin: str,
    ) -> str:
        """Issue the notices of one inspection and play out what followed; its state."""
        kinds = ["order", *sorted({f.measure for f in findings} & {"seal", "seize"})]
        issued_ms = _ms(finished)
        issued_text = _utc_text(finished + dt.timedelta(minutes=5))
        deadlines = [f.deadline for f in findings if f.deadline is not None]
        deadline = max(deadlines) if deadlines else None
        due = deadline or day + dt.timedelta(days=30)
        fate, resolved_on, reopened_on = self._fate(due)
        party = d.Party(name=unit.name, credit_code=unit.credit_code)
        state = {"open": "notice_issued", "escalated": "awaiting_reinspection"}.get(fate, "closed")
        for kind in kinds:
            subset = findings if kind == "order" else [f for f in findings if f.measure == kind]
            notice_id = self.ids.at(issued_ms)
            number, sequence = self._number(officer, day.year, kind)
            doc_findings = tuple(
                d.DocumentFinding(
                    number=n,
                    subject=f.subject,
                    text=f.text,
                    severity=SEVERITY[f.template.severity],
                    measure=MEASURE[f.measure],
                    deadline=f.deadline,
                    violated=f.template.violated,
                    penalty=f.template.penalty,
                )
                for n, f in enumerate(subset, start=1)
            )
            kind_deadline = deadline if kind == "order" else None
            claims = NoticeClaims(
                kind=kind,
                number=number,
                unit_credit_code=unit.credit_code,
                unit_name=unit.name,
                issued=day,
                deadline=kind_deadline,
                measures=tuple(sorted({f.measure for f in subset})),
                finding_codes=tuple(f.template.code or "FREE" for f in subset),
                key_id=officer.key_id,
                digest=content_digest(content_text(number, party, doc_findings, day)),
            )
            payload = sign_claims(claims, officer.key)
            notice_state = "issued" if fate == "open" else fate
            if kind != "order" and fate != "closed":
                notice_state = "issued"  # a seal stays in force until the order is closed
            closed_at = None
            if notice_state == "closed":
                closed_day = reopened_on or resolved_on
                assert closed_day is not None
                closed_at = _utc_text(dt.datetime.combine(closed_day, dt.time(15, 20)))
            self.buffers.notices.append(
                (
                    notice_id,
                    inspection_id,
                    kind,
                    number,
                    officer.officer_code,
                    day.year,
                    sequence,
                    issued_text,
                    kind_deadline.isoformat() if kind_deadline else None,
                    notice_state,
                    closed_at,
                    payload,
                    closed_at or issued_text,
                    origin,
                    unit.id,
                )
            )
            self.summary.notices += 1
            self.summary.recent_notices.append(notice_id)
            if len(self.summary.recent_notices) > 64:
                del self.summary.recent_notices[0]
            if kind == "order" and resolved_on is not None:
                escalated = fate == "escalated" or reopened_on is not None
                self._reinspect(notice_id, officer, subset, resolved_on, escalated, origin)
                if reopened_on is not None:
                    self._reinspect(notice_id, officer, subset, reopened_on, False, origin)
            elif notice_state == "closed":
                assert resolved_on is not None
                self._reinspect(
                    notice_id, officer, subset, reopened_on or resolved_on, False, origin
                )
            if notice_state != "closed":
                for f in subset:
                    held = {"stop_use": "out_of_use", "seal": "sealed", "seize": "sealed"}
                    status = held.get(f.measure)
                    holds_here = kind == "order" and f.measure == "stop_use"
                    if f.equipment_id and status and (holds_here or kind == f.measure):
                        self.holds.append((status, notice_id, f.equipment_id))
        return state

    def _fate(self, due: dt.date) -> tuple[str, dt.date | None, dt.date | None]:
        """(state, first re-inspection day, day a later re-inspection closed it)."""
        rng = self.rng
        last = self.today - dt.timedelta(days=1)
        if due >= self.today:
            return "open", None, None
        age = (self.today - due).days
        if rng.random() < (0.45 if age <= 60 else 0.012):
            return "open", None, None  # past its deadline, not yet re-inspected
        resolved = min(due + dt.timedelta(days=rng.randint(1, 20)), last)
        if rng.random() < 0.07:
            later = resolved + dt.timedelta(days=rng.randint(30, 120))
            if age > 365 and rng.random() < 0.7 and later <= last:
                return "closed", resolved, later
            return "escalated", resolved, None
        return "closed", resolved, None

    def _reinspect(
        self,
        notice_id: str,
        officer: OfficerInfo,
        findings: list[_Finding],
        day: dt.date,
        escalated: bool,
        origin: str,
    ) -> None:
        rng = self.rng
        moment = dt.datetime.combine(day, dt.time(rng.randint(9, 15), rng.randint(0, 59)))
        reinspection_id = self.ids.at(_ms(moment))
        escalation = ""
        note = ""
        if escalated:
            escalation = rng.choices(("case", "transfer", "seal"), (6, 3, 1))[0]
            note = ESCALATION_NOTES[escalation]
        at = _utc_text(moment)
        self.buffers.reinspections.append(
            (
                reinspection_id,
                notice_id,
                officer.id,
                at,
                "escalated" if escalated else "rectified",
                escalation,
                note,
                at,
                origin,
            )
        )
        failed = rng.randrange(len(findings)) if escalated else -1
        for index, finding in enumerate(findings):
            rectified = index != failed
            text = rng.choice(RECTIFIED_NOTES) if rectified else "复查时仍未整改"
            self.buffers.results.append((reinspection_id, finding.id, int(rectified), text, "[]"))
        self.summary.reinspections += 1

    # -- all of it ---------------------------------------------------------------------------

    def write(self, db: Database, visits: Iterator[Visit], chunk: int = 2000) -> History:
        pending = 0
        for visit in visits:
            self.add(visit)
            pending += 1
            if pending >= chunk:
                self.buffers.flush(db)
                pending = 0
        self.buffers.flush(db)
        bulk.update_rows(
            db,
            "UPDATE equipment SET status_before_order = COALESCE(status_before_order, status),"
            " status = ?, held_by_notice = ? WHERE id = ?",
            self.holds,
        )
        bulk.insert_rows(
            db,
            "notice_sequences",
            ("officer_code", "year", "kind", "last"),
            ((code, year, kind, last) for (code, year, kind), last in self.sequences.items()),
        )
        db.execute("UPDATE inspections SET locked = 1 WHERE state != 'draft'")
        return self.summary


def _cumulative(weights: Sequence[float]) -> Iterator[float]:
    total = 0.0
    for weight in weights:
        total += weight
        yield total


def device_plan_picker(
    unit_plans: dict[str, ChecklistPlan], checklists: Sequence[Checklist]
) -> Callable[[str, bool], list[ChecklistPlan]]:
    """A cached choice of the checklists a device is inspected with (holiday campaign or
    regular), as ``fieldapp.checklists.compose`` chooses them."""
    cache: dict[tuple[str, bool], list[ChecklistPlan]] = {}

    def pick(code: str, holiday: bool) -> list[ChecklistPlan]:
        key = (code, holiday)
        if key not in cache:
            chosen: list[ChecklistPlan] = []
            if holiday:
                chosen = [
                    unit_plans[c.id]
                    for c in checklists
                    if c.campaign == "holiday" and covers(c.applies_to, code)
                ]
            if not chosen:
                chosen = [
                    unit_plans[c.id]
                    for c in checklists
                    if c.campaign is None and c.scope == "equipment" and covers(c.applies_to, code)
                ]
            cache[key] = chosen
        return cache[key]

    return pick
