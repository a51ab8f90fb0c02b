"""Duplicating, archiving, restoring and deleting cases, from the case library and the File menu.

Every database call runs on the operations' threads (:mod:`mdtboard.ui.ops`), never on the GUI thread.
Deleting is asked first, after checking that no conference, care plan or teaching review uses the case
(if one does, the person is told which and offered to archive the case instead). A deletion is a step on
the window's undo stack (:class:`DeleteCaseCommand`): the deleted case is kept in memory, as it was, while
the program runs, and Undo (Ctrl+Z, Edit > Undo) puts it back with its id and reference; Redo deletes it
again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from mdtboard.domain.case import Case, CaseSummary
from mdtboard.domain.case_keeping import CaseInUseError, CaseUsage, delete_refusal
from mdtboard.domain.errors import MdtboardError
from mdtboard.services.cases import CaseService
from mdtboard.ui import ops
from mdtboard.ui.dialogs import ask, show_error


def delete_question(summary: CaseSummary) -> str:
    return (
        f"Delete case {summary.ref} ({summary.display_name})?\n\n"
        "It is in no conference and has no care plan. Edit > Undo (Ctrl+Z) brings it back until mdtboard "
        "is closed; after that it is gone for good. To hide a case but keep it, archive it instead.\n\n"
        "Y deletes it; Enter or Esc keeps it."
    )


class DeleteCaseCommand(QUndoCommand):
    """A case deleted: undo puts it back as it was (``case``), redo deletes it again. Made once the case
    has been deleted, so its first redo does nothing. A step that fails is reported and the command made
    obsolete (the stack then drops it)."""

    def __init__(self, keeping: CaseKeeping, case: Case) -> None:
        super().__init__(f"Delete case {case.ref}")
        self.keeping = keeping
        self.case = case
        self._first = True
        self.failed = False

    def redo(self) -> None:
        if self._first or self.failed:
            self._first = False
            return
        self.keeping.delete_again(self)

    def undo(self) -> None:
        if not self.failed:
            self.keeping.bring_back(self)

    def fail(self, message: str) -> None:
        self.failed = True
        self.setObsolete(True)
        self.keeping.report(message)


class CaseKeeping(QObject):
    """Duplicate, archive, restore and delete cases (with undo).

    ``close_case(id, then, refused)`` is called before a case is deleted, to close it in the case editor
    once what is typed in it is saved (queued, not waited for); ``then()`` deletes it, ``refused(why)``
    runs instead when that save failed (the case is then not deleted).

    Signals:
        duplicated(int, str): a copy was stored (its id) from the case with this reference.
        changed(int): this case (its id) was archived, restored, deleted or brought back (not a copy).
        archived(int, object): this case (its id) was archived (the time) or restored (None).
        brought_back(int): this deleted case (its id) was put back (undo).
        status_message(str): a line for the status bar.
    """

    duplicated = Signal(int, str)
    changed = Signal(int)
    archived = Signal(int, object)
    brought_back = Signal(int)
    status_message = Signal(str)

    def __init__(
        self,
        cases: CaseService,
        undo_stack: QUndoStack,
        window: QWidget,
        *,
        close_case: Callable[[int, Callable[[], object], Callable[[str], object]], object] | None = None,
    ) -> None:
        super().__init__(window)
        self._cases = cases
        self._undo = undo_stack
        self._window = window
        self._close_case = close_case or _close_nothing
        self.last_dialog: QWidget | None = None

    def report(self, message: str) -> None:
        self.status_message.emit(message)
        self._show_error("Case not changed", message)

    def _show_error(self, title: str, message: str) -> None:
        box = show_error(self._window, title, message)
        box.finished.connect(lambda _r: self._back_to_window())
        self.last_dialog = box

    def _back_to_window(self) -> None:
        """The keyboard back where it was in the window once a message is answered."""
        self._window.activateWindow()

    # -- duplicate
    def duplicate(self, source: CaseSummary, ref: str, fictional: bool) -> ops.Op[Case]:
        cases = self._cases

        def done(copy: Case) -> None:
            assert copy.id is not None
            self.duplicated.emit(copy.id, source.ref)

        return ops.write(
            lambda: cases.duplicate(source.id, ref=ref, fictional=fictional),
            parent=self,
            success=done,
            failure=lambda exc: self.report(f"Case {source.ref} was not duplicated: {exc}"),
            label="duplicate case",
        )

    # -- archive and restore
    def set_archived(self, summary: CaseSummary, archived: bool) -> ops.Op[Case]:
        cases = self._cases

        def done(case: Case) -> None:
            assert case.id is not None
            self.archived.emit(case.id, case.archived_at)
            self.changed.emit(case.id)
            if archived:
                self.status_message.emit(
                    f"Case {case.ref} archived: it is hidden from the library and the agenda's search and "
                    "kept; Show: Archived cases lists it, and Restore brings it back."
                )
            else:
                self.status_message.emit(
                    f"Case {case.ref} restored: the library and the agenda list it again."
                )

        return ops.write(
            (lambda: cases.archive(summary.id)) if archived else (lambda: cases.unarchive(summary.id)),
            parent=self,
            success=done,
            failure=lambda exc: self.report(
                f"Case {summary.ref} was not {'archived' if archived else 'restored'}: {exc}"
            ),
            label="archive case" if archived else "restore case",
        )

    # -- delete, undo, redo
    def delete(self, summary: CaseSummary) -> ops.Op[CaseUsage]:
        """Check what uses the case; then refuse (offering to archive it) or ask whether to delete it."""
        cases = self._cases
        return ops.read(
            lambda: cases.usage(summary.id),
            parent=self,
            success=lambda usage: self._asked(summary, usage),
            failure=lambda exc: self.report(f"Case {summary.ref} was not deleted: {exc}"),
            label="case usage",
        )

    def _asked(self, summary: CaseSummary, usage: CaseUsage) -> None:
        if usage.used:
            self._refuse(summary, usage)
            return
        self.last_dialog = ask(
            self._window,
            "Delete case?",
            delete_question(summary),
            lambda yes: self._answered(yes, lambda: self._delete_now(summary)),
            default_yes=False,
        )

    def _refuse(self, summary: CaseSummary, usage: CaseUsage) -> None:
        reason = delete_refusal(summary.ref, usage, archived=summary.archived_at is not None) or ""
        self.status_message.emit(f"Case {summary.ref} was not deleted: it is used (see the message).")
        if summary.archived_at is not None:
            self._show_error("Case cannot be deleted", reason)
            return
        self.last_dialog = ask(
            self._window,
            "Case cannot be deleted",
            f"{reason}\n\nArchive case {summary.ref} now?",
            lambda yes: self._answered(yes, lambda: self.set_archived(summary, True)),
        )

    def _answered(self, yes: bool, then: Callable[[], object]) -> None:
        self._back_to_window()
        if yes:
            then()

    def _delete_now(self, summary: CaseSummary) -> None:
        self._close_case(
            summary.id, lambda: self._delete(summary),
            lambda why: self.report(
                f"Case {summary.ref} was not deleted: what you typed in it could not be saved first ({why})."
            ),
        )

    def _delete(self, summary: CaseSummary) -> ops.Op[Case]:
        """Delete the case (closed in the case editor, after the save of what was typed in it)."""
        cases = self._cases

        def done(case: Case) -> None:
            self._undo.push(DeleteCaseCommand(self, case))
            assert case.id is not None
            self.changed.emit(case.id)
            self.status_message.emit(
                f"Case {case.ref} deleted. Edit > Undo (Ctrl+Z) brings it back until mdtboard is closed."
            )

        return ops.write(
            lambda: cases.delete(summary.id),
            parent=self,
            success=done,
            failure=lambda exc: self._delete_failed(summary, exc),
            label="delete case",
        )

    def _delete_failed(self, summary: CaseSummary, exc: MdtboardError) -> None:
        if isinstance(exc, CaseInUseError):  # put on an agenda since it was checked
            self._refuse(summary, exc.usage)
        else:
            self.report(f"Case {summary.ref} was not deleted: {exc}")

    def bring_back(self, command: DeleteCaseCommand) -> ops.Op[Case]:
        cases = self._cases
        deleted = command.case

        def done(case: Case) -> None:
            assert case.id is not None
            where = " (archived: Show: Archived cases lists it)" if case.archived_at is not None else ""
            self.status_message.emit(f"Case {case.ref} brought back as it was{where}.")
            self.changed.emit(case.id)
            self.brought_back.emit(case.id)

        return ops.write(
            lambda: cases.undelete(deleted),
            parent=self,
            success=done,
            failure=lambda exc: command.fail(f"Case {deleted.ref} could not be brought back: {exc}"),
            label="undelete case",
        )

    def delete_again(self, command: DeleteCaseCommand) -> None:
        deleted = command.case
        assert deleted.id is not None
        self._close_case(
            deleted.id, lambda: self._delete_again(command),
            lambda why: command.fail(
                f"Case {deleted.ref} was not deleted again: what was typed in it could not be saved ({why})."
            ),
        )

    def _delete_again(self, command: DeleteCaseCommand) -> ops.Op[Case]:
        deleted = command.case
        assert deleted.id is not None
        case_id = deleted.id
        cases = self._cases

        def done(case: Case) -> None:
            command.case = case
            self.changed.emit(case_id)
            self.status_message.emit(f"Case {case.ref} deleted again.")

        return ops.write(
            lambda: cases.delete(case_id),
            parent=self,
            success=done,
            failure=lambda exc: command.fail(f"Case {deleted.ref} was not deleted again: {exc}"),
            label="delete case",
        )


def _close_nothing(_case_id: int, then: Callable[[], object], _refused: Callable[[str], object]) -> bool:
    """No case editor: nothing to close before deleting."""
    then()
    return True
