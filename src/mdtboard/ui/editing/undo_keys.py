"""The one Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) handling of the program.

An editor registers itself (:func:`register`) with the undo stack its commands go on, and optionally what
to do just before an undo or redo (a discipline panel saves the typing so far, so that it is one step).
One event filter on the application then decides, for the widget that has the keyboard focus, which stack
gets the keys: the stack of the nearest registered widget it is in (within its window). A text field's own
undo never takes them there, so one history covers every field of every editor. Outside the registered
editors (a search field, a dialog) the keys do what they do anyway. The stack is moved through
:mod:`.undo_queue`: a step aimed at a record not on screen is applied once its editor has shown it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from mdtboard.ui.editing import undo_queue


@dataclass
class _Root:
    stack: QUndoStack
    before: Callable[[], object] | None


_roots: dict[int, _Root] = {}
_filter: UndoKeys | None = None


def _key(widget: QObject) -> int:
    return int(shiboken6.getCppPointer(widget)[0])


def register(widget: QWidget, stack: QUndoStack, *, before: Callable[[], object] | None = None) -> None:
    """Ctrl+Z / Ctrl+Shift+Z anywhere in ``widget`` undo and redo on ``stack``, after ``before()``."""
    global _filter
    key = _key(widget)
    _roots[key] = _Root(stack, before)
    widget.destroyed.connect(lambda *_args, key=key: _roots.pop(key, None))
    app = QApplication.instance()
    if _filter is None or not shiboken6.isValid(_filter):
        _filter = UndoKeys(app)
        if app is not None:
            app.installEventFilter(_filter)


def stack_for(widget: QWidget | None) -> tuple[QUndoStack | None, list[Callable[[], object]]]:
    """The stack that gets Ctrl+Z in ``widget`` (None: the keys are left alone), and what runs before."""
    stack: QUndoStack | None = None
    before: list[Callable[[], object]] = []
    while widget is not None:
        root = _roots.get(_key(widget))
        if root is not None:
            if stack is None:
                stack = root.stack
            if root.before is not None and root.stack is stack:
                before.append(root.before)
        if widget.isWindow():
            break
        widget = widget.parentWidget()
    return stack, before


def _which(event: QKeyEvent) -> str | None:
    if event.matches(QKeySequence.StandardKey.Undo):
        return "undo"
    if event.matches(QKeySequence.StandardKey.Redo) or (
        event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier
    ):
        return "redo"
    return None


class UndoKeys(QObject):
    """The application's event filter behind :func:`register` (one for the whole program)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Every event of the program comes here: the class test first, as asking its type makes an enum
        # object each time (the type test alone cost about 0.1 s of the program's start).
        if not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget):
            return False
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        which = _which(event)
        if which is None:
            return False
        stack, before = stack_for(watched)
        if stack is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # not a shortcut here (the window's Undo action): the key press comes here
            return True
        for step in before:
            step()
        undo_queue.ask(stack, which)  # at once, or once the record it changes is shown
        return True
