"""Entry in the case editor's medication table: lists with free text for dose, route, frequency and unit.

The dose offers "<number> mg", "<number> mcg", "<number> mcg/h"... as soon as a number is typed; the
route and frequency are editable lists (typing anything else is kept as typed); the daily amount's unit
is one of mg, mcg and mcg/h (the case-bundle format's three). The table keeps plain text, so what is
imported is exported unchanged.
"""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from mdtboard.domain.dosing import DOSE_UNITS, FREQUENCY_CHOICES, ROUTE_CHOICES
from mdtboard.ui.conference.icons import Mark, icon

DOSE_COLUMN, ROUTE_COLUMN, FREQUENCY_COLUMN, UNIT_COLUMN = 1, 2, 3, 6
DAILY_UNITS = ("mg", "mcg", "mcg/h")
_NUMBER = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*$")

Index = QModelIndex | QPersistentModelIndex


class _DoseEdit(QLineEdit):
    """A line edit that completes "10" to "10 mg" in place (typing on gives "10 mcg", "10 mcg/h",
    "10 tablet"...; Tab keeps what is shown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = QStringListModel(self)
        completer = QCompleter(self._choices, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)  # "30" -> "30 mg"
        self.setCompleter(completer)
        self.textEdited.connect(self._offer)
        self.setPlaceholderText("e.g. 10 mg, 2 tablets")

    def _offer(self, text: str) -> None:
        number = re.match(r"^\s*(\d+(?:[.,]\d+)?)\s*", text)
        self._choices.setStringList([f"{number.group(1)} {unit}" for unit in DOSE_UNITS] if number else [])


class MedicationDelegate(QStyledItemDelegate):
    """Editors of the medication table's cells (Ctrl+Z in them undoes the case edit, not the editor's own
    text: see :mod:`mdtboard.ui.editing.undo_keys`)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        editor: QWidget
        if column == DOSE_COLUMN:
            editor = _DoseEdit(parent)
        elif column in (ROUTE_COLUMN, FREQUENCY_COLUMN):
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            if column == ROUTE_COLUMN:
                for stored, shown in ROUTE_CHOICES:
                    combo.addItem(shown, stored)
                combo.setAccessibleName("Route")
            else:
                combo.addItems(list(FREQUENCY_CHOICES))
                combo.setAccessibleName("Frequency")
            line = combo.lineEdit()
            if line is not None:  # the keys reach the line edit first: Tab, Enter, Esc
                line.installEventFilter(self)
            completer = combo.completer()
            if completer is not None:
                # Completed in place ("twi" -> "twice daily"): Tab then keeps it and moves on, and
                # Alt+Down opens the whole list. (A pop-up list would take Tab out of the table.)
                completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
            editor = combo
        elif column == UNIT_COLUMN:
            combo = QComboBox(parent)
            combo.addItems(["", *DAILY_UNITS])
            combo.setAccessibleName("Unit of the daily amount")
            editor = combo
        else:
            editor = super().createEditor(parent, option, index)
        return editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab and Shift+Tab in an editable list's text act on the list's cell (commit and move on), as in
        any other cell; the line edit would otherwise move the focus out of the table. (Enter and Esc
        already reach the list, and through it the view.)"""
        parent = watched.parent() if isinstance(watched, QLineEdit) else None
        if isinstance(parent, QComboBox):  # watched is the list's line edit, not a cell's editor
            if (
                isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            ):
                return super().eventFilter(parent, event)
            return False
        return super().eventFilter(watched, event)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QComboBox):
            found = editor.findData(text) if index.column() == ROUTE_COLUMN else -1
            if found < 0:
                found = editor.findText(text)
            if found >= 0:
                editor.setCurrentIndex(found)
            elif editor.isEditable():
                editor.setCurrentIndex(-1)
                editor.setEditText(text)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            text = editor.currentText().strip() if editor.isEditable() else editor.currentText()
            if index.column() == ROUTE_COLUMN:
                chosen = editor.findText(text)
                if chosen >= 0:
                    text = str(editor.itemData(chosen))  # "oral (PO)" is stored as "oral"
            model.setData(index, text, Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


def amount_text(value: Decimal) -> str:
    """A computed daily amount as the table shows it: "240", "0.5", "2.143"."""
    text = f"{value.quantize(Decimal('0.001')).normalize():f}"
    return "0" if text == "-0" else text


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(text))


#: The daily amount the table worked out itself (so that a later dose or frequency may replace it; an
#: amount the person typed is never replaced).
COMPUTED_ROLE = Qt.ItemDataRole.UserRole + 2
_WARNING_ROLE = Qt.ItemDataRole.UserRole + 3


def show_amount_warning(cell: QTableWidgetItem | None, warning: str | None) -> None:
    """Mark the daily-amount cell with an amber sign and "Check the unit: ..." when it is implausible."""
    if cell is None or cell.data(_WARNING_ROLE) == warning:
        return
    cell.setData(_WARNING_ROLE, warning)
    if warning:
        cell.setIcon(icon(Mark.ATTENTION))
        cell.setToolTip(warning[:1].upper() + warning[1:] + ".")
        cell.setData(Qt.ItemDataRole.AccessibleDescriptionRole, warning)
    else:
        cell.setIcon(QIcon())
        cell.setToolTip("")
        cell.setData(Qt.ItemDataRole.AccessibleDescriptionRole, "")


class SpaceTogglesCheckBoxes(QObject):
    """Space (or Select) ticks or clears the check box of the current cell of the table it watches, the
    way Space works on any check box (the item view leaves it to a mouse click)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QTableWidget)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and watched.state() != QTableWidget.State.EditingState
        ):
            cell = watched.currentItem()
            if cell is not None and cell.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                checked = cell.checkState() == Qt.CheckState.Checked
                cell.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
                return True
        return False
