"""The main window: the case library, the case editor and the conference workspace, one at a time.

The window is shown and painted before the database is opened: :meth:`MainWindow.open_database` opens it on a
thread of its own once the window has been painted (see :mod:`mdtboard.ui.startup`), while the window says
"Opening the database…"; the case library is then built and filled and :attr:`MainWindow.services_ready` is
emitted. The other pages (the case editor, the conference workspace, the care plan) are built, and their
modules imported, the first time they are shown or asked for (:mod:`mdtboard.ui.pages`):
:attr:`MainWindow.editor` and :attr:`MainWindow.workspace` build theirs. Only what the first paint needs is
imported here: nothing of SQLAlchemy, the services or the pages at module level (SQLAlchemy's import alone
takes about 0.3 s), and the dialogs and the shortcut sheet when they are first shown. Even
``PySide6.QtCore.Qt`` is imported where it is used: PySide builds the Python types of all of its ninety-odd
enums on first use (about 15 ms), and the first paint needs none of them (the form sets its alignments by
style sheet).

The window's parts live in modules of their own, mixed into :class:`MainWindow`: its menus, keys and view
(:mod:`mdtboard.ui.window_view`), opening its database and building the window on it
(:mod:`mdtboard.ui.window_opening`), and closing it without waiting for the database
(:mod:`mdtboard.ui.closing`). This module plugs in the pages and navigates between them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QIcon, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from mdtboard.ui import ops
from mdtboard.ui import settings as options
from mdtboard.ui.accounts.people import install_people
from mdtboard.ui.cases.actions import install_case_actions
from mdtboard.ui.closing import WindowCloser, close_services
from mdtboard.ui.fonts import STEP, FontScaler, keep_wrapped_labels_whole
from mdtboard.ui.forms.ui_main_window import Ui_MainWindow
from mdtboard.ui.heap import keep_built, release_built
from mdtboard.ui.pages import PageSlots
from mdtboard.ui.safety.menu import install_safety
from mdtboard.ui.startup import DatabaseOpener, FirstPaint, StepRunner
from mdtboard.ui.training.menu import install_training_menu
from mdtboard.ui.window_opening import DatabaseOpening, DemoLoader, default_demo_loader
from mdtboard.ui.window_view import CASE, CONFERENCE, LIBRARY, WindowView, icon_path

__all__ = ["CASE", "CONFERENCE", "LIBRARY", "DemoLoader", "MainWindow", "icon_path"]

if TYPE_CHECKING:  # only named in annotations: each PySide6 class imported costs start-up time
    from PySide6.QtGui import QCloseEvent

    from mdtboard.services.context import Services
    from mdtboard.ui.cases.editor import CaseEditor
    from mdtboard.ui.cases.library import CaseLibrary
    from mdtboard.ui.conference.workspace import ConferenceWorkspace
    from mdtboard.ui.presentation.integration import PresentationMode
    from mdtboard.ui.shortcut_sheet import ShortcutSheet


class MainWindow(WindowView, DatabaseOpening, QMainWindow):
    """The program's one window.

    Signals:
        library_filled(): the case library is built and shows its first page: at the start of a SQLite file
            at the program's schema, read through ``sqlite3`` while the services load (see
            :mod:`mdtboard.ui.startup`), else with the services; a case asked for meanwhile is opened once
            ``services_ready``. Under the curtain when signing in is required.
        services_ready(): the database is open and the case library filled (after :meth:`open_database`,
            which returns at once, or :meth:`attach_services`); the other pages are built when first used.
        database_failed(str): the database could not be opened; the message was shown and acknowledged
            (the program then exits with status 1).
        database_checked(): after ``services_ready``, the opened SQLite file's integrity check and the day's
            backup are done (writes waited for the check); any warning about them was shown.
        closed(): the window closed, everything typed saved (or its loss accepted), the database closed.
    """

    library_filled = Signal()
    services_ready = Signal()
    database_failed = Signal(str)
    database_checked = Signal()
    closed = Signal()

    def __init__(
        self,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        load_demo: DemoLoader | None = None,
        save_delay_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        if settings.parent() is None:
            # Qt's to delete with the window, on the GUI thread: the window's wrapper sits in reference
            # cycles, and a settings object left to Python's cycle collector was destroyed on whichever
            # thread ran it (an operation's worker too), with its pending write.
            settings.setParent(self)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.undo_stack = QUndoStack(self)
        self.services: Services | None = None
        self.library: CaseLibrary | None = None
        self._editor: CaseEditor | None = None
        self._workspace: ConferenceWorkspace | None = None
        self.conference_available = False  # the conference workspace can be built (set with the pages)
        self.care_plan: Any = None  # careplan.integration.CarePlanPage, once the services are ready
        self._slots = PageSlots(self.ui.pages, self._page_built)
        self._reopen_case: int | None = None  # the last case, opened when the case page is first built
        self._reopen_conference: int | None = None  # likewise the last conference
        #: The newest change when the library was filled before the services (live updates start there).
        self._library_since: int | None = None
        #: A case asked for before the services were ready (the library shown already): opened then.
        self._queued_open: tuple[int, Callable[[], object] | None] | None = None
        self.last_dialog: QWidget | None = None
        self._load_demo = load_demo or default_demo_loader
        self._save_delay_ms = save_delay_ms
        self._owns_services = False
        self.force_close = False  # closing loses what could not be saved (the person said so)
        self._closed = False
        self._closer = WindowCloser(self)
        self._library_stale = False
        self._offer_demo = False
        self._url: str | None = None
        self._first_paint = FirstPaint(self)
        self._opener = DatabaseOpener(self)
        self._steps = StepRunner(self)
        self._fonts = FontScaler()
        self._shortcut_sheet: ShortcutSheet | None = None
        # The program's application carries the icon already (app.make_application), and its windows show
        # it; setting it again sends an icon change to every widget of the window (about 2 ms at the start).
        path = icon_path() if QApplication.windowIcon().isNull() else None
        if path is not None:
            self.setWindowIcon(QIcon(str(path)))
        self._add_undo_actions()
        self._database_label = QLabel("")
        self.ui.statusbar.addPermanentWidget(self._database_label)
        self.setAcceptDrops(True)
        self._set_pages_enabled(False)
        self._connect_signals()
        self._opener.glimpsed.connect(self._database_glimpsed)
        self._opener.opened.connect(self._database_opened)
        self._opener.failed.connect(self._database_not_opened)
        self._opener.crashed.connect(self._opening_crashed)
        self._opener.missing.connect(self._database_missing)
        self._opener.checked.connect(self._database_checked)
        # the one place where a background operation's failure nobody handled is shown (ops logs it)
        ops.operations().failed.connect(self._operation_failed)
        self.training_menu = install_training_menu(self)  # Training menu, before Help
        self.case_actions = install_case_actions(self)  # New case… at the top of the File menu
        self.safety = install_safety(self)  # Help > Backups…, the database's warnings
        self.people = install_people(self)  # signing in, File > Lock (Ctrl+L), Switch user (F4), idle lock
        self._presentation: PresentationMode | None = None  # installed with the pages (see presentation)
        self.live: Any = None  # ui.live.LiveUpdates: the views follow changes saved elsewhere
        self._restore_settings()

    def _connect_signals(self) -> None:
        self.ui.navigation.currentRowChanged.connect(self._show_page)
        self.ui.actionShowLibrary.triggered.connect(lambda: self.show_page(LIBRARY))
        self.ui.actionShowCase.triggered.connect(lambda: self.show_page(CASE))
        self.ui.actionShowConference.triggered.connect(lambda: self.show_page(CONFERENCE))
        self.ui.actionImport.triggered.connect(self._import)
        self.ui.actionExport.triggered.connect(self._export)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionFind.triggered.connect(self.focus_search)
        self.ui.actionBiggerText.triggered.connect(lambda: self.set_font_scale(self._fonts.scale * STEP))
        self.ui.actionSmallerText.triggered.connect(lambda: self.set_font_scale(self._fonts.scale / STEP))
        self.ui.actionResetText.triggered.connect(lambda: self.set_font_scale(1.0))
        self.ui.actionNewConference.triggered.connect(self._new_conference)
        self.ui.actionNextCase.triggered.connect(lambda: self._workspace_call("next_case"))
        self.ui.actionPreviousCase.triggered.connect(lambda: self._workspace_call("previous_case"))
        self.ui.actionShortcuts.triggered.connect(self.show_shortcuts)
        self.ui.actionAbout.triggered.connect(self.show_about)

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` from the event loop once the window has been painted (see
        :meth:`FirstPaint.then`)."""
        self._first_paint.then(callback)

    def add_page(self, title: str, build: Callable[[], QWidget]) -> int:
        """Plug a page into the window: a row ``title`` in the navigation, the page built by ``build`` the
        first time it is shown (or asked for with :meth:`page`). Its page number."""
        page = self._slots.add(build)
        self.ui.navigation.addItem(title)
        return page

    def page(self, page: int) -> QWidget | None:
        """Page ``page``, built now if it was not yet."""
        return self._slots.get(page)

    def built_page(self, page: int) -> QWidget | None:
        """Page ``page`` if it has been built, else None."""
        return self._slots.built(page)

    def _page_built(self, _page: int, widget: QWidget) -> None:
        keep_wrapped_labels_whole(widget.findChildren(QLabel))  # banners never clip, at any text size
        keep_built()  # a page's modules and widgets last: full collections need not walk them again

    @property
    def editor(self) -> CaseEditor | None:
        """The case editor, built now if it was not yet (None until the database is open)."""
        self._slots.get(CASE)
        return self._editor

    @property
    def built_editor(self) -> CaseEditor | None:
        """The case editor if it has been built (nothing is built here)."""
        return self._editor

    @property
    def workspace(self) -> ConferenceWorkspace | None:
        """The conference workspace, built now if it was not yet (None until the database is open, or in
        a version of mdtboard without it)."""
        self._slots.get(CONFERENCE)
        return self._workspace

    @property
    def built_workspace(self) -> ConferenceWorkspace | None:
        """The conference workspace if it has been built (nothing is built here)."""
        return self._workspace

    def _build_editor(self, services: Services) -> QWidget:
        from mdtboard.ui.cases.editor import CaseEditor

        kwargs = {} if self._save_delay_ms is None else {"save_delay_ms": self._save_delay_ms}
        editor = self._editor = CaseEditor(services, self.undo_stack, self, **kwargs)
        editor.status_message.connect(self.show_status)
        editor.case_saved.connect(self._case_saved)
        editor.case_created.connect(self._case_created)
        case_id, self._reopen_case = self._reopen_case, None
        if case_id:
            editor.open_case(case_id)  # the case open last time
        return editor

    def _build_workspace(self, services: Services) -> QWidget:
        workspace = self._make_workspace(services)
        if workspace is None:
            return self._placeholder()
        self._workspace = workspace
        workspace.status_message.connect(self.show_status)
        workspace.conference_opened.connect(self._conference_opened)
        workspace.open_case_requested.connect(self.open_case)
        if self.live is not None:
            from mdtboard.ui.live import workspace_built

            workspace_built(self, workspace)
        conf_id, self._reopen_conference = self._reopen_conference, None
        if conf_id:
            from mdtboard.domain.errors import MdtboardError

            try:
                workspace.open_conference(conf_id)  # the conference open last time
            except MdtboardError:
                options.LAST_CONFERENCE.forget(self.settings)
        if self._presentation is not None:
            self._presentation.attach_workspace(workspace)  # its timer bar, in the discussion
        return workspace

    @property
    def presentation(self) -> PresentationMode:
        """Presentation mode: Conference > Presentation mode (F5), Meeting record…, Big screen. Installed
        with the pages once the database is open (its module is imported on the opening thread, as it
        takes a while), or when first asked for."""
        return self._install_presentation()

    def _install_presentation(self) -> PresentationMode:
        if self._presentation is None:
            from mdtboard.ui.presentation.integration import install_presentation

            self._presentation = install_presentation(self)
        return self._presentation

    def _pages_built(self) -> None:
        self._install_presentation()  # before services_ready, which it follows
        from mdtboard.ui.live import install_live

        self.live = install_live(self, self._library_since)
        keep_wrapped_labels_whole(self.findChildren(QLabel))  # banners never clip, at any text size
        self._set_pages_enabled(True)
        self.ui.actionNewConference.setEnabled(self.conference_available)
        self.ui.actionNextCase.setEnabled(self.conference_available)
        self.ui.actionPreviousCase.setEnabled(self.conference_available)
        self.show_page(LIBRARY)
        self.ui.statusbar.showMessage("Ready", 3000)
        self._reopen_last()
        queued, self._queued_open = self._queued_open, None
        if queued is not None:
            self.open_case(queued[0], then=queued[1])
        services = self.services
        if services is not None and self.people.start(services, offer_demo=self._offer_demo,
                                                      load_demo=self._load_demo):
            self._offer_demo = False  # the first start asked (demo team or administrator)
        if self._offer_demo:
            self._offer_demo = False
            self.offer_demo_cases()
        self.services_ready.emit()
        keep_built()  # what start-up made lasts: full collections need not walk it again
        if self._owns_services:
            self._opener.finish()  # the integrity check and the day's backup, behind the usable window

    def _make_workspace(self, services: Services) -> ConferenceWorkspace | None:
        try:
            from mdtboard.ui.conference.workspace import ConferenceWorkspace
        except ImportError:
            return None
        return ConferenceWorkspace(services, self.undo_stack, self.settings, self)

    def _placeholder(self) -> QWidget:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QVBoxLayout

        page = QWidget(self)
        layout = QVBoxLayout(page)
        label = QLabel("Conferences are not available in this version of mdtboard.")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        return page

    def _reopen_last(self) -> None:
        """What was open last time is opened again when its page is first built (shown, or asked for)."""
        self._reopen_case = options.LAST_CASE.read(self.settings) or None
        self._reopen_conference = options.LAST_CONFERENCE.read(self.settings) or None

    # -- navigation
    def show_page(self, page: int) -> None:
        if self.ui.navigation.currentRow() != page:
            self.ui.navigation.setCurrentRow(page)
        else:
            self._show_page(page)

    def _show_page(self, page: int) -> None:
        if self.library is None or page < 0:
            return
        from PySide6.QtCore import Qt

        self._slots.get(page)  # built the first time it is shown
        self.ui.pages.setCurrentIndex(page + 1)
        if page == LIBRARY and self._library_stale:
            self._library_stale = False
            self.library.refresh()
        current = self.ui.pages.currentWidget()
        if current is not None:
            current.setFocus(Qt.FocusReason.OtherFocusReason)
            if page == LIBRARY:
                self.library.ui.caseTable.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_page(self) -> int:
        return self.ui.pages.currentIndex() - 1

    def open_case(self, case_id: int, *, then: Callable[[], object] | None = None) -> None:
        """Open ``case_id`` in the case editor (read in the background); the case page comes to the
        front with the cursor in its first field once the case is shown, then ``then`` runs. Asked for
        while the services load (the library shown already), it is opened once they are ready."""
        if self.services is None or self._steps.pending:
            self._queued_open = (case_id, then)
            self.show_status("The case opens as soon as the database is open…")
            return
        self._reopen_case = None  # this case rather than the one open last time
        editor = self.editor
        if editor is not None:
            editor.open_case(case_id, then=lambda: self._case_shown(case_id, then))

    def _case_shown(self, case_id: int, then: Callable[[], object] | None) -> None:
        options.LAST_CASE.write(self.settings, case_id)
        self.show_page(CASE)
        if self.editor is not None:
            self.editor.focus_first_field()
        if then is not None:
            then()

    def focus_search(self) -> None:
        if self.library is not None:
            self.show_page(LIBRARY)
            self.library.focus_search()

    def _case_saved(self, case_id: int) -> None:
        self._library_stale = True
        if self._workspace is not None:
            self._workspace.case_saved(case_id)  # the discussion view and the big screen follow the edit

    def _case_created(self, case_id: int) -> None:
        options.LAST_CASE.write(self.settings, case_id)
        if self.library is not None:
            self.library.show_when_refreshed(case_id)

    def _conference_opened(self, conf_id: int) -> None:
        options.LAST_CONFERENCE.write(self.settings, conf_id)

    def _new_conference(self) -> None:
        if self.conference_available:
            self.show_page(CONFERENCE)
        if self.workspace is not None:
            self.workspace.new_conference()

    def _workspace_call(self, name: str) -> None:
        if self.conference_available:
            self.show_page(CONFERENCE)
        if self.workspace is not None:
            getattr(self.workspace, name)()

    # -- closing
    def flush(self) -> bool:
        """Save everything pending in the editors, the conference workspace and the training window (each
        waits for its save, unless within ``saves_not_waited_for``: see :mod:`mdtboard.ui.closing`)."""
        ok = True
        if self._editor is not None:
            ok = self._editor.flush() and ok
        if self._workspace is not None:
            ok = bool(self._workspace.flush()) and ok
        plan_editor = self.care_plan.built_editor if self.care_plan is not None else None
        if plan_editor is not None:
            ok = plan_editor.flush() and ok
        training = self.training_menu.training_window
        if training is not None:
            ok = bool(training.flush()) and ok
        return ok

    @property
    def is_closed(self) -> bool:
        """Whether the window has closed (everything saved, the database closed)."""
        return self._closed

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close once everything typed is saved, never waiting for the database on the GUI thread (see
        :mod:`mdtboard.ui.closing`)."""
        if self._closed:  # closed before: the services are closed, nothing is pending
            event.accept()
            return
        self._closer.close_event(event)

    def closing_cancelled(self) -> None:
        """The person went back to the window while it waited for saves: it goes on as before."""
        if self._presentation is not None:
            self._presentation.resume()

    def finish_closing(self) -> None:
        """Everything typed is saved (or its loss accepted): remember the window, stop what runs, close
        the database."""
        options.WINDOW_GEOMETRY.write(self.settings, self.saveGeometry())
        options.WINDOW_STATE.write(self.settings, self.saveState())
        if self._workspace is not None:
            conf_id = self._workspace.current_conference_id()
            if conf_id is not None:
                options.LAST_CONFERENCE.write(self.settings, conf_id)
        case_id = self._editor.current_case_id() if self._editor is not None else None
        if case_id is not None:
            options.LAST_CASE.write(self.settings, case_id)
        self.settings.sync()
        if self._shortcut_sheet is not None:
            self._shortcut_sheet.close()
        if self.library is not None:
            self.library.shutdown()
        leaving = self.live.stop() if self.live is not None else None
        self._steps.stop()  # closed while the pages were being built
        self._opener.wait()  # closed while the database was being opened: close it once it is open
        if self.services is None and self._opener.services is not None:
            self._opener.services.close()
        if self.services is not None and self._owns_services:
            close_services(self.services, leaving)  # once this program's presence is withdrawn
        self._closer.released()
        self._closed = True
        release_built()  # the window's pages may go now (another window, a test's next window)
        self.closed.emit()
