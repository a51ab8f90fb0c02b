"""Rater calibration: score a shipped example performance, then see where the scores differ from the
reference scores and why (:mod:`mdtboard.domain.calibration`). Nothing is stored; it is practice.

The items are the scoring panel's rubric rows (digits 1-5, Up and Down, the anchors in view); a 1 or 2
asks for a comment there as in real scoring, but the comparison takes the score as given.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QWidget

from mdtboard.domain.calibration import Calibration, Vignette, compare, vignettes
from mdtboard.ui.forms.ui_training_calibration import Ui_TrainingCalibration
from mdtboard.ui.training.scoring import RubricRow
from mdtboard.ui.training.style import STYLE

RESULT_COLUMNS = ("Item", "Yours", "Reference", "Difference", "Why the reference")


class CalibrationPanel(QWidget):
    """Signals:
        status_message(str): a line for the status bar.
    """

    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TrainingCalibration()
        self.ui.setupUi(self)
        self.setStyleSheet(STYLE)
        self.rows: list[RubricRow] = []
        self.result: Calibration | None = None
        self._vignettes = vignettes()
        for vignette in self._vignettes:
            self.ui.vignetteCombo.addItem(f"{vignette.title} ({vignette.kind})", vignette.id)
        table = self.ui.resultTable
        table.setColumnCount(len(RESULT_COLUMNS))
        table.setHorizontalHeaderLabels(list(RESULT_COLUMNS))
        table.horizontalHeader().setSectionResizeMode(len(RESULT_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        self.ui.vignetteCombo.currentIndexChanged.connect(lambda _i: self._show())
        self.ui.compareButton.clicked.connect(self.compare)
        self._show()

    @property
    def vignette(self) -> Vignette:
        return self._vignettes[max(0, self.ui.vignetteCombo.currentIndex())]

    def choose(self, vignette_id: str) -> None:
        self.ui.vignetteCombo.setCurrentIndex(self.ui.vignetteCombo.findData(vignette_id))

    def row(self, key: str) -> RubricRow:
        return next(row for row in self.rows if row.item.key == key)

    def _show(self) -> None:
        vignette = self.vignette
        self.ui.vignetteText.setPlainText(vignette.text)
        layout = self.ui.rowsLayout
        for row in self.rows:
            layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for ref in vignette.reference:
            row = RubricRow(ref.item, self.ui.rowsContainer)
            row.move_requested.connect(lambda step, row=row: self._move(row, step))
            self.rows.append(row)
            layout.insertWidget(layout.count() - 1, row)
            row.setVisible(True)
        self.result = None
        self.ui.resultTable.setRowCount(0)
        self.ui.summaryLabel.setText("Score every item, then compare (Alt+M).")

    def _move(self, row: RubricRow, step: int) -> None:
        index = self.rows.index(row) + step
        if 0 <= index < len(self.rows):
            self.rows[index].setFocus(Qt.FocusReason.OtherFocusReason)
            self.ui.scrollArea.ensureWidgetVisible(self.rows[index], 0, 40)

    def compare(self) -> Calibration:
        """The scores given against the reference, shown item by item with the reason for each."""
        result = compare(self.vignette, {row.item.key: row.value for row in self.rows})
        table = self.ui.resultTable
        table.setRowCount(len(result.differences))
        for number, diff in enumerate(result.differences):
            cells = (diff.item.title, "–" if diff.given is None else str(diff.given), str(diff.reference),
                     diff.text, diff.why)
            for column, text in enumerate(cells):
                table.setItem(number, column, QTableWidgetItem(text))
        table.resizeRowsToContents()
        self.ui.summaryLabel.setText(result.summary)
        self.result = result
        self.status_message.emit(result.summary)
        return result
