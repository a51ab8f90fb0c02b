"""The keys of every editable table of the program, in one place: Insert or Ctrl+N adds a row (after the
selected one), Delete removes the selected row, Ctrl+Shift+Up and Ctrl+Shift+Down move it (as on the
agenda); Tab and Shift+Tab go to the next and previous cell (the view's tab-key navigation, leaving the
table after its last cell), Enter finishes a cell and stays in the table, and the arrow keys stay in it.

None of these keys acts while a cell is being edited (they belong to the cell's editor then). Ctrl+N is
taken before the window's shortcut (New case) sees it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView

_CTRL = Qt.KeyboardModifier.ControlModifier
_CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class TableKeys(QObject):
    """An event filter for a table view: ``add()``, ``remove()`` and ``move(step)`` (-1 up, +1 down;
    ``None``: rows do not move in this table)."""

    def __init__(
        self,
        add: Callable[[], None],
        remove: Callable[[], None],
        move: Callable[[int], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._add = add
        self._remove = remove
        self._move = move

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) or not isinstance(
            event, QKeyEvent
        ):
            return False
        if isinstance(watched, QAbstractItemView) and watched.state() == QAbstractItemView.State.EditingState:
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        arrow = key in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        moving = self._move is not None and modifiers == _CTRL_SHIFT and arrow
        if event.type() == QEvent.Type.ShortcutOverride:
            # Ctrl+N is the window's New case elsewhere: in a table it adds a row.
            if (key == Qt.Key.Key_N and modifiers == _CTRL) or moving:
                event.accept()
                return True
            return False
        if (key == Qt.Key.Key_Insert and modifiers == Qt.KeyboardModifier.NoModifier) or (
            key == Qt.Key.Key_N and modifiers == _CTRL
        ):
            self._add()
            return True
        if key == Qt.Key.Key_Delete and modifiers == Qt.KeyboardModifier.NoModifier:
            self._remove()
            return True
        if moving and self._move is not None:
            self._move(-1 if key == Qt.Key.Key_Up else 1)
            return True
        return False


def install_table_keys(
    view: QAbstractItemView,
    add: Callable[[], None],
    remove: Callable[[], None],
    move: Callable[[int], None] | None = None,
) -> TableKeys:
    """Give ``view`` the program's table keys (and Tab from cell to cell)."""
    view.setTabKeyNavigation(True)
    keys = TableKeys(add, remove, move, view)
    view.installEventFilter(keys)
    return keys
