"""Editing the care plan in the editor: typed fields and table rows each become a step on the window's undo
stack (the shared commands of :mod:`mdtboard.ui.editing.commands`), proposed interventions are accepted or
merged, the input offered besides the draft is added (and read again on the reader thread), and the undo
commands apply their changes here (the plan they belong to opened first, in the background, by
:mod:`mdtboard.ui.editing.undo_queue`).

:class:`PlanEditing` is a part of :class:`~mdtboard.ui.careplan.editor.CarePlanEditor` (a mixin); what it
takes from the editor is declared below, under ``TYPE_CHECKING``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoStack

from mdtboard.domain.careplan import (
    CarePlan,
    Intervention,
)
from mdtboard.domain.careplan_draft import OfferedItem, offered_sources
from mdtboard.domain.case import Case
from mdtboard.domain.errors import MdtboardError
from mdtboard.services.context import Services
from mdtboard.ui import ops
from mdtboard.ui.careplan.display import WARNING_SIGN
from mdtboard.ui.careplan.fields import AGREEMENT, LABELS, REVIEW_DATE, PlanFields
from mdtboard.ui.careplan.sections import (
    INTERVENTIONS,
    SECTIONS,
)
from mdtboard.ui.careplan.tables import PlanTables
from mdtboard.ui.careplan.values import format_date
from mdtboard.ui.editing.commands import FieldEdit, RowEdit, RowInsert, RowRemove
from mdtboard.ui.editing.part import EditorPart
from mdtboard.ui.editing.session import RecordSession
from mdtboard.ui.editing.undo_queue import opening_shown
from mdtboard.ui.forms.ui_careplan_editor import Ui_CarePlanEditor


class PlanEditing(EditorPart):
    """Edits, rows and the undo commands' side of :class:`~mdtboard.ui.careplan.editor.CarePlanEditor`."""

    if TYPE_CHECKING:  # provided by the editor
        ui: Ui_CarePlanEditor
        session: RecordSession
        tables: PlanTables
        fields: PlanFields
        status_message: Any
        reveal_requested: Any
        _services: Services
        _undo: QUndoStack
        _case: Case | None
        _plan: CarePlan | None
        _agenda_item_id: int | None
        _texts: dict[str, str]
        _loading: bool
        _offered: list[OfferedItem]
        _offered_for: tuple[int | None, int | None]
        _asked: dict[str, int]
        _opening: int

        @property
        def editable(self) -> bool: ...
        @property
        def viewing_earlier(self) -> bool: ...
        def current_case_id(self) -> int | None: ...
        def open_case(
            self, case_id: int, agenda_item_id: int | None = None, *, then: Callable[[], None] | None = None
        ) -> bool: ...
        def read_plan(self) -> CarePlan: ...
        def _fill(self, plan: CarePlan | None) -> None: ...
        def _lock_reason(self) -> str: ...
        def _show_summaries(self) -> None: ...
        def _ask(self, what: str) -> int: ...

    # -- editing
    def _edited(self, key: str) -> None:
        if self._loading or self._plan is None or self._plan.id is None or not self.editable:
            return
        new = self.fields.text(key)
        old = self._texts.get(key, "")
        if new == old:
            return
        self._texts[key] = new
        ids = self._ids()
        assert ids is not None
        self._undo.push(FieldEdit(self, ids, key, f"{LABELS[key]} (care plan)", old, new))
        self._changed()

    def _agreement_toggled(self, checked: bool) -> None:
        if checked:
            self._edited(AGREEMENT)

    def _tidy_review_date(self) -> None:
        """Once the review date field is left, "in 6 weeks" is written as the date it means."""
        values = None if self._plan is None or not self.editable else self.fields.read(self._plan)
        if values is not None and values.review_date_problem is None:
            shown = format_date(values.review_date)
            if shown != self.fields.text(REVIEW_DATE):
                self.fields.set_text(REVIEW_DATE, shown)

    def _push_item(self, section: str, row: int, old: Any, new: Any) -> None:
        ids = self._ids()
        if ids is not None:
            label = f"Edit {SECTIONS[section].noun} {row + 1} (care plan)"
            self._undo.push(RowEdit(self, ids, section, row, old, new, label))

    def _ids(self) -> tuple[int, int] | None:
        """(case id, plan id) of the plan shown."""
        if self._case is None or self._case.id is None or self._plan is None or self._plan.id is None:
            return None
        return self._case.id, self._plan.id

    def add_row(self, section: str) -> None:
        """Add an empty row after the selected one (or at the end) and start typing its text."""
        ids = self._ids()
        if not self._can_edit() or ids is None:
            return
        row, item = self.tables.new_row(section)
        noun = SECTIONS[section].noun
        self._undo.push(RowInsert(self, ids, section, row, item, label=f"Add a {noun}"))
        self.tables.start_editing(section, row)

    def remove_row(self, section: str) -> None:
        """Remove the selected row (Ctrl+Z puts it back)."""
        ids = self._ids()
        row = self.tables.current_row(section)
        if not self._can_edit() or ids is None or row < 0:
            return
        noun = SECTIONS[section].noun
        item = self.tables.models[section].item(row)
        label = f"Remove {noun} {row + 1} (care plan)"
        self._undo.push(RowRemove(self, ids, section, row, item, label=label))
        self.status_message.emit(f"Removed {noun} {row + 1} (Ctrl+Z puts it back)")

    def move_row(self, section: str, step: int) -> None:
        """Move the selected row up (-1) or down (+1): one undoable step."""
        ids = self._ids()
        row = self.tables.current_row(section)
        model = self.tables.models[section]
        target = row + step
        if not self._can_edit() or ids is None or row < 0 or not 0 <= target < model.rowCount():
            return
        noun = SECTIONS[section].noun
        item = model.item(row)
        self._undo.beginMacro(f"Move {noun} {row + 1} {'up' if step < 0 else 'down'} (care plan)")
        self._undo.push(RowRemove(self, ids, section, row, item, label="move"))
        self._undo.push(RowInsert(self, ids, section, target, item, label="move"))
        self._undo.endMacro()
        view = self.tables.views[section]
        view.setCurrentIndex(model.index(target, max(view.currentIndex().column(), 0)))
        self.status_message.emit(f"Moved {noun} {row + 1} to place {target + 1} (Ctrl+Z moves it back)")

    def accept_proposed(self, row: int) -> None:
        """The chair accepts a proposed intervention as agreed (its words unchanged); the cursor moves to
        the next proposed one."""
        ids = self._ids()
        model = self.tables.models[INTERVENTIONS]
        if not self._can_edit() or ids is None or not 0 <= row < model.rowCount():
            return
        item = model.item(row)
        if not item.proposed:
            return
        self._undo.push(RowEdit(
            self, ids, INTERVENTIONS, row, item, replace(item, proposed=False),
            f"Accept intervention {row + 1} (care plan)",
        ))
        left = [i for i, it in enumerate(model.items()) if it.proposed]
        after = [i for i in left if i > row] or left
        if after:
            self.tables.views[INTERVENTIONS].setCurrentIndex(model.index(after[0], 0))
        self.status_message.emit(
            f"Accepted: {item.description[:60]}" + (f" · {len(left)} still proposed" if left else
                                                     " · every proposed item decided")
        )

    def merge_with_previous(self, row: int) -> None:
        """Merge an intervention into the row above it: both texts kept, word for word, in one item
        (the row above keeps its discipline, owner and due date)."""
        ids = self._ids()
        model = self.tables.models[INTERVENTIONS]
        if not self._can_edit() or ids is None or not 1 <= row < model.rowCount():
            return
        above, item = model.item(row - 1), model.item(row)
        joint = above.description.rstrip()
        joint += (" " if joint.endswith((".", "!", "?", ";")) else "; ") + item.description.strip()
        merged = replace(above, description=joint, proposed=above.proposed or item.proposed)
        self._undo.beginMacro(f"Merge intervention {row + 1} into {row} (care plan)")
        self._undo.push(RowEdit(self, ids, INTERVENTIONS, row - 1, above, merged, "merge"))
        self._undo.push(RowRemove(self, ids, INTERVENTIONS, row, item, label="merge"))
        self._undo.endMacro()
        self.tables.views[INTERVENTIONS].setCurrentIndex(model.index(row - 1, 0))
        self.status_message.emit(f"Merged intervention {row + 1} into {row} (Ctrl+Z separates them)")

    def _show_offered(self) -> None:
        """The input not taken into the draft, offered for the chair to add one by one: read on the reader
        thread ("Loading…" meanwhile; the list of another case or plan is cleared at once)."""
        token = self._ask("offered")
        case_id = None if self._case is None else self._case.id
        plan = self._plan
        shown_for = (case_id, None if plan is None else plan.id)
        if shown_for != self._offered_for:
            self._offered, self._offered_for = [], shown_for
            self._fill_offered()
        if case_id is None or plan is None:
            self._fill_offered()
            return
        current = self.read_plan() if self.editable else plan
        careplans, item_id = self._services.careplans, self._agenda_item_id
        self.ui.offeredLabel.setText("Loading what else the team offered…")
        ops.read(lambda: careplans.offered(case_id, item_id, current), parent=self,
                 label="the input offered for the care plan",
                 success=lambda items: self._offered_read(token, shown_for, items),
                 failure=lambda exc: self._offered_not_read(token, exc))

    def _offered_read(
        self, token: int, shown_for: tuple[int | None, int | None], items: list[OfferedItem]
    ) -> None:
        if token != self._asked["offered"] or shown_for != self._offered_for:
            return
        self._offered = items
        self._fill_offered()

    def _offered_not_read(self, token: int, error: MdtboardError) -> None:
        if token == self._asked["offered"]:
            self._fill_offered()
            self.status_message.emit(str(error))

    def _fill_offered(self) -> None:
        """Show ``self._offered`` (the selected row stays where it was)."""
        listed = self.ui.offeredList
        row = listed.currentRow()
        listed.clear()
        for item in self._offered:
            who = f", {item.author}" if item.author else ""
            listed.addItem(f"{item.discipline.label}{who} ({item.source}): {item.text}")
        if row >= 0 and self._offered:
            listed.setCurrentRow(min(row, len(self._offered) - 1))
        sources = offered_sources(self._offered)
        self.ui.offeredLabel.setText(
            f"Not in the draft ({sources}). Enter adds the selected one to the plan."
            if sources else "Nothing else was offered: every input is in the draft or the plan."
        )
        listed.setVisible(bool(self._offered))
        listed.setEnabled(self.editable)

    def add_offered(self, index: int) -> None:
        """Add an offered recommendation to the plan as an accepted intervention of its discipline."""
        ids = self._ids()
        offered = getattr(self, "_offered", [])
        if not self._can_edit() or ids is None or not 0 <= index < len(offered):
            return
        chosen = offered[index]
        row = self.tables.models[INTERVENTIONS].rowCount()
        item = Intervention(chosen.discipline, chosen.text)
        self._undo.push(RowInsert(
            self, ids, INTERVENTIONS, row, item,
            label=f"Add {chosen.discipline.label.lower()} input {chosen.source} (care plan)",
        ))
        del self._offered[index]  # at once; then read again in the background
        self._fill_offered()
        self.ui.offeredList.setCurrentRow(min(index, self.ui.offeredList.count() - 1))
        self.ui.offeredList.setFocus()
        self._show_offered()
        self.status_message.emit(f"Added to the plan: {chosen.text[:60]}")

    def _can_edit(self) -> bool:
        if not self.editable:
            self.status_message.emit(self._lock_reason())
        return self.editable

    def _cell_problem(self, text: str) -> None:
        self.ui.saveState.setText(f"{WARNING_SIGN} Not changed")
        self.status_message.emit(text)

    def _changed(self) -> bool:
        self.session.touch()
        self._show_summaries()
        return True

    # -- what the undo commands call (the plan opened first, in the background: editing.undo_queue)
    def shows(self, record: Hashable) -> bool:
        """Whether the plan an undo command names is the one shown (its latest version)."""
        ids = self._record_ids(record)
        plan = self._plan
        return ids is not None and plan is not None and plan.id == ids[1] and not self.viewing_earlier

    def show_record(
        self, record: Hashable, shown: Callable[[], None], failed: Callable[[str, bool], None]
    ) -> None:
        """Open the case's plan an undo or redo applies to, in the background; ``shown()`` once it is
        shown (another version may be: the command then says it changes nothing), else ``failed(why)``."""
        ids = self._record_ids(record)
        if ids is None:
            failed("that care plan is not known.", True)
            return
        case_id = ids[0]
        agenda_item_id = self._agenda_item_id if self.current_case_id() == case_id else None
        opening_shown(self, lambda then: self.open_case(case_id, agenda_item_id, then=then),
                      lambda: self._opening, shown, lambda why: failed(why, False), what="the care plan")

    def _ensure(self, case_id: int, plan_id: int) -> bool:
        if self.shows((case_id, plan_id)) and self.editable:
            self.reveal_requested.emit()
            return True
        self.status_message.emit(
            "That change was made to a care plan version that is now signed (or replaced by a newer "
            "version): nothing was undone or redone there. Start a new version to change the plan."
        )
        return False

    @staticmethod
    def _record_ids(record: Hashable) -> tuple[int, int] | None:
        """(case id, plan id) an undo command names."""
        if isinstance(record, tuple) and len(record) == 2 and all(isinstance(x, int) for x in record):
            return record[0], record[1]
        return None

    def _ensure_record(self, record: Hashable) -> bool:
        ids = self._record_ids(record)
        return ids is not None and self._ensure(*ids)

    def apply_text(self, record: Hashable, key: str, text: str) -> bool:
        if not self._ensure_record(record):
            return False
        self._loading = True
        try:
            self.fields.set_text(key, text)
        finally:
            self._loading = False
        self._texts[key] = text
        self.tables.reveal(self.fields.widget(key))
        self._changed()
        return True

    def apply_row(self, record: Hashable, table: str, row: int, content: Any) -> bool:
        return self._ensure_record(record) and self.tables.replace(table, row, content) and self._changed()

    def apply_insert_row(self, record: Hashable, table: str, row: int, content: Any) -> bool:
        return self._ensure_record(record) and self.tables.insert(table, row, content) and self._changed()

    def apply_remove_row(self, record: Hashable, table: str, row: int) -> bool:
        return self._ensure_record(record) and self.tables.remove(table, row) and self._changed()

    def apply_move_row(self, record: Hashable, table: str, source: int, target: int) -> bool:
        if not self._ensure_record(record) or not 0 <= source < self.tables.models[table].rowCount():
            return False
        item = self.tables.models[table].item(source)
        moved = self.tables.remove(table, source) and self.tables.insert(table, target, item)
        return moved and self._changed()

    def apply_record(self, record: Hashable, content: Any) -> bool:
        if not self._ensure_record(record) or not isinstance(content, CarePlan):
            return False
        self._fill(content)
        return self._changed()
