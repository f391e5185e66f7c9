"""特种设备现场安全监督检查记录 as PDF: header, unit, equipment, every item, the outcome."""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from fieldapp.notices.document import RecordDocument, RecordSection
from fieldapp.notices.pdf_common import (
    FAILED_SHADE,
    FRAME_WIDTH,
    LINE_COLOUR,
    AtBottom,
    DocumentFont,
    Styles,
    build_pdf,
    closing_table,
    finding_block,
    format_date,
    header_flowables,
    make_table,
    para,
    resolve_font,
    signature_table,
    styles_for,
)

RECORD_TITLE = "特种设备现场安全监督检查记录"
#: drawn before a failed result (a full-width diagonal cross: UMing has no ✗)
FAILED_MARK = "╳&nbsp;"

_GRID = [
    ("GRID", (0, 0), (-1, -1), 0.5, LINE_COLOUR),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
]


def period_text(started: dt.datetime, finished: dt.datetime | None) -> str:
    """2026年11月5日 9:30 至 11:15 (the end date repeated only when it differs)."""
    start = f"{format_date(started.date())} {started:%H:%M}"
    if finished is None:
        return f"{start} 起"
    if finished.date() == started.date():
        return f"{start} 至 {finished:%H:%M}"
    return f"{start} 至 {format_date(finished.date())} {finished:%H:%M}"


def _form_table(rows: list[list[Any]], spans: list[tuple[Any, ...]], font_name: str) -> Table:
    """A label/value grid of four columns; labels (shaded) in columns 0 and 2, values in 1
    and 3; a spanned row has its value across columns 1–3."""
    widths = [34 * mm, 50 * mm, 28 * mm, FRAME_WIDTH - 112 * mm]
    spanned = {span[1][1] for span in spans}
    shading = [("BACKGROUND", (0, 0), (0, -1), FAILED_SHADE)] + [
        ("BACKGROUND", (2, r), (2, r), FAILED_SHADE) for r in range(len(rows)) if r not in spanned
    ]
    return make_table(rows, widths, [*_GRID, *shading, *spans], font_name)


def _header_table(doc: RecordDocument, styles: Styles) -> Table:
    lab, val = styles.label, styles.cell
    officers = "；".join(
        f"{o.name}（执法证号：{o.law_id}）" if o.law_id else o.name for o in doc.officers
    )
    rows: list[list[Any]] = [
        [
            para("检查类别", lab),
            para(doc.check_type, val),
            para("任务来源", lab),
            para(doc.task_source, val),
        ],
        [para("检查时间", lab), para(period_text(doc.started, doc.finished), val), "", ""],
        [para("检查人员", lab), para(officers, val), "", ""],
        [para("记录人", lab), para(doc.recorder, val), "", ""],
    ]
    return _form_table(rows, [("SPAN", (1, r), (3, r)) for r in (1, 2, 3)], styles.font)


def _unit_table(doc: RecordDocument, styles: Styles) -> Table:
    lab, val, unit = styles.label, styles.cell, doc.unit
    rows: list[list[Any]] = [
        [para("单位名称", lab), para(unit.name, val), "", ""],
        [
            para("统一社会信用代码", lab),
            para(unit.credit_code, val),
            para("单位类别", lab),
            para(unit.category, val),
        ],
        [para("地址", lab), para(unit.address, val), "", ""],
        [
            para("法定代表人", lab),
            para(unit.legal_representative, val),
            para("安全管理人员", lab),
            para(unit.safety_manager, val),
        ],
        [para("联系电话", lab), para(unit.phone, val), "", ""],
    ]
    return _form_table(rows, [("SPAN", (1, r), (3, r)) for r in (0, 2, 4)], styles.font)


def _equipment_tables(doc: RecordDocument, styles: Styles) -> list[Flowable]:
    lab, val = styles.label, styles.cell
    header = [para(t, lab) for t in ("序号", "设备名称", "设备代码", "使用登记证编号", "使用地点")]
    rows: list[list[Any]] = [header]
    for index, item in enumerate(doc.equipment, start=1):
        rows.append(
            [
                para(str(index), styles.cell_centre),
                para(item.name, val),
                para(item.code, val),
                para(item.registration, val),
                para(item.location, val),
            ]
        )
    if not doc.equipment:
        rows.append([para("未抽查设备", val), "", "", "", ""])
    widths = [12 * mm, 36 * mm, 44 * mm, 32 * mm, FRAME_WIDTH - 124 * mm]
    spans = [("SPAN", (0, 1), (-1, 1))] if not doc.equipment else []
    commands = [*_GRID, ("BACKGROUND", (0, 0), (-1, 0), FAILED_SHADE), *spans]
    equipment = make_table(rows, widths, commands, styles.font, repeatRows=1)
    flowables: list[Flowable] = [equipment]
    if doc.class_counts:
        classes = [para("设备类别", lab)] + [
            para(name, styles.cell_centre) for name, _ in doc.class_counts
        ]
        counts = [para("检查数量（台）", lab)] + [
            para(str(n), styles.cell_centre) for _, n in doc.class_counts
        ]
        classes.append(para("合计", styles.cell_centre))
        counts.append(para(str(sum(n for _, n in doc.class_counts)), styles.cell_centre))
        first = 30 * mm
        rest = (FRAME_WIDTH - first) / (len(doc.class_counts) + 1)
        grid = make_table(
            [classes, counts],
            [first] + [rest] * (len(classes) - 1),
            [*_GRID, ("BACKGROUND", (0, 0), (0, -1), FAILED_SHADE)],
            styles.font,
        )
        flowables += [Spacer(1, 3 * mm), grid]
    return flowables


def _section_table(section: RecordSection, styles: Styles) -> list[Flowable]:
    header = [para(t, styles.label) for t in ("编号", "检查内容", "结果")]
    rows: list[list[Any]] = [header]
    commands: list[tuple[Any, ...]] = [*_GRID, ("BACKGROUND", (0, 0), (-1, 0), FAILED_SHADE)]
    for item in section.items:
        result = escape(item.result)
        rows.append(
            [
                para(item.item_id, styles.cell_centre),
                para(item.text, styles.cell),
                Paragraph(FAILED_MARK + result if item.failed else result, styles.cell_centre),
            ]
        )
        if item.failed:
            commands.append(("BACKGROUND", (2, len(rows) - 1), (2, len(rows) - 1), FAILED_SHADE))
        if item.note:
            label = "问题说明" if item.failed else "说明"
            rows.append(["", para(f"{label}：{item.note}", styles.cell), ""])
            row = len(rows) - 1
            commands += [
                ("SPAN", (1, row), (2, row)),
                ("LINEABOVE", (1, row), (2, row), 0.3, LINE_COLOUR),
            ]
    if not section.items:
        rows.append(["", para("（本节无检查项目）", styles.cell), ""])
    widths = [18 * mm, FRAME_WIDTH - 46 * mm, 28 * mm]
    table = make_table(rows, widths, commands, styles.font, repeatRows=1)
    # the section title never stands alone at the foot of a page
    return [CondPageBreak(30 * mm), para(section.title, styles.issuer), Spacer(1, 1.5 * mm), table]


def _heading(text: str, styles: Styles) -> list[Flowable]:
    """A part heading that never stands alone at the foot of a page."""
    return [CondPageBreak(30 * mm), para(text, styles.heading)]


def render_record(doc: RecordDocument, font: DocumentFont | None = None) -> bytes:
    """The inspection record as PDF bytes; the QR code is drawn only when ``qr_text`` is set.

    Raises ``FontUnusable`` when the bundled font is missing, ``SignatureUnreadable`` when a
    signature image cannot be read, and ``qrcode.exceptions.DataOverflowError`` when the
    payload does not fit in a QR code.
    """
    chosen = resolve_font(font)
    styles = styles_for(chosen.name)
    story: list[Flowable] = header_flowables(doc.issuing_body, RECORD_TITLE, doc.number, styles)
    story += [Spacer(1, 3 * mm), _header_table(doc, styles)]
    story += [*_heading("一、被检查单位", styles), _unit_table(doc, styles)]
    story += _heading("二、抽查的特种设备", styles)
    story += _equipment_tables(doc, styles)
    story += _heading("三、检查项目及结果", styles)
    for section in doc.sections:
        story += _section_table(section, styles)
        story.append(Spacer(1, 3 * mm))
    story += _heading("四、发现的问题", styles)
    if doc.findings:
        story += [finding_block(finding, styles) for finding in doc.findings]
    else:
        story.append(para("未发现问题。", styles.body))
    story += _heading("五、采取的措施", styles)
    measures = doc.measures or ("无",)
    story += [para(f"{n}．{m}", styles.body) for n, m in enumerate(measures, start=1)]
    opinion = make_table(
        [[para(doc.unit_opinion or "（未填写）", styles.body)]],
        [FRAME_WIDTH],
        [("BOX", (0, 0), (-1, -1), 0.5, LINE_COLOUR)],
        styles.font,
    )
    story.append(
        AtBottom(
            [para("六、被检查单位意见", styles.heading), opinion],
            [
                Spacer(1, 4 * mm),
                signature_table(
                    doc.officers, doc.unit_signature, doc.refusal, styles, recorder=doc.recorder
                ),
                closing_table(
                    doc.qr_text,
                    "扫码核验",
                    doc.number,
                    doc.issuing_body,
                    (doc.finished or doc.started).date(),
                    styles.font,
                    seal=False,
                ),
            ],
        )
    )
    return build_pdf(story, RECORD_TITLE, doc.number, doc.issuing_body, chosen)
