"""Restricted passages in the disciplines' live input: select words in a discipline's assessment or
recommendations and press Ctrl+Shift+R (the key the case editor uses) to restrict them, asking who holds
them; the same key on a marked passage unrestricts it. Both are undoable with the window's Ctrl+Z.

The passage is kept with the case's restricted passages (its field an input pointer,
:func:`mdtboard.domain.privacy.input_pointer`), so the big screen, the key facts, papers, minutes and FHIR
withhold its words wherever they occur, also where they were copied into the care plan. In the panels it
stays whole and highlighted, as in the case editor. If the typist edits inside a marked passage, the whole
field is withheld on shared surfaces until the passage is marked again, and the status bar says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QShortcut, QUndoCommand
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from mdtboard.domain.case import Case, Discipline, RestrictedPassage
from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.privacy import INPUT_FIELDS, input_passages, input_pointer
from mdtboard.ui import ops
from mdtboard.ui.cases.restricted import RESTRICT_KEYS, PassageDialog, highlight, passage_at

if TYPE_CHECKING:
    from mdtboard.ui.conference.controller import ConferenceController
    from mdtboard.ui.conference.discipline_panel import DisciplinePanel


class PassageCommand(QUndoCommand):
    """Restrict (or, with ``restrict`` False, unrestrict) one passage of a discipline's input; undo does
    the opposite."""

    def __init__(
        self, marks: InputPassages, case_id: int, passage: RestrictedPassage, restrict: bool
    ) -> None:
        verb = "Restrict" if restrict else "Unrestrict"
        super().__init__(f"{verb} a passage of the {passage.field.split('/')[3]} input")
        self.marks = marks
        self.case_id = case_id
        self.passage = passage
        self.restrict = restrict

    def redo(self) -> None:
        self.marks.store(self.case_id, self.passage, restrict=self.restrict)

    def undo(self) -> None:
        self.marks.store(self.case_id, self.passage, restrict=not self.restrict)


class InputPassages(QObject):
    """Marks, unmarks and highlights restricted passages in the discussion's discipline panels.

    Signals:
        message(str): something for the status bar.
    """

    message = Signal(str)

    def __init__(
        self,
        controller: ConferenceController,
        panels: dict[Discipline, DisciplinePanel],
        scope: QWidget,
    ) -> None:
        super().__init__(scope)
        self._controller = controller
        self._panels = panels
        self._case_id: int | None = None
        self._item_id: int | None = None
        self._passages: list[RestrictedPassage] = []
        self._warned: set[str] = set()
        self.dialog: PassageDialog | None = None
        shortcut = QShortcut(RESTRICT_KEYS, scope)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.mark_selection)
        for panel in panels.values():
            for edit in self._edits(panel).values():
                edit.textChanged.connect(self.refresh)

    @staticmethod
    def _edits(panel: DisciplinePanel) -> dict[str, QPlainTextEdit]:
        return {"assessment": panel.ui.assessmentEdit, "recommendations": panel.ui.recommendationsEdit}

    def show_case(self, case: Case | None, item_id: int | None) -> None:
        """The case under discussion (as stored, passages whole) and its agenda item."""
        if case is None or case.id != self._case_id or item_id != self._item_id:
            self._warned.clear()
        self._case_id = None if case is None else case.id
        self._item_id = item_id
        self._passages = list(case.restricted_passages or []) if case is not None else []
        self.refresh()

    def passages(self) -> list[RestrictedPassage]:
        return list(self._passages)

    def refresh(self) -> None:
        """Highlight every marked passage in its field; say once when one was edited away."""
        for discipline, panel in self._panels.items():
            for name, edit in self._edits(panel).items():
                marked = input_passages(self._passages, self._item_id, discipline.value, name)
                missing = highlight(edit, marked)
                pointer = input_pointer(self._item_id or 0, discipline.value, name)
                if missing and pointer not in self._warned and edit.toPlainText().strip():
                    self._warned.add(pointer)
                    self.message.emit(
                        f"A restricted passage in the {discipline.label.lower()} {name} was changed: the "
                        "big screen and papers withhold that whole field until you select the passage "
                        "and press Ctrl+Shift+R again"
                    )
                elif not missing:
                    self._warned.discard(pointer)

    def _focused(self) -> tuple[Discipline, str, QPlainTextEdit] | None:
        widget = QApplication.focusWidget()
        for discipline, panel in self._panels.items():
            for name, edit in self._edits(panel).items():
                if edit is widget:
                    return discipline, name, edit
        return None

    def mark_selection(self) -> None:
        """Ctrl+Shift+R: restrict the selected words of a discipline's input, or unrestrict a marked one."""
        focused = self._focused()
        if focused is None or self._case_id is None or self._item_id is None:
            self.message.emit(
                "To restrict a passage of the team's input, select its words in a discipline's assessment "
                "or recommendations, then press Ctrl+Shift+R"
            )
            return
        discipline, name, edit = focused
        pointer = input_pointer(self._item_id, discipline.value, name)
        cursor = edit.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        marked = passage_at(self._passages, pointer, edit.toPlainText(), start, end)
        case_id = self._case_id
        if marked is not None:
            self._controller.undo_stack.push(PassageCommand(self, case_id, marked, restrict=False))
            return
        selected = cursor.selection().toPlainText().strip()
        if not selected:
            self.message.emit("Select the words to restrict first, then press Ctrl+Shift+R")
            return
        field = f"{discipline.label} {name}"
        dialog = PassageDialog(selected, field, edit)
        dialog.hold_for(discipline.label.lower())
        self.dialog = dialog

        def accepted() -> None:
            passage = RestrictedPassage(pointer, selected, dialog.held_by(), dialog.note_text())
            self._controller.undo_stack.push(PassageCommand(self, case_id, passage, restrict=True))

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: edit.setFocus(Qt.FocusReason.OtherFocusReason))
        dialog.open()

    def store(self, case_id: int, passage: RestrictedPassage, *, restrict: bool) -> None:
        """Save the change on the writer thread; views showing the case read it again once it is stored."""
        # Shown at once in the panel; the saved case replaces this when it comes back.
        if case_id == self._case_id:
            if restrict and passage not in self._passages:
                self._passages.append(passage)
            elif not restrict:
                self._passages = [p for p in self._passages if p != passage]
            self.refresh()
        service = self._controller.services.cases
        holder = passage.held_by

        def work() -> Case:
            if restrict:
                return service.restrict_passage(case_id, passage)
            return service.unrestrict_passage(case_id, passage)

        def stored(case: Case) -> None:
            if case.id == self._case_id:
                self._passages = list(case.restricted_passages or [])
                self.refresh()
            self._controller.case_edited.emit(case_id)
            self.message.emit(
                f"Passage restricted, held by {holder}: shown only to the typist here and in the case "
                "editor, “[restricted]” on the big screen and papers"
                if restrict
                else "Passage no longer restricted"
            )

        def failed(error: MdtboardError) -> None:
            self.message.emit(f"The passage was not {'restricted' if restrict else 'unrestricted'}: {error}")

        ops.write(work, parent=self, success=stored, failure=failed, label="restricted passage")


__all__ = ["INPUT_FIELDS", "InputPassages", "PassageCommand"]
