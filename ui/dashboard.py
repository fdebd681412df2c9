"""The campaign dashboard for leads: status counts, findings charts (QtCharts) and reviewer workload."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalStackedBarSeries, QValueAxis
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.review import lookups
from reviewer.review.file_state import MISSING, quick_check_all
from reviewer.review.services import Services
from reviewer.review.status import STATUS_LABELS
from reviewer.review.summary import campaign_summary
from reviewer.review.vocabulary import SEVERITY_COLOURS, STATUS_COLOURS, count_axis
from ui.i18n import category, follow_language, tr

ExportAction = Callable[[str | None], None]


def bar_chart(title: str, values: dict[str, int], colours: dict[str, str] | None = None, limit: int = 8) -> QChart:
    """Horizontal bars (long category names stay readable), largest on top, on a whole-number axis whose
    labels sit on the gridlines; with `colours`, each bar in its own colour (one stacked set per label)."""
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    items = list(reversed(list(values.items())[:limit]))  # Qt draws the first category at the bottom
    series = QHorizontalStackedBarSeries()
    for position, (label, _) in enumerate(items if colours else items[:1]):
        bar = QBarSet(label)
        bar.append([float(v) if (i == position or not colours) else 0.0 for i, (_, v) in enumerate(items)])
        bar.setColor(QColor((colours or {}).get(label, "#546e7a")))
        series.append(bar)
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append([label if len(label) <= 34 else label[:32] + "…" for label, _ in items] or [""])
    maximum, step = count_axis(max([v for _, v in items] + [1]))
    counts = QValueAxis()
    counts.setLabelFormat("%d")
    counts.setRange(0, maximum)
    counts.setTickCount(maximum // step + 1)
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(names)
    series.attachAxis(counts)
    return chart


class DashboardPage(QWidget):
    message = Signal(str)

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.campaign: str | None = None
        self.export: dict[str, ExportAction | None] = {"pdf": None, "csv": None}
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.picker = QComboBox()  # its own choice: the library's filter is for reviewing, not for the lead
        self.picker.currentIndexChanged.connect(lambda _: self.set_campaign(self.picker.currentData()))
        self.tiles = {status: QLabel() for status in STATUS_LABELS}
        self.category_chart, self.severity_chart = QChartView(), QChartView()
        for view in (self.category_chart, self.severity_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)
        self.workload = QTableWidget(0, 4)
        self.workload.verticalHeader().setVisible(False)
        self.pdf_button, self.csv_button = QPushButton(), QPushButton()
        tiles = QGridLayout()
        for number, (status, tile) in enumerate(self.tiles.items()):
            tile.setAlignment(Qt.AlignmentFlag.AlignCenter)
            tile.setMinimumHeight(54)
            tile.setStyleSheet(f"border: 2px solid {STATUS_COLOURS[status]}; border-radius: 6px; padding: 4px;")
            tiles.addWidget(tile, 0, number)
        charts = QHBoxLayout()
        charts.addWidget(self.category_chart, 3)
        charts.addWidget(self.severity_chart, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title, 1)
        buttons.addWidget(self.picker)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.csv_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(tiles)
        layout.addLayout(charts, 2)
        self.workload_label = QLabel()
        layout.addWidget(self.workload_label)
        layout.addWidget(self.workload, 1)
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.csv_button.clicked.connect(lambda: self._export("csv"))
        follow_language(self, self.refresh)
        self.refresh()

    def set_campaign(self, campaign: str | None) -> None:
        self.campaign = campaign
        self.refresh()

    def _fill_picker(self) -> None:
        self.picker.blockSignals(True)
        self.picker.clear()
        self.picker.addItem(tr("All campaigns"), None)
        for campaign in lookups.campaigns(self.services.store):
            self.picker.addItem(campaign["name"], campaign["name"])
        self.picker.setCurrentIndex(max(0, self.picker.findData(self.campaign)))
        self.picker.setAccessibleName(tr("Campaign"))
        self.picker.blockSignals(False)

    def _export(self, kind: str) -> None:
        action = self.export[kind]
        if action is not None:
            action(self.campaign)

    def refresh(self) -> None:
        self._fill_picker()
        store = self.services.store
        # The counts follow the files: a changed file is "changed since review", a missing one is said so.
        files = quick_check_all(store, [row["id"] for row in lookups.list_videos(store, self.campaign)])
        missing = sum(state == MISSING for state in files.values())
        summary = campaign_summary(store, self.campaign)
        self.summary = summary
        self.title.setText(tr("Campaign: {name} · {n} videos", name=self.campaign or tr("All campaigns"),
                              n=summary["videos_total"])
                           + (" · ⚠ " + tr("{n} files missing", n=missing) if missing else ""))
        for status, tile in self.tiles.items():
            tile.setText(f"<b style='font-size:18px'>{summary['status_counts'][status]}</b><br>"
                         f"{tr(STATUS_LABELS[status])}")
            tile.setAccessibleName(f"{tr(STATUS_LABELS[status])}: {summary['status_counts'][status]}")
        categories = {category(k): v for k, v in summary["by_category"].items()}  # the Malay PDF's words too
        self.category_chart.setChart(bar_chart(tr("Findings by category"), categories))
        severities = {tr(k): v for k, v in summary["by_severity"].items()}
        self.severity_chart.setChart(bar_chart(tr("Findings by severity"), severities,
                                               {tr(k): colour for k, colour in SEVERITY_COLOURS.items()}))
        self.workload_label.setText(tr("Reviewer workload"))
        headers = [tr("Reviewer"), tr("Organisation"), tr("Videos"), tr("Decisions")]
        self.workload.setHorizontalHeaderLabels(headers)
        self.workload.setRowCount(len(summary["workload"]))
        for row, entry in enumerate(summary["workload"]):
            for column, value in enumerate((entry["reviewer"], entry["organisation"], entry["videos"],
                                            entry["decisions"])):
                self.workload.setItem(row, column, QTableWidgetItem(str(value)))
        self.workload.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.workload.horizontalHeader().setStretchLastSection(True)
        self.pdf_button.setText(tr("Export PDF summary…"))
        self.csv_button.setText(tr("Export CSV…"))
        self.pdf_button.setAccessibleName(tr("Export PDF summary"))
        self.csv_button.setAccessibleName(tr("Export CSV"))
