"""Undo commands of the case editor, pushed on the window's one :class:`QUndoStack`.

Each command knows its inverse and ends in the same service call as typing does: it puts the text back
into the form and the editor's autosave stores it with ``CaseService.update`` (stating the version the
person saw). A command remembers its case, so undoing an edit of a case that is no longer open opens it
first.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

#: Consecutive typing in one field merges into one command.
FIELD_EDIT_ID = 7301


class EditTarget(Protocol):
    """What the commands act on (the case editor)."""

    def apply_text(self, case_id: int, key: str, text: str) -> None: ...

    def apply_insert_row(self, case_id: int, table: str, row: int, texts: list[str]) -> None: ...

    def apply_remove_row(self, case_id: int, table: str, row: int) -> None: ...


class FieldEditCommand(QUndoCommand):
    """One field of a case changed from ``old`` to ``new`` text."""

    def __init__(self, target: EditTarget, case_id: int, key: str, label: str, old: str, new: str) -> None:
        super().__init__(f"Edit {label}")
        self.target = target
        self.case_id = case_id
        self.key = key
        self.old = old
        self.new = new
        self._done = True  # pushed after the person typed: the text is already on screen

    def id(self) -> int:
        return FIELD_EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldEditCommand) or other.case_id != self.case_id or other.key != self.key:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.target.apply_text(self.case_id, self.key, self.new)

    def undo(self) -> None:
        self.target.apply_text(self.case_id, self.key, self.old)


class RowCommand(QUndoCommand):
    """A row added to (``insert``) or removed from a table of a case, with the row's texts."""

    def __init__(
        self, target: EditTarget, case_id: int, table: str, row: int, texts: list[str], *, insert: bool,
        label: str,
    ) -> None:
        super().__init__(label)
        self.target = target
        self.case_id = case_id
        self.table = table
        self.row = row
        self.texts = texts
        self.insert = insert

    def redo(self) -> None:
        self._apply(self.insert)

    def undo(self) -> None:
        self._apply(not self.insert)

    def _apply(self, insert: bool) -> None:
        if insert:
            self.target.apply_insert_row(self.case_id, self.table, self.row, self.texts)
        else:
            self.target.apply_remove_row(self.case_id, self.table, self.row)
