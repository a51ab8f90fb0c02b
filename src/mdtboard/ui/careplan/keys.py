"""Keyboard handling shared by the care-plan widgets: rows added and removed from the keyboard, and
drop-down cells. (Ctrl+Z goes to the window's one history: :mod:`mdtboard.ui.editing.undo_keys`.)"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from mdtboard.ui.careplan.models import CHOICES_ROLE

Index = QModelIndex | QPersistentModelIndex


class RowKeys(QObject):
    """In a table (not while a cell is being edited): Insert or Ctrl+N adds a row, Delete removes the
    selected one. Ctrl+N is taken before the window's shortcut (New case) sees it."""

    def __init__(
        self, add: Callable[[], None], remove: Callable[[], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._add = add
        self._remove = remove

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) or not isinstance(
            event, QKeyEvent
        ):
            return False
        if isinstance(watched, QAbstractItemView) and watched.state() == QAbstractItemView.State.EditingState:
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if event.type() == QEvent.Type.ShortcutOverride:
            # Ctrl+N is the window's New case elsewhere: in a plan's table it adds a row.
            if key == Qt.Key.Key_N and modifiers == Qt.KeyboardModifier.ControlModifier:
                event.accept()
                return True
            return False
        if (key == Qt.Key.Key_Insert and modifiers == Qt.KeyboardModifier.NoModifier) or (
            key == Qt.Key.Key_N and modifiers == Qt.KeyboardModifier.ControlModifier
        ):
            self._add()
            return True
        if key == Qt.Key.Key_Delete and modifiers == Qt.KeyboardModifier.NoModifier:
            self._remove()
            return True
        return False


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
