"""The undo commands of every editor, pushed on the main window's one :class:`QUndoStack`.

Orange3's and Qt's shape: each command knows its inverse and puts its change back into the editor, whose
record session then saves it like typing. A command names its record (``record``: a case id, a plan's
(case, plan) ids...), so undoing an edit of a record no longer open opens it first; when the editor cannot
apply it any more (the record was deleted or signed meanwhile), it returns False and the command marks
itself obsolete, so the stack drops it.

- :class:`FieldEdit`: one field's text, consecutive typing in one field merged into one command;
- :class:`RowInsert`, :class:`RowRemove`: a row of a table with its content;
- :class:`RowMove`: a row moved from one place to another;
- :class:`RowEdit`: a row whose content is edited as a whole (an item of a list) changed;
- :class:`RecordReplace`: the whole record on screen replaced (a merge with a version saved elsewhere),
  so that text a merge or a choice did not keep can be brought back.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

#: Consecutive typing in one field merges into one command (Qt merges commands of the same id).
FIELD_EDIT_ID = 7301


class EditTarget(Protocol):
    """What the commands act on (an editor); each returns False when it could not apply the change."""

    def apply_text(self, record: Hashable, key: str, text: str) -> bool: ...

    def apply_insert_row(self, record: Hashable, table: str, row: int, content: Any) -> bool: ...

    def apply_remove_row(self, record: Hashable, table: str, row: int) -> bool: ...

    def apply_move_row(self, record: Hashable, table: str, source: int, target: int) -> bool: ...

    def apply_record(self, record: Hashable, content: Any) -> bool: ...


class RowTarget(EditTarget, Protocol):
    """What :class:`RowEdit` acts on: an editor whose table rows are items edited as a whole."""

    def apply_row(self, record: Hashable, table: str, row: int, content: Any) -> bool: ...


class _Command(QUndoCommand):
    def __init__(self, target: EditTarget, record: Hashable, label: str) -> None:
        super().__init__(label)
        self.target = target
        self.record = record

    def _check(self, applied: bool) -> None:
        if not applied:
            self.setObsolete(True)


class FieldEdit(_Command):
    """One field changed from ``old`` to ``new`` text. Pushed after the person typed (``done``: the text
    is already on screen, the first redo does nothing) or to make a change (``done=False``)."""

    def __init__(
        self, target: EditTarget, record: Hashable, key: str, label: str, old: str, new: str, *,
        done: bool = True,
    ) -> None:
        super().__init__(target, record, f"Edit {label}")
        self.key = key
        self.old = old
        self.new = new
        self._skip_redo = done

    def id(self) -> int:
        return FIELD_EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, FieldEdit) or (other.record, other.key) != (self.record, self.key):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._check(self.target.apply_text(self.record, self.key, self.new))

    def undo(self) -> None:
        self._check(self.target.apply_text(self.record, self.key, self.old))


class RowInsert(_Command):
    """A row added to a table at ``row``, with its content."""

    def __init__(
        self, target: EditTarget, record: Hashable, table: str, row: int, content: Any,
        label: str = "Add a row",
    ) -> None:
        super().__init__(target, record, label)
        self.table = table
        self.row = row
        self.content = content

    def redo(self) -> None:
        self._check(self.target.apply_insert_row(self.record, self.table, self.row, self.content))

    def undo(self) -> None:
        self._check(self.target.apply_remove_row(self.record, self.table, self.row))


class RowRemove(RowInsert):
    """A row taken off a table, its content kept to put it back."""

    def __init__(
        self, target: EditTarget, record: Hashable, table: str, row: int, content: Any,
        label: str = "Remove a row",
    ) -> None:
        super().__init__(target, record, table, row, content, label)

    def redo(self) -> None:
        super().undo()

    def undo(self) -> None:
        super().redo()


class RowMove(_Command):
    """A row moved from ``source`` to ``target`` (the index it has afterwards)."""

    def __init__(
        self, target: EditTarget, record: Hashable, table: str, source: int, to: int,
        label: str = "Move a row",
    ) -> None:
        super().__init__(target, record, label)
        self.table = table
        self.source = source
        self.to = to

    def redo(self) -> None:
        self._check(self.target.apply_move_row(self.record, self.table, self.source, self.to))

    def undo(self) -> None:
        self._check(self.target.apply_move_row(self.record, self.table, self.to, self.source))


class RowEdit(_Command):
    """A row of a table went from ``old`` to ``new`` content (an item of a list edited as a whole)."""

    def __init__(
        self, target: RowTarget, record: Hashable, table: str, row: int, old: Any, new: Any, label: str
    ) -> None:
        super().__init__(target, record, label)
        self.row_target = target
        self.table = table
        self.row = row
        self.old = old
        self.new = new

    def redo(self) -> None:
        self._check(self.row_target.apply_row(self.record, self.table, self.row, self.new))

    def undo(self) -> None:
        self._check(self.row_target.apply_row(self.record, self.table, self.row, self.old))


class RecordReplace(_Command):
    """The record on screen went from ``old`` to ``new`` content (already shown when pushed)."""

    def __init__(self, target: EditTarget, record: Hashable, old: Any, new: Any, label: str) -> None:
        super().__init__(target, record, label)
        self.old = old
        self.new = new
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._check(self.target.apply_record(self.record, self.new))

    def undo(self) -> None:
        self._check(self.target.apply_record(self.record, self.old))
