"""Ctrl+Z for the scores: each score or comment given is a :class:`FieldEdit` (the undo command every editor
uses, :mod:`mdtboard.ui.editing.commands`) on the scoring panel's own stack, and what it puts back is saved
by the panel's record session like any other edit. Typing on in one item's comment is one step; a step
made for another trainee, role or case than the one shown is dropped (the stack is emptied when the panel
scores someone else)."""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from typing import Any, Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from mdtboard.ui.editing import undo_keys
from mdtboard.ui.editing.commands import FieldEdit


class _Row(Protocol):
    value: int | None

    @property
    def comment(self) -> str: ...

    def set_score(self, value: int | None, comment: str | None = None) -> None: ...


def _text(value: int | None, comment: str) -> str:
    """A row's score and comment as one field's text (what the command keeps)."""
    return json.dumps([value, comment], ensure_ascii=False)


class ScoreUndo:
    """The scoring panel's undo: ``rows()`` the rows shown by item key, ``record()`` what is scored now,
    ``titled(key)`` an item's title, ``edited()`` tells the panel a row changed (it saves)."""

    def __init__(
        self,
        panel: QWidget,
        *,
        rows: Callable[[], dict[str, _Row]],
        record: Callable[[], Hashable],
        titled: Callable[[str], str],
        edited: Callable[[], None],
        before: Callable[[], object],
    ) -> None:
        self.stack = QUndoStack(panel)
        self._rows = rows
        self._record = record
        self._titled = titled
        self._edited = edited
        self._shown: dict[str, str] = {}
        undo_keys.register(panel, self.stack, before=before)

    def _texts(self) -> dict[str, str]:
        return {key: _text(row.value, row.comment) for key, row in self._rows().items()}

    def reset(self) -> None:
        """Other scores are shown (another trainee, role or case): nothing to undo."""
        self.stack.clear()
        self._shown = self._texts()

    def synced(self) -> None:
        """The rows were filled from scores saved elsewhere (a merge): not a step of this person's."""
        self._shown = self._texts()

    def changed(self, key: str) -> None:
        """The person changed the row ``key`` (its score or comment)."""
        row = self._rows().get(key)
        if row is None:
            return
        new = _text(row.value, row.comment)
        old = self._shown.get(key, _text(None, ""))
        self._shown[key] = new
        if new != old:
            self.stack.push(FieldEdit(self, self._record(), key, self._titled(key), old, new))

    # -- EditTarget
    def apply_text(self, record: Hashable, key: str, text: str) -> bool:
        row = self._rows().get(key)
        if record != self._record() or row is None:
            return False
        value, comment = json.loads(text)
        row.set_score(value, comment)
        self._shown[key] = text
        self._edited()
        return True

    def apply_insert_row(self, record: Hashable, table: str, row: int, content: Any) -> bool:
        return False

    def apply_remove_row(self, record: Hashable, table: str, row: int) -> bool:
        return False

    def apply_move_row(self, record: Hashable, table: str, source: int, target: int) -> bool:
        return False

    def apply_record(self, record: Hashable, content: Any) -> bool:
        return False
