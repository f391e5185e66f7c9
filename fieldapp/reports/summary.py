"""The printable summary of a month or a quarter: 特种设备安全监察工作情况汇总.

A4 PDF with the bundled CJK font (``fieldapp.notices.pdf_common.DocumentFont``): the figures
of the period, inspections per month, findings by equipment class, the ten most-failed
items, the share of notices rectified on time, this year's sampling coverage per city and
the notices overdue today. Charts are reportlab.graphics drawings (vector, printable).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, SimpleDocTemplate, Spacer
from sqlite_utils import Database

from fieldapp.atomic import write_atomically
from fieldapp.notices.pdf_common import DocumentFont, make_table, para, styles_for
from fieldapp.reports.dashboard import (
    ClassCount,
    Coverage,
    MonthCount,
    findings_by_class,
    inspections_per_month,
    on_time_share,
    sampling_coverage,
    top_failed_items,
)
from fieldapp.reports.filters import NO_FILTERS, BadFilter, Filters, ListKind
from fieldapp.reports.followups import count_holds, count_open_notices, open_notices
from fieldapp.reports.lists import area_name, count_rows

__all__ = ["Period", "render_summary", "write_summary"]

MARGIN = 20 * mm
WIDTH = A4[0] - 2 * MARGIN
BAR = colors.Color(0.18, 0.38, 0.62)
BAR_LIGHT = colors.Color(0.62, 0.74, 0.87)
TARGET = colors.Color(0.75, 0.1, 0.1)
GRID = colors.Color(0.55, 0.55, 0.55)
HEAD_SHADE = colors.Color(0.9, 0.92, 0.95)
_PERIOD_RE = re.compile(r"(\d{4})-(\d{1,2})|(\d{4})[Qq]([1-4])")


@dataclass(frozen=True)
class Period:
    """A month or a quarter, inclusive of both ends."""

    start: dt.date
    end: dt.date
    label_zh: str
    label_en: str

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        start = dt.date(year, month, 1)
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return cls(start, following - dt.timedelta(days=1), f"{year}年{month}月", f"{start:%B %Y}")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        start = dt.date(year, 3 * quarter - 2, 1)
        end = Period.month(year, 3 * quarter).end
        names = "一二三四"
        return cls(start, end, f"{year}年第{names[quarter - 1]}季度", f"Q{quarter} {year}")

    @classmethod
    def parse(cls, text: str) -> Period:
        """``2026-03`` (a month) or ``2026Q1`` (a quarter). Raises BadFilter."""
        match = _PERIOD_RE.fullmatch(text.strip())
        if match and match.group(1) and 1 <= int(match.group(2)) <= 12:
            return cls.month(int(match.group(1)), int(match.group(2)))
        if match and match.group(3):
            return cls.quarter(int(match.group(3)), int(match.group(4)))
        raise BadFilter(
            {"period": f"期间应写作 2026-03 或 2026Q1 / period {text!r}: 2026-03 or 2026Q1"}
        )

    def filters(self, base: Filters) -> Filters:
        return base.replace(date_from=self.start, date_to=self.end)


# --- charts --------------------------------------------------------------------------------


def _month_chart(months: list[MonthCount], font: str) -> Drawing:
    drawing = Drawing(WIDTH, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 12 * mm
    chart.width, chart.height = WIDTH - 20 * mm, 44 * mm
    chart.data = [[m.inspections for m in months], [m.with_findings for m in months]]
    chart.bars[0].fillColor = BAR
    chart.bars[1].fillColor = BAR_LIGHT
    chart.barSpacing = 1
    chart.groupSpacing = 6
    chart.categoryAxis.categoryNames = [f"{m.month[2:4]}.{m.month[5:]}" for m in months]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    drawing.add(chart)
    for n, (label, colour) in enumerate((("检查次数", BAR), ("其中发现问题", BAR_LIGHT))):
        x = WIDTH - 70 * mm + n * 34 * mm
        drawing.add(Line(x, 59 * mm, x + 6 * mm, 59 * mm, strokeColor=colour, strokeWidth=5))
        drawing.add(String(x + 8 * mm, 58 * mm, label, fontName=font, fontSize=8))
    return drawing


def _class_chart(classes: list[ClassCount], font: str) -> Drawing:
    shown = classes[:10]
    height = max(30 * mm, (len(shown) * 7 + 14) * mm)
    drawing = Drawing(WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 44 * mm, 8 * mm
    chart.width, chart.height = WIDTH - 54 * mm, height - 12 * mm
    chart.data = [[c.findings for c in reversed(shown)] or [0]]
    chart.bars[0].fillColor = BAR
    chart.categoryAxis.categoryNames = [c.name_zh for c in reversed(shown)] or ["—"]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7.5
    chart.barLabels.nudge = 8
    drawing.add(chart)
    return drawing


def _coverage_chart(coverage: Coverage, font: str) -> Drawing:
    cities = list(coverage.cities)
    drawing = Drawing(WIDTH, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 14 * mm
    chart.width, chart.height = WIDTH - 20 * mm, 40 * mm
    chart.data = [
        [round(100 * (c.share or 0), 1) for c in cities] or [0],
        [round(100 * (c.key_share or 0), 1) for c in cities] or [0],
    ]
    chart.bars[0].fillColor = BAR_LIGHT
    chart.bars[1].fillColor = BAR
    chart.barSpacing = 1
    chart.groupSpacing = 8
    chart.categoryAxis.categoryNames = [c.name[:4] for c in cities] or ["—"]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 25
    chart.valueAxis.labelTextFormat = "%d%%"
    drawing.add(chart)
    for share, label in (
        (coverage.target_units, "单位抽查目标"),
        (coverage.target_key, "重点单位目标"),
    ):
        y = chart.y + chart.height * share
        drawing.add(
            Line(chart.x, y, chart.x + chart.width, y, strokeColor=TARGET, strokeDashArray=[3, 2])
        )
        drawing.add(
            String(
                chart.x + chart.width - 24 * mm,
                y + 1.2 * mm,
                label,
                fontName=font,
                fontSize=7,
                fillColor=TARGET,
            )
        )
    for n, (label, colour) in enumerate((("使用单位抽查率", BAR_LIGHT), ("重点单位抽查率", BAR))):
        x = 20 * mm + n * 40 * mm
        drawing.add(Line(x, 59 * mm, x + 6 * mm, 59 * mm, strokeColor=colour, strokeWidth=5))
        drawing.add(String(x + 8 * mm, 58 * mm, label, fontName=font, fontSize=8))
    return drawing


# --- the document --------------------------------------------------------------------------


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def _table(rows: list[list[str]], widths: list[float], font: str) -> Flowable:
    styles = styles_for(font)
    cells = [[para(str(v), styles.small) for v in row] for row in rows]
    return make_table(
        cells,
        widths,
        [
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_SHADE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ],
        font,
        repeatRows=1,
    )


def render_summary(
    db: Database,
    period: Period,
    filters: Filters = NO_FILTERS,
    today: dt.date | None = None,
    issuing_body: str = "",
    font: DocumentFont | None = None,
) -> bytes:
    """The summary of ``period`` (narrowed by ``filters``: area, unit, class, officer) as
    PDF bytes. Raises BadFilter, and FontUnusable if the bundled font is damaged."""
    today = today or dt.date.today()
    font = font or DocumentFont.bundled()
    styles = styles_for(font.name)
    scoped = period.filters(filters.replace(status="", measure="", text=""))
    inspections = count_rows(db, ListKind.INSPECTIONS, scoped, today)
    units = count_rows(db, ListKind.UNITS, scoped, today)
    findings = count_rows(db, ListKind.FINDINGS, scoped, today)
    notices = count_rows(db, ListKind.NOTICES, scoped, today)
    open_now, overdue_now = count_open_notices(db, filters, today)
    holds = count_holds(db, filters, today)
    on_time = on_time_share(db, scoped, today)
    months = inspections_per_month(db, filters.replace(date_to=period.end), 12, today)
    classes = findings_by_class(db, scoped)
    serious = sum(c.serious for c in classes)
    items = top_failed_items(db, scoped)
    coverage = sampling_coverage(db, period.end.year, today, filters.area)
    overdue = open_notices(db, filters.replace(status="overdue"), today, limit=20)

    where = area_name(filters.area) if filters.area else "全省"
    story: list[Flowable] = [
        para(issuing_body or where, styles.issuer),
        para(f"特种设备安全监察工作情况汇总（{period.label_zh}）", styles.centre),
        para(
            f"统计期间：{period.start.isoformat()} 至 {period.end.isoformat()}；范围：{where}；"
            f"整改跟踪截至 {today.isoformat()}。",
            styles.small,
        ),
        Spacer(1, 4 * mm),
        para("一、总体情况", styles.heading),
        _table(
            [
                ["检查次数", "被检查单位", "发现问题", "严重事故隐患", "下达指令书", "按期整改率"],
                [
                    str(inspections),
                    str(units),
                    str(findings),
                    str(serious),
                    str(notices),
                    _percent(on_time.share),
                ],
            ],
            [WIDTH / 6] * 6,
            font.name,
        ),
        Spacer(1, 2 * mm),
        para(
            f"截至 {today.isoformat()}：未结案指令书 {open_now} 份，"
            f"其中逾期未整改 {overdue_now} 份；"
            f"责令停止使用或查封、扣押中的设备 {holds} 台。本期到期的指令书 {on_time.due} 份，"
            f"按期整改 {on_time.on_time} 份，复查未整改移交/立案 {on_time.late} 份，"
            f"逾期未复查 {on_time.overdue_open} 份。",
            styles.body,
        ),
        para("二、月度检查情况（近十二个月）", styles.heading),
        _month_chart(months, font.name),
        para("三、发现问题按设备种类", styles.heading),
        _class_chart(classes, font.name),
        para("四、问题最多的检查项目（前十项）", styles.heading),
        _table(
            [["序号", "项目编号", "检查项目", "次数"]]
            + [[str(n), i.item_id, i.text_zh, str(i.failures)] for n, i in enumerate(items, 1)]
            or [["—", "", "本期无问题", ""]],
            [12 * mm, 24 * mm, WIDTH - 54 * mm, 18 * mm],
            font.name,
        ),
        CondPageBreak(110 * mm),
        para(
            f"五、{coverage.year}年抽查覆盖率（目标：使用单位不低于"
            f"{coverage.target_units:.0%}，重点单位不低于{coverage.target_key:.0%}）",
            styles.heading,
        ),
        _coverage_chart(coverage, font.name),
        _table(
            [["地区", "使用单位", "已检查", "抽查率", "重点单位", "已检查", "抽查率", "达标"]]
            + [
                [
                    c.name,
                    str(c.units),
                    str(c.checked),
                    _percent(c.share),
                    str(c.key_units),
                    str(c.key_checked),
                    _percent(c.key_share),
                    "是" if c.meets_units and c.meets_key else "否",
                ]
                for c in (*coverage.cities, coverage.total)
            ],
            [34 * mm, *[(WIDTH - 34 * mm) / 7] * 7],
            font.name,
        ),
        para("六、逾期未整改的指令书（截至统计日，按期限先后，至多二十份）", styles.heading),
        _table(
            [["指令书编号", "被检查单位", "地区", "整改期限", "逾期"]]
            + [
                [
                    n.number,
                    n.unit_name,
                    n.district_name,
                    n.deadline.isoformat() if n.deadline else "",
                    str(-(n.days_left or 0)),
                ]
                for n in overdue
            ]
            or [["—", "无", "", "", ""]],
            [62 * mm, WIDTH - 128 * mm, 30 * mm, 22 * mm, 14 * mm],
            font.name,
        ),
        Spacer(1, 6 * mm),
        para(f"本汇总由 fieldapp 生成于 {today.isoformat()}。", styles.small),
    ]
    out = io.BytesIO()
    title = f"特种设备安全监察工作情况汇总（{period.label_zh}）"

    def footer(canvas: object, doc: SimpleDocTemplate) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont(font.name, 8.5)  # type: ignore[attr-defined]
        canvas.drawCentredString(  # type: ignore[attr-defined]
            A4[0] / 2, 10 * mm, f"{title} 第 {doc.page} 页"
        )
        canvas.restoreState()  # type: ignore[attr-defined]

    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=issuing_body or "fieldapp",
        creator="fieldapp",
        invariant=1,
        lang="zh-CN",
        initialFontName=font.name,
    )
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def write_summary(
    db: Database,
    period: Period,
    path: Path,
    filters: Filters = NO_FILTERS,
    today: dt.date | None = None,
    issuing_body: str = "",
) -> Path:
    """Render the summary and write it to ``path`` atomically; return ``path``.

    Raises BadFilter, FontUnusable, and OSError if the file cannot be written.
    """
    write_atomically(path, [render_summary(db, period, filters, today, issuing_body)])
    return path
