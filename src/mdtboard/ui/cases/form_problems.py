"""Pointing each problem of the case editor's form at the field it belongs to: its key and unit, the
mark on the field and the message under it (see :mod:`mdtboard.ui.cases.form`).

:class:`FormProblems` is a part of :class:`~mdtboard.ui.cases.form.CaseForm` (a mixin); what it takes from
the form is declared below, under ``TYPE_CHECKING``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel

from mdtboard.domain.errors import Problem
from mdtboard.ui import palette
from mdtboard.ui.cases.form_keys import (
    GAD7_FIELDS,
    ITEM_PATH,
    LOC_KEYS,
    MED_KEYS,
    MED_MME_COLUMN,
    OTHER_KEYS,
    PEG_FIELDS,
    PEG_NAMES,
    PHQ9_FIELDS,
    SCALARS,
    TABLE_PATH,
    TABLES,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableWidget, QWidget

    from mdtboard.ui.forms.ui_case_editor import Ui_CaseEditor

WARNING_SIGN = "\u26a0"
INVALID_CELL = QColor(palette.INVALID_CELL)


class FormProblems:
    """Problems shown on the form (a part of :class:`~mdtboard.ui.cases.form.CaseForm`)."""

    if TYPE_CHECKING:  # provided by the form
        ui: Ui_CaseEditor
        tables: dict[str, QTableWidget]
        _rows_of: dict[str, list[int]]
        _error_labels: list[QLabel]
        _shown_problems: list[tuple[str | None, str, Problem]] | None

        def scalar_keys(self) -> Iterator[str]: ...
        def widget(self, key: str) -> QWidget: ...

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
        match = ITEM_PATH.match(path)
        if match:
            fields = PHQ9_FIELDS if match.group(1) == "phq9" else GAD7_FIELDS
            return fields[int(match.group(2))] if match.group(2) is not None else None
        match = TABLE_PATH.match(path)
        if match:
            table = {"pain_locations": "locationsTable", "medications": "medicationsTable"}.get(
                match.group(1), "otherScoresTable"
            )
            keys = {"locationsTable": LOC_KEYS, "medicationsTable": MED_KEYS}.get(table, OTHER_KEYS)
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
        match = TABLE_PATH.match(path)
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
