"""The supervisor's dashboards: the charts draw what fieldapp.reports computes, follow the
filters, save as PNG; the summary PDF is rendered in a worker and shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCharts import QBarSeries, QHorizontalBarSeries, QLineSeries, QPieSeries
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from fieldapp.gui import dashboards, exports
from fieldapp.gui.dashboards import DashboardsPage
from fieldapp.reports.dashboard import (
    findings_by_class,
    inspections_per_month,
    on_time_share,
    sampling_coverage,
    top_failed_items,
)
from fieldapp.reports.filters import Filters
from fieldapp.reports.summary import Period
from fieldapp.workspace import Workspace
from tests.gui.conftest import SUPERVISOR_TODAY


@pytest.fixture
def page(qtbot: QtBot, supervisor_ws: Workspace) -> DashboardsPage:
    widget = DashboardsPage(supervisor_ws, today=SUPERVISOR_TODAY)
    qtbot.addWidget(widget)
    widget.resize(1150, 700)
    with qtbot.waitSignal(widget.loaded, timeout=20000):
        widget.show()
    return widget


def bar_values(series: QBarSeries | QHorizontalBarSeries, index: int) -> list[float]:
    bar_set = series.barSets()[index]
    return [bar_set.at(i) for i in range(bar_set.count())]


@pytest.mark.usefixtures("zh")
def test_charts_draw_the_reports_figures(page: DashboardsPage, supervisor_ws: Workspace) -> None:
    with supervisor_ws.store.reading() as db:
        months = inspections_per_month(db, months=12, today=SUPERVISOR_TODAY)
        classes = findings_by_class(db)
        items = top_failed_items(db, limit=10)
        on_time = on_time_share(db, today=SUPERVISOR_TODAY)
        coverage = sampling_coverage(db, year=SUPERVISOR_TODAY.year, today=SUPERVISOR_TODAY)

    (per_month,) = page.per_month.chart.series()
    assert isinstance(per_month, QBarSeries)
    assert bar_values(per_month, 0) == [m.inspections for m in months]
    assert bar_values(per_month, 1) == [m.with_findings for m in months]
    assert len(months) == 12 and sum(m.inspections for m in months) > 0
    labels = page.per_month.chart.axes()[0].categories()
    assert labels[-1] == f"{SUPERVISOR_TODAY.month}月"

    (by_class,) = page.by_class.chart.series()
    assert isinstance(by_class, QHorizontalBarSeries)
    assert bar_values(by_class, 0) == [c.findings for c in reversed(classes)]
    assert bar_values(by_class, 1) == [c.serious for c in reversed(classes)]

    (top,) = page.top_items.chart.series()
    assert bar_values(top, 0) == [i.failures for i in reversed(items)]
    assert len(items) == 10
    assert [i.failures for i in items] == sorted((i.failures for i in items), reverse=True)
    axis_labels = page.top_items.chart.axes()[0].categories()
    assert axis_labels[-1].startswith(items[0].item_id)

    (pie,) = page.on_time.chart.series()
    assert isinstance(pie, QPieSeries)
    assert sum(s.value() for s in pie.slices()) == on_time.on_time + on_time.late + (
        on_time.overdue_open
    )
    assert on_time.share is not None
    assert f"{on_time.share * 100:.0f} %" in page.on_time.chart.title()

    series = page.coverage.chart.series()
    bars = next(s for s in series if isinstance(s, QBarSeries))
    lines = [s for s in series if isinstance(s, QLineSeries)]
    cities = [*coverage.cities, coverage.total]
    assert bar_values(bars, 0) == pytest.approx([(c.share or 0) * 100 for c in cities])
    assert bar_values(bars, 1) == pytest.approx([(c.key_share or 0) * 100 for c in cities])
    assert [line.at(0).y() for line in lines] == pytest.approx(
        [coverage.target_units * 100, coverage.target_key * 100]
    )
    assert str(coverage.year) in page.coverage.note.text()


@pytest.mark.usefixtures("zh")
def test_chart_text_falls_back_to_the_bundled_cjk_font(page: DashboardsPage) -> None:
    from PySide6.QtWidgets import QApplication

    app_families = QApplication.font().families()
    assert any("Droid Sans Fallback" in f for f in app_families)
    for card in page.cards:
        chart = card.chart
        fonts = [chart.titleFont(), chart.legend().font()]
        fonts += [axis.labelsFont() for axis in chart.axes()]
        for font in fonts:
            assert font.families() == app_families, card.name


@pytest.mark.usefixtures("zh")
def test_filters_redraw_the_charts(
    qtbot: QtBot, page: DashboardsPage, supervisor_ws: Workspace
) -> None:
    bar = page.filter_bar
    with qtbot.waitSignal(page.loaded, timeout=20000):
        bar.equipment_class.setCurrentIndex(bar.equipment_class.findData("3000"))  # 电梯
    with supervisor_ws.store.reading() as db:
        months = inspections_per_month(
            db, Filters(equipment_class="3000"), months=12, today=SUPERVISOR_TODAY
        )
        everything = inspections_per_month(db, months=12, today=SUPERVISOR_TODAY)
    (per_month,) = page.per_month.chart.series()
    assert bar_values(per_month, 0) == [m.inspections for m in months]
    assert sum(m.inspections for m in months) < sum(m.inspections for m in everything)


@pytest.mark.usefixtures("zh")
def test_each_chart_saves_as_png(
    page: DashboardsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for card in page.cards:
        target = tmp_path / f"{card.name}.png"
        monkeypatch.setattr(dashboards, "choose_image_path", lambda *_, t=target: t)
        card.save_button.click()
        image = QImage(str(target))
        assert not image.isNull(), card.name
        assert image.width() >= card.view.width() and image.height() >= card.view.height()
        assert str(target) in page.message.text()


@pytest.mark.usefixtures("zh")
def test_summary_pdf_for_a_month(
    qtbot: QtBot, page: DashboardsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    period = Period.month(2026, 5)
    shown: list[tuple[bytes, Period]] = []
    monkeypatch.setattr(exports, "choose_period", lambda *_: period)
    monkeypatch.setattr(exports, "show_summary", lambda _p, pdf, when: shown.append((pdf, when)))
    page.summary_button.click()
    with qtbot.waitSignal(page.tasks[-1].done, timeout=30000):
        pass
    ((pdf, when),) = shown
    assert when == period and pdf.startswith(b"%PDF")
    from fieldapp.gui.document_viewer import render_pages

    assert len(render_pages(pdf, 30)) >= 1


@pytest.mark.usefixtures("zh")
def test_period_dialog_defaults_to_the_last_full_month(qtbot: QtBot) -> None:
    dialog = exports.PeriodDialog(SUPERVISOR_TODAY)
    qtbot.addWidget(dialog)
    assert dialog.period() == Period.month(2026, 5)
    dialog.by_quarter.setChecked(True)
    assert dialog.period() == Period.quarter(2026, 2)
