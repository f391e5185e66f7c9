"""The printable summary of a month or quarter: its text read back with pypdfium2."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from fieldapp.reports import BadFilter, Filters, Period, render_summary, write_summary
from tests.reports.conftest import TODAY, Fixture


def pdf_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_periods() -> None:
    march = Period.parse("2026-03")
    assert (march.start, march.end, march.label_zh) == (
        dt.date(2026, 3, 1),
        dt.date(2026, 3, 31),
        "2026年3月",
    )
    q4 = Period.parse("2025Q4")
    assert (q4.start, q4.end, q4.label_zh) == (
        dt.date(2025, 10, 1),
        dt.date(2025, 12, 31),
        "2025年第四季度",
    )
    assert Period.month(2024, 2).end == dt.date(2024, 2, 29)
    for bad in ("2026-13", "2026Q5", "March"):
        with pytest.raises(BadFilter, match="2026Q1"):
            Period.parse(bad)


def test_quarter_summary_says_what_the_queries_say(fixture: Fixture, tmp_path: Path) -> None:
    path = write_summary(
        fixture.db,
        Period.quarter(2026, 1),
        tmp_path / "q1.pdf",
        Filters(),
        TODAY,
        "测试市场监督管理局",
    )
    text = pdf_text(path.read_bytes())
    compact = text.replace(" ", "").replace("\r", "").replace("\n", "")
    assert "特种设备安全监察工作情况汇总（2026年第一季度）" in compact
    assert "测试市场监督管理局" in compact
    for heading in (
        "一、总体情况",
        "二、月度检查情况",
        "三、发现问题按设备种类",
        "四、问题最多的检查项目",
        "五、2026年抽查覆盖率",
        "六、逾期未整改的指令书",
    ):
        assert heading in compact
    # Q1 2026: I4 (Feb) and I1 (Mar) of 2 units; findings F1, F2, F4, F5 (dropped, still
    # found), F2 and F4 serious; notices N1, N3, N4; of the two due, none rectified on time
    assert "检查次数被检查单位发现问题严重事故隐患下达指令书按期整改率224230.0%" in compact
    assert "本期到期的指令书2份，按期整改0份，复查未整改移交/立案1份，逾期未复查1份" in compact
    assert "未结案指令书3份，其中逾期未整改1份" in compact
    assert "长春市" in compact and "吉林市" in compact  # the coverage table
    assert "（测）市监特令〔2026〕第A31-0001号" in compact  # overdue today
    assert "U01-B" in compact  # a most-failed item


def test_summary_of_a_city_and_month_without_inspections(fixture: Fixture) -> None:
    data = render_summary(fixture.db, Period.month(2026, 4), Filters(area="220200"), TODAY)
    compact = pdf_text(data).replace(" ", "").replace("\r", "").replace("\n", "")
    assert "范围：吉林市" in compact
    assert "检查次数被检查单位发现问题严重事故隐患下达指令书按期整改率00000—" in compact
