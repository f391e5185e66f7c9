"""Issuing the notice of a finished inspection, and the re-inspection that closes it.

Issuing takes the next number of the officer's series in the same transaction that keeps
the notice, signs the QR payload with the officer's key, renders the PDFs (指令书, 检查记录,
and a 查封/扣押决定书 when that measure was chosen), keeps them with the inspection and
writes them under ``notices/``; devices ordered to stop or sealed take that status until
the notice is closed.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from fieldapp.atomic import write_atomically
from fieldapp.domain.catalogue import catalogue, city_of, districts, equipment_class
from fieldapp.domain.ids import uuid7
from fieldapp.domain.models import CheckType, Equipment
from fieldapp.errors import UserError, ValidationError
from fieldapp.keys import key_id, raw_public_key
from fieldapp.media import prepare_photo
from fieldapp.notices import document as d
from fieldapp.store import AttachmentStore, Store
from fieldapp.store import inspections as q
from fieldapp.store import notices as n
from fieldapp.store import registry as reg
from fieldapp.store.attachments import record_attachment
from fieldapp.workflow import Changes
from fieldapp.workflow import inspection as wf

log = logging.getLogger(__name__)

DEFAULT_FORMATS = {
    "order": "（{agency}）市监特令〔{year}〕第{officer}-{seq:04d}号",
    "seal": "（{agency}）市监特封〔{year}〕第{officer}-{seq:04d}号",
    "seize": "（{agency}）市监特扣〔{year}〕第{officer}-{seq:04d}号",
}
SEVERITY = {"general": "一般隐患", "serious": "严重事故隐患"}
MEASURE = {
    "rectify": "责令限期改正",
    "stop_use": "责令立即停止使用",
    "seal": "查封",
    "seize": "扣押",
}
HELD_STATUS = {"stop_use": "out_of_use", "seal": "sealed", "seize": "sealed"}
ORDER_BASIS = (
    "依据《中华人民共和国特种设备安全法》第六十一条、第六十二条和《特种设备安全监督检查办法》"
    "（市场监管总局令第57号）第二十三条的规定，现责令你（单位）对上述问题按所列措施和期限予以改正。"
)
SEAL_BASIS = (
    "依据《中华人民共和国特种设备安全法》第六十一条第（三）项的规定，决定对下列特种设备实施{kind}。"
)
FILE_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


class NoticeNotAllowed(UserError):
    """The inspection cannot have a notice now (a draft, no findings, already issued)."""


@dataclass(frozen=True)
class IssuedNotice:
    notice_id: str
    number: str
    kind: str
    files: tuple[Path, ...]


# --- settings ----------------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeSettings:
    formats: dict[str, str]
    issuing_body: str
    appeal_government: str
    appeal_court: str
    font_path: str  # "" = the bundled font


def notice_settings(db: Database, organisation: str, district_code: str) -> NoticeSettings:
    """The workspace's notice settings, with defaults from the officer's organisation and
    the unit's district (the city's people's government, the district's court)."""
    city = districts().get(city_of(district_code)) if district_code else None
    district = districts().get(district_code) if district_code else None
    government = f"{city.name_zh}人民政府" if city else "本级人民政府"
    if district is not None and city is not None and district is not city:
        court = f"{city.name_zh}{district.name_zh}人民法院"  # 长春市朝阳区人民法院
    else:
        court = f"{city.name_zh}中级人民法院" if city else "有管辖权的人民法院"

    def get(key: str, default: str) -> str:
        return reg.get_setting(db, key) or default

    return NoticeSettings(
        formats={kind: get(f"notice.format.{kind}", fmt) for kind, fmt in DEFAULT_FORMATS.items()},
        issuing_body=get("notice.issuing_body", organisation or "市场监督管理局"),
        appeal_government=get("notice.appeal_government", government),
        appeal_court=get("notice.appeal_court", court),
        font_path=get("document.font_path", ""),
    )


# --- building the documents --------------------------------------------------------------


def _current_findings(db: Database, inspection_id: str) -> list[q.FindingRow]:
    """The adopted findings, with amendments made after finishing applied."""
    import dataclasses

    amended: dict[tuple[str, str], str] = {}
    for amendment in q.amendments(db, inspection_id):
        if amendment.entity == "finding":
            amended[(amendment.entity_id, amendment.field)] = amendment.new_value
    result = []
    for finding in q.findings(db, inspection_id, include_dropped=False):
        changes: dict[str, Any] = {}
        for field in ("text", "severity", "measure", "violated", "penalty"):
            if (finding.id, field) in amended:
                changes[field] = amended[(finding.id, field)]
        if (finding.id, "deadline") in amended:
            changes["deadline"] = dt.date.fromisoformat(amended[(finding.id, "deadline")])
        result.append(dataclasses.replace(finding, **changes))
    return result


def _device_label(device: Equipment | None) -> str:
    if device is None:
        return "单位"
    entry = catalogue().get(device.catalogue_code)
    kind = entry.name_zh if entry else device.catalogue_code
    name = device.internal_number or device.location
    code = f"，设备代码 {device.equipment_code}" if device.equipment_code else ""
    return f"{name}（{kind}{code}）" if name else f"{kind}{code}"


def _party(db: Database, inspection: q.InspectionRow) -> d.Party:
    unit = reg.get_unit(db, inspection.unit_id)
    return d.Party(
        name=unit.name,
        credit_code=unit.credit_code,
        address=unit.address,
        legal_representative=unit.legal_representative,
        safety_manager=" ".join(
            filter(None, [inspection.unit_representative, inspection.unit_representative_post])
        ),
        phone=inspection.unit_representative_phone or unit.safety_manager_phone,
        category=unit.category.label("zh"),
    )


def _signatures(
    db: Database,
    attachments: AttachmentStore,
    inspection: q.InspectionRow,
) -> tuple[tuple[d.Signature, ...], d.Signature | None, str]:
    signed = q.signatures(db, inspection.id)
    day = dt.date.fromisoformat((inspection.finished_at or inspection.started_at)[:10])
    officers = []
    for officer_id in q.officer_ids(db, inspection.id):
        officer = reg.get_officer(db, officer_id)
        signature = signed.get(wf.officer_signer(officer_id))
        png = attachments.read_bytes(signature.sha256) if signature else None
        officers.append(d.Signature("检查人员", officer.name, officer.law_id, png, day))
    unit_signature = None
    if wf.UNIT_SIGNER in signed:
        sig = signed[wf.UNIT_SIGNER]
        unit_signature = d.Signature(
            "被检查单位负责人（或授权人）",
            sig.name or inspection.unit_representative,
            png=attachments.read_bytes(sig.sha256),
            signed_on=day,
        )
    refusal = ""
    if inspection.refused_to_sign:
        refusal = (
            f"被检查单位拒绝签字。情况：{inspection.refusal_reason}；"
            f"见证人：{inspection.refusal_witness}。"
        )
    return tuple(officers), unit_signature, refusal


def _document_findings(
    db: Database, findings: Sequence[q.FindingRow]
) -> tuple[d.DocumentFinding, ...]:
    out = []
    for number, finding in enumerate(findings, start=1):
        device = reg.get_equipment(db, finding.equipment_id) if finding.equipment_id else None
        out.append(
            d.DocumentFinding(
                number=number,
                subject=_device_label(device),
                text=finding.text,
                severity=SEVERITY.get(finding.severity, finding.severity),
                measure=MEASURE.get(finding.measure, finding.measure),
                deadline=None
                if finding.measure in ("stop_use", "seal", "seize")
                else finding.deadline,
                violated=finding.violated,
                penalty=finding.penalty,
            )
        )
    return tuple(out)


def content_text(
    number: str, party: d.Party, findings: Sequence[d.DocumentFinding], issued: dt.date
) -> str:
    """The canonical text of a notice's content; its digest goes into the QR payload."""
    return json.dumps(
        {
            "number": number,
            "unit": [party.name, party.credit_code],
            "issued": issued.isoformat(),
            "findings": [
                [
                    f.subject,
                    f.text,
                    f.severity,
                    f.measure,
                    f.deadline.isoformat() if f.deadline else "",
                    f.violated,
                    f.penalty,
                ]
                for f in findings
            ],
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


def build_record(
    db: Database,
    attachments: AttachmentStore,
    inspection_id: str,
    number: str,
    issuing_body: str,
    qr_text: str = "",
) -> d.RecordDocument:
    inspection = q.get_inspection(db, inspection_id)
    views = wf.load_runs(db, inspection_id)
    sections: list[d.RecordSection] = []
    equipment: list[d.RecordEquipment] = []
    counts: dict[str, int] = {}
    for view in views:
        title = view.checklist.title.zh
        if view.equipment is not None:
            device = view.equipment
            title = f"{_device_label(device)} — {title}"
            class_entry = catalogue().get(equipment_class(device.catalogue_code))
            class_name = class_entry.name_zh if class_entry else device.catalogue_code
            counts[class_name] = counts.get(class_name, 0) + 1
            kind = catalogue().get(device.catalogue_code)
            equipment.append(
                d.RecordEquipment(
                    kind.name_zh if kind else device.catalogue_code,
                    device.equipment_code,
                    device.usage_registration_number,
                    device.location,
                    class_name,
                )
            )
        answers = q.answers_of_run(db, view.id)
        result = view.evaluate(answers)
        by_section: dict[str, list[d.RecordItem]] = {}
        for item in result.visible:
            answer = answers.get(item.id)
            value = answer.value if answer else None
            if item.kind == "check":
                shown = {"pass": "符合", "fail": "不符合", "na": "不适用"}.get(str(value), "未答")
            elif item.kind == "choice":
                shown = next((c.text.zh for c in item.choices if c.id == value), "未答")
            elif value is None:
                shown = "未答"
            else:
                shown = f"{value}{item.unit}"
            by_section.setdefault(item.section_id, []).append(
                d.RecordItem(
                    item.id,
                    item.text.zh,
                    shown,
                    answer.note if answer else "",
                    item.fails_with(value),
                )
            )
        for section in view.checklist.sections:
            if section.id in by_section:
                sections.append(
                    d.RecordSection(f"{title} · {section.title.zh}", tuple(by_section[section.id]))
                )
    findings = _current_findings(db, inspection_id)
    officers, unit_signature, refusal = _signatures(db, attachments, inspection)
    measures = sorted({MEASURE[f.measure] for f in findings})
    if findings:
        measures.insert(0, "下达特种设备安全监察指令书")
    return d.RecordDocument(
        number=number,
        issuing_body=issuing_body,
        check_type=CheckType.from_code(inspection.check_type).label("zh"),
        task_source=inspection.task_source,
        started=dt.datetime.fromisoformat(inspection.started_at),
        finished=dt.datetime.fromisoformat(inspection.finished_at)
        if inspection.finished_at
        else None,
        unit=_party(db, inspection),
        equipment=tuple(equipment),
        class_counts=tuple(sorted(counts.items())),
        sections=tuple(sections),
        findings=_document_findings(db, findings),
        measures=tuple(measures),
        unit_opinion=inspection.unit_opinion,
        officers=officers,
        recorder=officers[0].name if officers else "",
        unit_signature=unit_signature,
        refusal=refusal,
        qr_text=qr_text,
    )


# --- files -------------------------------------------------------------------------------


def file_name(number: str, suffix: str = "") -> str:
    return FILE_UNSAFE.sub("_", number) + suffix + ".pdf"


# --- issuing -----------------------------------------------------------------------------


def issue_notices(
    store: Store,
    attachments: AttachmentStore,
    notices_dir: Path,
    inspection_id: str,
    signing_key: Ed25519PrivateKey,
    today: dt.date | None = None,
) -> tuple[Changes, list[IssuedNotice]]:
    """Issue the 指令书 (and a 查封/扣押决定书 if chosen) of a finished inspection.

    Raises NoticeNotAllowed, and the renderer's UserErrors (e.g. a missing font).
    """
    from fieldapp.notices.pdf import DocumentFont, render_notice, render_record, render_seal
    from fieldapp.notices.qr import NoticeClaims, content_digest, sign_claims

    today = today or dt.date.today()
    issued: list[IssuedNotice] = []
    pending_files: list[tuple[Path, bytes]] = []
    with store.transaction() as db:
        inspection = q.get_inspection(db, inspection_id)
        if not inspection.locked or inspection.state != "finished":
            raise NoticeNotAllowed(
                "只有已完成且尚未下达指令书的检查才能下达指令书 / only a finished inspection"
                " without a notice can have one issued"
            )
        findings = _current_findings(db, inspection_id)
        if not findings:
            raise NoticeNotAllowed("这次检查没有问题，无需下达指令书 / no findings: no notice")
        officer = reg.get_officer(db, inspection.created_by)
        unit = reg.get_unit(db, inspection.unit_id)
        settings = notice_settings(db, officer.organisation, unit.district_code)
        font = (
            DocumentFont.from_path(Path(settings.font_path))
            if settings.font_path
            else DocumentFont.bundled()
        )
        party = _party(db, inspection)
        officers, unit_signature, refusal = _signatures(db, attachments, inspection)
        appeal = d.AppealClause(settings.appeal_government, settings.appeal_court)
        key = key_id(raw_public_key(signing_key))
        kinds = ["order", *sorted({f.measure for f in findings} & {"seal", "seize"})]
        for kind in kinds:
            subset = findings if kind == "order" else [f for f in findings if f.measure == kind]
            sequence = n.next_sequence(db, officer.officer_code, today.year, kind)
            number = settings.formats[kind].format(
                agency=officer.agency_code or "",
                year=today.year,
                officer=officer.officer_code,
                seq=sequence,
            )
            doc_findings = _document_findings(db, subset)
            deadlines = [f.deadline for f in subset if f.deadline and f.measure == "rectify"]
            deadline = max(deadlines) if deadlines else None
            claims = NoticeClaims(
                kind=kind,
                number=number,
                unit_credit_code=unit.credit_code,
                unit_name=unit.name,
                issued=today,
                deadline=deadline,
                measures=tuple(sorted({f.measure for f in subset})),
                finding_codes=tuple(dict.fromkeys(f.code or "FREE" for f in subset)),
                key_id=key,
                digest=content_digest(content_text(number, party, doc_findings, today)),
            )
            payload = sign_claims(claims, signing_key)
            if kind == "order":
                pdf = render_notice(
                    d.NoticeDocument(
                        number=number,
                        issuing_body=settings.issuing_body,
                        unit=party,
                        findings=doc_findings,
                        basis=ORDER_BASIS,
                        issued_on=today,
                        officers=officers,
                        unit_signature=unit_signature,
                        refusal=refusal,
                        appeal=appeal,
                        qr_text=payload,
                    ),
                    font,
                )
            else:
                devices = [reg.get_equipment(db, f.equipment_id) for f in subset if f.equipment_id]
                pdf = render_seal(
                    d.SealDecision(
                        number=number,
                        issuing_body=settings.issuing_body,
                        kind=MEASURE[kind],
                        unit=party,
                        reasons=doc_findings,
                        basis=SEAL_BASIS.format(kind=MEASURE[kind]),
                        period_days=30,
                        start=today,
                        inventory=tuple(
                            d.InventoryLine(_device_label(e), e.equipment_code, e.location)
                            for e in devices
                        ),
                        officers=officers,
                        unit_signature=unit_signature,
                        refusal=refusal,
                        appeal=appeal,
                        qr_text=payload,
                    ),
                    font,
                )
            sha = attachments.put_bytes(pdf)
            record_attachment(db, sha, len(pdf), "application/pdf", file_name(number))
            notice_id = uuid7()
            n.insert_notice(
                db,
                {
                    "id": notice_id,
                    "inspection_id": inspection_id,
                    "kind": kind,
                    "number": number,
                    "officer_code": officer.officer_code,
                    "year": today.year,
                    "sequence": sequence,
                    "issued_at": reg.now_text(),
                    "deadline": deadline.isoformat() if deadline else None,
                    "state": "issued",
                    "payload": payload,
                    "pdf_sha256": sha,
                    "origin_device": store.device_id,
                },
            )
            n.put_document(db, inspection_id, kind, sha, file_name(number))
            for finding in subset:
                status = HELD_STATUS.get(finding.measure)
                if finding.equipment_id and status:
                    n.hold_equipment(db, finding.equipment_id, status, notice_id)
            path = notices_dir / file_name(number)
            pending_files.append((path, pdf))
            issued.append(IssuedNotice(notice_id, number, kind, (path,)))
            store.audit(
                db,
                "issue",
                "notice",
                notice_id,
                {"inspection": inspection_id, "number": number, "kind": kind},
            )
        order_number = issued[0].number
        order_payload = n.get_notice(db, issued[0].notice_id).payload
        record = render_record(
            build_record(
                db,
                attachments,
                inspection_id,
                f"{order_number}（检查记录）",
                settings.issuing_body,
                order_payload,
            ),
            font,
        )
        record_sha = attachments.put_bytes(record)
        record_name = file_name(order_number, "-检查记录")
        record_attachment(db, record_sha, len(record), "application/pdf", record_name)
        n.put_document(db, inspection_id, "record", record_sha, record_name)
        pending_files.append((notices_dir / record_name, record))
        q.update_inspection(db, inspection_id, state="notice_issued")
    problems = []
    for path, data in pending_files:
        try:
            write_atomically(path, [data])
        except OSError as err:
            problems.append(f"{path}: {err.strerror or err}")
    if problems:
        raise UserError(
            "指令书已下达并保存在程序中，但以下文件未能写入 notices 文件夹，可稍后重新导出："
            + "；".join(problems)
            + " / The notice is issued and kept in the app, but these"
            " files could not be written; export them again later."
        )
    return Changes(inspections=True, equipment=True, record_id=issued[0].notice_id), issued


# --- re-inspection -----------------------------------------------------------------------


def findings_of_notice(db: Database, notice: n.NoticeRow) -> list[q.FindingRow]:
    """The findings a notice covers: all for the 指令书, the sealed/seized ones otherwise."""
    findings = _current_findings(db, notice.inspection_id)
    return findings if notice.kind == "order" else [f for f in findings if f.measure == notice.kind]


ESCALATIONS = {"case": "立案处罚", "seal": "查封", "transfer": "移交"}


def reinspect(
    store: Store,
    attachments: AttachmentStore,
    notice_id: str,
    officer_id: str,
    results: dict[str, tuple[bool, str, list[bytes]]],
    escalation: str = "",
    note: str = "",
) -> Changes:
    """Record a 复查 of an issued notice: per finding rectified or not, with evidence.

    All rectified closes the notice (devices get their status back, and the inspection is
    closed when all its notices are); otherwise an escalation (立案 / 查封 / 移交) is required
    and the notice stays open. Raises ValidationError, NotFound.
    """
    with store.reading() as db:
        notice = n.get_notice(db, notice_id)
        expected = {f.id for f in findings_of_notice(db, notice)}
    if notice.state == "closed":
        raise ValidationError({"notice": "该指令书已结案 / the notice is closed"})
    if set(results) != expected:
        raise ValidationError({"findings": "每个问题都要给出复查结论 / judge every finding"})
    all_rectified = all(rectified for rectified, _note, _photos in results.values())
    if not all_rectified and escalation not in ESCALATIONS:
        raise ValidationError(
            {
                "escalation": (
                    "仍有问题未整改：请选择立案处罚、查封或移交 / some findings are not rectified:"
                    " choose an escalation"
                )
            }
        )
    stored: list[tuple[str, bool, str, list[str]]] = []
    files: list[tuple[str, int, str]] = []
    for finding_id, (rectified, finding_note, photos) in results.items():
        shas = []
        for raw in photos:
            photo = prepare_photo(raw)
            sha = attachments.put_bytes(photo.data)
            files.append((sha, len(photo.data), photo.media_type))
            shas.append(sha)
        stored.append((finding_id, rectified, finding_note.strip(), shas))
    with store.transaction() as db:
        for sha, size, media in files:
            record_attachment(db, sha, size, media, "reinspection.jpg")
        reinspection_id = uuid7()
        n.insert_reinspection(
            db,
            {
                "id": reinspection_id,
                "notice_id": notice_id,
                "officer_id": officer_id,
                "at": reg.now_text(),
                "outcome": "rectified" if all_rectified else "escalated",
                "escalation": "" if all_rectified else escalation,
                "note": note.strip(),
                "origin_device": store.device_id,
            },
            stored,
        )
        if all_rectified:
            n.set_notice_state(db, notice_id, "closed", reg.now_text())
            n.release_equipment(db, notice_id)
            open_ones = [
                x
                for x in n.notices_of(db, notice.inspection_id)
                if x.state != "closed" and x.id != notice_id
            ]
            if not open_ones:
                q.update_inspection(db, notice.inspection_id, state="closed")
        else:
            n.set_notice_state(db, notice_id, "escalated")
            q.update_inspection(db, notice.inspection_id, state="awaiting_reinspection")
        store.audit(
            db,
            "reinspect",
            "notice",
            notice_id,
            {
                "outcome": "rectified" if all_rectified else "escalated",
                "escalation": escalation,
                "rectified": sum(r for _, r, _, _ in stored),
                "of": len(stored),
            },
        )
    return Changes(inspections=True, equipment=True, record_id=reinspection_id)
