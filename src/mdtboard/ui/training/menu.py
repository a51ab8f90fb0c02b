"""The main window's Training menu.

:func:`install_training_menu` adds the menu (before Help) and owns what it opens: the training window and
the review dialogs of teaching cases. Only PySide6 is imported here; the views and the services are
imported when the menu is first used, so the program starts as quickly as before.

- Training window (Ctrl+Shift+T): teaching conferences, roles and readiness, scoring, debrief, progress,
  the programme.
- Make a teaching case from the open case…: de-identifies the case open in the case editor into a new
  draft and opens its review.
- Continue a teaching case review: the drafts still under review.

Every database call runs as a background operation (:mod:`mdtboard.ui.ops`): the draft is made on the
writer queue and its review opened when it is made; the drafts under review are read on the reader thread
when the submenu is about to show (it lists what was read last, then what is read now).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

if TYPE_CHECKING:
    from mdtboard.domain.errors import MdtboardError
    from mdtboard.services.context import Services
    from mdtboard.services.training import TeachingReview
    from mdtboard.ui.training.teaching_case import TeachingCaseDialog
    from mdtboard.ui.training.window import TrainingWindow


class TrainingMenu(QObject):
    """The Training menu of a main window, which offers ``services``, ``editor``, ``library`` and
    ``show_status`` (each may be missing; the menu then does less)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window: Any = window
        self.training_window: TrainingWindow | None = None
        self.review_dialog: TeachingCaseDialog | None = None
        self.reviews: list[TeachingReview] | None = None  # the drafts under review, as read last
        self._reviews_asked = 0
        self.menu = QMenu("&Training", window)
        self.menu.setObjectName("menuTraining")
        self.action_window = QAction("Training &window", self.menu)
        self.action_window.setShortcuts([QKeySequence("Ctrl+Shift+T")])  # not setShortcut: see main_window
        self.action_window.setStatusTip("Teaching conferences: roles, readiness, scoring, debrief, progress")
        self.action_make = QAction("&Make a teaching case from the open case…", self.menu)
        self.action_make.setStatusTip("A de-identified copy of the real case open in the editor, to review")
        self.reviews_menu = QMenu("&Continue a teaching case review", self.menu)
        self.menu.addAction(self.action_window)
        self.menu.addSeparator()
        self.menu.addAction(self.action_make)
        self.menu.addMenu(self.reviews_menu)
        help_menu = getattr(getattr(window, "ui", None), "menuHelp", None)
        bar = window.menuBar()
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            bar.addMenu(self.menu)
        self.action_window.triggered.connect(self.open_training_window)
        self.action_make.triggered.connect(lambda: self.make_teaching_case())
        self.reviews_menu.aboutToShow.connect(self._fill_reviews)
        self.set_enabled(False)
        services_ready = getattr(window, "services_ready", None)
        if services_ready is not None:
            services_ready.connect(lambda: self.set_enabled(True))
        window.installEventFilter(self)

    def set_enabled(self, enabled: bool) -> None:
        for action in (self.action_window, self.action_make, self.reviews_menu.menuAction()):
            action.setEnabled(enabled)

    @property
    def services(self) -> Services | None:
        services: Services | None = getattr(self.window, "services", None)
        return services

    def _status(self, text: str) -> None:
        show = getattr(self.window, "show_status", None)
        if show is not None:
            show(text)

    # -- the training window
    def open_training_window(self) -> TrainingWindow | None:
        services = self.services
        if services is None:
            return None
        if self.training_window is None:
            from mdtboard.ui.training.window import TrainingWindow

            self.training_window = TrainingWindow(services, self.window)
            self.training_window.status_message.connect(self._status)
            self.training_window.conference_created.connect(self._conference_created)
            people = getattr(self.window, "people", None)
            if people is not None:  # switching user on the meeting-room PC changes who scores
                people.signed_in.connect(self.training_window.signed_in_changed)
        if self.training_window.isVisible():  # open already, perhaps behind: bring it forward
            self.training_window.raise_()
        self.training_window.show()
        self.training_window.activateWindow()
        return self.training_window

    def _conference_created(self, _conf_id: int) -> None:
        """A conference made in the training window is listed in the main window's workspace at once."""
        workspace = getattr(self.window, "workspace", None)
        if workspace is not None:
            workspace.refresh_list()

    # -- teaching cases
    def make_teaching_case(self, case_id: int | None = None) -> TeachingCaseDialog | None:
        """Make a draft teaching case from ``case_id`` (default: the case open in the editor)."""
        services = self.services
        if services is None:
            return None
        if case_id is None:
            editor = getattr(self.window, "editor", None)
            case_id = editor.current_case_id() if editor is not None else None
        if case_id is None:
            self._status("Open a real case in the case editor first, then make a teaching case from it")
            return None
        from mdtboard.ui import ops

        training = services.training
        self._status("Making a draft teaching case…")
        ops.write(lambda: training.make_teaching_case(case_id), parent=self, label="making a teaching case",
                  success=self._made, failure=lambda exc: self._failed("No teaching case made", exc))
        return None

    def _made(self, review: TeachingReview) -> None:
        self._library_changed()
        self._status(f"Draft teaching case {review.draft.case.ref} made; review each field")
        self.open_review(review)

    def _failed(self, title: str, error: MdtboardError) -> None:
        from mdtboard.ui.dialogs import show_error

        show_error(self.window, title, str(error))

    def open_review(self, review: TeachingReview | int) -> TeachingCaseDialog | None:
        """Open the review of ``review`` (or of the review with that id, read first in the background:
        None is returned then, and the dialog opens once it is read)."""
        services = self.services
        if services is None:
            return None
        if isinstance(review, int):
            from mdtboard.ui import ops

            training, review_id = services.training, review
            ops.read(lambda: training.teaching_review(review_id), parent=self, label="reading a review",
                     success=lambda read: self._open(services, read),
                     failure=lambda exc: self._failed("Teaching case review", exc))
            return None
        self._open(services, review)
        return self.review_dialog

    def _open(self, services: Services, review: TeachingReview) -> None:
        from mdtboard.ui.training.teaching_case import TeachingCaseDialog

        dialog = TeachingCaseDialog(services, review, self.window)
        dialog.status_message.connect(self._status)
        dialog.finalised.connect(lambda _case_id: self._library_changed())
        dialog.discarded.connect(self._library_changed)
        self.review_dialog = dialog
        dialog.open()

    def _fill_reviews(self) -> None:
        """The submenu is about to show: it lists the drafts as read last, and they are read again."""
        services = self.services
        if services is None:
            self.reviews_menu.clear()
            return
        from mdtboard.ui import ops

        self._list_reviews()
        self._reviews_asked += 1
        token, training = self._reviews_asked, services.training
        ops.read(training.teaching_reviews, parent=self, label="reading the teaching reviews",
                 success=lambda reviews: self._reviews_read(token, reviews),
                 failure=lambda exc: self._status(str(exc)))

    def _reviews_read(self, token: int, reviews: list[TeachingReview]) -> None:
        if token == self._reviews_asked:
            self.reviews = reviews
            self._list_reviews()

    def _list_reviews(self) -> None:
        self.reviews_menu.clear()
        reviews = self.reviews
        if reviews is None:
            reading = self.reviews_menu.addAction("Reading the teaching cases under review…")
            reading.setEnabled(False)
            return
        if not reviews:
            none = self.reviews_menu.addAction("No teaching case is under review")
            none.setEnabled(False)
        for review in reviews:
            open_count = len(review.checklist.unconfirmed)
            action = self.reviews_menu.addAction(
                f"{review.draft.case.ref} ({review.draft.case.patient.display_name}): "
                f"{open_count} field(s) to confirm"
            )
            action.triggered.connect(lambda _c=False, rid=review.id: self.open_review(rid))

    def _library_changed(self) -> None:
        library = getattr(self.window, "library", None)
        if library is not None:
            library.refresh()

    # -- closing: scores still waiting are saved before the main window goes (started here, not waited
    # for: the main window closes once they are written, see mdtboard.ui.closing)
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and self.training_window is not None:
            from mdtboard.ui.editing.session import saves_not_waited_for

            with saves_not_waited_for():
                self.training_window.flush()
        return False


def install_training_menu(window: QMainWindow) -> TrainingMenu:
    """Add the Training menu to ``window`` (enabled once its services are ready)."""
    return TrainingMenu(window)
