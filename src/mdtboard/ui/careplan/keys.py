"""Keyboard handling shared by the care-plan widgets: the program's table keys
(:mod:`mdtboard.ui.table_keys`), the review keys of proposed items, and drop-down cells. (Ctrl+Z goes to
the window's one history: :mod:`mdtboard.ui.editing.undo_keys`.)"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from mdtboard.ui.careplan.models import CHOICES_ROLE
from mdtboard.ui.table_keys import TableKeys

Index = QModelIndex | QPersistentModelIndex


#: The care plan's tables use the program's table keys (kept under this name for the care plan).
RowKeys = TableKeys


class ReviewKeys(QObject):
    """On a table of proposed items (not while a cell is being edited): Enter accepts the selected
    proposed item, E edits its text, M merges it into the row above. Each callback gets the row and
    returns False when the key does not apply there (the key then does what it does anyway)."""

    def __init__(
        self,
        accept: Callable[[int], bool],
        edit: Callable[[int], bool],
        merge: Callable[[int], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._accept = accept
        self._edit = edit
        self._merge = merge

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QAbstractItemView) \
                or watched.state() == QAbstractItemView.State.EditingState:
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        row = watched.currentIndex().row()
        if row < 0:
            return False
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers == Qt.KeyboardModifier.NoModifier:
            return self._accept(row)
        if key == Qt.Key.Key_E:
            return self._edit(row)
        if key == Qt.Key.Key_M:
            return self._merge(row)
        return False


class CellDelegate(QStyledItemDelegate):
    """A drop-down for cells whose column offers choices, a line edit for the others."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        choices = index.data(CHOICES_ROLE)
        if choices:
            combo = QComboBox(parent)
            combo.addItems([str(c) for c in choices])
            combo.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 (Qt's name)
        if isinstance(editor, QComboBox):
            found = editor.findText(str(index.data(Qt.ItemDataRole.EditRole)))
            editor.setCurrentIndex(max(found, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
