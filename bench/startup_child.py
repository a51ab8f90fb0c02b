"""One start of a desktop program, for ``bench_startup``: ``python -m bench.startup_child mdtboard URL``
starts mdtboard exactly as ``mdtboard --database URL`` does; ``python -m bench.startup_child bare`` starts
a bare PySide6 QMainWindow. Either prints one JSON line with ``time.monotonic()`` readings (a clock the
parent process shares) and quits:

* ``app``: the QApplication exists (mdtboard only);
* ``show``: the main window's ``show()`` (its Show event);
* ``opening``, ``ready`` (mdtboard only): ``MainWindow.open_database`` called, ``services_ready`` emitted;
* ``shown``: the main window's first paint;
* ``idle``: the first time the event loop is about to wait for input after the window was shown and,
  for mdtboard, after the database was opened and the library filled (``MainWindow.services_ready``).

The only thing added to mdtboard's start is an event filter on the application (installed by wrapping
``mdtboard.app.make_application``, which ``mdtboard.app.run`` calls).
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

#: The bare window is given mdtboard's default size, so that both paint the same area.
BARE_SIZE = (1280, 820)


class Watch(QObject):
    """Notes the first paint of the main window; then, once ``ready`` is set, the first idle moment."""

    def __init__(self, needs_ready: bool) -> None:
        super().__init__()
        self.times: dict[str, float] = {}
        self.ready = not needs_ready
        self.window: QMainWindow | None = None
        self._dispatcher: Any = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if "show" not in self.times and event.type() == QEvent.Type.Show and isinstance(watched, QMainWindow):
            self.times["show"] = time.monotonic()
            self.window = watched
            self._on_show(watched)
        if (
            "shown" not in self.times
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow)
        ):
            self.times["shown"] = time.monotonic()
        return False

    def _on_show(self, window: QMainWindow) -> None:
        ready = getattr(window, "services_ready", None)
        if ready is not None and not self.ready:
            ready.connect(self.set_ready)
        opener = getattr(window, "open_database", None)
        if opener is not None:

            def opening(*args: Any, **kwargs: Any) -> Any:
                self.times["opening"] = time.monotonic()
                return opener(*args, **kwargs)

            window.open_database = opening  # type: ignore[attr-defined]
        self._dispatcher = QAbstractEventDispatcher.instance()
        self._dispatcher.aboutToBlock.connect(self._about_to_block)

    def set_ready(self) -> None:
        self.ready = True
        self.times["ready"] = time.monotonic()

    def _about_to_block(self) -> None:
        if self.ready and "shown" in self.times and "idle" not in self.times:
            self.times["idle"] = time.monotonic()
            size = self.window.size() if self.window is not None else None
            print(
                json.dumps(self.times | {"size": [size.width(), size.height()] if size else None}), flush=True
            )
            QTimer.singleShot(0, QCoreApplication.quit)


def mdtboard(url: str) -> int:
    import mdtboard.app as app_module
    from mdtboard.cli import main

    watch = Watch(needs_ready=True)
    make = app_module.make_application

    def make_watched(argv: list[str] | None = None) -> QApplication:
        app = make(argv)
        watch.times["app"] = time.monotonic()
        app.installEventFilter(watch)
        return app

    app_module.make_application = make_watched
    return main(["--database", url])


def bare() -> int:
    app = QApplication(sys.argv)
    watch = Watch(needs_ready=False)
    app.installEventFilter(watch)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(*BARE_SIZE)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(mdtboard(sys.argv[2]) if sys.argv[1] == "mdtboard" else bare())
