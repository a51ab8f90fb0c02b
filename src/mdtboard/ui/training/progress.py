"""A trainee's progress over teaching conferences: a line chart per rubric domain and one of presentation
time against its target (QtCharts). Each point carries its value as a label, so nothing depends on
telling colours apart; the target line is dashed."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from mdtboard.domain.progress import TraineeProgress
from mdtboard.domain.rubric import SCORE_MAX, SCORE_MIN
from mdtboard.domain.timers import format_mmss
from mdtboard.services.context import Services
from mdtboard.ui import ops, palette
from mdtboard.ui.forms.ui_training_progress import Ui_TrainingProgress
from mdtboard.ui.training.style import ACCENT

CHART_HEIGHT = 240
TARGET_COLOUR = palette.MUTED_TEXT


def _chart(title: str, labels: list[str]) -> tuple[QChart, QBarCategoryAxis]:
    chart = QChart()
    chart.setTitle(title)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    axis_x = QBarCategoryAxis()
    axis_x.append(labels)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    return chart, axis_x


def _series(
    name: str, points: list[tuple[int, float]], colour: str, label_format: str, dashed: bool = False
) -> QLineSeries:
    series = QLineSeries()
    series.setName(name)
    for x, y in points:
        series.append(float(x), float(y))
    pen = QPen(QColor(colour))
    pen.setWidthF(2.0)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    series.setPen(pen)
    series.setPointsVisible(True)
    series.setPointLabelsVisible(not dashed)
    series.setPointLabelsFormat(label_format)
    series.setPointLabelsClipping(False)
    return series


def domain_chart(progress: TraineeProgress, domain_index: int) -> QChart:
    """The facilitator's mean score of one rubric domain at each conference the trainee took part in."""
    series_data = progress.domains[domain_index]
    refs = [ref for ref, _held in progress.conferences]
    labels = [held.strftime("%d %b %Y") for _ref, held in progress.conferences]
    chart, axis_x = _chart(series_data.domain.label, labels)
    points = [(refs.index(p.conference_ref), round(p.mean, 2)) for p in series_data.points]
    series = _series("Facilitator's mean score", points, ACCENT, "@yPoint")
    chart.addSeries(series)
    axis_y = QValueAxis()
    axis_y.setRange(SCORE_MIN, SCORE_MAX)
    axis_y.setTickCount(SCORE_MAX - SCORE_MIN + 1)
    axis_y.setLabelFormat("%d")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    chart.legend().hide()
    if not points:
        chart.setTitle(f"{series_data.domain.label}: not scored yet")
    return chart


def time_chart(progress: TraineeProgress) -> QChart:
    """Presentation length in minutes at each conference where the trainee presented, and the target."""
    timings = progress.presentation_time
    # the times themselves in mm:ss under each conference (the axis is in minutes; one format for times)
    labels = [f"{t.held_on:%d %b %Y} ({t.case_ref}): {format_mmss(t.seconds)} of "
              f"{format_mmss(t.target_seconds)}" for t in timings]
    chart, axis_x = _chart("Presentation time (minutes)", labels)
    actual = _series(
        "Presentation", [(i, round(t.seconds / 60, 1)) for i, t in enumerate(timings)], ACCENT, "@yPoint"
    )
    actual.setPointLabelsVisible(False)  # decimal minutes would be a second format for the same times
    target = _series(
        "Target",
        [(i, round(t.target_seconds / 60, 1)) for i, t in enumerate(timings)],
        TARGET_COLOUR,
        "@yPoint",
        dashed=True,
    )
    top = max([1.0, *(t.seconds / 60 for t in timings), *(t.target_seconds / 60 for t in timings)])
    axis_y = QValueAxis()
    step = 1 if top < 6 else 2 if top < 12 else 5
    axis_y.setRange(0, step * (int(top) // step + 1))
    axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
    axis_y.setTickAnchor(0)
    axis_y.setTickInterval(step)  # a line every minute (or every 2 or 5 for long presentations)
    axis_y.setLabelFormat("%d")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for series in (actual, target):
        chart.addSeries(series)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    if not timings:
        chart.setTitle("Presentation time: no timed presentation yet")
    return chart


class ProgressView(QWidget):
    """Charts of one trainee's progress; the trainee is chosen from everyone in the programme."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.ui = Ui_TrainingProgress()
        self.ui.setupUi(self)
        self.charts: list[QChartView] = []
        self.progress: TraineeProgress | None = None
        self._wanted: str | None = None
        self._showing: str | None = None
        self.ui.traineeCombo.currentTextChanged.connect(self.show_trainee)
        for column in (0, 1):
            self.ui.chartsGrid.setColumnStretch(column, 1)

    def refresh(self) -> None:
        """Read everyone in the programme (on a background operation), then the trainee chosen's charts."""
        training = self._services.training
        ops.read(lambda: [t.trainee for t in training.programme_overview().trainees], parent=self,
                 label="reading the trainees", success=self.set_trainees,
                 failure=lambda error: self.ui.summaryLabel.setText(str(error)))

    def set_trainees(self, names: list[str]) -> None:
        combo = self.ui.traineeCombo
        current = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(names)
        combo.setCurrentIndex(names.index(current) if current in names else (0 if names else -1))
        combo.blockSignals(False)
        wanted, self._wanted = self._wanted, None
        if wanted is not None and combo.findText(wanted) >= 0:
            self.choose(wanted)
        elif combo.currentText() != current or not self.charts:
            self.show_trainee(combo.currentText())

    def choose(self, trainee: str) -> None:
        """Show ``trainee``'s progress (once the list of trainees has arrived, when it is being read)."""
        index = self.ui.traineeCombo.findText(trainee)
        if index < 0:
            self._wanted = trainee
            return
        combo = self.ui.traineeCombo
        combo.blockSignals(True)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        self.show_trainee(trainee)

    def _clear(self) -> None:
        for view in self.charts:
            self.ui.chartsGrid.removeWidget(view)
            view.deleteLater()
        self.charts = []
        self.progress = None

    def show_trainee(self, trainee: str) -> None:
        """Read ``trainee``'s progress on a background operation; the charts are built when it arrives."""
        self._clear()
        if not trainee:
            self.ui.summaryLabel.setText("Choose a trainee.")
            return
        training = self._services.training
        self._showing = trainee
        ops.read(lambda: training.trainee_progress(trainee), parent=self,
                 label="reading a trainee's progress",
                 success=lambda progress: self._arrived(trainee, progress),
                 failure=lambda error: self.ui.summaryLabel.setText(str(error)))

    def _arrived(self, trainee: str, progress: TraineeProgress) -> None:
        if trainee != self._showing:
            return  # another trainee was chosen meanwhile
        self._clear()
        self.progress = progress
        self.ui.summaryLabel.setText(
            f"<b>{progress.trainee}</b>: {progress.conferences_attended} teaching conference(s) attended, "
            f"{progress.presentations_given} presentation(s) given. Scores are the facilitator's mean per "
            "domain at each conference (1 to 5)."
        )
        charts = [domain_chart(progress, i) for i in range(len(progress.domains))] + [time_chart(progress)]
        for index, chart in enumerate(charts):
            view = QChartView(chart, self.ui.chartsContainer)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(CHART_HEIGHT)
            view.setAccessibleName(chart.title())
            last_alone = index == len(charts) - 1 and index % 2 == 0
            self.ui.chartsGrid.addWidget(view, index // 2, index % 2, 1, 2 if last_alone else 1)
            view.setVisible(True)
            self.charts.append(view)
