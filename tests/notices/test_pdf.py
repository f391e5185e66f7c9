"""The printed documents: text extracted with pdfium, the QR code decoded from the page image,
fonts embedded, long notices paginated with nothing clipped."""

from __future__ import annotations

import datetime as dt
import io
import random
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import reportlab
import zxingcpp
from PIL import Image, ImageDraw

from fieldapp.errors import UserError
from fieldapp.notices.document import (
    AppealClause,
    DocumentFinding,
    InventoryLine,
    NoticeDocument,
    Party,
    RecordDocument,
    RecordEquipment,
    RecordItem,
    RecordSection,
    SealDecision,
    Signature,
)
from fieldapp.notices.pdf import DocumentFont, render_notice, render_record, render_seal
from fieldapp.notices.pdf_common import format_date, qr_path_operators
from fieldapp.notices.qr import MAX_PAYLOAD_CHARS, qr_version
from fieldapp.paths import resource

BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
LAW = "《中华人民共和国特种设备安全法》"


# ---------------------------------------------------------------- documents


def signature_png(seed: int, size: tuple[int, int] = (600, 240), mode: str = "L") -> bytes:
    """A hand-drawn-looking stroke: black on white 8-bit grey as the signature pad writes
    it, or (mode "RGBA") blue ink on a transparent background."""
    rng = random.Random(seed)
    width, height = size
    if mode == "RGBA":
        image = Image.new("RGBA", size, (255, 255, 255, 0))
        ink: int | tuple[int, ...] = (10, 10, 90, 255)
    else:
        image = Image.new("L", size, 255)
        ink = 0
    points = [
        (width * (i + 1) // 13, height // 2 + rng.randint(-height // 3, height // 3))
        for i in range(11)
    ]
    ImageDraw.Draw(image).line(points, fill=ink, width=max(width // 90, 2), joint="curve")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def payload(seed: int, length: int = MAX_PAYLOAD_CHARS) -> str:
    """A payload of the largest size qr.py makes (QR version 13 at level Q)."""
    rng = random.Random(seed)
    return "FAN1:" + "".join(rng.choice(BASE45) for _ in range(length - 5))


MALL = Party(
    name="长春欧亚汇通商业广场有限公司",
    credit_code="91220101MA17XK3Q2C",
    address="吉林省长春市南关区人民大街2688号",
    legal_representative="赵德明",
    safety_manager="孙立新 安全总监",
    phone="0431-85901234",
    category="使用单位",
)
OFFICERS = (
    Signature("检查人员", "王建国", "22010019001", signature_png(1), dt.date(2026, 11, 5)),
    Signature("检查人员", "李明华", "22010019017", signature_png(2), dt.date(2026, 11, 5)),
)
UNIT_SIGNER = Signature(
    "被检查单位负责人（或授权人）",
    "孙立新",
    png=signature_png(3, mode="RGBA"),
    signed_on=dt.date(2026, 11, 5),
)
APPEAL = AppealClause("长春市人民政府", "长春市南关区人民法院")
ORDER_BASIS = (
    f"依据{LAW}第六十一条、第六十二条和《特种设备安全监督检查办法》（市场监管总局令第57号）"
    "第二十三条的规定，现责令你（单位）对上述问题按所列措施和期限予以改正。"
)

FINDINGS = (
    DocumentFinding(
        1,
        "3号梯（曳引驱动乘客电梯，设备代码 311010001201800001）",
        "该电梯定期检验已于2026年9月30日到期，未在检验合格有效期届满前一个月向检验机构提出"
        "定期检验要求，超期后仍在继续使用。",
        "严重事故隐患",
        "责令立即停止使用",
        None,
        f"{LAW}第四十条第三款",
        f"{LAW}第八十四条第（一）项",
    ),
    DocumentFinding(
        2,
        "单位",
        "未配备专职安全管理员，安全总监、安全员的岗位职责未以书面形式明确，"
        "缺少日管控、周排查、月调度记录。",
        "一般隐患",
        "责令限期改正",
        dt.date(2026, 12, 5),
        f"{LAW}第三十六条；《特种设备使用单位落实使用安全主体责任监督管理规定》第三十一条",
        f"{LAW}第八十六条第（二）项",
    ),
    DocumentFinding(
        2 + 1,
        "5号自动扶梯（自动扶梯，设备代码 331010002201900007）",
        "维护保养记录缺少2026年10月两次半月维保的签字，应急救援演练记录未见。",
        "一般隐患",
        "责令限期改正",
        dt.date(2026, 12, 20),
        f"{LAW}第三十九条",
        f"{LAW}第八十三条第（三）项",
    ),
)


def notice(**changes: object) -> NoticeDocument:
    fields: dict[str, object] = {
        "number": "（长）市监特令〔2026〕第A07-0001号",
        "issuing_body": "长春市市场监督管理局",
        "unit": MALL,
        "findings": FINDINGS,
        "basis": ORDER_BASIS,
        "issued_on": dt.date(2026, 11, 5),
        "officers": OFFICERS,
        "unit_signature": UNIT_SIGNER,
        "refusal": "",
        "appeal": APPEAL,
        "qr_text": payload(7),
    }
    fields.update(changes)
    return NoticeDocument(**fields)  # type: ignore[arg-type]


def long_findings(count: int) -> tuple[DocumentFinding, ...]:
    rng = random.Random(count)
    findings = []
    for n in range(1, count + 1):
        words = "".join(
            rng.choice("检验维保记录电梯安全管理人员应急演练制度档案签字") for _ in range(90)
        )
        findings.append(
            DocumentFinding(
                n,
                f"{n}号梯（曳引驱动乘客电梯，设备代码 3110100012018{n:05d}）",
                f"第{n}项问题：{words}（第{n}项结束）",
                "一般隐患",
                "责令限期改正",
                dt.date(2026, 12, 1) + dt.timedelta(days=n),
                f"{LAW}第三十九条",
                f"{LAW}第八十三条第（三）项",
            )
        )
    return tuple(findings)


def record(**changes: object) -> RecordDocument:
    elevator = RecordEquipment(
        "曳引驱动乘客电梯", "311010001201800001", "梯11吉A0123(18)", "A座3号梯", "电梯"
    )
    escalator = RecordEquipment(
        "自动扶梯", "331010002201900007", "梯33吉A0456(19)", "一层中庭5号", "电梯"
    )
    crane = RecordEquipment(
        "电动单梁起重机", "412010003202000012", "起17吉A0031(20)", "卸货区", "起重机械"
    )
    unit_items = tuple(
        RecordItem(f"U{i}", f"单位检查项目第{i}项：安全管理制度与记录（{i}）", "符合")
        for i in range(1, 17)
    )
    failed = RecordItem(
        "E5",
        "维护保养不少于每15日一次，记录经使用单位安全管理员签字",
        "不符合",
        note="2026年10月两次半月维保记录缺少签字。",
        failed=True,
    )
    elevator_items = (
        RecordItem("E1", "轿厢内张贴使用登记标志和定期检验标志", "符合"),
        RecordItem(
            "E2", "定期检验在有效期内", "不符合", note="检验已于2026年9月30日到期。", failed=True
        ),
        RecordItem("E3", "应急救援电话24小时有人值守", "符合"),
        RecordItem("E4", "额定速度（m/s）", "1.75"),
        failed,
        RecordItem("E6", "三角钥匙由专人管理", "不适用"),
    )
    fields: dict[str, object] = {
        "number": "（长）市监特令〔2026〕第A07-0001号-记录",
        "issuing_body": "长春市市场监督管理局",
        "check_type": "专项检查",
        "task_source": "2026年元旦春节特种设备安全专项检查",
        "started": dt.datetime(2026, 11, 5, 9, 30),
        "finished": dt.datetime(2026, 11, 5, 11, 45),
        "unit": MALL,
        "equipment": (elevator, escalator, crane),
        "class_counts": (("电梯", 2), ("起重机械", 1)),
        "sections": (
            RecordSection("使用单位通用检查 · 安全管理", unit_items),
            RecordSection("电梯检查 · A座3号梯 · 使用管理", elevator_items),
        ),
        "findings": FINDINGS,
        "measures": ("下达特种设备安全监察指令书", "其他：约谈使用单位安全总监"),
        "unit_opinion": "对检查发现的问题无异议，立即停用3号梯并联系检验机构，其余问题按期整改。",
        "officers": OFFICERS,
        "recorder": "李明华",
        "unit_signature": UNIT_SIGNER,
        "refusal": "",
        "qr_text": payload(11),
    }
    fields.update(changes)
    return RecordDocument(**fields)  # type: ignore[arg-type]


def seal(**changes: object) -> SealDecision:
    fields: dict[str, object] = {
        "number": "（长）市监特封〔2026〕第A07-0002号",
        "issuing_body": "长春市市场监督管理局",
        "kind": "查封",
        "unit": MALL,
        "reasons": FINDINGS[:1],
        "basis": f"依据{LAW}第六十一条第（三）项的规定，决定对下列特种设备实施查封。",
        "period_days": 30,
        "start": dt.date(2026, 11, 5),
        "inventory": (
            InventoryLine(
                "A座3号梯（曳引驱动乘客电梯）", "311010001201800001", "A座", 1, "停用，层门已封"
            ),
            InventoryLine("A座4号梯（曳引驱动乘客电梯）", "311010001201800002", "A座", 1, "停用"),
        ),
        "officers": OFFICERS,
        "unit_signature": UNIT_SIGNER,
        "refusal": "",
        "appeal": APPEAL,
        "qr_text": payload(13),
    }
    fields.update(changes)
    return SealDecision(**fields)  # type: ignore[arg-type]


# ---------------------------------------------------------------- reading the PDF back


def page_texts(data: bytes) -> list[str]:
    document = pdfium.PdfDocument(data)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def flat(data: bytes) -> str:
    """All the text, with line breaks removed (wrapped lines join up again)."""
    return re.sub(r"\s+", "", "".join(page_texts(data)))


def without_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


def decode_qr(data: bytes, page: int = -1, dpi: int = 200) -> list[str]:
    document = pdfium.PdfDocument(data)
    try:
        index = page % len(document)
        image = document[index].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        document.close()
    return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def font_problems(data: bytes) -> list[str]:
    """Every /Font object must point to a descriptor with an embedded TrueType /FontFile2."""
    objects = dict(re.findall(rb"(\d+) 0 obj\s*(.*?)endobj", data, flags=re.S))
    problems = []
    fonts = [(num, body) for num, body in objects.items() if re.search(rb"/Type\s*/Font\b", body)]
    for num, body in fonts:
        if b"/Subtype /Type0" in body:  # composite font: check its descendant
            continue
        descriptor = re.search(rb"/FontDescriptor (\d+) 0 R", body)
        if descriptor is None:
            problems.append(f"font object {num.decode()} has no descriptor: {body[:80]!r}")
        elif b"/FontFile2" not in objects.get(descriptor.group(1), b""):
            problems.append(f"font object {num.decode()} is not embedded")
    if not fonts:
        problems.append("no font at all")
    return problems


# ---------------------------------------------------------------- the notice


@pytest.fixture(scope="module")
def notice_pdf() -> bytes:
    return render_notice(notice())


def test_notice_holds_number_unit_findings_and_deadlines(notice_pdf: bytes) -> None:
    text = flat(notice_pdf)
    doc = notice()
    for expected in (
        doc.number,
        doc.unit.name,
        doc.unit.credit_code,
        doc.issuing_body,
        "特种设备安全监察指令书",
        "经检查，你（单位）在特种设备安全方面存在下列问题：",
        "于2026年12月5日前",
        "于2026年12月20日前",
        "期限：立即",
        "2026年11月5日",
        without_space(doc.appeal.text()),
        without_space(doc.copies),
        "扫码核验",
        "王建国",
        "22010019017",
        "孙立新",
    ):
        assert without_space(expected) in text, expected
    for finding in doc.findings:
        assert without_space(finding.text) in text
        assert without_space(finding.subject) in text
    pages = page_texts(notice_pdf)
    assert all(f"第 {i} 页 共 {len(pages)} 页" in page for i, page in enumerate(pages, start=1))
    assert format_date(dt.date(2026, 12, 5)) == "2026年12月5日"


def test_notice_qr_decodes_from_the_page_image(notice_pdf: bytes) -> None:
    assert qr_version(notice().qr_text) == 13  # the largest a notice makes
    assert decode_qr(notice_pdf) == [notice().qr_text]


def test_notice_qr_is_about_35_mm_wide(notice_pdf: bytes) -> None:
    document = pdfium.PdfDocument(notice_pdf)
    try:
        image = document[len(document) - 1].render(scale=200 / 72).to_pil().convert("L")
    finally:
        document.close()
    [found] = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    xs = [found.position.top_left.x, found.position.top_right.x]
    width_mm = (max(xs) - min(xs)) / 200 * 25.4
    assert 30 <= width_mm <= 38, width_mm


def test_qr_code_overlaps_no_text(notice_pdf: bytes) -> None:
    document = pdfium.PdfDocument(notice_pdf)
    try:
        page = document[len(document) - 1]
        image = page.render(scale=200 / 72).to_pil().convert("L")
        [found] = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
        corners = [found.position.top_left, found.position.bottom_right]
        to_pt = 72 / 200
        modules = 17 + 4 * int(found.extra["Version"])
        width = (max(c.x for c in corners) - min(c.x for c in corners)) * to_pt
        quiet = 4 * width / modules
        left = min(c.x for c in corners) * to_pt - quiet
        right = max(c.x for c in corners) * to_pt + quiet
        top = page.get_height() - min(c.y for c in corners) * to_pt + quiet
        bottom = page.get_height() - max(c.y for c in corners) * to_pt - quiet
        textpage = page.get_textpage()
        overlapping = []
        for index in range(textpage.count_chars()):
            c_left, c_bottom, c_right, c_top = textpage.get_charbox(index)
            if c_right > left and c_left < right and c_top > bottom and c_bottom < top:
                overlapping.append(textpage.get_text_range(index, 1))
    finally:
        document.close()
    assert "".join(overlapping).strip() == ""


def test_every_font_is_embedded(notice_pdf: bytes) -> None:
    assert font_problems(notice_pdf) == []
    assert b"/FontFile2" in notice_pdf
    assert b"Helvetica" not in notice_pdf


def test_refusal_replaces_the_unit_signature() -> None:
    refusal = "被检查单位拒绝签字。情况：负责人称需请示总部；见证人：周红（物业客服主管）。"
    data = render_notice(notice(unit_signature=None, refusal=refusal))
    text = flat(data)
    assert without_space(refusal) in text
    assert "孙立新" not in text
    assert decode_qr(data) == [notice().qr_text]


def test_a_50_finding_notice_runs_over_pages_with_nothing_clipped() -> None:
    findings = long_findings(50)
    data = render_notice(notice(findings=findings))
    pages = page_texts(data)
    total = len(pages)
    assert total >= 2
    for index, page in enumerate(pages, start=1):
        assert f"第 {index} 页 共 {total} 页" in page
    text = flat(data)
    for finding in findings:
        assert without_space(finding.text) in text, finding.number
        assert finding.deadline is not None
        assert f"于{format_date(finding.deadline)}前" in text
    for finding in findings:  # each finding is kept on one page
        starts = [i for i, page in enumerate(pages) if f"第{finding.number}项问题" in page]
        ends = [i for i, page in enumerate(pages) if f"第{finding.number}项结束" in page]
        assert starts == ends and len(starts) == 1, finding.number
    assert decode_qr(data, page=-1) == [notice().qr_text]
    assert font_problems(data) == []


def test_a_finding_longer_than_a_page_is_split_not_lost() -> None:
    giant = DocumentFinding(
        1, "单位", "超长问题描述" * 900, "一般隐患", "责令限期改正", dt.date(2026, 12, 5), "", ""
    )
    pages = page_texts(render_notice(notice(findings=(giant,))))
    assert len(pages) >= 3
    number = notice().number
    body = "".join(re.sub(r"第 \d+ 页 共 \d+ 页", "", p).replace(number, "") for p in pages)
    assert without_space(giant.text) in without_space(body)


def test_text_that_looks_like_markup_is_printed_as_is() -> None:
    odd = DocumentFinding(
        1,
        "单位 <b>",
        "压力表 <0.4 MPa & 安全阀 >1.6 MPa",
        "一般隐患",
        "责令限期改正",
        dt.date(2026, 12, 5),
        "第三十九条",
        "第八十三条",
    )
    text = flat(render_notice(notice(findings=(odd,))))
    assert without_space(odd.text) in text
    assert "单位<b>" in text


def test_the_same_notice_renders_to_the_same_bytes() -> None:
    assert render_notice(notice()) == render_notice(notice())


# ---------------------------------------------------------------- the record and the seal


def test_record_lists_every_item_and_the_outcome() -> None:
    doc = record()
    data = render_record(doc)
    text = flat(data)
    for expected in (
        "特种设备现场安全监督检查记录",
        doc.number,
        doc.unit.name,
        doc.unit.credit_code,
        doc.unit.legal_representative,
        doc.check_type,
        doc.task_source,
        "2026年11月5日09:30至11:45",
        "王建国（执法证号：22010019001）",
        "梯11吉A0123(18)",
        "412010003202000012",
        doc.unit_opinion,
        "下达特种设备安全监察指令书",
        "╳不符合",
    ):
        assert without_space(expected) in text, expected
    for section in doc.sections:
        assert without_space(section.title) in text
        for item in section.items:
            assert without_space(item.text) in text, item.item_id
            assert without_space(item.note) in text
    for finding in doc.findings:
        assert without_space(finding.text) in text
    assert decode_qr(data) == [doc.qr_text]
    assert font_problems(data) == []


def test_record_without_qr_and_with_refusal() -> None:
    data = render_record(record(qr_text="", unit_signature=None, refusal="负责人拒绝签字。"))
    assert decode_qr(data) == []
    assert "负责人拒绝签字。" in flat(data)


@pytest.mark.parametrize("kind", ["查封", "扣押"])
def test_seal_decision_lists_its_inventory(kind: str) -> None:
    doc = seal(kind=kind)
    data = render_seal(doc)
    text = flat(data)
    for expected in (
        f"特种设备{kind}决定书",
        doc.number,
        doc.unit.name,
        f"{kind}期限30日，自2026年11月5日起",
        "第六十一条",
        without_space(doc.copies),
        "如不服本决定",
        FINDINGS[0].text,
    ):
        assert without_space(expected) in text, expected
    for line in doc.inventory:
        for value in (line.name, line.code, line.condition):
            assert without_space(value) in text
    assert decode_qr(data) == [doc.qr_text]
    assert font_problems(data) == []


# ---------------------------------------------------------------- fonts


def test_bundled_font_is_registered_once() -> None:
    first, second = DocumentFont.bundled(), DocumentFont.bundled()
    assert first is second
    assert first.path == resource("fonts", "uming.ttc").resolve()
    assert "UMing" in first.family


def test_a_system_truetype_font_can_be_used() -> None:
    font = DocumentFont.from_path(resource("fonts", "DroidSansFallbackFull.ttf"))
    data = render_notice(notice(), font)
    assert font.name != DocumentFont.bundled().name
    assert b"DroidSans" in data
    assert b"UMing" not in data
    assert font_problems(data) == []
    assert notice().unit.name in flat(data)


def test_from_path_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="找不到字体文件"):
        DocumentFont.from_path(tmp_path / "simsun.ttc")


def test_from_path_refuses_what_is_not_truetype(tmp_path: Path) -> None:
    fake = tmp_path / "simfang.ttf"
    fake.write_bytes(signature_png(4))
    with pytest.raises(UserError, match="TrueType"):
        DocumentFont.from_path(fake)
    cff = tmp_path / "cff.otf"
    cff.write_bytes(b"OTTO" + bytes(200))
    with pytest.raises(UserError, match="TrueType"):
        DocumentFont.from_path(cff)


def test_from_path_refuses_a_font_without_chinese() -> None:
    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    with pytest.raises(UserError, match="中文"):
        DocumentFont.from_path(vera)


def test_a_large_signature_is_reduced_and_fits_its_box() -> None:
    huge = Signature("检查人员", "王建国", "22010019001", signature_png(5, (3000, 1200)))
    small = render_notice(notice(officers=(OFFICERS[0], OFFICERS[1])))
    data = render_notice(notice(officers=(huge, OFFICERS[1])))
    assert len(data) < len(small) + 60_000  # embedded at about 300 dpi, not 3000 px wide
    assert decode_qr(data) == [notice().qr_text]


def test_an_unreadable_signature_is_a_user_error() -> None:
    broken = Signature("检查人员", "王建国", "22010019001", b"not a png")
    with pytest.raises(UserError, match="签名"):
        render_notice(notice(officers=(broken, OFFICERS[1])))


@pytest.mark.parametrize("seed", range(12))
def test_qr_path_paints_exactly_the_dark_modules(seed: int) -> None:
    rng = random.Random(seed)
    size = rng.choice((21, 25, 69, 177))
    matrix = [[rng.random() < 0.5 for _ in range(size)] for _ in range(size)]
    if seed == 0:
        matrix = [[True] * size for _ in range(size)]  # one rectangle per row
    painted = [[0] * size for _ in range(size)]
    *rectangles, fill = qr_path_operators(matrix).split("\n")
    assert fill == "f"
    for rectangle in rectangles:
        x, y, w, h, operator = rectangle.split()
        assert operator == "re"
        for row in range(-int(y) - int(h), -int(y)):
            for column in range(int(x), int(x) + int(w)):
                painted[row][column] += 1
    assert painted == [[int(dark) for dark in row] for row in matrix]  # each module once
    if seed == 0:
        assert len(rectangles) == size


# ---------------------------------------------------------------- samples for the docs


def write_samples(folder: Path, dpi: int = 110) -> list[Path]:
    """Render page 1 of each document as PNG (docs/samples/): a two-finding notice (one
    page, so the sample shows everything), the record and the seal decision."""
    two = tuple(
        DocumentFinding(
            n, f.subject, f.text, f.severity, f.measure, f.deadline, f.violated, f.penalty
        )
        for n, f in enumerate((FINDINGS[0], FINDINGS[2]), start=1)
    )
    documents = {
        "notice-page1.png": render_notice(notice(findings=two)),
        "record-page1.png": render_record(record()),
        "seal-page1.png": render_seal(seal()),
    }
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in documents.items():
        document = pdfium.PdfDocument(data)
        try:
            document[0].render(scale=dpi / 72).to_pil().save(folder / name)
        finally:
            document.close()
        written.append(folder / name)
    return written


if __name__ == "__main__":  # python -m tests.notices.test_pdf docs/samples
    import sys

    for path in write_samples(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/samples")):
        print(path)
