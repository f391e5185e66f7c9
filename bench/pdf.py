"""Rendering a 20-finding 指令书 with its QR code, beside bare reportlab drawing the same text.

The baseline is the least any renderer must do: a plain ``SimpleDocTemplate`` of Paragraphs
holding the same strings in the same (already registered) font, so both sides pay the same
CJK line breaking and font subsetting; ours adds the layout (keep-together findings, the
signature and closing tables, signature images, the QR code as vectors, the two-pass page
count). Median of 15 runs after one warm-up each, the two taking turns.

    python bench/pdf.py        # prints the figures, the payload size and the QR version
"""

from __future__ import annotations

import datetime as dt
import io
import random
import statistics
import time
from collections.abc import Callable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate
from reportlab.platypus.flowables import Flowable

from fieldapp.notices.document import (
    AppealClause,
    DocumentFinding,
    NoticeDocument,
    Party,
    Signature,
)
from fieldapp.notices.pdf import DocumentFont, render_notice
from fieldapp.notices.pdf_common import deadline_text
from fieldapp.notices.pdf_notice import order_sentence
from fieldapp.notices.qr import NoticeClaims, content_digest, key_id_of, qr_version, sign_claims

LAW = "《中华人民共和国特种设备安全法》"
ROUNDS = 15


def _signature_png(seed: int) -> bytes:
    """Black strokes on white, 8-bit grey, as the signature pad writes them."""
    rng = random.Random(seed)
    image = Image.new("L", (600, 240), 255)
    points = [(40 + i * 50, 120 + rng.randint(-70, 70)) for i in range(11)]
    ImageDraw.Draw(image).line(points, fill=0, width=7)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _findings(count: int) -> tuple[DocumentFinding, ...]:
    rng = random.Random(count)
    findings = []
    for n in range(1, count + 1):
        words = "".join(
            rng.choice("检验维保记录电梯安全管理人员应急演练制度档案签字") for _ in range(70)
        )
        findings.append(
            DocumentFinding(
                n,
                f"{n}号梯（曳引驱动乘客电梯，设备代码 3110100012018{n:05d}）",
                f"{words}。",
                "一般隐患",
                "责令限期改正",
                dt.date(2026, 12, 5) + dt.timedelta(days=n % 3 * 10),
                f"{LAW}第三十九条",
                f"{LAW}第八十三条第（三）项",
            )
        )
    return tuple(findings)


def _payload(number: str, unit: Party, findings: tuple[DocumentFinding, ...]) -> str:
    key = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    claims = NoticeClaims(
        kind="order",
        number=number,
        unit_credit_code=unit.credit_code,
        unit_name=unit.name,
        issued=dt.date(2026, 11, 5),
        deadline=max(f.deadline for f in findings if f.deadline),
        measures=("rectify",),
        finding_codes=tuple(f"elevator_use.E{n}" for n in range(1, len(findings) + 1)),
        key_id=key_id_of(public),
        digest=content_digest("".join(f.text for f in findings)),
    )
    return sign_claims(claims, key)


def twenty_finding_notice() -> NoticeDocument:
    """A realistic 20-finding notice with two officers' and the unit's signatures."""
    number = "（长）市监特令〔2026〕第A07-0001号"
    unit = Party(
        name="长春欧亚汇通商业广场有限公司",
        credit_code="91220101MA17XK3Q2C",
        address="吉林省长春市南关区人民大街2688号",
    )
    findings = _findings(20)
    day = dt.date(2026, 11, 5)
    return NoticeDocument(
        number=number,
        issuing_body="长春市市场监督管理局",
        unit=unit,
        findings=findings,
        basis=f"依据{LAW}第六十一条、第六十二条的规定，现责令你（单位）对上述问题予以改正。",
        issued_on=day,
        officers=(
            Signature("检查人员", "王建国", "22010019001", _signature_png(1), day),
            Signature("检查人员", "李明华", "22010019017", _signature_png(2), day),
        ),
        unit_signature=Signature(
            "被检查单位负责人", "孙立新", png=_signature_png(3), signed_on=day
        ),
        refusal="",
        appeal=AppealClause("长春市人民政府", "长春市南关区人民法院"),
        qr_text=_payload(number, unit, findings),
    )


def notice_strings(doc: NoticeDocument) -> list[str]:
    """Every string the notice prints, in order (what the baseline draws as paragraphs)."""
    strings = [
        doc.issuing_body,
        "特种设备安全监察指令书",
        doc.number,
        f"被检查单位：{doc.unit.name}（统一社会信用代码：{doc.unit.credit_code}）",
        f"地址：{doc.unit.address}",
        "经检查，你（单位）在特种设备安全方面存在下列问题：",
    ]
    for f in doc.findings:
        strings += [
            f"{f.number}．{f.subject}",
            f"问题：{f.text}",
            f"违反：{f.violated}；依据：{f.penalty}",
            f"措施：{f.measure} 期限：{deadline_text(f)}",
        ]
    strings += [doc.basis, order_sentence(doc.findings, doc.basis), doc.appeal.text()]
    for s in (*doc.officers, doc.unit_signature):
        if s is not None:
            strings += [f"{s.role}：{s.name}", f"执法证号：{s.law_id}", "2026年11月5日"]
    strings += [doc.qr_caption, doc.number, doc.issuing_body, "2026年11月5日", doc.copies]
    return strings


def bare_reportlab(strings: list[str], font_name: str) -> bytes:
    style = ParagraphStyle("p", fontName=font_name, fontSize=10.5, leading=15.5, wordWrap="CJK")
    out = io.BytesIO()
    template = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, initialFontName=font_name
    )
    story: list[Flowable] = [Paragraph(s, style) for s in strings]
    template.build(story)
    return out.getvalue()


def _median_seconds(*fns: Callable[[], object], rounds: int = ROUNDS) -> list[float]:
    """The median time of each function, run in turns (one round runs each once) so that a
    slower or faster spell of the machine falls on all of them alike."""
    for fn in fns:
        fn()  # warm-up: font loaded, modules imported, caches filled
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(rounds):
        for fn, spent in zip(fns, times, strict=True):
            start = time.perf_counter()
            fn()
            spent.append(time.perf_counter() - start)
    return [statistics.median(spent) for spent in times]


def measure() -> dict[str, dict[str, float]]:
    doc = twenty_finding_notice()
    font = DocumentFont.bundled()
    strings = notice_strings(doc)
    ours, plain = _median_seconds(
        lambda: render_notice(doc, font), lambda: bare_reportlab(strings, font.name)
    )
    return {"pdf_notice": {"value": ours, "baseline": plain}}


def main() -> None:
    doc = twenty_finding_notice()
    figures = measure()["pdf_notice"]
    ratio = figures["value"] / figures["baseline"]
    print(
        f"pdf_notice: {figures['value'] * 1000:.1f} ms, bare reportlab "
        f"{figures['baseline'] * 1000:.1f} ms, ratio {ratio:.2f} (target ≤ 1.5)"
    )
    print(
        f"QR payload: {len(doc.qr_text)} characters, QR version {qr_version(doc.qr_text)} "
        f"at level Q ({17 + 4 * qr_version(doc.qr_text)} modules)"
    )


if __name__ == "__main__":
    main()
