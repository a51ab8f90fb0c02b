"""What the main window gets for accountability and recovery, installed by :func:`install_safety`:

- Help > Backups…: the backups of the database (:class:`~mdtboard.ui.safety.backups.BackupsDialog`);
  a restore starts the program again on the restored database.
- the warnings the database gave when it was opened (other users can read it, today's backup failed),
  shown once it is open;
- the number of days of daily backups kept (setting ``backups/keep_days``, default 14).

Only PySide6 is imported here; the dialogs are imported when first used.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QProcess, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox

from mdtboard.ui import settings as options

if TYPE_CHECKING:
    from mdtboard.services.context import Services
    from mdtboard.ui.safety.backups import BackupsDialog


def restart_program() -> None:
    """Start the program again as it was started (the packaged program, or Python and its script)."""
    args = sys.argv[1:] if getattr(sys, "frozen", False) else sys.argv
    QProcess.startDetached(sys.executable, list(args))


class SafetyMenu(QObject):
    def __init__(self, window: QMainWindow, *, restart: Callable[[], None] = restart_program) -> None:
        super().__init__(window)
        self.window: Any = window
        self._restart = restart
        self.backups_dialog: BackupsDialog | None = None
        self.last_box: QMessageBox | None = None
        help_menu = getattr(getattr(window, "ui", None), "menuHelp", None)
        self.action_backups = QAction("&Backups…", window)
        self.action_backups.setStatusTip("The database's backups: back up now, or restore one")
        if help_menu is not None:
            first = help_menu.actions()[0] if help_menu.actions() else None
            help_menu.insertAction(first, self.action_backups)
            help_menu.insertSeparator(first)
        self.action_backups.setEnabled(False)
        self.action_backups.triggered.connect(self.open_backups)
        opener = getattr(window, "_opener", None)
        settings = getattr(window, "settings", None)
        if opener is not None and settings is not None:
            opener.backup_days = options.BACKUP_KEEP_DAYS.read(settings)
        ready = getattr(window, "services_ready", None)
        if ready is not None:
            ready.connect(self._services_ready)

    @property
    def services(self) -> Services | None:
        services: Services | None = getattr(self.window, "services", None)
        return services

    def _services_ready(self) -> None:
        self.action_backups.setEnabled(True)
        services = self.services
        warnings = services.db.warnings if services is not None else ()
        if warnings:
            self.show_warning("About your database", "\n\n".join(warnings))

    def show_warning(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_box = box
        box.open()
        return box

    # -- backups
    def open_backups(self) -> BackupsDialog | None:
        services = self.services
        if services is None:
            return None
        from mdtboard.ui.safety.backups import BackupsDialog

        if self.backups_dialog is None:
            flush = getattr(self.window, "flush", None)
            self.backups_dialog = BackupsDialog(services.backups, self.window, flush=flush)
            self.backups_dialog.restored.connect(self._restored)
        else:
            self.backups_dialog.refresh()
        self.backups_dialog.show()
        self.backups_dialog.raise_()
        self.backups_dialog.activateWindow()
        return self.backups_dialog

    def _restored(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Backup restored",
            f"{text}\n\nmdtboard starts again now, on the restored database.",
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._start_again())
        self.last_box = box
        box.open()

    def _start_again(self) -> None:
        if self.backups_dialog is not None:
            self.backups_dialog.close()
        self._restart()
        self.window.close()


def install_safety(window: QMainWindow) -> SafetyMenu:
    return SafetyMenu(window)
