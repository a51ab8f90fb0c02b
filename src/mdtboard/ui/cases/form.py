"""Between the case editor's form and a :class:`Case`: filling the fields, reading them back, and
pointing each problem at the field it belongs to.

Every input is addressed by a *key*: the widget's object name for a single field (``"ageEdit"``), or
``"medicationsTable/2/5"`` for a table cell. Values travel as the text on screen, so that whatever a
person typed (``"eleven"`` in a score) stays on screen while it is marked as a problem.

Fields are grouped into *units* that are saved together or not at all: each single field is a unit, a
table is one unit, and the PEG, PHQ-9 and GAD-7 items are one unit each. :meth:`CaseForm.read` builds the
case to save from every unit without problems; a unit with problems keeps its last saved value, so an
invalid score never reaches the database while the rest of the form is still saved.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
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

from mdtboard.domain.case import (
    Case,
    DailyDose,
    Medication,
    OtherScore,
    PainLocation,
    PegItems,
    Scores,
)
from mdtboard.domain.errors import Problem
from mdtboard.domain.mme import format_number
from mdtboard.domain.validation import case_problems
from mdtboard.ui import palette
from mdtboard.ui.forms.ui_case_editor import Ui_CaseEditor

WARNING_SIGN = "\u26a0"
INVALID_CELL = QColor(palette.INVALID_CELL)

#: Single fields: widget name -> (path in the case, kind).
SCALARS: dict[str, tuple[str, str]] = {
    "refEdit": ("id", "ref"),
    "titleEdit": ("title", "text"),
    "nameEdit": ("patient.display_name", "name"),
    "ageEdit": ("patient.age", "int"),
    "sexEdit": ("patient.sex", "text"),
    "genderEdit": ("patient.gender_identity", "text"),
    "pronounsEdit": ("patient.pronouns", "text"),
    "languageEdit": ("patient.preferred_language", "text"),
    "interpreterCombo": ("patient.interpreter_needed", "tri"),
    "fictionalCheck": ("fictional", "bool"),
    "sharingEdit": ("sharing_restrictions", "text"),
    "sharingByEdit": ("sharing_restrictions_by", "text"),
    "oneLinerEdit": ("one_liner", "text"),
    "questionEdit": ("question_for_team", "text"),
    "complaintEdit": ("presenting_complaint", "text"),
    "historyEdit": ("pain_history", "text"),
    "treatmentsEdit": ("prior_treatments", "lines"),
    "imagingEdit": ("imaging", "lines"),
    "comorbiditiesEdit": ("comorbidities", "lines"),
    "psychosocialEdit": ("psychosocial", "text"),
    "nrsEdit": ("scores.nrs", "int"),
    "redFlagsEdit": ("red_flags", "lines"),
    "recommendationEdit": ("recommendation", "text"),
    "goalsEdit": ("function_goals", "lines"),
}
PEG_FIELDS = ("pegPainEdit", "pegEnjoymentEdit", "pegActivityEdit")
PEG_NAMES = ("pain", "enjoyment", "general_activity")
PHQ9_FIELDS = tuple(f"phq9Item{i}" for i in range(1, 10))
GAD7_FIELDS = tuple(f"gad7Item{i}" for i in range(1, 8))

#: Tables: name -> (path in the case, column titles for messages).
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "locationsTable": ("pain_locations", ("Region", "Side", "Character")),
    "medicationsTable": (
        "medications",
        ("Name", "Dose", "Route", "Frequency", "As needed", "Daily amount", "Unit", "MME/day"),
    ),
    "otherScoresTable": ("scores.other", ("Instrument", "Value", "Note")),
}
MED_MME_COLUMN = 7
#: "As needed" is a check box; its text ("yes", "no", or "" when never said) is kept in this role.
MED_PRN_COLUMN = 4
MED_AMOUNT_COLUMN = 5
MED_UNIT_COLUMN = 6
PRN_ROLE = Qt.ItemDataRole.UserRole + 1
_MED_KEYS = ("name", "dose", "route", "frequency", "prn", "daily_dose.amount", "daily_dose.unit")
_LOC_KEYS = ("region", "side", "character")
_OTHER_KEYS = ("instrument", "value", "note")

#: Which tab (ISBAR part) each unit's field sits on, for jumping to a problem or an undone edit.
_TABLE_PATH = re.compile(r"^(pain_locations|medications|scores\.other)\[(\d+)\](?:\.(.+))?$")
_ITEM_PATH = re.compile(r"^scores\.(phq9|gad7)_items(?:\[(\d+)\])?$")


def number_text(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value, 4)
    return str(value)


def _parse_int(text: str, where: str, problems: list[Problem]) -> int | None:
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        problems.append(Problem(where, f"{text!r} is not a whole number"))
        return None


def _parse_float(text: str, where: str, problems: list[Problem]) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        problems.append(Problem(where, f"{text!r} is not a number"))
        return None
    if value != value or value in (float("inf"), float("-inf")):
        problems.append(Problem(where, f"{text!r} is not a number"))
        return None
    return int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value


def _optional_text(text: str, saved: Any) -> str | None:
    if text == "":
        return "" if saved == "" else None
    return text


def _lines(text: str, saved: Any) -> list[str] | None:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return [] if saved == [] else None
    return lines


def _working_copy(saved: Case) -> Case:
    """A copy of ``saved`` for the form to write into, made for every key typed: the case, its patient
    and its scores are copied, which is all :func:`set_path` changes in place; every list and the objects
    in them are shared, as reading the form only ever replaces them. (A deep copy cost about half of the
    time each key took.)"""
    case = copy.copy(saved)
    case.patient = copy.copy(saved.patient)
    case.scores = copy.copy(saved.scores)
    return case


def get_path(obj: Any, path: str) -> Any:
    for part in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, "ref" if part == "id" else part)
    return obj


def set_path(case: Case, path: str, value: Any) -> None:
    *head, last = path.split(".")
    obj: Any = case
    for part in head:
        if part == "scores" and case.scores is None:
            case.scores = Scores()
        obj = getattr(obj, part)
    setattr(obj, "ref" if last == "id" else last, value)


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


@dataclass
class Reading:
    """The form read back: the case to save (only units without problems changed) and every problem,
    each with the key of the field it belongs to (``None`` for a whole table or item group)."""

    case: Case
    problems: list[tuple[str | None, str, Problem]] = field(default_factory=list)

    @property
    def invalid_units(self) -> set[str]:
        return {unit for _key, unit, _problem in self.problems}


class CaseForm:
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

    # -- form -> case
    def read(self, saved: Case, extra: list[tuple[str | None, str, Problem]] | None = None) -> Reading:
        """The case to save: ``saved`` with every unit that has no problem taken from the form.

        ``extra`` are problems found elsewhere (by the service) whose units are left out as well."""
        problems: list[tuple[str | None, str, Problem]] = list(extra or [])
        skip: set[str] = {unit for _key, unit, _p in problems}
        for _ in range(4):
            case = _working_copy(saved)
            found = self._apply(case, saved, skip) + self._domain_problems(case)
            problems.extend(p for p in found if p not in problems)
            if not found:
                break
            new_units = {unit for _key, unit, _p in found} - skip
            if not new_units:  # a problem that cannot be pinned on one unit: save nothing
                case = _working_copy(saved)
                break
            skip |= new_units
        else:
            case = _working_copy(saved)
        if case.scores is not None and case.scores.is_empty() and saved.scores is None:
            case.scores = None
        return Reading(case, problems)

    def _apply(self, case: Case, saved: Case, skip: set[str]) -> list[tuple[str | None, str, Problem]]:
        problems: list[tuple[str | None, str, Problem]] = []

        def unit(name: str, apply: Callable[[list[Problem]], None]) -> None:
            if name in skip:
                return
            found: list[Problem] = []
            apply(found)
            problems.extend((self.key_for(p.where), name, p) for p in found)

        for key in SCALARS:
            unit(key, self._scalar_applier(case, saved, key))
        unit("peg", lambda found: self._apply_peg(case, found))
        unit("phq9", lambda found: self._apply_items(case, saved, "phq9", PHQ9_FIELDS, found))
        unit("gad7", lambda found: self._apply_items(case, saved, "gad7", GAD7_FIELDS, found))
        unit("locationsTable", lambda found: self._apply_locations(case, saved, found))
        unit("medicationsTable", lambda found: self._apply_medications(case, saved, found))
        unit("otherScoresTable", lambda found: self._apply_other(case, saved, found))
        return problems

    def _scalar_applier(self, case: Case, saved: Case, key: str) -> Callable[[list[Problem]], None]:
        return lambda found: self._apply_scalar(case, saved, key, found)

    def _domain_problems(self, case: Case) -> list[tuple[str | None, str, Problem]]:
        return [(self.key_for(p.where), self.unit_for(p.where), p) for p in case_problems(case)]

    def _apply_scalar(self, case: Case, saved: Case, key: str, problems: list[Problem]) -> None:
        path, kind = SCALARS[key]
        text = self.text(key)
        old = get_path(saved, path)
        value: Any
        if kind == "int":
            value = _parse_int(text, path, problems)
        elif kind == "tri":
            value = {"0": None, "1": True, "2": False}[text]
        elif kind == "bool":
            value = text == "1"
        elif kind == "lines":
            value = _lines(text, old)
        elif kind in ("ref", "name"):
            value = text.strip()
        else:
            value = _optional_text(text, old)
        if not problems:
            set_path(case, path, value)

    def _apply_peg(self, case: Case, problems: list[Problem]) -> None:
        texts = [self.text(key) for key in PEG_FIELDS]
        if not any(t.strip() for t in texts):
            if case.scores is not None:
                case.scores.peg_items = None
            return
        values = []
        for name, text in zip(PEG_NAMES, texts, strict=True):
            where = f"scores.peg_items.{name}"
            if not text.strip():
                problems.append(Problem(where, "give all three PEG items, or none"))
            values.append(_parse_int(text, where, problems))
        if not problems:
            set_path(case, "scores.peg_items", PegItems(*values))  # type: ignore[arg-type]

    def _apply_items(
        self, case: Case, saved: Case, prefix: str, keys: tuple[str, ...], problems: list[Problem]
    ) -> None:
        count = len(keys)
        texts = [self.text(key) for key in keys]
        filled = [i for i, t in enumerate(texts) if t.strip()]
        total = _parse_int(self.text(f"{prefix}TotalEdit"), f"scores.{prefix}_total", problems)
        items: list[int] | None = None
        item9: int | None = None
        if len(filled) == count:
            parsed = [_parse_int(t, f"scores.{prefix}_items[{i}]", problems) for i, t in enumerate(texts)]
            items = [v for v in parsed if v is not None]
            if prefix == "phq9" and saved.scores is not None and saved.scores.phq9_item9 is not None:
                item9 = items[8] if len(items) == count else None
        elif prefix == "phq9" and filled == [8]:
            item9 = _parse_int(texts[8], "scores.phq9_item9", problems)
        elif filled:
            hint = "or only the total and item 9" if prefix == "phq9" else "or only the total"
            problems.append(Problem(
                f"scores.{prefix}_items",
                f"{len(filled)} of {count} items filled in: fill in all {count}, {hint}",
            ))
        if problems:
            return
        set_path(case, f"scores.{prefix}_items", items)
        set_path(case, f"scores.{prefix}_total", total)
        if prefix == "phq9":
            set_path(case, "scores.phq9_item9", item9)

    def _table_rows(self, name: str) -> list[tuple[int, list[str]]]:
        """(table row, cell texts) of each row that is not blank."""
        table = self.tables[name]
        width = len(_LOC_KEYS if name == "locationsTable" else _OTHER_KEYS)
        if name == "medicationsTable":
            width = len(_MED_KEYS)
        rows = []
        for row in range(table.rowCount()):
            texts = [self.text(f"{name}/{row}/{c}") for c in range(width)]
            if any(t.strip() for t in texts):
                rows.append((row, texts))
        self._rows_of[name] = [row for row, _texts in rows]
        return rows

    def _apply_locations(self, case: Case, saved: Case, problems: list[Problem]) -> None:
        rows = self._table_rows("locationsTable")
        locations = [
            PainLocation(region.strip(), side.strip() or None, character.strip() or None)
            for _row, (region, side, character) in rows
        ]
        case.pain_locations = locations or ([] if saved.pain_locations == [] else None)

    def _apply_medications(self, case: Case, saved: Case, problems: list[Problem]) -> None:
        medications = []
        for i, (_row, texts) in enumerate(self._table_rows("medicationsTable")):
            name, dose, route, frequency, prn_text, amount_text, unit = (t.strip() for t in texts)
            where = f"medications[{i}]"
            prn: bool | None = None
            if prn_text:
                answer = prn_text.casefold()
                if answer in ("yes", "y", "prn", "true", "1"):
                    prn = True
                elif answer in ("no", "n", "false", "0"):
                    prn = False
                else:
                    problems.append(Problem(f"{where}.prn", f"{prn_text!r}: write yes or no"))
            amount = _parse_float(amount_text, f"{where}.daily_dose.amount", problems)
            daily = None
            if amount_text and not unit:
                problems.append(Problem(f"{where}.daily_dose.unit", "give the unit: mg, mcg or mcg/h"))
            elif unit and not amount_text:
                problems.append(Problem(f"{where}.daily_dose.amount", "give the daily amount"))
            elif amount is not None:
                daily = DailyDose(amount, unit)
            medications.append(Medication(name, dose or None, route or None, frequency or None, prn, daily))
        case.medications = medications or ([] if saved.medications == [] else None)

    def _apply_other(self, case: Case, saved: Case, problems: list[Problem]) -> None:
        others = []
        for i, (_row, (instrument, value_text, note)) in enumerate(self._table_rows("otherScoresTable")):
            value = _parse_float(value_text, f"scores.other[{i}].value", problems)
            if not value_text.strip():
                problems.append(Problem(f"scores.other[{i}].value", "give the value"))
            value = value if value is not None else 0
            others.append(OtherScore(instrument.strip(), value, note.strip() or None))
        saved_other = saved.scores.other if saved.scores else None
        value_list = others or ([] if saved_other == [] else None)
        if value_list is not None or case.scores is not None:
            set_path(case, "scores.other", value_list)

    def medication_rows(self) -> list[int]:
        """The table row of each medication of the last reading."""
        return list(self._rows_of["medicationsTable"])

    # -- problems -> fields
    def key_for(self, path: str) -> str | None:
        """The key of the field a problem path points at (``None``: the whole table or item group)."""
        for key, (scalar_path, _kind) in SCALARS.items():
            if path == scalar_path or path.startswith(scalar_path + "["):
                return key
        if path.startswith("scores.peg_items."):
            return PEG_FIELDS[PEG_NAMES.index(path.rsplit(".", 1)[1])]
        if path == "scores.phq9_item9":
            return "phq9Item9"
        if path in ("scores.phq9_total", "scores.gad7_total"):
            return path.split(".")[1].split("_")[0] + "TotalEdit"
        match = _ITEM_PATH.match(path)
        if match:
            fields = PHQ9_FIELDS if match.group(1) == "phq9" else GAD7_FIELDS
            return fields[int(match.group(2))] if match.group(2) is not None else None
        match = _TABLE_PATH.match(path)
        if match:
            table = {"pain_locations": "locationsTable", "medications": "medicationsTable"}.get(
                match.group(1), "otherScoresTable"
            )
            keys = {"locationsTable": _LOC_KEYS, "medicationsTable": _MED_KEYS}.get(table, _OTHER_KEYS)
            rows = self._rows_of[table]
            index = int(match.group(2))
            rest = match.group(3) or keys[0]
            if index < len(rows) and rest in keys:
                return f"{table}/{rows[index]}/{keys.index(rest)}"
        return None

    def unit_for(self, path: str) -> str:
        key = self.key_for(path)
        if key is not None:
            return self.unit_of_key(key)
        for prefix in ("phq9", "gad7"):
            if path.startswith(f"scores.{prefix}"):
                return prefix
        match = _TABLE_PATH.match(path)
        if match:
            return {"pain_locations": "locationsTable", "medications": "medicationsTable"}.get(
                match.group(1), "otherScoresTable"
            )
        return "case"

    @staticmethod
    def unit_of_key(key: str) -> str:
        if "/" in key:
            return key.split("/")[0]
        if key in PEG_FIELDS:
            return "peg"
        if key in PHQ9_FIELDS or key == "phq9TotalEdit":
            return "phq9"
        if key in GAD7_FIELDS or key == "gad7TotalEdit":
            return "gad7"
        return key

    def error_label(self, key: str | None, unit: str) -> QLabel | None:
        if key is not None and "/" in key:
            return getattr(self.ui, key.split("/")[0] + "Error", None)
        if unit in ("phq9", "gad7") and (key is None or key.startswith(unit + "Item")):
            return getattr(self.ui, unit + "ItemsError", None)
        if key is None:
            return getattr(self.ui, unit + "Error", None)
        return getattr(self.ui, key + "Error", None)

    def describe(self, key: str | None, problem: Problem) -> str:
        if key is not None and "/" in key:
            table, row, column = key.split("/")
            return f"Row {int(row) + 1}, {TABLES[table][1][int(column)]}: {problem.message}"
        return problem.message

    def show_problems(self, problems: list[tuple[str | None, str, Problem]]) -> None:
        """Mark each field with a problem and say what is wrong under it; clear the others."""
        signature = [(key, unit, problem) for key, unit, problem in problems]
        if signature == self._shown_problems:
            return  # typing in a field usually changes nothing here: keep each keystroke cheap
        self._shown_problems = signature
        messages: dict[int, tuple[QLabel, list[str]]] = {}
        invalid_keys = set()
        for key, unit, problem in problems:
            label = self.error_label(key, unit)
            if label is not None:
                messages.setdefault(id(label), (label, []))[1].append(self.describe(key, problem))
            if key is not None:
                invalid_keys.add(key)
        for key in self.scalar_keys():
            widget = self.widget(key)
            invalid = key in invalid_keys
            if bool(widget.property("invalid")) != invalid:
                widget.setProperty("invalid", invalid)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
            error = next((self.describe(k, p) for k, _u, p in problems if k == key), "")
            widget.setAccessibleDescription(f"Problem: {error}" if error else "")
        for name, table in self.tables.items():
            for row in range(table.rowCount()):
                for column in range(table.columnCount()):
                    cell = table.item(row, column)
                    if cell is None:
                        continue
                    bad = f"{name}/{row}/{column}" in invalid_keys
                    cell.setBackground(QBrush(INVALID_CELL) if bad else QBrush())
                    if column != MED_MME_COLUMN or name != "medicationsTable":
                        cell.setToolTip(
                            next((p.message for k, _u, p in problems if k == f"{name}/{row}/{column}"), "")
                        )
        for label in self.all_error_labels():
            entry = messages.get(id(label))
            if entry is None:
                if not label.isHidden():
                    label.hide()
                    label.setText("")
            else:
                label.setText("\n".join(f"{WARNING_SIGN} {text}" for text in entry[1]))
                label.show()

    def all_error_labels(self) -> list[QLabel]:
        if not self._error_labels:
            for name in dir(self.ui):
                widget = getattr(self.ui, name)
                if name.endswith("Error") and isinstance(widget, QLabel):
                    self._error_labels.append(widget)
        return self._error_labels
