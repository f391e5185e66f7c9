"""特种设备安全监察指令书 and 特种设备查封/扣押决定书 as PDF."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from fieldapp.notices.document import DocumentFinding, NoticeDocument, SealDecision
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
    is_immediate,
    make_table,
    number_list,
    para,
    party_lines,
    resolve_font,
    signature_table,
    styles_for,
)

NOTICE_TITLE = "特种设备安全监察指令书"
SEAL_TITLES = {"查封": "特种设备查封决定书", "扣押": "特种设备扣押决定书"}


def order_sentence(findings: tuple[DocumentFinding, ...], basis: str = "") -> str:
    """The order after the findings, fitted to their measures (stop use, deadlines).

    When ``basis`` already gives the order (it says 责令), only what it leaves out follows:
    which devices stop at once, and the report that is due.
    """
    stop = [f.number for f in findings if "停止使用" in f.measure]
    immediate = [f.number for f in findings if is_immediate(f) and f.number not in stop]
    dated = [f for f in findings if not is_immediate(f)]
    devices = "上述" if len(stop) == len(findings) else f"上述第{number_list(stop)}项所涉"
    stop_use = f"立即停止使用{devices}特种设备，整改合格前不得继续使用"
    report = (
        "于期限届满前将整改情况书面报告本部门"
        if dated or not findings
        else "于整改完成后及时将整改情况书面报告本部门"
    )
    if "责令" in basis:
        first = f"其中，{devices}特种设备应当立即停止使用，整改合格前不得继续使用。" if stop else ""
        return f"{first}你（单位）应当{report}。"
    parts: list[str] = [stop_use] if stop else []
    if immediate:
        which = "上述" if len(immediate) == len(findings) else f"第{number_list(immediate)}项"
        parts.append(f"对{which}问题立即整改")
    if dated or not parts:
        parts.append("其余问题按上述期限整改" if parts else "按上述要求整改")
    return f"现责令你（单位）{'；'.join(parts)}，并{report}。"


def _closing(
    doc: NoticeDocument | SealDecision,
    styles: Styles,
    lead: Flowable,
    issued: dt.date,
    caption: str,
    copies: str = "",
) -> AtBottom:
    """``lead`` (the last paragraph), then at the foot of the last page the signatures, the
    QR code bottom left, the issuing body with the seal area bottom right, the copies line."""
    bottom: list[Flowable] = [
        Spacer(1, 2 * mm),
        signature_table(doc.officers, doc.unit_signature, doc.refusal, styles),
        closing_table(doc.qr_text, caption, doc.number, doc.issuing_body, issued, styles.font),
    ]
    if copies:
        bottom += [Spacer(1, 1 * mm), para(copies, styles.small)]
    return AtBottom([lead], bottom)


def render_notice(doc: NoticeDocument, font: DocumentFont | None = None) -> bytes:
    """The 指令书 as PDF bytes: A4, the font subset-embedded, the QR code bottom left.

    Raises ``FontUnusable`` when the bundled font is missing, ``SignatureUnreadable`` when a
    signature image cannot be read, and ``qrcode.exceptions.DataOverflowError`` when the
    payload does not fit in a QR code.
    """
    chosen = resolve_font(font)
    styles = styles_for(chosen.name)
    story: list[Flowable] = header_flowables(doc.issuing_body, NOTICE_TITLE, doc.number, styles)
    story.append(Spacer(1, 3 * mm))
    story += party_lines(doc.unit, "被检查单位", styles)
    story.append(
        para("经检查，你（单位）在特种设备安全方面存在下列问题：", styles.body),
    )
    story += [finding_block(finding, styles) for finding in doc.findings]
    story.append(Spacer(1, 3 * mm))
    if doc.basis:
        story.append(para(doc.basis, styles.body_indent))
    story.append(para(order_sentence(doc.findings, doc.basis), styles.body_indent))
    appeal = para(doc.appeal.text(), styles.body_indent)
    story.append(_closing(doc, styles, appeal, doc.issued_on, doc.qr_caption, doc.copies))
    return build_pdf(story, NOTICE_TITLE, doc.number, doc.issuing_body, chosen)


def _inventory_table(doc: SealDecision, styles: Styles) -> Table:
    header = [para(t, styles.label) for t in ("序号", "名称", "设备代码", "位置", "数量", "状况")]
    rows: list[list[object]] = [header]
    for index, line in enumerate(doc.inventory, start=1):
        rows.append(
            [
                para(str(index), styles.cell_centre),
                para(line.name, styles.cell),
                para(line.code, styles.cell),
                para(line.location, styles.cell),
                para(str(line.quantity), styles.cell_centre),
                para(line.condition, styles.cell),
            ]
        )
    widths = [12 * mm, 44 * mm, 40 * mm, 26 * mm, 12 * mm, FRAME_WIDTH - 134 * mm]
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, LINE_COLOUR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), FAILED_SHADE),
    ]
    return make_table(rows, widths, commands, styles.font, repeatRows=1)


def render_seal(doc: SealDecision, font: DocumentFont | None = None) -> bytes:
    """The 查封 or 扣押 decision with its inventory, as PDF bytes.

    Raises ``FontUnusable``, ``SignatureUnreadable`` and ``DataOverflowError`` as
    ``render_notice`` does.
    """
    chosen = resolve_font(font)
    styles = styles_for(chosen.name)
    kind = doc.kind if doc.kind in SEAL_TITLES else "查封"
    title = SEAL_TITLES[kind]
    story: list[Flowable] = header_flowables(doc.issuing_body, title, doc.number, styles)
    story.append(Spacer(1, 3 * mm))
    story += party_lines(doc.unit, "当事人", styles)
    if doc.unit.legal_representative:
        story.append(para(f"法定代表人：{doc.unit.legal_representative}", styles.body))
    story.append(para("经查，你（单位）的特种设备存在下列情形：", styles.body))
    story += [finding_block(finding, styles) for finding in doc.reasons]
    story.append(Spacer(1, 3 * mm))
    if doc.basis:
        story.append(para(doc.basis, styles.body_indent))
    decided = "" if "决定" in doc.basis else f"本部门决定对下列特种设备实施{kind}。"
    story.append(
        para(
            f"{decided}{kind}期限{doc.period_days}日，自{format_date(doc.start)}起。"
            f"{kind}期间，任何单位和个人不得擅自启封、动用、转移或者损毁被{kind}的设备。",
            styles.body_indent,
        )
    )
    # the heading stays with at least the first rows of the inventory
    story += [
        CondPageBreak(30 * mm),
        para(f"{kind}设备清单", styles.heading),
        _inventory_table(doc, styles),
    ]
    story += [para(f"备注：{note}", styles.body) for note in doc.notes]
    story += [Spacer(1, 1.5 * mm), para(doc.copies, styles.body)]
    appeal = doc.appeal.text().replace("本指令书", "本决定书").replace("本指令", "本决定")
    story.append(_closing(doc, styles, para(appeal, styles.body_indent), doc.start, "扫码核验"))
    return build_pdf(story, title, doc.number, doc.issuing_body, chosen)
