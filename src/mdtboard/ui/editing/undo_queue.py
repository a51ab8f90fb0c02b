"""Undo and redo that wait, without blocking, for the record they change to be shown.

A command on the window's one :class:`QUndoStack` names its record (a case, a care plan); when that record
is not on screen, its editor must open it first, and opening reads the database (in the background:
:mod:`mdtboard.ui.ops`). The stack's own ``undo()`` cannot wait for that, so every Ctrl+Z and Edit > Undo
of the program asks here (:func:`ask`): each press is queued, in order; the next one runs on the stack at
once when its command's record is shown, else its editor is asked to show it (:meth:`Shows.show_record`,
in the background) and the queue goes on once it is shown. The stack moves only when a command is applied,
so it always says what is on screen: pressed three times quickly, three commands are undone, in order,
each once.

When the opening fails (the database not answering, the record shown cannot be saved) or another record
is opened meanwhile, the presses still queued are dropped, nothing is undone, the stack stays where it was
(Ctrl+Z tries again) and ``refused`` says so in the status bar; when the record was deleted elsewhere, its
step, which can never apply, is taken off the history too. A change made while presses wait (a step
pushed or undone elsewhere) drops them too: they were meant for the history as it was.

A command not aimed at a record (a conference step), or whose editor shows it, runs at once, as before.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Hashable
from typing import Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from mdtboard.ui import ops


@runtime_checkable
class Shows(Protocol):
    """An editor whose commands may be aimed at a record it does not show."""

    def shows(self, record: Hashable) -> bool:
        """Whether ``record`` is on screen, ready for a command to apply to it now."""
        ...

    def show_record(
        self, record: Hashable, shown: Callable[[], None], failed: Callable[[str, bool], None]
    ) -> None:
        """Open ``record`` in the background; then ``shown()`` once it is on screen, or ``failed(why,
        gone)``, ``gone`` True when the record does not exist any more (deleted elsewhere)."""
        ...


def aimed_at(command: QUndoCommand | None) -> tuple[Shows, Hashable] | None:
    """The editor and record ``command`` (or, for a macro, its first step) applies to, when it names one."""
    while command is not None:
        target, record = getattr(command, "target", None), getattr(command, "record", None)
        if isinstance(target, Shows) and record is not None:
            return target, record
        command = command.child(0) if command.childCount() else None
    return None


def opening_shown(
    editor: QObject, open_with: Callable[[Callable[[], None]], bool], opening: Callable[[], int],
    shown: Callable[[], None], failed: Callable[[str], None], *, what: str,
) -> None:
    """:meth:`Shows.show_record` of an editor that opens a record in the background on the writer thread:
    ``open_with(then)`` starts the opening (False: refused now), ``then`` running once it is shown;
    ``opening()`` counts the openings asked for. A marker queued behind the opening on the same ordered
    writer (touching no database) tells, once back, whether it was shown: if not, ``failed(why)``, ``why``
    being what the editor told meanwhile (its ``status_message``); an opening asked for since (the case
    read again after typing saved first, or another record opened) is waited for too."""
    told: list[str] = []
    tell = told.append
    status = editor.status_message  # type: ignore[attr-defined]
    done = [False]

    def finish(ok: bool) -> None:
        if done[0]:
            return
        done[0] = True
        with contextlib.suppress(RuntimeError, TypeError):
            status.disconnect(tell)
        if ok:
            shown()
        else:
            reason = told[-1].rstrip(".") if told else f"{what} could not be opened"
            failed(f"{reason}.")

    status.connect(tell)
    if not open_with(lambda: finish(True)):
        finish(False)
        return

    def look(asked: int) -> None:
        def back(_nothing: object) -> None:
            if done[0]:
                return
            if opening() != asked:  # opened again since: wait for that one
                look(opening())
            else:
                finish(False)

        ops.write(_nothing, parent=editor, label="opening a record to undo a change in it", success=back)

    if not done[0]:
        look(opening())


def _nothing() -> None:
    """The marker queued behind an opening: it touches no database."""


class UndoQueue(QObject):
    """The undo and redo asked for on one stack, applied in order once each command's record is shown.

    Signals:
        refused(str): presses were dropped (the record could not be opened); what to tell the person.
    """

    refused = Signal(str)

    def __init__(self, stack: QUndoStack) -> None:
        super().__init__(stack)
        self.stack = stack
        self._asked: deque[str] = deque()
        self._index = stack.index()  # where the stack stands for the presses waiting
        self._opening: tuple[Shows, Hashable] | None = None

    @property
    def waiting(self) -> bool:
        """Whether presses wait for a record to be shown."""
        return bool(self._asked)

    def ask(self, which: str) -> None:
        """Ctrl+Z ("undo") or Ctrl+Shift+Z ("redo") pressed: applied now, or once its record is shown."""
        if not self._asked:
            self._index = self.stack.index()
        self._asked.append(which)
        self._go_on()

    def _go_on(self, shown: tuple[Shows, Hashable] | None = None) -> None:
        stack = self.stack
        while self._asked and self._opening is None:
            if stack.index() != self._index:  # the history changed meanwhile: the presses were for the old
                self._drop("Nothing more was undone or redone: the history changed meanwhile.")
                return
            which = self._asked[0]
            at = stack.index() - 1 if which == "undo" else stack.index()
            command = stack.command(at) if 0 <= at < stack.count() else None
            if command is None:  # nothing (more) to undo or redo
                self._asked.popleft()
                continue
            aim = aimed_at(command)
            if aim is not None and aim != shown and not aim[0].shows(aim[1]):
                self._opening = aim
                self._show(aim)
                return
            shown = None  # (just opened: applied even when its editor refuses it, which says why)
            self._asked.popleft()
            if which == "undo":
                stack.undo()
            else:
                stack.redo()
            self._index = stack.index()

    def _show(self, aim: tuple[Shows, Hashable]) -> None:
        def shown() -> None:
            self._shown(aim)

        def failed(why: str, gone: bool) -> None:
            self._failed(aim, why, gone)

        aim[0].show_record(aim[1], shown, failed)

    def _shown(self, aim: tuple[Shows, Hashable]) -> None:
        if self._opening != aim or not shiboken6.isValid(self):
            return
        self._opening = None
        self._go_on(shown=aim)

    def _failed(self, aim: tuple[Shows, Hashable], why: str, gone: bool) -> None:
        if self._opening != aim or not shiboken6.isValid(self):
            return
        self._opening = None
        if not gone:
            self._drop(f"Nothing was undone or redone: {why} The step stays in Edit > Undo; Ctrl+Z tries "
                       "again.")
            return
        # the record was deleted elsewhere: its step can never apply, and is taken off the history (an
        # obsolete command is removed by the stack's undo or redo without being run)
        stack, which = self.stack, self._asked[0] if self._asked else "undo"
        at = stack.index() - 1 if which == "undo" else stack.index()
        command = stack.command(at) if stack.index() == self._index and 0 <= at < stack.count() else None
        if command is not None and aimed_at(command) == aim:
            command.setObsolete(True)
            if which == "undo":
                stack.undo()
            else:
                stack.redo()
        self._drop(f"Nothing was undone or redone: {why} That step is taken off Edit > Undo.")

    def _drop(self, message: str) -> None:
        self._asked.clear()
        self._opening = None
        self.refused.emit(message)


_queues: dict[int, UndoQueue] = {}


def _key(stack: QUndoStack) -> int:
    return int(shiboken6.getCppPointer(stack)[0])


def queue_for(stack: QUndoStack) -> UndoQueue:
    """The one queue of ``stack`` (made on first use)."""
    key = _key(stack)
    found = _queues.get(key)
    if found is not None and shiboken6.isValid(found) and found.stack is stack:
        return found
    made = UndoQueue(stack)
    _queues[key] = made
    stack.destroyed.connect(lambda *_args, key=key: _queues.pop(key, None))
    return made


def ask(stack: QUndoStack, which: str) -> None:
    """Undo (``which`` "undo") or redo on ``stack``, in order, once its command's record is shown."""
    queue_for(stack).ask(which)
