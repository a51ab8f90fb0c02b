"""The case entries of the main window's File menu: New case… (Ctrl+N), Duplicate case…, Archive case (or
Restore case) and Delete case…, and the same for the case library's buttons and context menu.

:func:`install_case_actions` adds them at the top of the File menu. Only PySide6 is imported here; the
dialog and the services are imported when an entry is first used, so the program starts as quickly as
before. Duplicate, archive and delete act on the case open in the case editor when the editor is shown,
else on the case selected in the library (see :mod:`mdtboard.ui.cases.keeping`).

Ctrl+N is New case everywhere but in a care-plan table, where it keeps adding a row (the table takes the
key before the window does).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from datetime import datetime

    from mdtboard.domain.case import CaseSummary
    from mdtboard.ui.cases.keeping import CaseKeeping
    from mdtboard.ui.cases.new_case import NewCaseDialog

#: The main window's page indexes of the case library and the case editor (see main_window).
LIBRARY_PAGE = 0
CASE_PAGE = 1


class CaseActions(QObject):
    """The case entries of the File menu of a main window, which offers ``services``, ``editor``,
    ``library``, ``workspace``, ``show_page`` and ``show_status``."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window: Any = window
        self.new_case_dialog: NewCaseDialog | None = None
        self.duplicate_dialog: NewCaseDialog | None = None
        self.keeping: CaseKeeping | None = None
        menu = window.ui.menuFile  # type: ignore[attr-defined]
        first = menu.actions()[0] if menu.actions() else None
        self.action_new = QAction("&New case…", menu)
        self.action_new.setObjectName("actionNewCase")
        self.action_new.setShortcuts([QKeySequence("Ctrl+N")])  # not setShortcut: see main_window
        self.action_new.setStatusTip("A blank case in the editor, stored once the patient's name is typed")
        self.action_duplicate = QAction("Du&plicate case…", menu)
        self.action_duplicate.setObjectName("actionDuplicateCase")
        self.action_duplicate.setStatusTip("A new case with the content of the open or selected case")
        self.action_archive = QAction("A&rchive or restore case", menu)
        self.action_archive.setObjectName("actionArchiveCase")
        self.action_archive.setStatusTip(
            "Hide the open or selected case from the library and the agenda's search (kept), or restore it"
        )
        self.action_delete = QAction("&Delete case…", menu)
        self.action_delete.setObjectName("actionDeleteCase")
        self.action_delete.setStatusTip("Delete the open or selected case, if it is in no conference")
        for action in (self.action_new, self.action_duplicate, self.action_archive, self.action_delete):
            menu.insertAction(first, action)
        menu.insertSeparator(first)
        window.addAction(self.action_new)
        self.action_new.triggered.connect(self.new_case)
        self.action_duplicate.triggered.connect(lambda: self.duplicate())
        self.action_archive.triggered.connect(lambda: self.archive())
        self.action_delete.triggered.connect(lambda: self.delete())
        menu.aboutToShow.connect(self._name_archive_entry)
        self.set_enabled(False)
        window.services_ready.connect(self._services_ready)  # type: ignore[attr-defined]

    def set_enabled(self, enabled: bool) -> None:
        for action in (self.action_new, self.action_duplicate, self.action_archive, self.action_delete):
            action.setEnabled(enabled)

    def _services_ready(self) -> None:
        from mdtboard.ui.cases.keeping import CaseKeeping

        window = self.window
        keeping = CaseKeeping(
            window.services.cases,
            window.undo_stack,
            window,
            close_case=self._close_case,
        )
        keeping.status_message.connect(window.show_status)
        keeping.changed.connect(self._case_changed)
        keeping.duplicated.connect(self._duplicated)
        keeping.brought_back.connect(self._brought_back)
        keeping.archived.connect(self._archived)
        self.keeping = keeping
        library = window.library
        if library is not None:
            library.duplicate_requested.connect(self.duplicate)
            library.archive_requested.connect(self.archive)
            library.delete_requested.connect(self.delete)
        self.set_enabled(True)

    def _close_case(
        self, case_id: int, then: Callable[[], object], refused: Callable[[str], object]
    ) -> bool:
        editor = self.window.built_editor  # the case editor is built when first shown: else nothing is open
        if editor is None:
            then()
            return True
        return editor.close_case(case_id, then, refused)

    def _archived(self, case_id: int, when: datetime | None) -> None:
        editor = self.window.built_editor
        if editor is not None:
            editor.set_archived_at(case_id, when)

    # -- New case
    def in_training(self) -> bool:
        """True when a training conference is open (in the conference workspace or the training window)."""
        from mdtboard.domain.conference import ConferenceMode

        workspace = getattr(self.window, "built_workspace", None)
        conference = getattr(getattr(workspace, "controller", None), "conference", None)
        if conference is not None and conference.mode is ConferenceMode.TRAINING:
            return True
        training = getattr(getattr(self.window, "training_menu", None), "training_window", None)
        return training is not None and training.isVisible()

    def new_case(self) -> NewCaseDialog | None:
        """Ask for the kind and the reference of a new case, then open it in the case editor."""
        services = self.window.services
        if services is None or self.window.editor is None:
            return None
        from mdtboard.ui.cases.new_case import NewCaseDialog

        dialog = NewCaseDialog(services.cases, training=self.in_training(), parent=self.window)
        dialog.case_chosen.connect(self.open_new_case)
        self.new_case_dialog = dialog
        self.window.last_dialog = dialog
        dialog.open()
        return dialog

    def open_new_case(self, ref: str, fictional: bool) -> bool:
        from mdtboard.domain.case_refs import blank_case

        editor = self.window.editor
        if editor is None:
            return False

        def opened() -> None:  # once the open case is saved (queued, not waited for)
            self.window.show_page(CASE_PAGE)
            self.window.activateWindow()  # back from the dialog, with the cursor in the patient's name
            editor.focus_name()
            kind = "fictional case" if fictional else "case of a real patient"
            self.window.show_status(f"New {kind} {ref}: type the patient's name; it is stored from then on.")

        return editor.new_case(blank_case(ref, fictional), then=opened)

    # -- the open or selected case: duplicate, archive or restore, delete
    def target(self) -> CaseSummary | None:
        """The case the File menu's entries act on: the one open in the case editor when the editor is
        shown, else the one selected in the library."""
        window = self.window
        editor = window.built_editor
        if window.current_page() == CASE_PAGE and editor is not None:
            case = editor.saved_case
            if case is None or case.id is None:
                window.show_status(
                    "Open a case first (a new case is stored once its patient's name is typed)."
                )
                return None
            from mdtboard.domain.case import CaseSummary

            return CaseSummary(
                case.id,
                case.ref,
                case.patient.display_name,
                case.title,
                case.fictional,
                case.updated_at,
                case.archived_at,
            )
        library = window.library
        if library is None:
            return None
        summary = library.current_summary()
        if summary is None:
            window.show_status("Select a case in the library first.")
        return summary

    def _name_archive_entry(self) -> None:
        """The File menu says Archive or Restore for the case it would act on."""
        window = self.window
        summary = None
        if window.current_page() == CASE_PAGE and window.editor is not None:
            case = window.editor.saved_case
            archived = case is not None and case.archived_at is not None
        else:
            summary = window.library.current_summary() if window.library is not None else None
            archived = summary is not None and summary.archived_at is not None
        self.action_archive.setText("&Restore case to the library" if archived else "A&rchive case")

    def duplicate(self, source: CaseSummary | None = None) -> NewCaseDialog | None:
        """Ask for the reference and the kind of a copy of ``source`` (the open or selected case)."""
        source = source or self.target()
        services = self.window.services
        if source is None or services is None or self.keeping is None:
            return None
        from mdtboard.ui.cases.new_case import NewCaseDialog

        dialog = NewCaseDialog(services.cases, training=self.in_training(), source=source, parent=self.window)
        keeping = self.keeping
        dialog.case_chosen.connect(lambda ref, fictional: keeping.duplicate(source, ref, fictional))
        self.duplicate_dialog = dialog
        self.window.last_dialog = dialog
        dialog.open()
        return dialog

    def archive(self, summary: CaseSummary | None = None, archived: bool | None = None) -> None:
        """Archive the open or selected case, or restore it when it is archived."""
        summary = summary or self.target()
        if summary is None or self.keeping is None:
            return
        self.keeping.set_archived(summary, summary.archived_at is None if archived is None else archived)

    def delete(self, summary: CaseSummary | None = None) -> None:
        summary = summary or self.target()
        if summary is None or self.keeping is None:
            return
        self.keeping.delete(summary)

    def _case_changed(self, case_id: int) -> None:
        window = self.window
        editor = window.built_editor
        if editor is not None and window.current_page() == CASE_PAGE and editor.saved_case is None:
            window.show_page(LIBRARY_PAGE)  # the case shown was deleted
        if window.library is not None:
            window.library.refresh()

    def _duplicated(self, copy_id: int, source_ref: str) -> None:
        window = self.window
        if window.library is not None:
            window.library.show_when_refreshed(copy_id)
            window.library.refresh()
        window.activateWindow()  # back from the dialog, with the cursor in the editor (once opened)
        window.open_case(copy_id, then=lambda: self._copy_shown(copy_id, source_ref))

    def _copy_shown(self, copy_id: int, source_ref: str) -> None:
        editor = self.window.editor
        if editor is not None and editor.saved_case is not None and editor.saved_case.id == copy_id:
            copy = editor.saved_case
            kind = "fictional case" if copy.fictional else "case of a real patient"
            self.window.show_status(
                f"New {kind} {copy.ref}, a copy of {source_ref} (the disciplines' inputs were not copied)."
            )

    def _brought_back(self, case_id: int) -> None:
        window = self.window
        if window.library is None:
            return
        def told(note: str) -> None:
            if note:
                window.show_status(f"{window.ui.statusbar.currentMessage()} {note}")

        window.library.reveal_cases([case_id], what="the case brought back", done=told)


def install_case_actions(window: QMainWindow) -> CaseActions:
    return CaseActions(window)
