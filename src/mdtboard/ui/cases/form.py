"""Between the case editor's form and a :class:`Case`: filling the fields, reading them back, and
pointing each problem at the field it belongs to.

Every input is addressed by a *key*: the widget's object name for a single field (``"ageEdit"``), or
``"medicationsTable/2/5"`` for a table cell. Values travel as the text on screen, so that whatever a
person typed (``"eleven"`` in a score) stays on screen while it is marked as a problem.

Fields are grouped into *units* that are saved together or not at all: each single field is a unit, a
table is one unit, and the PEG, PHQ-9 and GAD-7 items are one unit each. :meth:`CaseForm.read` builds the
case to save from every unit without problems; a unit with problems keeps its last saved value, so an
invalid score never reaches the database while the rest of the form is still saved.

Which widget shows which part of a case is in :mod:`.form_keys`; reading the form back into a case in
:mod:`.form_reading`; pointing problems at their fields in :mod:`.form_problems`.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from mdtboard.domain.case import Case, Scores
from mdtboard.domain.errors import Problem
from mdtboard.ui.cases.form_keys import (
    GAD7_FIELDS,
    MED_AMOUNT_COLUMN,
    MED_MME_COLUMN,
    MED_PRN_COLUMN,
    MED_UNIT_COLUMN,
    PEG_FIELDS,
    PEG_NAMES,
    PHQ9_FIELDS,
    PRN_ROLE,
    SCALARS,
    TABLES,
    get_path,
    number_text,
)
from mdtboard.ui.cases.form_problems import WARNING_SIGN, FormProblems
from mdtboard.ui.cases.form_reading import FormReading, Reading
from mdtboard.ui.forms.ui_case_editor import Ui_CaseEditor

__all__ = [  # the keys and the reading, as the editor's parts and the tests import them from here
    "GAD7_FIELDS", "MED_AMOUNT_COLUMN", "MED_MME_COLUMN", "MED_PRN_COLUMN", "MED_UNIT_COLUMN", "PEG_FIELDS",
    "PHQ9_FIELDS", "SCALARS", "TABLES", "WARNING_SIGN", "CaseForm", "Reading", "number_text",
]


def _set_check_cell(
    table: QTableWidget, row: int, column: int, cell: QTableWidgetItem | None, text: str
) -> None:
    """The "As needed" cell: a check box, ticked for yes; the words said are kept for export."""
    if cell is None:
        cell = QTableWidgetItem()
        cell.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        )
        table.setItem(row, column, cell)
    answer = text.strip().casefold()
    state = Qt.CheckState.Checked if answer in ("yes", "y", "prn", "true", "1") else Qt.CheckState.Unchecked
    if cell.data(PRN_ROLE) != text:
        cell.setData(PRN_ROLE, text)
    if cell.checkState() != state:
        cell.setCheckState(state)
    cell.setToolTip("" if answer in ("", "yes", "y", "prn", "true", "1", "no", "n", "false", "0") else text)


class CaseForm(FormReading, FormProblems):
    """The editor's widgets, seen as keys with text values."""

    def __init__(self, ui: Ui_CaseEditor) -> None:
        self.ui = ui
        self.tables: dict[str, QTableWidget] = {name: getattr(ui, name) for name in TABLES}
        # where the last reading put each table row of the case (list index -> table row)
        self._rows_of: dict[str, list[int]] = {name: [] for name in TABLES}
        self._error_labels: list[QLabel] = []
        self._shown_problems: list[tuple[str | None, str, Problem]] | None = None

    # -- widgets by key
    def scalar_keys(self) -> Iterator[str]:
        yield from SCALARS
        yield from PEG_FIELDS
        yield from PHQ9_FIELDS
        yield "phq9TotalEdit"
        yield from GAD7_FIELDS
        yield "gad7TotalEdit"

    def widget(self, key: str) -> QWidget:
        if "/" in key:
            return self.tables[key.split("/")[0]]
        widget: QWidget = getattr(self.ui, key)
        return widget

    def text(self, key: str) -> str:
        if "/" in key:
            table, row, column = key.split("/")
            cell = self.tables[table].item(int(row), int(column))
            if cell is None:
                return ""
            if table == "medicationsTable" and int(column) == MED_PRN_COLUMN:
                said = str(cell.data(PRN_ROLE) or "")
                checked = cell.checkState() == Qt.CheckState.Checked
                if not checked and said.casefold() in ("", "no", "n", "false", "0"):
                    return said  # unchanged: "" stays unsaid, "no" stays no
                return "yes" if checked else "no"
            return cell.text()
        widget = self.widget(key)
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return str(widget.currentIndex())
        if isinstance(widget, QCheckBox):
            return "1" if widget.isChecked() else "0"
        raise TypeError(key)

    def set_text(self, key: str, text: str) -> None:
        if "/" in key:
            table, row, column = key.split("/")
            self._set_cell(self.tables[table], int(row), int(column), text)
            return
        widget = self.widget(key)
        if isinstance(widget, QLineEdit):
            if widget.text() != text:
                widget.setText(text)
        elif isinstance(widget, QPlainTextEdit):
            if widget.toPlainText() != text:
                widget.setPlainText(text)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(int(text or 0))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(text == "1")

    @staticmethod
    def _set_cell(table: QTableWidget, row: int, column: int, text: str) -> None:
        cell = table.item(row, column)
        if table.objectName() == "medicationsTable" and column == MED_PRN_COLUMN:
            _set_check_cell(table, row, column, cell, text)
            return
        if cell is None:
            table.setItem(row, column, QTableWidgetItem(text))
        elif cell.text() != text:
            cell.setText(text)

    def snapshot(self, only: Container[str] | None = None) -> dict[str, str]:
        """The text of every key (``only``: of these fields and tables)."""
        texts = {key: self.text(key) for key in self.scalar_keys() if only is None or key in only}
        for name, table in self.tables.items():
            if only is not None and name not in only:
                continue
            for row in range(table.rowCount()):
                for column in range(table.columnCount()):
                    texts[f"{name}/{row}/{column}"] = self.text(f"{name}/{row}/{column}")
        return texts

    def row_texts(self, table: str, row: int) -> list[str]:
        widget = self.tables[table]
        return [self.text(f"{table}/{row}/{c}") for c in range(widget.columnCount())]

    def insert_row(self, table: str, row: int, texts: list[str] | None = None) -> None:
        self._shown_problems = None
        widget = self.tables[table]
        widget.insertRow(row)
        for column in range(widget.columnCount()):
            self._set_cell(widget, row, column, texts[column] if texts else "")
        if table == "medicationsTable":
            self._lock_mme_cell(row)

    def remove_row(self, table: str, row: int) -> None:
        self._shown_problems = None
        self.tables[table].removeRow(row)

    def _lock_mme_cell(self, row: int) -> None:
        cell = self.ui.medicationsTable.item(row, MED_MME_COLUMN)
        if cell is not None:
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)

    # -- case -> form
    def fill(self, case: Case, only: Container[str] | None = None) -> None:
        """Show ``case`` in every field (``only``: in these fields and tables)."""
        for key, text in self.texts_of_case(case).items():
            if only is None or key in only:
                self.set_text(key, text)
                widget = self.widget(key) if "/" not in key else None
                if isinstance(widget, QLineEdit) and not widget.hasFocus():
                    widget.setCursorPosition(0)  # a text longer than its field is shown from its start
        for name, rows in self.rows_of_case(case).items():
            if only is None or name in only:
                self._fill_table(name, rows)

    @staticmethod
    def texts_of_case(case: Case) -> dict[str, str]:
        """The text each single field shows of ``case``."""
        texts: dict[str, str] = {}
        _put = texts.__setitem__
        for key, (path, kind) in SCALARS.items():
            value = get_path(case, path)
            if kind == "tri":
                text = "0" if value is None else ("1" if value else "2")
            elif kind == "bool":
                text = "1" if value else "0"
            elif kind == "lines":
                text = "\n".join(value or [])
            elif kind == "int":
                text = number_text(value)
            else:
                text = value or ""
            texts[key] = text
        scores = case.scores or Scores()
        peg = scores.peg_items
        for key, name in zip(PEG_FIELDS, PEG_NAMES, strict=True):
            _put(key, number_text(getattr(peg, name)) if peg else "")
        items = scores.phq9_items
        for i, key in enumerate(PHQ9_FIELDS):
            if items is not None:
                _put(key, number_text(items[i]) if i < len(items) else "")
            elif i == 8:
                _put(key, number_text(scores.phq9_item9))
            else:
                _put(key, "")
        _put("phq9TotalEdit", number_text(scores.phq9_total))
        for i, key in enumerate(GAD7_FIELDS):
            gad = scores.gad7_items
            _put(key, number_text(gad[i]) if gad is not None and i < len(gad) else "")
        _put("gad7TotalEdit", number_text(scores.gad7_total))
        return texts

    @staticmethod
    def rows_of_case(case: Case) -> dict[str, list[list[str]]]:
        """The rows each table shows of ``case`` (the MME column blank: it is worked out)."""
        scores = case.scores or Scores()
        medications = [
            [
                med.name,
                med.dose or "",
                med.route or "",
                med.frequency or "",
                "" if med.prn is None else ("yes" if med.prn else "no"),
                number_text(med.daily_dose.amount) if med.daily_dose else "",
                med.daily_dose.unit if med.daily_dose else "",
                "",
            ]
            for med in case.medications or []
        ]
        return {
            "locationsTable": [
                [loc.region, loc.side or "", loc.character or ""] for loc in case.pain_locations or []
            ],
            "medicationsTable": medications,
            "otherScoresTable": [
                [other.instrument, number_text(other.value), other.note or ""] for other in scores.other or []
            ],
        }

    def forget_shown_problems(self) -> None:
        """The next :meth:`show_problems` redraws every mark (after rows were added or removed)."""
        self._shown_problems = None

    def _fill_table(self, name: str, rows: list[list[str]]) -> None:
        table = self.tables[name]
        table.setRowCount(0)
        for row, texts in enumerate(rows):
            self.insert_row(name, row, texts)
