"""The conference workspace the main window embeds: pick or create a conference, edit it, run it."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mdtboard.services.context import Services


class ConferenceWorkspace(QWidget):
    """Conferences (upcoming and past), the open conference's details, attendance, agenda and live input.

    Signals:
        status_message(str): something to show in the status bar, e.g. "Saved 14:02:31".
        conference_opened(int): a conference (its id) was opened.
        open_case_requested(int): the user asked to open this case (its id) in the case editor.
    """

    status_message = Signal(str)
    conference_opened = Signal(int)
    open_case_requested = Signal(int)

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo_stack = undo_stack
        self._settings = settings
        self._conf_id: int | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Conferences"))

    def open_conference(self, conf_id: int) -> None:
        """Show the conference ``conf_id``."""
        self._conf_id = conf_id
        self.conference_opened.emit(conf_id)

    def new_conference(self) -> None:
        """Create a conference (next weekday at 13:00 by default) and open it for editing."""

    def next_case(self) -> None:
        """Move the live input to the next case on the agenda."""

    def previous_case(self) -> None:
        """Move the live input to the previous case on the agenda."""

    def flush(self) -> bool:
        """Save anything pending now; False when a save failed (the text stays on screen)."""
        return True

    def current_conference_id(self) -> int | None:
        return self._conf_id
