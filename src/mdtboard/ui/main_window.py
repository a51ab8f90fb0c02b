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
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from mdtboard import __version__
from mdtboard.domain.errors import MdtboardError
from mdtboard.ui import ops
from mdtboard.ui import settings as options
from mdtboard.ui.accounts.people import install_people
from mdtboard.ui.cases.actions import install_case_actions
from mdtboard.ui.fonts import STEP, FontScaler, keep_wrapped_labels_whole
from mdtboard.ui.forms.ui_main_window import Ui_MainWindow
from mdtboard.ui.pages import PageSlots
from mdtboard.ui.safety.menu import install_safety
from mdtboard.ui.startup import DatabaseOpener, FirstPaint, StepRunner
from mdtboard.ui.training.menu import install_training_menu

if TYPE_CHECKING:  # only named in annotations: each PySide6 class imported costs start-up time
    from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QMessageBox

    from mdtboard.services.cases import CaseService, StoredCase
    from mdtboard.services.context import Services
    from mdtboard.ui.cases.editor import CaseEditor
    from mdtboard.ui.cases.library import CaseLibrary
    from mdtboard.ui.conference.workspace import ConferenceWorkspace
    from mdtboard.ui.presentation.integration import PresentationMode
    from mdtboard.ui.shortcut_sheet import ShortcutSheet

#: Page indexes of the navigation list and the stacked pages (page 0 of the stack is "opening...").
LIBRARY, CASE, CONFERENCE = range(3)

#: The navigation's width at the normal text size (ui/main_window.ui); it grows with bigger text.
NAVIGATION_WIDTH = 200


DemoLoader = Callable[["CaseService"], "list[StoredCase]"]

#: The keys of the menu actions of ui/main_window.ui, and of Undo and Redo. Set here with ``setShortcuts``,
#: not in the form: uic sets them with ``QAction.setShortcut(str)``, whose overloads make PySide build the
#: ``Qt`` namespace's enum types (about 15 ms) before the first paint. Named, not Qt's standard keys: those
#: differ between platforms (Quit is Ctrl+Q on X11 and nothing on others; Delete adds Ctrl+D on X11), and a
#: key an action carries twice is ambiguous to Qt, which then does nothing.
UNDO_KEYS = ("Ctrl+Z",)
REDO_KEYS = ("Ctrl+Shift+Z", "Ctrl+Y")
SHORTCUTS: dict[str, tuple[str, ...]] = {
    "actionImport": ("Ctrl+I",),
    "actionExport": ("Ctrl+Shift+E",),
    "actionQuit": ("Ctrl+Q",),
    "actionFind": ("Ctrl+F",),
    "actionShowLibrary": ("Alt+1",),
    "actionShowCase": ("Alt+2",),
    "actionShowConference": ("Alt+3",),
    "actionBiggerText": ("Ctrl++", "Ctrl+="),
    "actionSmallerText": ("Ctrl+-",),
    "actionResetText": ("Ctrl+0",),
    "actionNewConference": ("Ctrl+Shift+N",),
    "actionPreviousCase": ("Alt+PgUp",),
    "actionNextCase": ("Alt+PgDown",),
    "actionShortcuts": ("F1",),
}


def icon_path() -> Path | None:
    from mdtboard.resources import resource

    try:
        path = resource("icons", "mdtboard.svg")
    except FileNotFoundError:
        return None
    return path if path.exists() else None


def _default_demo_loader(service: CaseService) -> list[StoredCase]:
    from mdtboard.interchange.demo import load_demo_cases

    return load_demo_cases(service)


class MainWindow(QMainWindow):
    """The program's one window.

    Signals:
        services_ready(): the database is open and the case library filled (after :meth:`open_database`,
            which returns at once, or :meth:`attach_services`); the other pages are built when first used.
        database_failed(str): the database could not be opened; the message was shown and acknowledged
            (the program then exits with status 1).
        database_checked(): after ``services_ready``, the opened SQLite file's integrity check and the day's
            backup are done (writes waited for the check); any warning about them was shown.
    """

    services_ready = Signal()
    database_failed = Signal(str)
    database_checked = Signal()

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
        self.last_dialog: QWidget | None = None
        self._load_demo = load_demo or _default_demo_loader
        self._save_delay_ms = save_delay_ms
        self._owns_services = False
        self._force_close = False
        self._closed = False
        self._library_stale = False
        self._offer_demo = False
        self._url: str | None = None
        self._first_paint = FirstPaint(self)
        self._opener = DatabaseOpener(self)
        self._steps = StepRunner(self)
        self._fonts = FontScaler()
        self._shortcut_sheet: ShortcutSheet | None = None
        path = icon_path()
        if path is not None:
            self.setWindowIcon(QIcon(str(path)))
        self._add_undo_actions()
        self._database_label = QLabel("")
        self.ui.statusbar.addPermanentWidget(self._database_label)
        self.setAcceptDrops(True)
        self._set_pages_enabled(False)
        self._connect_signals()
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

    # -- set-up
    def _add_undo_actions(self) -> None:
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts([QKeySequence(key) for key in UNDO_KEYS])
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence(key) for key in REDO_KEYS])
        menu = self.ui.menuEdit
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, undo)
        menu.insertAction(first, redo)
        menu.insertSeparator(first)
        self.action_undo: QAction = undo
        self.action_redo: QAction = redo
        for name, keys in SHORTCUTS.items():
            getattr(self.ui, name).setShortcuts([QKeySequence(key) for key in keys])

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

    def _restore_settings(self) -> None:
        geometry = options.WINDOW_GEOMETRY.read(self.settings)
        self.first_start = geometry.isEmpty()
        if not self.first_start:
            self.restoreGeometry(geometry)
        state = options.WINDOW_STATE.read(self.settings)
        if not state.isEmpty():
            self.restoreState(state)
        self._fonts.restore(options.FONT_SCALE.read(self.settings))
        if self._fonts.scale != 1.0:
            self._fit_navigation()

    def show_window(self) -> None:
        """Show the window as the person left it; on the first start, maximised on its screen, with 90 %
        of the screen, centred, as its size when it is restored down. Closing remembers what they chose."""
        if not self.first_start:
            self.show()
            return
        screen = self.screen()
        if screen is not None:
            area = screen.availableGeometry()
            width, height = round(area.width() * 0.9), round(area.height() * 0.9)
            left, top = area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2
            self.setGeometry(left, top, width, height)
        self.showMaximized()

    def _set_pages_enabled(self, enabled: bool) -> None:
        for action in (
            self.ui.actionImport, self.ui.actionExport, self.ui.actionFind, self.ui.actionShowLibrary,
            self.ui.actionShowCase, self.ui.actionShowConference, self.ui.actionNewConference,
            self.ui.actionNextCase, self.ui.actionPreviousCase,
        ):
            action.setEnabled(enabled)
        self.ui.navigation.setEnabled(enabled)

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` from the event loop once the window has been painted (see
        :meth:`FirstPaint.then`)."""
        self._first_paint.then(callback)

    # -- the database
    def open_database(self, url: str | None, *, offer_demo: bool = False) -> None:
        """Open the database at ``url`` (the default SQLite file when None) behind the window, then build
        the pages; returns at once.

        The database is opened on a thread once the window has been painted; :attr:`services_ready` is
        emitted when every page is built. A failure is shown in a dialog; :attr:`database_failed` is
        emitted when the person closes it. ``offer_demo``: offer to load the demo cases when the database
        has no case yet (first start).
        """
        self.ui.statusbar.showMessage("Opening the database…")
        self.ui.startLabel.setText("Opening the database…")
        self._offer_demo = offer_demo
        self._first_paint.then(lambda: self._start_opening(url))

    def _start_opening(self, url: str | None, *, create: bool = False) -> None:
        from mdtboard.ui.missing_database import used_files

        self._url = url
        if not self._closed:
            self._opener.start(url, known_files=used_files(self.settings), create=create)

    def _database_missing(self, path: str) -> None:
        """The database used before is gone: ask (see :mod:`mdtboard.ui.missing_database`)."""
        from mdtboard.ui.missing_database import MissingDatabaseDialog

        self.ui.startLabel.setText("The database is not there.")
        box = MissingDatabaseDialog(
            path,
            lambda url, create: self._start_opening(url or self._url, create=create),
            lambda: self.database_failed.emit(f"The database file {path} is not there; nothing was created."),
            self,
        )
        self.last_dialog = box
        box.open()

    def _database_opened(self, services: Services) -> None:
        if self._closed:  # closed while the database was being opened
            services.close()
            return
        from mdtboard.ui.missing_database import remember_file

        remember_file(self.settings, self._opener.sqlite_file)
        self._owns_services = True
        self._steps.start(self._attach_steps(services))

    def _database_not_opened(self, message: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        self.ui.startLabel.setText(f"The database could not be opened.\n\n{message}")
        self.ui.statusbar.showMessage("The database could not be opened")
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "mdtboard cannot open its database",
            f"{message}\n\nNothing was changed. mdtboard will now close.",
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self.database_failed.emit(message))
        self.last_dialog = box
        box.open()

    def _opening_crashed(self, error: BaseException) -> None:
        self.ui.startLabel.setText("The database could not be opened.")
        self.ui.statusbar.showMessage("The database could not be opened")
        raise error

    def attach_services(self, services: Services) -> None:
        """Build the pages on ``services`` now and reopen what was open last time."""
        for step in self._attach_steps(services):
            step()

    def _attach_steps(self, services: Services) -> list[Callable[[], None]]:
        """Building the window on ``services``, in steps: the library (shown at once), then the places of
        the other pages (built when first shown) and the care plan's menu."""
        self.services = services
        self._database_label.setText(f"Database: {services.db.url}")
        return [lambda: self._build_library(services), lambda: self._plug_pages(services), self._pages_built]

    def _build_library(self, services: Services) -> None:
        from mdtboard.ui.cases.library import CaseLibrary

        self.library = CaseLibrary(services, self)
        self._slots.add_built(self.library)
        self.library.open_case_requested.connect(self.open_case)
        self.library.status_message.connect(self.show_status)
        self.library.new_case_requested.connect(self.case_actions.new_case)
        self.ui.pages.setCurrentWidget(self.library)

    def _plug_pages(self, services: Services) -> None:
        from importlib.util import find_spec

        from mdtboard.ui.careplan.integration import CarePlanPage

        self._slots.add(lambda: self._build_editor(services))
        self._slots.add(lambda: self._build_workspace(services))
        self.conference_available = find_spec("mdtboard.ui.conference.workspace") is not None
        self.care_plan = CarePlanPage(self, services, save_delay_ms=self._save_delay_ms)

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

        self.live = install_live(self)
        keep_wrapped_labels_whole(self.findChildren(QLabel))  # banners never clip, at any text size
        self._set_pages_enabled(True)
        self.ui.actionNewConference.setEnabled(self.conference_available)
        self.ui.actionNextCase.setEnabled(self.conference_available)
        self.ui.actionPreviousCase.setEnabled(self.conference_available)
        self.show_page(LIBRARY)
        self.ui.statusbar.showMessage("Ready", 3000)
        self._reopen_last()
        services = self.services
        if services is not None and self.people.start(services, offer_demo=self._offer_demo,
                                                      load_demo=self._load_demo):
            self._offer_demo = False  # the first start asked (demo team or administrator)
        if self._offer_demo:
            self._offer_demo = False
            self.offer_demo_cases()
        self.services_ready.emit()
        if self._owns_services:
            self._opener.finish()  # the integrity check and the day's backup, behind the usable window

    def _database_checked(self, warnings: tuple[str, ...]) -> None:
        if warnings and not self._closed:
            self.safety.show_warning("About your database", "\n\n".join(warnings))
        self.database_checked.emit()

    def _make_workspace(self, services: Services) -> ConferenceWorkspace | None:
        try:
            from mdtboard.ui.conference.workspace import ConferenceWorkspace
        except ImportError:
            return None
        return ConferenceWorkspace(services, self.undo_stack, self.settings, self)

    def _placeholder(self) -> QWidget:
        from PySide6.QtCore import Qt

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

    def offer_demo_cases(self) -> None:
        """On an empty database, ask (once) whether to load the fictional demo and teaching cases (the
        cases are counted on the reader thread; the question, :attr:`last_dialog`, comes after)."""
        if self.services is None or options.DEMO_OFFERED.read(self.settings):
            return
        cases = self.services.cases
        ops.read(cases.count, parent=self, label="counting the cases", success=self._counted_for_demo,
                 failure=lambda _exc: None)

    def _counted_for_demo(self, count: int) -> None:
        if count > 0 or options.DEMO_OFFERED.read(self.settings):
            return
        from mdtboard.ui.dialogs import ask

        self.last_dialog = ask(
            self,
            "Load the demo cases?",
            "The case library is empty. Load mdtboard's fictional demo and teaching cases, to try the "
            "program or to teach with? They are marked fictional and can be deleted later.",
            self._answer_demo,
        )

    def _answer_demo(self, yes: bool) -> None:
        options.DEMO_OFFERED.write(self.settings, True)
        if not yes or self.services is None:
            return
        cases, load = self.services.cases, self._load_demo
        ops.write(lambda: load(cases), parent=self, label="loading the demo cases", success=self._demo_loaded,
                  failure=self._demo_not_loaded)

    def _demo_not_loaded(self, error: MdtboardError) -> None:
        from mdtboard.ui.dialogs import show_error

        self.last_dialog = show_error(self, "Demo cases not loaded", str(error))

    def _demo_loaded(self, stored: list[StoredCase]) -> None:
        from mdtboard.ui.dialogs import show_error

        if self.library is not None:
            self.library.refresh()
        if not stored:
            self.last_dialog = show_error(
                self, "No demo cases", "This installation of mdtboard has no demo cases. Nothing was changed."
            )
            return
        self.show_status(f"Loaded {len(stored)} demo case{'s' if len(stored) != 1 else ''}")

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
        front with the cursor in its first field once the case is shown, then ``then`` runs."""
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

    # -- import and export
    def _import(self) -> None:
        if self.library is not None:
            self.show_page(LIBRARY)
            self.library.choose_and_import()

    def _export(self) -> None:
        if self.library is not None:
            self.show_page(LIBRARY)
            self.library.choose_and_export()

    @staticmethod
    def _bundle_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [
            Path(url.toLocalFile())
            for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".json")
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.library is not None and self._bundle_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._bundle_paths(event)
        if self.library is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.show_page(LIBRARY)
        self.library.import_paths(paths)

    # -- view
    def set_font_scale(self, scale: float) -> None:
        applied = self._fonts.apply(scale)
        self._fit_navigation()
        options.FONT_SCALE.write(self.settings, applied)
        self.show_status(f"Text size {round(applied * 100)} %")

    def _fit_navigation(self) -> None:
        """The navigation as wide as its longest entry at the text size (200 px at least), so that bigger
        text does not cut "Case library" short."""
        nav = self.ui.navigation
        # what the entries need (text, the style sheet's padding, margins), the frame, and a little room
        width = max(NAVIGATION_WIDTH, nav.sizeHintForColumn(0) + 2 * nav.frameWidth() + 12)
        nav.setMinimumWidth(width if width > NAVIGATION_WIDTH else 0)
        nav.setMaximumWidth(width)

    @property
    def font_scale(self) -> float:
        return self._fonts.scale

    def show_status(self, text: str) -> None:
        self.ui.statusbar.showMessage(text)

    def _operation_failed(self, message: str) -> None:
        self.ui.statusbar.showMessage(f"\u26a0 {message}")

    def show_shortcuts(self) -> ShortcutSheet:
        if self._shortcut_sheet is None:
            from mdtboard.ui.shortcut_sheet import ShortcutSheet

            self._shortcut_sheet = ShortcutSheet(self)
        self._shortcut_sheet.fill(self)
        self._shortcut_sheet.show()
        self._shortcut_sheet.activateWindow()
        return self._shortcut_sheet

    def show_about(self) -> QMessageBox:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Information,
            "About mdtboard",
            f"<b>mdtboard {__version__}</b><br><br>Multidisciplinary pain-medicine case conferences: "
            "case preparation in ISBAR order, live input from every discipline, one joint care plan.",
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = box
        box.open()
        return box

    # -- closing
    def flush(self) -> bool:
        """Save everything pending in the editor and the conference workspace."""
        ok = True
        if self._editor is not None:
            ok = self._editor.flush() and ok
        if self._workspace is not None:
            ok = bool(self._workspace.flush()) and ok
        plan_editor = self.care_plan.built_editor if self.care_plan is not None else None
        if plan_editor is not None:
            ok = plan_editor.flush() and ok
        return ok

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:  # closed before: the services are closed, nothing is pending
            event.accept()
            return
        if not self.flush() and not self._force_close:
            from mdtboard.ui.dialogs import ask

            event.ignore()
            self.last_dialog = ask(
                self,
                "Some changes are not saved",
                "Some of your changes could not be saved (see the status bar). Close anyway and lose them?",
                self._close_anyway,
            )
            return
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
        if self.live is not None:
            self.live.stop()
        self._steps.stop()  # closed while the pages were being built
        self._opener.wait()  # closed while the database was being opened: close it once it is open
        # nothing still reading or writing when the database is closed (a reader holding a connection
        # would keep its locks on a server that is asked to drop or close what it reads)
        ops.operations().wait(30)
        if self.services is None and self._opener.services is not None:
            self._opener.services.close()
        if self.services is not None and self._owns_services:
            self.services.close()
        self._closed = True
        event.accept()

    def _close_anyway(self, yes: bool) -> None:
        if yes:
            self._force_close = True
            self.close()
