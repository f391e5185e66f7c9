"""What the three printed documents share: the font, the page, the styles and the blocks.

A4 portrait, 25 mm side margins, one frame; the footer "第 x 页 共 y 页" is drawn after the
whole story is laid out (the canvas keeps every page until it knows how many there are).
Everything is drawn with one embedded TrueType font; nothing falls back to a PDF base font.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from fieldapp.errors import UserError
from fieldapp.notices.document import DocumentFinding, Party, Signature
from fieldapp.notices.qr import qr_matrix
from fieldapp.paths import resource

# Binary streams in our PDFs: smaller, and no ASCII85 pass over images and fonts (a PDF is
# a binary file anyway; every reader takes them).
rl_config.useA85 = 0

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 25 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
FOOTER_Y = 10 * mm

QR_SIZE = 32 * mm  # the code itself; with its 4-module quiet zone about 36 mm
SIGNATURE_BOX = (35 * mm, 14 * mm)
LINE_COLOUR = colors.Color(0.25, 0.25, 0.25)
FAILED_SHADE = colors.Color(0.92, 0.92, 0.92)

IMMEDIATE_MEASURES = ("责令立即停止使用",)


class FontUnusable(UserError):
    """The document font file is missing, not TrueType, or has no Chinese glyphs."""


class SignatureUnreadable(UserError):
    """A signature image is not a readable picture."""


_register_lock = threading.Lock()
_registered: dict[Path, DocumentFont] = {}


@dataclass(frozen=True)
class DocumentFont:
    """A TrueType font registered with reportlab under ``name``; subset-embedded in PDFs."""

    name: str
    path: Path
    family: str

    @classmethod
    def bundled(cls) -> DocumentFont:
        """The shipped AR PL UMing CN face (resources/fonts/uming.ttc), registered once.

        Raises ``FontUnusable`` when the shipped file is missing or damaged.
        """
        return cls.from_path(resource("fonts", "uming.ttc"))

    @classmethod
    def from_path(cls, path: str | Path) -> DocumentFont:
        """A system TrueType font (.ttf, or the first face of a .ttc), registered once.

        Raises ``FontUnusable`` (a ``UserError``) when the file is missing, is not a
        TrueType font reportlab can embed (CFF/OTF outlines are not), or has no Chinese glyphs.
        """
        resolved = Path(path).expanduser().resolve()
        with _register_lock:
            known = _registered.get(resolved)
            if known is not None:
                return known
            if not resolved.is_file():
                raise FontUnusable(f"找不到字体文件：{resolved} / font file not found: {resolved}")
            digest = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:10]
            name = f"FieldappDoc-{digest}"
            try:
                font = TTFont(name, str(resolved), subfontIndex=0)
            except (TTFError, OSError) as err:
                raise FontUnusable(
                    f"字体文件不是可嵌入的 TrueType 字体（{resolved}）：{err} / "
                    f"not a TrueType font that can be embedded in a PDF ({resolved}): {err}"
                ) from err
            if any(ord(ch) not in font.face.charToGlyph for ch in "指令书检查"):
                raise FontUnusable(
                    f"字体不含中文字形：{resolved} / the font has no Chinese glyphs: {resolved}"
                )
            pdfmetrics.registerFont(font)
            family = font.face.familyName
            label = family.decode("utf-8", "replace") if isinstance(family, bytes) else family
            document_font = cls(name=name, path=resolved, family=str(label))
            _registered[resolved] = document_font
            return document_font


def resolve_font(font: DocumentFont | None) -> DocumentFont:
    return font if font is not None else DocumentFont.bundled()


# ---------------------------------------------------------------- text helpers


def format_date(day: dt.date) -> str:
    """2026年12月5日 (no leading zeros), as printed on the documents."""
    return f"{day.year}年{day.month}月{day.day}日"


def is_immediate(finding: DocumentFinding) -> bool:
    return finding.deadline is None or finding.measure in IMMEDIATE_MEASURES


def deadline_text(finding: DocumentFinding) -> str:
    if is_immediate(finding) or finding.deadline is None:
        return "立即"
    return f"于{format_date(finding.deadline)}前"


def number_list(numbers: Sequence[int]) -> str:
    return "、".join(str(n) for n in numbers)


@dataclass(frozen=True)
class Styles:
    font: str
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_centre: ParagraphStyle
    small_centre: ParagraphStyle
    signer: ParagraphStyle
    body_indent: ParagraphStyle
    label: ParagraphStyle
    heading: ParagraphStyle
    centre: ParagraphStyle
    right: ParagraphStyle
    issuer: ParagraphStyle
    finding_head: ParagraphStyle
    finding_line: ParagraphStyle


@cache
def styles_for(font_name: str) -> Styles:
    def style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font_name, fontSize=size, leading=leading, wordWrap="CJK", **kw
        )

    return Styles(
        font=font_name,
        body=style("body", 10.5, 15.5, alignment=TA_JUSTIFY, spaceAfter=3),
        small=style("small", 9, 13),
        cell=style("cell", 10, 14),
        cell_centre=style("cell_centre", 10, 14, alignment=TA_CENTER),
        small_centre=style("small_centre", 9, 10.5, alignment=TA_CENTER),
        signer=style("signer", 9.5, 12.5),
        body_indent=style(
            "body_indent", 10.5, 15.5, alignment=TA_JUSTIFY, firstLineIndent=21, spaceAfter=3
        ),
        label=style("label", 10, 14, alignment=TA_CENTER),
        heading=style("heading", 12, 19, spaceBefore=8, spaceAfter=4),
        centre=style("centre", 15, 22, alignment=TA_CENTER),
        right=style("right", 11, 17, alignment=TA_RIGHT),
        issuer=style("issuer", 12, 18),
        finding_head=style(
            "finding_head", 10.5, 15.5, leftIndent=14, firstLineIndent=-14, spaceBefore=4
        ),
        finding_line=style("finding_line", 10.5, 15.5, leftIndent=21, alignment=TA_JUSTIFY),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped: data never becomes markup)."""
    return Paragraph(escape(text), style)


def make_table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    commands: Sequence[tuple[Any, ...]],
    font_name: str,
    **kwargs: Any,
) -> Table:
    """A reportlab Table whose cells default to the document font (never to Helvetica,
    which reportlab would otherwise reference, unembedded, for every plain-string cell)."""
    table = Table(rows, colWidths=list(widths), **kwargs)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font_name), *commands]))
    return table


# ---------------------------------------------------------------- flowables


class BoldTitle(Flowable):  # type: ignore[misc]
    """A centred title drawn with a thin outline over the fill (UMing has no bold face)."""

    def __init__(self, text: str, font_name: str, size: float = 21, space_after: float = 4):
        super().__init__()
        self.text = text
        self.font_name = font_name
        self.size = size
        self.char_space = 2.0
        self.spaceAfter = space_after

    def _width_at(self, size: float) -> float:
        plain = pdfmetrics.stringWidth(self.text, self.font_name, size)
        return float(plain + self.char_space * max(len(self.text) - 1, 0))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        while self.size > 10 and self._width_at(self.size) > avail_width:
            self.size -= 0.5
        self.width = avail_width
        self.height = self.size * 1.45
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        text = canvas.beginText()
        text.setFont(self.font_name, self.size)
        text.setCharSpace(self.char_space)
        text.setTextRenderMode(2)  # fill, then stroke: a simulated bold
        x = (self.width - self._width_at(self.size)) / 2
        text.setTextOrigin(x, self.size * 0.35)
        canvas.setLineWidth(0.3)
        text.textOut(self.text)
        canvas.drawText(text)


def qr_path_operators(matrix: Sequence[Sequence[bool]]) -> str:
    """PDF operators filling the dark modules as one path, in module units: row ``r`` spans
    y = -r-1 … -r. Runs of dark modules in a row become one rectangle (fewer operators, and
    no hairline seams between neighbours)."""
    stride = len(matrix) + 1
    rows = b"\0".join(bytes(row) for row in matrix)  # a light module between rows
    operators = []
    for run in _DARK_RUN.finditer(rows):
        start, end = run.span()
        r, c = divmod(start, stride)
        operators.append(f"{c} {-r - 1} {end - start} 1 re")
    operators.append("f")
    return "\n".join(operators)


_DARK_RUN = re.compile(rb"\x01+")


class QRBlock(Flowable):  # type: ignore[misc]
    """The QR code as vector squares, its caption and the document number under it."""

    def __init__(self, text: str, caption: str, number: str, font_name: str) -> None:
        super().__init__()
        self.matrix = qr_matrix(text)
        self.module = QR_SIZE / len(self.matrix)
        self.quiet = 4 * self.module
        self.caption = caption
        self.number = number
        self.font_name = font_name
        self.number_size = 7.5
        self.width = 60 * mm
        self.height = self.quiet + QR_SIZE + self.quiet + 10 + self.number_size + 4

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(60 * mm, avail_width)
        while (
            self.number_size > 5
            and pdfmetrics.stringWidth(self.number, self.font_name, self.number_size) > self.width
        ):
            self.number_size -= 0.25
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = self.height - self.quiet
        canvas.saveState()
        canvas.setFillColor(colors.black)
        canvas.transform(self.module, 0, 0, self.module, 0, top)  # module units, y up
        canvas.addLiteral(qr_path_operators(self.matrix))
        canvas.restoreState()
        centre = QR_SIZE / 2
        caption_y = top - QR_SIZE - self.quiet - 10  # the glyphs stay out of the quiet zone
        canvas.setFont(self.font_name, 9)
        canvas.drawCentredString(centre, caption_y, self.caption)
        canvas.setFont(self.font_name, self.number_size)
        number_width = pdfmetrics.stringWidth(self.number, self.font_name, self.number_size)
        number_x = max(centre - number_width / 2, 0)
        canvas.drawString(number_x, caption_y - self.number_size - 2, self.number)


class IssuerBlock(Flowable):  # type: ignore[misc]
    """Issuing body and date, right-aligned, with a dashed circle where the seal goes."""

    def __init__(self, issuer: str, day: dt.date, font_name: str, seal: bool = True) -> None:
        super().__init__()
        self.issuer = issuer
        self.date = format_date(day)
        self.font_name = font_name
        self.seal = seal
        self.size = 11.5
        self.width = 80 * mm
        self.height = 43 * mm if seal else 18 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(80 * mm, avail_width)
        while (
            self.size > 7
            and pdfmetrics.stringWidth(self.issuer, self.font_name, self.size) > self.width
        ):
            self.size -= 0.5
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        centre_x = self.width / 2
        if self.seal:
            centre_y = self.height / 2
            canvas.saveState()
            canvas.setStrokeColor(colors.Color(0.6, 0.6, 0.6))
            canvas.setLineWidth(0.6)
            canvas.setDash(3, 2)
            canvas.circle(centre_x, centre_y, 21 * mm, stroke=1, fill=0)
            canvas.setFillColor(colors.Color(0.55, 0.55, 0.55))
            canvas.setFont(self.font_name, 8)
            canvas.drawCentredString(centre_x, centre_y + 14 * mm, "（印章）")
            canvas.restoreState()
            issuer_y, date_y = centre_y + 1 * mm, centre_y - 8 * mm
        else:
            issuer_y, date_y = self.height - 14, 4.0
        canvas.setFont(self.font_name, self.size)
        canvas.drawCentredString(centre_x, issuer_y, self.issuer)
        canvas.setFont(self.font_name, 11.5)
        canvas.drawCentredString(centre_x, date_y, self.date)


class Stack(Flowable):  # type: ignore[misc]
    """Flowables drawn one under the other as one block; each is wrapped once per width."""

    def __init__(self, flowables: Sequence[Flowable]) -> None:
        super().__init__()
        self.flowables = list(flowables)
        self._wrapped: tuple[float, list[float]] | None = None

    def heights(self, avail_width: float) -> list[float]:
        if self._wrapped is None or self._wrapped[0] != avail_width:
            heights = [f.wrapOn(self.canv, avail_width, FRAME_HEIGHT)[1] for f in self.flowables]
            self._wrapped = (avail_width, heights)
        return self._wrapped[1]

    def stacked_height(self, avail_width: float) -> float:
        gaps = sum(f.getSpaceBefore() + f.getSpaceAfter() for f in self.flowables)
        return float(sum(self.heights(avail_width)) + gaps)

    def draw_stack(self, top: float) -> None:
        """Draw the flowables downwards from ``top`` (spacing included)."""
        y = top
        for flowable, height in zip(self.flowables, self.heights(self.width), strict=True):
            y -= flowable.getSpaceBefore() + height
            flowable.drawOn(self.canv, 0, y)
            y -= flowable.getSpaceAfter()


class KeepBlock(Stack):
    """A finding: kept on one page (moved whole to the next page when it does not fit);
    only a block taller than a page is handed over in parts."""

    def getSpaceBefore(self) -> float:
        return float(self.flowables[0].getSpaceBefore()) if self.flowables else 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.stacked_height(avail_width) - self.getSpaceBefore()
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if self.wrap(avail_width, avail_height)[1] < FRAME_HEIGHT - 1:
            return []  # whole on the next page
        return list(self.flowables)

    def draw(self) -> None:
        self.draw_stack(self.height + self.getSpaceBefore())


class AtBottom(Flowable):  # type: ignore[misc]
    """The closing of a document: ``bottom`` pushed to the foot of the last page, with
    ``lead`` (the last paragraph of text) kept with it at the top of the remaining space.

    Takes the rest of the frame, so nothing can follow it. When it does not fit, all of it
    moves to the next page (which therefore starts with text, not with an empty gap); when
    it would not fit even on a whole page it gives up and flows as ordinary flowables.
    """

    def __init__(self, lead: Sequence[Flowable], bottom: Sequence[Flowable]) -> None:
        super().__init__()
        self.lead = Stack(lead)
        self.bottom = Stack(bottom)

    def _needed(self, avail_width: float) -> float:
        self.lead.canv = self.bottom.canv = self.canv
        return self.lead.stacked_height(avail_width) + self.bottom.stacked_height(avail_width)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.lead.width = self.bottom.width = avail_width
        self.height = max(self._needed(avail_width), avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if self._needed(avail_width) <= FRAME_HEIGHT * 0.95:
            return []  # whole on the next page
        return [*self.lead.flowables, *self.bottom.flowables]

    def draw(self) -> None:
        self.lead.canv = self.bottom.canv = self.canv
        self.lead.draw_stack(self.height)
        self.bottom.draw_stack(self.bottom.stacked_height(self.width))


# ---------------------------------------------------------------- blocks


def party_lines(unit: Party, label: str, styles: Styles) -> list[Flowable]:
    """被检查单位：name（统一社会信用代码：…） and the address."""
    first = f"{label}：{unit.name}"
    if unit.credit_code:
        first += f"（统一社会信用代码：{unit.credit_code}）"
    lines = [para(first, styles.body)]
    if unit.address:
        lines.append(para(f"地址：{unit.address}", styles.body))
    return lines


def finding_block(finding: DocumentFinding, styles: Styles) -> KeepBlock:
    """One numbered problem: subject, text, articles, measure and deadline; never split."""
    head = f"{finding.number}．{finding.subject}"
    if finding.severity and finding.severity != "一般隐患":
        head += f"〔{finding.severity}〕"
    lines = [para(head, styles.finding_head), para(f"问题：{finding.text}", styles.finding_line)]
    law = "；".join(
        part
        for part in (
            f"违反：{finding.violated}" if finding.violated else "",
            f"依据：{finding.penalty}" if finding.penalty else "",
        )
        if part
    )
    if law:
        lines.append(para(law, styles.finding_line))
    gap = "&nbsp;" * 6  # whitespace would collapse to one space
    measure = escape(f"措施：{finding.measure}") + gap + escape(f"期限：{deadline_text(finding)}")
    lines.append(Paragraph(measure, styles.finding_line))
    return KeepBlock(lines)


class SignatureImage(Flowable):  # type: ignore[misc]
    """A signature picture, flattened onto white and scaled into the 35 × 14 mm box."""

    def __init__(self, picture: PILImage.Image, width: float, height: float) -> None:
        super().__init__()
        self.reader = ImageReader(picture)
        self.width = width
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height)


def _flattened(picture: PILImage.Image) -> PILImage.Image:
    """Grey stays grey (the signature pad writes 8-bit grey PNGs), colour becomes RGB, and
    transparency is laid on white paper."""
    has_alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
    grey = picture.mode in ("1", "L", "LA", "I", "I;16")
    if not has_alpha:
        return picture.convert("L" if grey else "RGB")
    rgba = picture.convert("LA" if grey else "RGBA")
    flat = PILImage.new("L" if grey else "RGB", rgba.size, 255 if grey else (255, 255, 255))
    flat.paste(rgba.convert(flat.mode), mask=rgba.getchannel("A"))
    return flat


def signature_image(png: bytes) -> SignatureImage:
    """The signature scaled into a 35 × 14 mm box, aspect kept; pictures finer than 300 dpi at
    that size are resampled to 300 dpi first.

    Raises ``SignatureUnreadable`` when the bytes are not a picture.
    """
    try:
        with PILImage.open(io.BytesIO(png)) as opened:
            picture = _flattened(opened)
    except (UnidentifiedImageError, PILImage.DecompressionBombError, OSError) as err:
        raise SignatureUnreadable(
            "签名图像无法读取，请重新签名 / a signature image cannot be read; sign again"
        ) from err
    box_w, box_h = SIGNATURE_BOX
    width, height = picture.size
    scale = min(box_w / max(width, 1), box_h / max(height, 1))
    at_300_dpi = (
        max(round(width * scale / 72 * 300), 1),
        max(round(height * scale / 72 * 300), 1),
    )
    if width > at_300_dpi[0] * 1.1:  # print resolution is enough; fewer pixels to compress
        picture = picture.resize(at_300_dpi, PILImage.Resampling.BOX)  # fast, fine downward
    return SignatureImage(picture, width * scale, height * scale)


SIGNERS_PER_ROW = 3


class SignerBlock(Flowable):  # type: ignore[misc]
    """One signer: role and name, 执法证号, the signature on a line and the date under it
    (a signer without a picture gets an empty line to sign on paper)."""

    def __init__(self, signature: Signature, styles: Styles) -> None:
        super().__init__()
        lines = [para(f"{signature.role}：{signature.name}", styles.signer)]
        if signature.law_id:
            lines.append(para(f"执法证号：{signature.law_id}", styles.signer))
        self.lines = Stack(lines)
        self.image = signature_image(signature.png) if signature.png else None
        day = format_date(signature.signed_on) if signature.signed_on else "年　月　日"
        self.day = Stack([para(day, styles.small_centre)])
        self.line_height = SIGNATURE_BOX[1] + 1  # the signature sits 1 pt above the line

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = SIGNATURE_BOX[0] + 8 * mm
        self.lines.canv = self.day.canv = self.canv
        self.lines.width = self.day.width = self.width
        upper = self.lines.stacked_height(self.width)
        lower = self.day.stacked_height(self.width)
        self.height = upper + _SIGNER_PADDING + self.line_height + lower + _SIGNER_PADDING
        return self.width, self.height

    def draw(self) -> None:
        self.lines.canv = self.day.canv = self.canv
        day_top = self.day.stacked_height(self.width) + _SIGNER_PADDING
        line_y = day_top
        self.day.draw_stack(day_top)
        if self.image is not None:
            self.image.drawOn(self.canv, (self.width - self.image.width) / 2, line_y + 1)
        self.canv.saveState()
        self.canv.setStrokeColor(LINE_COLOUR)
        self.canv.setLineWidth(0.5)
        self.canv.line(0, line_y, self.width, line_y)
        self.canv.restoreState()
        self.lines.draw_stack(self.height)


_SIGNER_PADDING = 1  # under the name lines and under the date


def signature_table(
    officers: Sequence[Signature],
    unit_signature: Signature | None,
    refusal: str,
    styles: Styles,
    recorder: str = "",
) -> Table:
    """The signers three to a row: the officers, the recorder (when not one of them: a line
    to sign on paper), then the unit's signer; the refusal note takes the next free place."""
    signers = list(officers)
    if recorder and recorder not in {o.name for o in officers}:
        signers.append(Signature("记录人", recorder))
    if unit_signature is not None:
        signers.append(unit_signature)
    cells: list[Any] = [SignerBlock(signature, styles) for signature in signers]
    if refusal:
        cells.append(para(refusal, styles.signer))
    cells += [""] * (-len(cells) % SIGNERS_PER_ROW if cells else SIGNERS_PER_ROW)
    rows: list[list[Any]] = [
        cells[i : i + SIGNERS_PER_ROW] for i in range(0, len(cells), SIGNERS_PER_ROW)
    ]
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    return make_table(
        rows, [FRAME_WIDTH / SIGNERS_PER_ROW] * SIGNERS_PER_ROW, commands, styles.font
    )


def closing_table(
    qr_text: str,
    qr_caption: str,
    number: str,
    issuer: str,
    day: dt.date,
    font_name: str,
    seal: bool = True,
) -> Table:
    """QR code bottom left (when there is one), issuing body and date bottom right."""
    left: Flowable | str = QRBlock(qr_text, qr_caption, number, font_name) if qr_text else ""
    right = IssuerBlock(issuer, day, font_name, seal=seal)
    return make_table(
        [[left, right]],
        [FRAME_WIDTH - 80 * mm, 80 * mm],
        [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
        font_name,
    )


def header_flowables(issuer: str, title: str, number: str, styles: Styles) -> list[Flowable]:
    """Issuing body centred, the title, the number right-aligned, a rule under them."""
    rule = HRFlowable(
        width="100%",
        thickness=1.2,
        lineCap="butt",
        color=colors.black,
        spaceBefore=0.8,
        spaceAfter=0,
    )
    return [
        para(issuer, styles.centre) if issuer else para(" ", styles.small),
        BoldTitle(title, styles.font),
        para(number, styles.right),
        rule,
    ]


# ---------------------------------------------------------------- the document


def _paged_canvas(font_name: str, number: str) -> type[Canvas]:
    class PagedCanvas(Canvas):  # type: ignore[misc]
        """Holds every page until the end, then draws "第 x 页 共 y 页" on each."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = font_name  # else reportlab adds an unused Helvetica
            kwargs["initialFontSize"] = 10
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for state in self._held_pages:
                self.__dict__.update(state)
                self._draw_furniture(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_furniture(self, total: int) -> None:
            page = self.getPageNumber()
            self.saveState()
            self.setFont(font_name, 9.5)
            self.drawCentredString(PAGE_WIDTH / 2, FOOTER_Y, f"第 {page} 页 共 {total} 页")
            if page > 1:
                self.setFont(font_name, 8.5)
                self.drawRightString(PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 13 * mm, number)
            self.restoreState()

    return PagedCanvas


def build_pdf(
    story: list[Flowable], title: str, number: str, issuer: str, font: DocumentFont
) -> bytes:
    """Lay the story out on A4 pages and return the PDF bytes (reproducible: invariant)."""
    out = io.BytesIO()
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        FRAME_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{title} {number}",
        author=issuer,
        subject=title,
        creator="fieldapp",
        invariant=1,
        lang="zh-CN",
        pageTemplates=[PageTemplate(id="page", frames=[frame])],
    )
    template.build(story, canvasmaker=_paged_canvas(font.name, number))
    return out.getvalue()
