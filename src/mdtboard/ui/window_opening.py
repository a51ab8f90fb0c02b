"""The main window's database: opening it behind the painted window, building the window on the services
once it is open, a database that is missing or cannot be opened, the opened file's check, and the offer of
the demo cases on an empty database (a part of :class:`~mdtboard.ui.main_window.MainWindow`, which it is
mixed into). The cases are counted and the demo cases loaded as background operations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from mdtboard.ui import ops
from mdtboard.ui import settings as options

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

    from mdtboard.domain.errors import MdtboardError
    from mdtboard.services.cases import CaseService, StoredCase
    from mdtboard.services.context import Services
    from mdtboard.services.quick_cases import QuickCases
    from mdtboard.ui.closing import WindowCloser
    from mdtboard.ui.forms.ui_main_window import Ui_MainWindow
    from mdtboard.ui.main_window import MainWindow
    from mdtboard.ui.pages import PageSlots
    from mdtboard.ui.startup import DatabaseOpener, FirstPaint, StepRunner

    WindowPart = QMainWindow
else:
    WindowPart = object

DemoLoader = Callable[["CaseService"], "list[StoredCase]"]


def default_demo_loader(service: CaseService) -> list[StoredCase]:
    from mdtboard.interchange.demo import load_demo_cases

    return load_demo_cases(service)


class DatabaseOpening(WindowPart):
    """Opening the main window's database and building the window on it (see the module docstring)."""

    ui: Ui_MainWindow
    settings: Any
    services: Services | None
    library: Any
    care_plan: Any
    conference_available: bool
    last_dialog: QWidget | None
    safety: Any
    case_actions: Any
    database_failed: Any
    database_checked: Any
    library_filled: Any
    people: Any
    _library_since: int | None
    _closed: bool
    _closer: WindowCloser
    _opener: DatabaseOpener
    _steps: StepRunner
    _first_paint: FirstPaint
    _slots: PageSlots
    _owns_services: bool
    _offer_demo: bool
    _url: str | None
    _load_demo: DemoLoader
    _save_delay_ms: int | None
    _database_label: QLabel

    def _pages_built(self) -> None:
        raise NotImplementedError

    def open_case(self, case_id: int, *, then: Callable[[], object] | None = None) -> None:
        raise NotImplementedError

    def show_status(self, text: str) -> None:
        raise NotImplementedError

    def _build_editor(self, services: Services) -> QWidget:
        raise NotImplementedError

    def _build_workspace(self, services: Services) -> QWidget:
        raise NotImplementedError

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
        self._url = url
        if not self._closed:  # the files used before (the missing file's dialog is imported only if needed)
            known = options.USED_DATABASE_FILES.read(self.settings)
            self._opener.start(url, known_files=known, create=create)

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

    def _database_glimpsed(self, cases: QuickCases) -> None:
        """The library's reads through ``sqlite3`` (its first page read): the library is built on them now,
        while the services load; it goes on with them once they are open (:meth:`_build_library`)."""
        if self._closed or self.library is not None:
            return
        self._library_since = cases.first_change
        self._show_library(None, cases)
        self.ui.actionFind.setEnabled(True)
        self.ui.actionShowLibrary.setEnabled(True)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self._opener.go_on)  # the services load once the library has been painted

    def _database_opened(self, services: Services) -> None:
        if self._closed:  # closed while the database was being opened
            services.close()
            return
        from mdtboard.ui.missing_database import remember_file

        remember_file(self.settings, self._opener.sqlite_file)
        self._owns_services = True
        self._closer.hold(services)
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
        if self.library is not None:  # built on the reads through sqlite3: the same rows, now the services'
            self.library.attach_services(services)
            return
        self._show_library(services, None)

    def _show_library(self, services: Services | None, cases: QuickCases | None) -> None:
        from mdtboard.ui.cases.library import CaseLibrary

        self.people.cover_start()  # nobody sees a case before signing in (when signing in is required)
        self.library = CaseLibrary(services, self, cases=cases)
        self._slots.add_built(self.library)
        self.library.open_case_requested.connect(self.open_case)
        self.library.status_message.connect(self.show_status)
        self.library.new_case_requested.connect(self.case_actions.new_case)
        self.ui.pages.setCurrentWidget(self.library)
        self.library_filled.emit()

    def _plug_pages(self, services: Services) -> None:
        from importlib.util import find_spec

        from mdtboard.ui.careplan.integration import CarePlanPage

        self._slots.add(lambda: self._build_editor(services))
        self._slots.add(lambda: self._build_workspace(services))
        self.conference_available = find_spec("mdtboard.ui.conference.workspace") is not None
        self.care_plan = CarePlanPage(cast("MainWindow", self), services, save_delay_ms=self._save_delay_ms)

    def _database_checked(self, warnings: tuple[str, ...]) -> None:
        if warnings and not self._closed:
            self.safety.show_warning("About your database", "\n\n".join(warnings))
        self.database_checked.emit()

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
