"""The last resort for a fault of the program: logged, told in plain words, and the program goes on.

A Python exception that no slot caught reaches :func:`sys.excepthook`. The hook installed here writes it
to the log (types and places, no messages: see :mod:`mdtboard.log`) and shows one dialog, "Something went
wrong. What you typed is saved up to 14:02:31. Details are in <log file>", without closing the program:
Qt goes on delivering events, and the editors go on saving. While the dialog is open, further faults are
only logged (a fault that repeats on every paint must not bury the window under dialogs).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from mdtboard.ui.editing.clock import saved_up_to

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def crash_message(log_file: Path | None) -> str:
    where = f"Details are in {log_file}." if log_file is not None else "No log could be written."
    return f"Something went wrong. What you typed is saved up to {saved_up_to():%H:%M:%S}. {where}"


class CrashHandler:
    """The exception hook: log, tell once, carry on. ``then`` runs after (the smoke run exits).

    ``log_file``: the log's file, or a function that says which it is when a fault comes (the program opens
    its log at the first record, which may be the fault's: :func:`mdtboard.log.current_file`)."""

    def __init__(
        self,
        log_file: Path | Callable[[], Path | None] | None,
        parent: Callable[[], QWidget | None] | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        self._log_file = log_file
        self._parent = parent or QApplication.activeWindow
        self._then = then
        self.box: QMessageBox | None = None
        self.faults = 0
        self._previous: Hook | None = None

    @property
    def log_file(self) -> Path | None:
        """Where the faults are logged (None: no log could be written)."""
        return self._log_file() if callable(self._log_file) else self._log_file

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self and self._previous is not None:
            sys.excepthook = self._previous

    def __call__(
        self, kind: type[BaseException], value: BaseException, traceback: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, traceback)
            return
        self.faults += 1
        log.error("uncaught exception (fault %d)", self.faults, exc_info=(kind, value, traceback))
        print(f"mdtboard: unexpected {kind.__name__}; details in {self.log_file}", file=sys.stderr)
        if QApplication.instance() is not None and self.box is None:
            self._show()
        if self._then is not None:
            self._then()

    def _show(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "mdtboard: something went wrong",
            crash_message(self.log_file),
            QMessageBox.StandardButton.Ok,
            self._parent(),
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._closed)
        self.box = box
        box.open()

    def _closed(self, _result: int) -> None:
        self.box = None
