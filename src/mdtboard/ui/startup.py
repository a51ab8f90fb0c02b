"""Opening the database behind the main window, so that the program appears at once.

The main window is shown and painted first (:class:`FirstPaint` tells when). Then a thread
(:class:`DatabaseOpener`) reads the case library's first page of a SQLite file at the program's schema with
the standard library's ``sqlite3`` (:mod:`mdtboard.services.quick_cases`, some milliseconds), so that the
window shows its library at once (:attr:`DatabaseOpener.glimpsed`), the library's later reads going through
``sqlite3`` too until the services are open. Once the library has been painted, the thread imports the
service layer (SQLAlchemy and the models take most of a second on a busy PC), opens the database, upgrading it
to the current schema, imports the modules of the menus made with the library, and makes the library's first
look-ups once, while the window keeps answering (it says "Opening the database…" when there was no library
to show first). The opened :class:`Services` come back to the GUI thread through a queued signal: sessions
are made per unit of work, so the object may change threads. The window then hands them to its library and
plugs in its other pages one per turn of the event loop (:class:`StepRunner`), so no single step holds the
event loop for long; the other pages, and the modules they need, are built when first shown
(:mod:`mdtboard.ui.pages`).

Nothing here imports SQLAlchemy or the services at module level.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from mdtboard.services.context import Services

#: The modules of what is built once the database is open (the case library; the menus of the care plan
#: and of presentation mode; live updates): imported on the opening thread, so that the GUI thread only
#: builds widgets. The other pages import theirs when they are first shown. A module that cannot be
#: imported is left for the window to handle.
PAGE_MODULES: tuple[str, ...] = (
    "mdtboard.ui.cases.library",
    "mdtboard.ui.careplan.integration",
    "mdtboard.ui.presentation.integration",
    "mdtboard.ui.live",
)

#: The services used as the window becomes usable (the library, signing in, live updates and presence);
#: the others (training: about 0.2 s of imports) are loaded on the same thread once the window is usable
#: (:meth:`DatabaseOpener.finish`).
PAGE_SERVICES: tuple[str, ...] = ("cases", "accounts", "changes", "presence")

#: After :attr:`DatabaseOpener.glimpsed`, the opening thread waits at most this long for the window to show
#: the library (:meth:`DatabaseOpener.go_on`) before it imports the services: importing holds Python's lock
#: most of the time, and the GUI thread would build and paint the library at half speed meanwhile.
GLIMPSE_WAIT_S = 0.5

#: If the window is not painted within this time (started minimised, say), the database is opened anyway.
PAINT_WAIT_MS = 300


class FirstPaint(QObject):
    """Watches a widget until its first paint; :meth:`then` runs a function once that paint is done."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self.painted = False
        self._waiting: list[Callable[[], None]] = []
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(PAINT_WAIT_MS)
        self._fallback.timeout.connect(self._run)
        widget.installEventFilter(self)

    def then(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` from the event loop once the widget has been painted (soon, if it has been, or
        if it is not shown; at the latest after :data:`PAINT_WAIT_MS`)."""
        self._waiting.append(callback)
        if self.painted or not self._widget.isVisible():
            QTimer.singleShot(0, self._run)
        else:
            self._fallback.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
            self._widget.removeEventFilter(self)
            # The paint under way covers the whole window; a zero timer fires once it is finished.
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        self._fallback.stop()
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()


class _Job(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self.work = work

    def run(self) -> None:
        self.work()


class DatabaseOpener(QObject):
    """Opens a database on a thread of its own.

    Signals (delivered on the GUI thread):
        glimpsed(object): before ``opened``, when the database is a plain SQLite file that stores the
            program's schema revision: its case library's reads through ``sqlite3`` (a
            :class:`~mdtboard.services.quick_cases.QuickCases`), the first page already read
            (``table_model.warm_up``). Not emitted for any other database, which waits for ``opened``.
        opened(object): the :class:`Services` of the database, open and at the current schema.
        failed(str): the database could not be opened (a :class:`MdtboardError`); the message says why.
        missing(str): the SQLite file used before (one of ``known_files``) is not there; it was not
            created. The path. The opener may be started again (on another file, or with ``create``).
        crashed(object): anything else went wrong; the exception, for the GUI thread to raise.
        checked(object): after :meth:`finish`, the file's integrity check and the day's backup are done
            (see ``storage.db.OpeningChecks``); a tuple of warnings for the person (a backup that failed).
            A damaged file emits ``failed`` instead.
    """

    glimpsed = Signal(object)
    opened = Signal(object)
    checked = Signal(object)
    failed = Signal(str)
    crashed = Signal(object)
    missing = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._started = False
        self.services: Services | None = None
        #: The SQLite file opened (resolved), to be remembered as used; None for PostgreSQL.
        self.sqlite_file: str | None = None
        #: Days of daily backups kept (the day's backup is taken on opening); None: no daily backup.
        self.backup_days: int | None = 14
        #: A new SQLite file is created encrypted (the ``database/encrypt`` setting).
        self.encrypt = False
        #: The library's first page is read through ``sqlite3`` before the services load (``glimpsed``).
        self.quick_library = True
        self._glimpsed = False
        self._shown = threading.Event()

    def start(
        self,
        url: str | None,
        modules: Sequence[str] = PAGE_MODULES,
        *,
        known_files: Sequence[str] = (),
        create: bool = False,
    ) -> None:
        """Open ``url`` on the thread. A SQLite file among ``known_files`` (used before) that is not there is
        not created, unless ``create``: :attr:`missing` is emitted instead."""
        if self._started:
            raise RuntimeError("the database is opened once")
        self._started = True
        known = tuple(known_files)
        self._pool.start(_Job(lambda: self._open(url, tuple(modules), known, create)))

    def go_on(self) -> None:
        """The library shown after :attr:`glimpsed`: the opening thread goes on with the services."""
        self._shown.set()

    def finish(self) -> None:
        """Once the window is usable: check the opened file's integrity and take the day's backup on the
        opening thread (writes wait for the check meanwhile), then :attr:`checked` (or :attr:`failed`);
        then load the services no page needed at once."""
        services = self.services
        if services is not None:
            self._pool.start(_Job(lambda: self._finish(services)))

    def _finish(self, services: Services) -> None:
        from mdtboard.domain.errors import MdtboardError

        try:
            warnings = services.db.finish_opening()
        except MdtboardError as exc:
            self._emit(self.failed, str(exc))
            return
        except Exception as exc:  # a fault of the program: raised again on the GUI thread, never hidden
            self._emit(self.crashed, exc)
            return
        self._emit(self.checked, warnings)
        with contextlib.suppress(ImportError):  # the window imports it again when needed, and says why
            services.load_all()

    def wait(self) -> None:
        """Block until the opening thread has finished (the window is closing)."""
        self._shown.set()
        self._pool.waitForDone()

    def _open(self, url: str | None, modules: tuple[str, ...], known: tuple[str, ...], create: bool) -> None:
        from mdtboard.domain.errors import DatabaseMissingError, MdtboardError

        if self.quick_library and not self._glimpsed:
            self._glimpse(url)
            if self._glimpsed:
                self._shown.wait(GLIMPSE_WAIT_S)
        try:
            from mdtboard.services.context import database_file, open_services

            self.sqlite_file = database_file(url)
            services = open_services(
                url,
                create=create or self.sqlite_file not in known,
                backup_days=self.backup_days,
                defer_checks=True,  # checked, and backed up, by finish() once the window is usable
                encrypt=self.encrypt,
            )
            services.load(PAGE_SERVICES)
        except DatabaseMissingError as exc:
            self._started = False  # the window may start again, on another file or creating this one
            self._emit(self.missing, exc.path)
            return
        except MdtboardError as exc:
            self._emit(self.failed, str(exc))
            return
        except Exception as exc:  # a fault of the program: raised again on the GUI thread, never hidden
            self._emit(self.crashed, exc)
            return
        self.services = services
        for name in modules:
            # A module that fails to import is imported again on the GUI thread, which handles the failure.
            with contextlib.suppress(ImportError):
                importlib.import_module(name)
        with contextlib.suppress(MdtboardError):  # if the library's look-ups fail, the library says so
            from mdtboard.ui.cases.table_model import warm_up

            warm_up(services.cases, keep=not self._glimpsed)
        self._emit(self.opened, services)

    def _glimpse(self, url: str | None) -> None:
        """The library's first page through ``sqlite3``, if the database allows (see :attr:`glimpsed`)."""
        from mdtboard.domain.errors import MdtboardError
        from mdtboard.services.quick_cases import open_quick_cases
        from mdtboard.ui.cases.table_model import warm_up

        try:
            quick = open_quick_cases(url)
            if quick is None:
                return
            warm_up(quick)
        except MdtboardError:  # the ordinary opening finds out what is wrong, and says it
            return
        with contextlib.suppress(ImportError):  # imported on the GUI thread then, which handles the failure
            importlib.import_module(PAGE_MODULES[0])  # the library's module: the GUI thread only builds it
        self._glimpsed = True
        self._emit(self.glimpsed, quick)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the window was deleted meanwhile: nobody waits any more
            signal.emit(value)


class StepRunner(QObject):
    """Runs functions one per turn of the event loop, so that paints and key presses get in between."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: list[Callable[[], None]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def start(self, steps: Sequence[Callable[[], None]]) -> None:
        self._steps = list(steps)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._steps = []

    @property
    def pending(self) -> bool:
        return bool(self._steps)

    def _next(self) -> None:
        if self._steps:
            self._steps.pop(0)()
        if self._steps:
            self._timer.start()
