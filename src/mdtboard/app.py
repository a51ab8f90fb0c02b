"""Composition root of the desktop program: Qt application -> main window -> database and services.

The window is shown first; once it has been painted, the database is opened on a thread behind it
(``MainWindow.open_database``, see ``mdtboard.ui.startup``), so the program appears at once and keeps
answering even though importing SQLAlchemy and opening the database take a moment. Only PySide6 and the
main window's own modules are imported before the window is shown.
"""

from __future__ import annotations

import gc
import os
import sys

from PySide6.QtCore import QMessageLogContext, QSettings, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from mdtboard import __version__

APPLICATION_NAME = "mdtboard"
ORGANIZATION_NAME = "mdtboard"
#: Same variable as ``storage.db.ENV_URL`` (not imported: app start-up must not wait for SQLAlchemy).
ENV_DATABASE_URL = "MDTBOARD_DATABASE_URL"
#: A number of milliseconds: the program quits by itself (status 0) that long after its window is shown and
#: its database open. For the packaged program's smoke test and the start-up benchmark; unset in normal use.
ENV_SMOKE_EXIT_MS = "MDTBOARD_SMOKE_EXIT_MS"
#: Qt's switch (read once, at the first paint) that keeps its raster painting on the calling thread.
ENV_NO_GUI_THREADPOOL = "QT_NO_GUI_THREADPOOL"

class _PlatformWatch:
    """While the QApplication is made: Qt's messages about its platform plugin are kept, not printed, and
    its fatal "no Qt platform plugin could be initialized" (which would abort the process) becomes
    :func:`~mdtboard.system_packages.platform_failure_message` on standard error and exit status 1."""

    def __init__(self) -> None:
        self.details: list[str] = []
        self.previous: object = None

    def __call__(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category or ""
        if category.startswith("qt.qpa") or kind == QtMsgType.QtFatalMsg:
            self.details.append(message)
        if kind == QtMsgType.QtFatalMsg:
            from mdtboard.system_packages import platform_failure_message

            platform = os.environ.get("QT_QPA_PLATFORM") or None
            sys.stderr.write(platform_failure_message(platform, self.details[:3]) + "\n")
            sys.stderr.flush()
            os._exit(1)  # Qt aborts after a fatal message: leave first, with a status scripts can read
        if not category.startswith("qt.qpa"):
            sys.stderr.write(message + "\n")


def paint_on_one_thread() -> None:
    """Have Qt paint on the GUI thread alone, before the application is made (a variable already set, even
    empty, is left as it is).

    Qt's raster engine hands every fill of 96 lines or more to a pool of threads and waits until they are
    done: the scroll bar's shaded groove, 800 pixels high, on every step of a scroll. For fills of the
    program's size the hand-over costs more than the fill: in the case library, page steps spent a third of
    their time handing the groove out and waiting for it (perf, 2 cores), and on a busy machine each wait
    for a thread to be given a core lengthened a step by milliseconds. Only the speed of what is drawn
    changes, never what is drawn: a large picture scaled (the print preview's pages) is drawn by one thread
    instead of several."""
    os.environ.setdefault(ENV_NO_GUI_THREADPOOL, "1")


def make_application(argv: list[str] | None = None) -> QApplication:
    paint_on_one_thread()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        watch = _PlatformWatch()
        qInstallMessageHandler(watch)
        try:
            app = QApplication(argv or sys.argv)
        finally:
            qInstallMessageHandler(None)
    app.setApplicationName(APPLICATION_NAME)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationDisplayName("mdtboard")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("mdtboard")
    from mdtboard.ui.main_window import icon_path

    path = icon_path()
    if path is not None:
        app.setWindowIcon(QIcon(str(path)))
    return app


def run(database_url: str | None, *, debug: bool = False) -> int:
    """Start the program on ``database_url`` (the default SQLite file when None); the exit status."""
    # No garbage collection until the window is painted: building it allocates much and frees little, and
    # the collector would walk every new object again and again on the way.
    gc.disable()
    from mdtboard.log import configure, current_file

    # The levels now; the file at the first record (finding the user's log folder, making it private and
    # loading logging's handlers took some 15 ms before the first paint), which the opening of the database
    # writes on its thread.
    configure(debug=debug, deferred=True)
    app = make_application()
    from mdtboard.ui.crash import CrashHandler
    from mdtboard.ui.heap import keep_built
    from mdtboard.ui.main_window import MainWindow

    window = MainWindow(QSettings())
    window.people.required = True  # nobody works in the program without signing in (or the demo team)
    window.database_failed.connect(lambda _message: app.exit(1))
    smoke_exit_ms = os.environ.get(ENV_SMOKE_EXIT_MS, "").strip()
    # A fault no slot caught is logged and told, and the program goes on; in a smoke run it ends the
    # program with status 1 instead of leaving it running half-built until someone closes it.
    CrashHandler(current_file, then=(lambda: app.exit(1)) if smoke_exit_ms.isdigit() else None).install()
    if smoke_exit_ms.isdigit():
        window.services_ready.connect(lambda: QTimer.singleShot(int(smoke_exit_ms), app.quit))
    window.show_window()  # maximised on the first start, else as it was left
    # What start-up made until the paint lasts (modules, classes, the window): kept out of the collector's
    # generations before it runs again, so that its first collections do not walk all of it behind the paint.
    window.after_first_paint(keep_built)
    window.after_first_paint(gc.enable)
    # The demo cases are offered only on the default database, never on a team's named server.
    offer_demo = database_url is None and not os.environ.get(ENV_DATABASE_URL)
    window.open_database(database_url, offer_demo=offer_demo)  # behind the first paint, on a thread
    return app.exec()
