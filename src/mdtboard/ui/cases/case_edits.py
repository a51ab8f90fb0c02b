"""Editing a case in the case editor: typed fields and table cells become steps on the window's undo stack
(the shared commands of :mod:`mdtboard.ui.editing.commands`), rows are added and removed, the daily amount
of a medicine is offered, the undo commands apply their changes here (the case opened first, in the
background, by :mod:`mdtboard.ui.editing.undo_queue`), and
passages are marked restricted.

:class:`CaseEditing` is a part of :class:`~mdtboard.ui.cases.editor.CaseEditor` (a mixin); what it takes
from the editor is declared below, under ``TYPE_CHECKING``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QTableWidgetItem,
)

from mdtboard.domain.case import Case, RestrictedPassage
from mdtboard.domain.dosing import daily_amount
from mdtboard.domain.errors import NotFoundError
from mdtboard.services.context import Services
from mdtboard.ui import ops as ops_module
from mdtboard.ui.cases.form import (
    MED_AMOUNT_COLUMN,
    MED_MME_COLUMN,
    MED_UNIT_COLUMN,
    TABLES,
    CaseForm,
)
from mdtboard.ui.cases.medication_entry import (
    COMPUTED_ROLE,
    amount_text,
)
from mdtboard.ui.cases.restricted import (
    TEXT_POINTERS,
    PassageDialog,
    PassagesCommand,
    passage_at,
)
from mdtboard.ui.editing.commands import FieldEdit, RowInsert, RowRemove
from mdtboard.ui.editing.part import EditorPart
from mdtboard.ui.editing.session import RecordSession
from mdtboard.ui.editing.steps import Steps
from mdtboard.ui.editing.undo_queue import opening_shown
from mdtboard.ui.forms.ui_case_editor import Ui_CaseEditor


class CaseEditing(EditorPart):
    """Edits, rows, restricted passages and the undo commands' side of the case editor."""

    if TYPE_CHECKING:  # provided by the editor
        ui: Ui_CaseEditor
        form: CaseForm
        session: RecordSession
        status_message: Any
        passage_dialog: PassageDialog | None
        _undo: QUndoStack
        _saved: Case | None
        _stored_drafts: dict[int, int]
        _texts: dict[str, str]
        _loading: bool
        _passages: list[RestrictedPassage] | None
        _edit_count: int
        _opening: int
        _services: Services
        _fill_steps: Steps

        def open_case(self, case_id: int, *, then: Callable[[], object] | None = None) -> bool: ...
        def _case_key(self) -> int: ...
        def _show_record(self, case: Case) -> None: ...
        def _refresh(self, key: str | None = None) -> None: ...

    # -- editing
    def _edited(self, key: str) -> None:
        if self._loading or self._saved is None:
            return
        new = self.form.text(key)
        old = self._texts.get(key, "")
        if new == old:
            return
        self._texts[key] = new
        self._undo.push(FieldEdit(self, self._case_key(), key, self._label(key), old, new))
        self._changed(key)

    def _cell_edited(self, table: str, item: QTableWidgetItem) -> None:
        if self._loading or self._saved is None or (
            table == "medicationsTable" and item.column() == MED_MME_COLUMN
        ):
            return
        key = f"{table}/{item.row()}/{item.column()}"
        dose_part = table == "medicationsTable" and item.column() in (0, 1, 3)
        if dose_part and self.form.text(key) != self._texts.get(key, ""):
            self._undo.beginMacro(f"Edit {self._label(key)}")
            try:
                self._edited(key)
                self._offer_daily_amount(item.row())
            finally:
                self._undo.endMacro()
            return
        self._edited(key)

    def _offer_daily_amount(self, row: int) -> None:
        """Fill the daily amount from dose x frequency, unless the person typed one (theirs is kept)."""
        table = self.ui.medicationsTable
        key = f"medicationsTable/{row}/{MED_AMOUNT_COLUMN}"
        unit_key = f"medicationsTable/{row}/{MED_UNIT_COLUMN}"
        current = self.form.text(key).strip()
        cell = table.item(row, MED_AMOUNT_COLUMN)
        computed = cell.data(COMPUTED_ROLE) if cell is not None else None
        if current and current != computed:
            return
        name, dose, frequency = (self.form.text(f"medicationsTable/{row}/{c}") for c in (0, 1, 3))
        found = daily_amount(name, dose, frequency)
        if found is None:
            if current and current == computed:  # the dose or frequency no longer gives an amount
                self.form.set_text(key, "")
                self.form.set_text(unit_key, "")
            return
        text = amount_text(found.amount)
        self.form.set_text(key, text)
        self.form.set_text(unit_key, found.unit)
        cell = table.item(row, MED_AMOUNT_COLUMN)
        if cell is not None:
            cell.setData(COMPUTED_ROLE, text)
            cell.setToolTip(f"Worked out from dose x frequency: {found.how}. Type an amount to change it.")

    def _label(self, key: str) -> str:
        if "/" in key:
            table, row, column = key.split("/")
            return f"{TABLES[table][1][int(column)].lower()} in row {int(row) + 1}"
        widget = self.form.widget(key)
        return widget.accessibleName().lower() or key

    def _changed(self, key: str | None = None) -> None:
        self._edit_count += 1
        self.session.touch()
        self._refresh(key)

    def add_row(self, table: str) -> None:
        if self._saved is None:
            return
        widget = self.form.tables[table]
        row = widget.rowCount()
        texts = [""] * widget.columnCount()
        self._undo.push(RowInsert(self, self._case_key(), table, row, texts))
        widget.setCurrentCell(row, 0)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        item = widget.item(row, 0)
        if item is not None:
            widget.editItem(item)

    def remove_row(self, table: str) -> None:
        widget = self.form.tables[table]
        row = widget.currentRow()
        if self._saved is None or row < 0:
            return
        texts = self.form.row_texts(table, row)
        self._undo.push(RowRemove(self, self._case_key(), table, row, texts))

    # -- what the undo commands call (each False when the case is not shown: the undo queue opens it first)
    def _case_of(self, key: Hashable) -> int | None:
        return self._stored_drafts.get(key, key) if isinstance(key, int) else None

    def shows(self, record: Hashable) -> bool:
        """Whether the case an undo command names is the one shown (see :mod:`..editing.undo_queue`)."""
        case_id = self._case_of(record)
        return case_id is not None and self._saved is not None and self._case_key() == case_id

    def show_record(
        self, record: Hashable, shown: Callable[[], None], failed: Callable[[str, bool], None]
    ) -> None:
        """Open the case an undo or redo applies to, in the background; ``shown()`` once it is shown, else
        ``failed(why, gone)`` (the database does not answer, the case shown cannot be saved, another case
        was opened meanwhile; ``gone``: the case does not exist any more, asked on the reader then)."""
        case_id = self._case_of(record)
        if case_id is None or case_id < 0:
            failed("that case was never stored and is closed.", True)
            return
        cases = self._services.cases

        def not_opened(why: str) -> None:
            ops_module.read(lambda: cases.get(case_id), parent=self, label="whether a case still exists",
                            success=lambda _case: failed(why, False),
                            failure=lambda error: failed(why, isinstance(error, NotFoundError)))

        opening_shown(self, lambda then: self.open_case(case_id, then=then), lambda: self._opening,
                      shown, not_opened, what="the case")

    def _ensure_open(self, key: Hashable) -> bool:
        if not self.shows(key):
            return False
        self._fill_steps.finish(fields_only=True)  # a case being shown: every field filled first
        return True

    def apply_text(self, case_id: Hashable, key: str, text: str) -> bool:
        if not self._ensure_open(case_id):
            return False
        self._loading = True
        try:
            self.form.set_text(key, text)
        finally:
            self._loading = False
        self._texts[key] = text
        self.reveal(key)
        self._changed(key)
        return True

    def apply_insert_row(self, case_id: Hashable, table: str, row: int, content: Any) -> bool:
        if not self._ensure_open(case_id):
            return False
        self._loading = True
        try:
            self.form.insert_row(table, row, list(content))
        finally:
            self._loading = False
        self._texts = self.form.snapshot()
        self.reveal(f"{table}/{row}/0")
        self._changed()
        return True

    def apply_remove_row(self, case_id: Hashable, table: str, row: int) -> bool:
        if not self._ensure_open(case_id):
            return False
        self.form.remove_row(table, row)
        self._texts = self.form.snapshot()
        self.reveal(table)
        self._changed()
        return True

    def apply_move_row(self, case_id: Hashable, table: str, source: int, target: int) -> bool:
        if not self._ensure_open(case_id):
            return False
        content = self.form.row_texts(table, source)
        self.form.remove_row(table, source)
        return self.apply_insert_row(case_id, table, target, content)

    def apply_record(self, case_id: Hashable, content: Any) -> bool:
        if not self._ensure_open(case_id) or not isinstance(content, Case):
            return False
        self._show_record(content)
        self.session.touch()
        return True

    def focus_first_field(self) -> None:
        """Put the cursor in the first field of the ISBAR part shown."""
        page = self.ui.isbarTabs.currentWidget()
        if page is None:
            return
        for key in self.form.scalar_keys():
            widget = self.form.widget(key)
            if page.isAncestorOf(widget):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def focus_name(self) -> None:
        """Put the cursor in the patient's name (Identify part)."""
        self.reveal("nameEdit")
        self.ui.nameEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def reveal(self, key: str) -> None:
        """Bring the tab holding a field to the front."""
        widget = self.form.widget(key)
        tabs = self.ui.isbarTabs
        for index in range(tabs.count()):
            page = tabs.widget(index)
            if page is not None and page.isAncestorOf(widget):
                tabs.setCurrentIndex(index)
                break

    # -- restricted passages
    def mark_selection(self) -> None:
        """Ctrl+Shift+R: restrict the words selected in a free-text field (asking who holds them), or,
        on a passage already restricted, unrestrict it."""
        if self._saved is None:
            return
        widget = QApplication.focusWidget()
        key = next((k for k in TEXT_POINTERS if self.form.widget(k) is widget), None)
        if key is None or not isinstance(widget, QPlainTextEdit):
            self.status_message.emit(
                "To restrict a passage, select its words in the one-liner, the question, the complaint, "
                "the pain history or the psychosocial history, then press Ctrl+Shift+R"
            )
            return
        pointer = TEXT_POINTERS[key]
        cursor = widget.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        marked = passage_at(self._passages or [], pointer, widget.toPlainText(), start, end)
        if marked is not None:
            self.unmark_passage(marked)
            return
        selected = cursor.selection().toPlainText().strip()
        if not selected:
            self.status_message.emit("Select the words to restrict first, then press Ctrl+Shift+R")
            return
        dialog = PassageDialog(selected, self._label(key), self)
        self.passage_dialog = dialog
        dialog.accepted.connect(
            lambda: self.mark_passage(key, selected, dialog.held_by(), dialog.note_text())
        )
        dialog.finished.connect(lambda _result: widget.setFocus(Qt.FocusReason.OtherFocusReason))
        dialog.open()

    def mark_passage(self, key: str, text: str, held_by: str, note: str | None = None) -> None:
        """Restrict ``text`` of the field ``key`` (undoable; saved like any edit)."""
        if self._saved is None or not text or text not in self.form.text(key):
            return
        passage = RestrictedPassage(TEXT_POINTERS[key], text, held_by, note)
        old = self._passages
        self._undo.push(
            PassagesCommand(self, self._case_key(), old, [*(old or []), passage], "Restrict a passage")
        )
        self.status_message.emit(
            f"Passage restricted, held by {held_by}: shown only in the case editor, "
            "“[restricted]” everywhere else"
        )

    def unmark_passage(self, passage: RestrictedPassage) -> None:
        if self._saved is None or self._passages is None:
            return
        new = [p for p in self._passages if p != passage]
        self._undo.push(
            PassagesCommand(self, self._case_key(), self._passages, new, "Unrestrict a passage")
        )
        self.status_message.emit(
            f"Passage no longer restricted (was held by {passage.held_by}); Ctrl+Z undoes"
        )

    def apply_passages(self, case_id: int, passages: list[RestrictedPassage] | None) -> None:
        if not self._ensure_open(case_id):
            return
        self._passages = list(passages) if passages is not None else None
        self._changed()
