"""The PDFs of a supervisor demo's newest notices: 指令书 or 查封/扣押决定书, and the 检查记录.

Rendered by the real renderers from what the demo wrote, and kept with the notice and the
inspection exactly as issuing keeps them (attachments, ``documents``, ``notices.pdf_sha256``),
so the document preview has something true to show.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from fieldapp.domain.catalogue import catalogue
from fieldapp.notices import document as d
from fieldapp.notices.issue import (
    MEASURE,
    ORDER_BASIS,
    SEAL_BASIS,
    SEVERITY,
    build_record,
    file_name,
    notice_settings,
)
from fieldapp.notices.pdf import DocumentFont, render_notice, render_record, render_seal
from fieldapp.store import inspections as q
from fieldapp.store import notices as n
from fieldapp.store import registry as reg
from fieldapp.store.attachments import record_attachment
from fieldapp.workspace import Workspace


def _label(db: Database, equipment_id: str | None) -> tuple[str, str, str]:
    """(subject as printed, equipment code, location)."""
    if equipment_id is None:
        return "单位", "", ""
    device = reg.get_equipment(db, equipment_id)
    entry = catalogue().get(device.catalogue_code)
    kind = entry.name_zh if entry else device.catalogue_code
    name = device.internal_number or device.location
    code = f"，设备代码 {device.equipment_code}" if device.equipment_code else ""
    subject = f"{name}（{kind}{code}）" if name else f"{kind}{code}"
    return subject, device.equipment_code, device.location


def _keep(ws: Workspace, db: Database, pdf: bytes, name: str) -> str:
    sha = ws.attachments.put_bytes(pdf)
    record_attachment(db, sha, len(pdf), "application/pdf", name)
    return sha


def render_demo_documents(ws: Workspace, db: Database, notice_ids: list[str]) -> int:
    """Render and keep the documents of these notices (inside the caller's transaction);
    return how many PDFs were made."""
    font = DocumentFont.bundled()
    made = 0
    recorded: set[str] = set()
    for notice_id in notice_ids:
        notice = n.get_notice(db, notice_id)
        inspection = q.get_inspection(db, notice.inspection_id)
        unit = reg.get_unit(db, inspection.unit_id)
        lead = reg.get_officer(db, inspection.created_by)
        settings = notice_settings(db, lead.organisation, unit.district_code)
        day = dt.date.fromisoformat((inspection.finished_at or inspection.started_at)[:10])
        signed = q.signatures(db, inspection.id)
        officers = []
        for officer_id in q.officer_ids(db, inspection.id):
            officer = reg.get_officer(db, officer_id)
            signature = signed.get(f"officer:{officer_id}")
            png = ws.attachments.read_bytes(signature.sha256) if signature else None
            officers.append(d.Signature("检查人员", officer.name, officer.law_id, png, day))
        unit_signature = None
        if "unit" in signed:
            png = ws.attachments.read_bytes(signed["unit"].sha256)
            unit_signature = d.Signature(
                "被检查单位负责人（或授权人）", signed["unit"].name, png=png, signed_on=day
            )
        refusal = ""
        if inspection.refused_to_sign:
            refusal = (
                f"被检查单位拒绝签字。情况：{inspection.refusal_reason}；"
                f"见证人：{inspection.refusal_witness}。"
            )
        findings = [
            f
            for f in q.findings(db, inspection.id, include_dropped=False)
            if notice.kind == "order" or f.measure == notice.kind
        ]
        doc_findings = []
        inventory = []
        for number, finding in enumerate(findings, start=1):
            subject, code, location = _label(db, finding.equipment_id)
            doc_findings.append(
                d.DocumentFinding(
                    number,
                    subject,
                    finding.text,
                    SEVERITY[finding.severity],
                    MEASURE[finding.measure],
                    None if finding.measure in ("stop_use", "seal", "seize") else finding.deadline,
                    finding.violated,
                    finding.penalty,
                )
            )
            if finding.equipment_id:
                inventory.append(d.InventoryLine(subject, code, location))
        party = d.Party(
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
        appeal = d.AppealClause(settings.appeal_government, settings.appeal_court)
        if notice.kind == "order":
            pdf = render_notice(
                d.NoticeDocument(
                    number=notice.number,
                    issuing_body=settings.issuing_body,
                    unit=party,
                    findings=tuple(doc_findings),
                    basis=ORDER_BASIS,
                    issued_on=day,
                    officers=tuple(officers),
                    unit_signature=unit_signature,
                    refusal=refusal,
                    appeal=appeal,
                    qr_text=notice.payload,
                ),
                font,
            )
        else:
            pdf = render_seal(
                d.SealDecision(
                    number=notice.number,
                    issuing_body=settings.issuing_body,
                    kind=MEASURE[notice.kind],
                    unit=party,
                    reasons=tuple(doc_findings),
                    basis=SEAL_BASIS.format(kind=MEASURE[notice.kind]),
                    period_days=30,
                    start=day,
                    inventory=tuple(inventory),
                    officers=tuple(officers),
                    unit_signature=unit_signature,
                    refusal=refusal,
                    appeal=appeal,
                    qr_text=notice.payload,
                ),
                font,
            )
        sha = _keep(ws, db, pdf, file_name(notice.number))
        n.set_notice_pdf(db, notice.id, sha)
        n.put_document(db, inspection.id, notice.kind, sha, file_name(notice.number))
        made += 1
        if notice.kind == "order" and inspection.id not in recorded:
            recorded.add(inspection.id)
            record = render_record(
                build_record(
                    db,
                    ws.attachments,
                    inspection.id,
                    f"{notice.number}（检查记录）",
                    settings.issuing_body,
                    notice.payload,
                ),
                font,
            )
            name = file_name(notice.number, "-检查记录")
            n.put_document(db, inspection.id, "record", _keep(ws, db, record, name), name)
            made += 1
    return made
