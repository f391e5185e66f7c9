"""统计分析: the supervisor's dashboards (QtCharts) — inspections per month, findings by
equipment class, the ten most-failed checklist items, notices rectified on time, and this
year's sampling coverage per city against the targets. Each chart saves as a PNG.

The figures are read in a worker with its own database connection (at province scale a
dashboard takes a noticeable fraction of a second), then drawn on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.gui.exports import summary_report
from fieldapp.gui.filter_bar import FilterBar, ReadsWhenShown
from fieldapp.gui.i18n import language
from fieldapp.gui.pages import page_heading
from fieldapp.gui.tasks import BackgroundTask, Progress
from fieldapp.reports.dashboard import (
    findings_by_class,
    inspections_per_month,
    on_time_share,
    sampling_coverage,
    top_failed_items,
)
from fieldapp.reports.filters import Filters, ListKind
from fieldapp.workflow import Changes
from fieldapp.workspace import Workspace

translate = QCoreApplication.translate

BLUE, ORANGE, RED, GREEN, GREY = "#2f6ea5", "#e08a1e", "#b00020", "#3a8d3f", "#9aa4ad"
FILTER_FIELDS = frozenset({"area", "officer", "equipment_class", "dates"})
LABEL_CHARS = 16  # item texts are cut to this many characters on the axis
CHART_HEIGHT = 330


@dataclass(frozen=True)
class Figures:
    """What one dashboard shows, read in one go."""

    months: list[Any]
    classes: list[Any]
    items: list[Any]
    on_time: Any
    coverage: Any


def read_figures(db_path: Path, filters: Filters, year: int, today: dt.date) -> Figures:
    """Every figure of the dashboard, on a connection of its own (run in a worker)."""
    from fieldapp.reports import open_read_only

    db = open_read_only(db_path)
    try:
        return Figures(
            months=inspections_per_month(db, filters, months=12, today=today),
            classes=findings_by_class(db, filters),
            items=top_failed_items(db, filters, limit=10),
            on_time=on_time_share(db, filters, today=today),
            coverage=sampling_coverage(db, year=year, today=today, area=filters.area),
        )
    finally:
        db.close()


def choose_image_path(parent: QWidget, suggested: Path) -> Path | None:
    """Where to save a chart; replaced in tests."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, translate("Dashboards", "Save the chart as an image"), str(suggested), "PNG (*.png)"
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".png" else path.with_name(f"{path.name}.png")


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()  # the application's font, with its CJK fallback family
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _short(text: str, chars: int = LABEL_CHARS) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


def percent(share: float | None) -> float:
    return 0.0 if share is None else share * 100


def month_label(month: str) -> str:
    """'2026-03' → '3月' (zh) or 'Mar' (en); the chart's note gives the years."""
    number = int(month.split("-")[1])
    if language() == "zh":
        return f"{number}月"
    return QLocale(QLocale.Language.English).monthName(number, QLocale.FormatType.ShortFormat)


def _bar_set(name: str, colour: str, values: list[float]) -> QBarSet:
    bar_set = QBarSet(name)
    bar_set.setColor(QColor(colour))
    bar_set.setBorderColor(QColor(colour))
    bar_set.append(values)
    bar_set.setLabelColor(QColor("#222"))
    return bar_set


def _value_axis(top: float, title: str = "", percent: bool = False) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(top, 1))
    axis.setLabelFormat("%d%%" if percent else "%d")
    axis.setLabelsFont(_font(8.5))
    if percent:  # steps of 20 %, with room above a full bar for its label
        axis.setRange(0, 20 * (int(max(top, 1)) // 20 + 1))
        axis.setTickCount(int(axis.max()) // 20 + 1)
    else:
        axis.applyNiceNumbers()
    if title:
        axis.setTitleText(title)
        axis.setTitleFont(_font(8.5))
    return axis


def _category_axis(labels: list[str]) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(labels)
    axis.setLabelsFont(_font(8.5))
    return axis


class ChartCard(QFrame):
    """A chart with its title and a 'Save as image…' button."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("ChartCard { background: white; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.chart = QChart()
        self.chart.setTitle(title)
        self.chart.setTitleFont(_font(11, bold=True))
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setFont(_font(9))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(CHART_HEIGHT)
        layout.addWidget(self.view, 1)
        bar = QHBoxLayout()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #444;")
        self.save_button = QPushButton(translate("Dashboards", "Save as image…"))
        bar.addWidget(self.note, 1)
        bar.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(bar)

    def reset(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.note.setText("")

    def image(self) -> Any:
        """The chart as it is drawn, title included (a QPixmap)."""
        return self.view.grab()

    def save_png(self, path: Path) -> None:
        """Write the chart to ``path`` as PNG. Raises OSError when it cannot be written."""
        path.parent.mkdir(parents=True, exist_ok=True)
        if not self.image().save(str(path), "PNG"):
            raise OSError(f"无法写入图片 / cannot write the image: {path}")


class DashboardsPage(ReadsWhenShown, QWidget):
    """Five charts under a filter bar; ``loaded`` fires each time they are drawn."""

    loaded = Signal()

    def __init__(
        self, workspace: Workspace, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today or dt.date.today()
        self.task: BackgroundTask | None = None
        self.tasks: list[BackgroundTask] = []
        self.figures: Figures | None = None
        self._pending = False
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(page_heading(translate("Dashboards", "Dashboards")))
        top.addStretch(1)
        self.status = QLabel()
        top.addWidget(self.status)
        top.addWidget(QLabel(translate("Dashboards", "Coverage year")))
        self.year = QSpinBox()
        self.year.setRange(2000, self.today.year)
        self.year.setValue(self.today.year)
        self.year.setAccessibleName(translate("Dashboards", "Coverage year"))
        top.addWidget(self.year)
        self.summary_button = QPushButton(translate("Dashboards", "Summary report (PDF)…"))
        top.addWidget(self.summary_button)
        outer.addLayout(top)
        self.filter_bar = FilterBar(workspace, fields=FILTER_FIELDS)
        outer.addWidget(self.filter_bar)
        self.message = QLabel()
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        self.per_month = ChartCard("per-month", translate("Dashboards", "Inspections per month"))
        self.on_time = ChartCard("on-time", translate("Dashboards", "Notices rectified on time"))
        self.by_class = ChartCard(
            "by-class", translate("Dashboards", "Findings by equipment class")
        )
        self.top_items = ChartCard(
            "top-items", translate("Dashboards", "Ten most-failed checklist items")
        )
        self.coverage = ChartCard(
            "coverage", translate("Dashboards", "Sampling coverage per city against the targets")
        )
        grid.addWidget(self.per_month, 0, 0)
        grid.addWidget(self.on_time, 0, 1)
        grid.addWidget(self.by_class, 1, 0)
        grid.addWidget(self.top_items, 1, 1)
        grid.addWidget(self.coverage, 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.cards = [self.per_month, self.on_time, self.by_class, self.top_items, self.coverage]
        for card in self.cards:
            card.save_button.clicked.connect(lambda _=False, c=card: self.save_chart(c))
        self.filter_bar.changed.connect(self.reload)
        self.year.valueChanged.connect(self.reload)
        self.summary_button.clicked.connect(self.summary)

    def on_changes(self, changes: Changes) -> None:
        if changes.inspections or changes.units or changes.equipment or changes.settings:
            self.read_again(changes)

    def filters(self) -> Filters:
        return self.filter_bar.filters(ListKind.INSPECTIONS)

    def reload(self) -> None:
        """Read the figures in a worker; a change while reading reads again after."""
        self._stale = False
        if self.task is not None:
            self._pending = True
            return
        self.status.setText(translate("Dashboards", "Reading…"))
        db_path, filters, year, today = (
            self.workspace.db_path,
            self.filters(),
            self.year.value(),
            self.today,
        )

        def job(_progress: Progress) -> Figures:
            return read_figures(db_path, filters, year, today)

        self.task = BackgroundTask(job, "dashboards", self)
        self.task.succeeded.connect(self._draw)
        self.task.failed.connect(self._failed)
        self.task.done.connect(self._done)
        self.task.start()

    def _done(self) -> None:
        if self.task is not None:
            self.task.deleteLater()
        self.task = None
        if self._pending:
            self._pending = False
            self.reload()

    def _failed(self, err: BaseException) -> None:
        from fieldapp.errors import UserError

        if not isinstance(err, UserError):
            raise err
        self.status.setText("")
        self.message.setText(f"<span style='color:#b00020'>{html.escape(str(err))}</span>")

    def _draw(self, figures: Figures) -> None:
        self.figures = figures
        self.message.setText("")
        self.status.setText("")
        self.draw_per_month(figures.months)
        self.draw_on_time(figures.on_time)
        self.draw_by_class(figures.classes)
        self.draw_top_items(figures.items)
        self.draw_coverage(figures.coverage)
        if not self._pending:
            self.loaded.emit()

    def draw_per_month(self, months: list[Any]) -> None:
        card = self.per_month
        card.reset()
        series = QBarSeries()
        series.append(
            _bar_set(translate("Dashboards", "Inspections"), BLUE, [m.inspections for m in months])
        )
        series.append(
            _bar_set(
                translate("Dashboards", "With findings"), ORANGE, [m.with_findings for m in months]
            )
        )
        series.setLabelsVisible(len(months) <= 12)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        card.chart.addSeries(series)
        x = _category_axis([month_label(m.month) for m in months])
        y = _value_axis(max([m.inspections for m in months] or [0]) * 1.15)
        card.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        card.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        total = sum(m.inspections for m in months)
        if months:
            card.note.setText(
                translate("Dashboards", "%1 inspections from %2 to %3")
                .replace("%1", f"{total:,}")
                .replace("%2", months[0].month)
                .replace("%3", months[-1].month)
            )

    def draw_on_time(self, share: Any) -> None:
        card = self.on_time
        card.reset()
        series = QPieSeries()
        series.setHoleSize(0.45)
        parts = [
            (translate("Dashboards", "On time"), share.on_time, GREEN),
            (translate("Dashboards", "Escalated"), share.late, RED),
            (translate("Dashboards", "Open, past the deadline"), share.overdue_open, ORANGE),
        ]
        for label, value, colour in parts:
            if value:
                pie_slice = series.append(f"{label} {value:,}", value)
                pie_slice.setColor(QColor(colour))
                pie_slice.setLabelFont(_font(8.5))
        card.chart.addSeries(series)
        if share.share is None:
            card.chart.setTitle(translate("Dashboards", "Notices rectified on time"))
            card.note.setText(translate("Dashboards", "No notice has reached its deadline yet."))
        else:
            card.chart.setTitle(
                translate("Dashboards", "Notices rectified on time: %1").replace(
                    "%1", f"{share.share * 100:.0f} %"
                )
            )
            card.note.setText(
                translate("Dashboards", "%1 of %2 notices due were rectified in time.")
                .replace("%1", f"{share.on_time:,}")
                .replace("%2", f"{share.due:,}")
            )

    def draw_by_class(self, classes: list[Any]) -> None:
        card = self.by_class
        card.reset()
        rows = list(reversed(classes))  # the biggest at the top
        series = QHorizontalBarSeries()
        series.append(
            _bar_set(translate("Dashboards", "Findings"), BLUE, [c.findings for c in rows])
        )
        series.append(
            _bar_set(
                translate("Dashboards", "Serious accident hazards"),
                RED,
                [c.serious for c in rows],
            )
        )
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        card.chart.addSeries(series)
        names = [
            (c.name_zh if language() == "zh" else c.name_en)
            or translate("Dashboards", "Unit-level management")
            for c in rows
        ]
        y = _category_axis(names)
        x = _value_axis(max([c.findings for c in rows] or [0]) * 1.15)
        card.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        card.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        series.attachAxis(y)
        if not classes:
            card.note.setText(translate("Dashboards", "No findings under these filters."))

    def draw_top_items(self, items: list[Any]) -> None:
        card = self.top_items
        card.reset()
        rows = list(reversed(items))
        series = QHorizontalBarSeries()
        series.append(
            _bar_set(translate("Dashboards", "Failed"), ORANGE, [i.failures for i in rows])
        )
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        card.chart.addSeries(series)
        card.chart.legend().setVisible(False)
        labels = []
        for item in rows:
            text = item.text_zh if language() == "zh" else item.text_en
            labels.append(f"{item.item_id} {_short(text)}")
        y = _category_axis(labels)
        x = _value_axis(max([i.failures for i in rows] or [0]) * 1.15)
        card.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        card.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        series.attachAxis(y)
        card.view.setToolTip(
            "\n".join(
                f"{i.item_id} ({i.checklist_id}): "
                f"{i.text_zh if language() == 'zh' else i.text_en} — {i.failures}"
                for i in items
            )
        )
        if not items:
            card.note.setText(translate("Dashboards", "No failed items under these filters."))

    def draw_coverage(self, coverage: Any) -> None:
        card = self.coverage
        card.reset()
        cities = [*coverage.cities, coverage.total]
        series = QBarSeries()
        series.append(
            _bar_set(
                translate("Dashboards", "Using units checked"),
                BLUE,
                [percent(c.share) for c in cities],
            )
        )
        series.append(
            _bar_set(
                translate("Dashboards", "Key units checked"),
                ORANGE,
                [percent(c.key_share) for c in cities],
            )
        )
        for bar_set in series.barSets():
            bar_set.setLabelFont(_font(7.5))
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value%")
        series.setLabelsPrecision(3)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        card.chart.addSeries(series)
        names = [c.name for c in coverage.cities] + [translate("Dashboards", "Total")]
        x = _category_axis(names)
        top = max([percent(c.key_share) for c in cities] + [percent(c.share) for c in cities] + [0])
        top = max(top, coverage.target_key * 100)
        y = _value_axis(top, translate("Dashboards", "% checked this year"), True)
        card.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        card.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        for target, colour, label in (
            (coverage.target_units, BLUE, translate("Dashboards", "Target, using units %1 %")),
            (coverage.target_key, ORANGE, translate("Dashboards", "Target, key units %1 %")),
        ):
            line = QLineSeries()
            line.setName(label.replace("%1", f"{target * 100:g}"))
            pen = QPen(QColor(colour))
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setWidthF(2)
            line.setPen(pen)
            line.append([QPointF(-0.5, target * 100), QPointF(len(cities) - 0.5, target * 100)])
            card.chart.addSeries(line)
            line.attachAxis(x)
            line.attachAxis(y)
        behind = [
            c.name
            for c in coverage.cities
            if c.units and (not c.meets_units or (c.key_units and not c.meets_key))
        ]
        total = coverage.total
        text = (
            translate("Dashboards", "%1: %2 of %3 using units and %4 of %5 key units checked.")
            .replace("%1", str(coverage.year))
            .replace("%2", f"{total.checked:,}")
            .replace("%3", f"{total.units:,}")
            .replace("%4", f"{total.key_checked:,}")
            .replace("%5", f"{total.key_units:,}")
        )
        if behind:
            text += " " + translate("Dashboards", "Behind the targets: %1.").replace(
                "%1", "、".join(behind)
            )
        card.note.setText(text)

    def save_chart(self, card: ChartCard) -> None:
        suggested = self.workspace.home / "exports" / f"{card.name}-{self.today.isoformat()}.png"
        path = choose_image_path(self, suggested)
        if path is None:
            return
        try:
            card.save_png(path)
        except OSError as err:
            from fieldapp.gui import dialogs

            dialogs.show_user_error(self, str(err))
            return
        self.message.setText(translate("Dashboards", "Chart saved to %1").replace("%1", str(path)))

    def summary(self) -> None:
        task = summary_report(
            self, self.workspace, self.filters(), self.today, self.message.setText
        )
        if task is not None:
            self.tasks.append(task)
            task.done.connect(lambda: self.tasks.remove(task))
