"""Undo commands of the care-plan editor, pushed on the main window's one :class:`QUndoStack`.

Each command names the case and the plan it changed, and puts its change back into the editor, whose
autosave then stores it with ``CarePlanService.save_draft`` (stating the version the person saw). When the
plan can no longer be changed (it was signed meanwhile, or a newer version replaced it), the editor says
so and the command marks itself obsolete, so the stack drops it.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

#: Consecutive typing in one field merges into one command.
PLAN_FIELD_EDIT_ID = 7401


class PlanTarget(Protocol):
    """What the commands act on (the care-plan editor); each returns False when it could not."""

    def apply_field(self, case_id: int, plan_id: int, key: str, text: str) -> bool: ...

    def apply_item(self, case_id: int, plan_id: int, section: str, row: int, item: Any) -> bool: ...

    def apply_insert(self, case_id: int, plan_id: int, section: str, row: int, item: Any) -> bool: ...

    def apply_remove(self, case_id: int, plan_id: int, section: str, row: int) -> bool: ...


class PlanFieldCommand(QUndoCommand):
    """A text field of the plan (a formulation strand, the review date, the agreement) changed."""

    def __init__(
        self, target: PlanTarget, case_id: int, plan_id: int, key: str, label: str, old: str, new: str
    ) -> None:
        super().__init__(f"Edit {label} (care plan)")
        self.target = target
        self.case_id = case_id
        self.plan_id = plan_id
        self.key = key
        self.old = old
        self.new = new
        self._done = True  # pushed after the person typed: the text is already on screen

    def id(self) -> int:
        return PLAN_FIELD_EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, PlanFieldCommand) or (other.plan_id, other.key) != (self.plan_id, self.key):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        if not self.target.apply_field(self.case_id, self.plan_id, self.key, self.new):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.target.apply_field(self.case_id, self.plan_id, self.key, self.old):
            self.setObsolete(True)


class PlanItemCommand(QUndoCommand):
    """A row of one of the plan's lists changed from ``old`` to ``new``."""

    def __init__(
        self, target: PlanTarget, case_id: int, plan_id: int, section: str, row: int, old: Any, new: Any,
        label: str,
    ) -> None:
        super().__init__(label)
        self.target = target
        self.case_id = case_id
        self.plan_id = plan_id
        self.section = section
        self.row = row
        self.old = old
        self.new = new

    def redo(self) -> None:
        if not self.target.apply_item(self.case_id, self.plan_id, self.section, self.row, self.new):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.target.apply_item(self.case_id, self.plan_id, self.section, self.row, self.old):
            self.setObsolete(True)


class PlanRowCommand(QUndoCommand):
    """A row added to (``insert``) or taken out of one of the plan's lists, with its item."""

    def __init__(
        self, target: PlanTarget, case_id: int, plan_id: int, section: str, row: int, item: Any, *,
        insert: bool, label: str,
    ) -> None:
        super().__init__(label)
        self.target = target
        self.case_id = case_id
        self.plan_id = plan_id
        self.section = section
        self.row = row
        self.item = item
        self.insert = insert

    def redo(self) -> None:
        self._apply(self.insert)

    def undo(self) -> None:
        self._apply(not self.insert)

    def _apply(self, insert: bool) -> None:
        if insert:
            done = self.target.apply_insert(self.case_id, self.plan_id, self.section, self.row, self.item)
        else:
            done = self.target.apply_remove(self.case_id, self.plan_id, self.section, self.row)
        if not done:
            self.setObsolete(True)
