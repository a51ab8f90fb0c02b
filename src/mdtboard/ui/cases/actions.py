"""The case entries of the main window's File menu: New case… (Ctrl+N).

:func:`install_case_actions` adds them at the top of the File menu. Only PySide6 is imported here; the
dialog and the services are imported when an entry is first used, so the program starts as quickly as
before.

Ctrl+N is New case everywhere but in a care-plan table, where it keeps adding a row (the table takes the
key before the window does).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from mdtboard.ui.cases.new_case import NewCaseDialog

#: The main window's page index of the case editor (see main_window: library, case, conference).
CASE_PAGE = 1


class CaseActions(QObject):
    """The case entries of the File menu of a main window, which offers ``services``, ``editor``,
    ``library``, ``workspace``, ``show_page`` and ``show_status``."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window: Any = window
        self.new_case_dialog: NewCaseDialog | None = None
        menu = window.ui.menuFile  # type: ignore[attr-defined]
        first = menu.actions()[0] if menu.actions() else None
        self.action_new = QAction("&New case…", menu)
        self.action_new.setObjectName("actionNewCase")
        self.action_new.setShortcuts([QKeySequence("Ctrl+N")])  # not setShortcut: see main_window
        self.action_new.setStatusTip("A blank case in the editor, stored once the patient's name is typed")
        menu.insertAction(first, self.action_new)
        menu.insertSeparator(first)
        window.addAction(self.action_new)
        self.action_new.triggered.connect(self.new_case)
        self.set_enabled(False)
        window.services_ready.connect(lambda: self.set_enabled(True))  # type: ignore[attr-defined]

    def set_enabled(self, enabled: bool) -> None:
        self.action_new.setEnabled(enabled)

    # -- New case
    def in_training(self) -> bool:
        """True when a training conference is open (in the conference workspace or the training window)."""
        from mdtboard.domain.conference import ConferenceMode

        workspace = getattr(self.window, "workspace", None)
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
        if editor is None or not editor.new_case(blank_case(ref, fictional)):
            self.window.show_status("The open case could not be saved: no new case was opened.")
            return False
        self.window.show_page(CASE_PAGE)
        self.window.activateWindow()  # back from the dialog, with the cursor in the patient's name
        editor.focus_name()
        kind = "fictional case" if fictional else "case of a real patient"
        self.window.show_status(f"New {kind} {ref}: type the patient's name; it is stored from then on.")
        return True


def install_case_actions(window: QMainWindow) -> CaseActions:
    return CaseActions(window)
