"""One start of a desktop program, for ``bench_startup``: ``python -m bench.startup_child mdtboard URL``
starts mdtboard exactly as ``mdtboard --database URL`` does; ``python -m bench.startup_child bare`` starts
a bare PySide6 QMainWindow. Either prints one JSON line with ``time.monotonic()`` readings (a clock the
parent process shares) and quits:

* ``app``: the QApplication exists (mdtboard only);
* ``show``: the main window's ``show()`` is called;
* ``shown``: the main window's first paint (its own Paint event, which begins the paint of the window);
* ``idle``: the event loop is about to wait for input after that paint and after everything queued until
  then (a zero timer started at the paint has fired): the window is there and answers;
* ``opening``, ``ready`` (mdtboard only): ``MainWindow.open_database`` called, ``services_ready`` emitted
  (the database is open, every page built, the library filled);
* ``ready_idle`` (mdtboard only): the same kind of idle moment after ``ready``;
* ``filled``, ``filled_idle`` (mdtboard only): ``library_filled`` emitted (the case library built and showing
  its first page; on a SQLite file at the program's schema it is read through ``sqlite3`` while the
  services load, see ``mdtboard.ui.startup``), and the idle moment after it;
* ``idle_cpu_s``: the processor time the main (GUI) thread had used by ``idle``, from the start of
  the interpreter: less sensitive to other work on the machine than the moments above;
* ``longest_stall_s``: the longest gap between two ticks of a 5 ms heartbeat timer, less 5 ms, from
  ``show()`` to the last reading: how long a key press could have waited, the first paint included,
  while mdtboard opened its database behind the window.

The watch is the same for both programs: a Python event filter on the main window only, the heartbeat,
and a slot on the event dispatcher's ``aboutToBlock`` signal. (An event filter on the whole application,
as an earlier version used, hands every event of every object to Python; for the many kinds of widgets
of a real window PySide then builds the Python types of nearly all of QtWidgets on the way, some 40 ms
that only the measurement caused and that the bare window, with few kinds of objects, did not pay.) For
mdtboard the watch is attached by wrapping ``MainWindow.show_window`` (which shows the window maximised on
a first start, as here with empty settings) and ``mdtboard.app.make_application``; nothing else of its
start is changed. The bare window is shown maximised too, so both paint the same area.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

#: The bare window is shown maximised, as mdtboard on a first start (empty settings).
BARE_SIZE = (1280, 820)  # its size when restored down


HEARTBEAT_MS = 5


class Watch(QObject):
    """Notes the window's show and first paint, the first idle moment after it and, when ``needs_ready``,
    the first idle moment after the window's ``services_ready``; then prints the readings and quits."""

    def __init__(self, needs_ready: bool) -> None:
        super().__init__()
        self.times: dict[str, float] = {}
        self.needs_ready = needs_ready
        self.window: QMainWindow | None = None
        self.longest_stall = 0.0
        self.idle_cpu = 0.0
        self._settling: list[str] = []  # "idle", "ready_idle": zero timer fired, noted at the next wait
        self._beat_at = 0.0
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self._beat)
        self._dispatcher: Any = None

    def attach(self, window: QMainWindow) -> None:
        """Watch ``window``, whose ``show()`` is being called."""
        self.times["show"] = self._beat_at = time.monotonic()
        self.window = window
        window.installEventFilter(self)
        ready = getattr(window, "services_ready", None)
        if ready is not None and self.needs_ready:
            ready.connect(self.set_ready)
        filled = getattr(window, "library_filled", None)
        if filled is not None and self.needs_ready:
            filled.connect(self.set_filled)
        opener = getattr(window, "open_database", None)
        if opener is not None:

            def opening(*args: Any, **kwargs: Any) -> Any:
                self.times["opening"] = time.monotonic()
                return opener(*args, **kwargs)

            window.open_database = opening  # type: ignore[attr-defined]
        self._dispatcher = QAbstractEventDispatcher.instance()
        self._dispatcher.aboutToBlock.connect(self._about_to_block)
        self._heartbeat.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if "shown" not in self.times and event.type() == QEvent.Type.Paint:
            self.times["shown"] = time.monotonic()
            QTimer.singleShot(0, lambda: self._settled("idle"))
        return False

    def set_ready(self) -> None:
        self.times["ready"] = time.monotonic()
        QTimer.singleShot(0, lambda: self._settled("ready_idle"))

    def set_filled(self) -> None:
        self.times["filled"] = time.monotonic()
        QTimer.singleShot(0, lambda: self._settled("filled_idle"))

    def _settled(self, moment: str) -> None:
        self._settling.append(moment)  # noted at the next aboutToBlock

    def _beat(self) -> None:
        now = time.monotonic()
        self.longest_stall = max(self.longest_stall, now - self._beat_at - HEARTBEAT_MS / 1000)
        self._beat_at = now

    def _about_to_block(self) -> None:
        if not self._settling:
            return
        now = time.monotonic()
        for moment in self._settling:
            self.times[moment] = now
            if moment == "idle":
                self.idle_cpu = time.thread_time()
        self._settling = []
        if "idle" in self.times and (not self.needs_ready or "ready_idle" in self.times):
            self._finish()

    def _finish(self) -> None:
        self._beat()
        self._heartbeat.stop()
        self._dispatcher.aboutToBlock.disconnect(self._about_to_block)
        size = self.window.size() if self.window is not None else None
        readings = self.times | {
            "longest_stall_s": max(0.0, self.longest_stall),
            "idle_cpu_s": self.idle_cpu,
            "size": [size.width(), size.height()] if size else None,
        }
        print(json.dumps(readings), flush=True)
        QTimer.singleShot(0, QCoreApplication.quit)


def mdtboard(url: str) -> int:
    import mdtboard.app as app_module
    from mdtboard.cli import main

    watch = Watch(needs_ready=True)
    make = app_module.make_application

    def make_watched(argv: list[str] | None = None) -> QApplication:
        app = make(argv)  # imports the main window's module, as in every start
        watch.times["app"] = time.monotonic()
        from mdtboard.ui.main_window import MainWindow

        show = MainWindow.show_window

        def show_watched(window: MainWindow) -> None:
            watch.attach(window)
            show(window)

        MainWindow.show_window = show_watched  # type: ignore[method-assign]
        return app

    app_module.make_application = make_watched
    return main(["--database", url])


def bare() -> int:
    app = QApplication(sys.argv)
    watch = Watch(needs_ready=False)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(*BARE_SIZE)
    watch.attach(window)
    window.showMaximized()  # as mdtboard's first start (the settings are empty), so both paint one area
    return app.exec()


if __name__ == "__main__":
    sys.exit(mdtboard(sys.argv[2]) if sys.argv[1] == "mdtboard" else bare())
