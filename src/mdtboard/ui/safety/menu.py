"""What the main window gets for accountability and recovery, installed by :func:`install_safety`:

- Help > Backups…: the backups of the database (:class:`~mdtboard.ui.safety.backups.BackupsDialog`);
  a restore starts the program again on the restored database.
- the warnings the database gave when it was opened (other users can read it, today's backup failed),
  shown once it is open;
- File > Case history… (Ctrl+Shift+H): who changed what of the open case, from the audit trail;
- the number of days of daily backups kept (setting ``backups/keep_days``, default 14).

Only PySide6 is imported here, and of it only what the window's first paint needs (see
:mod:`mdtboard.ui.main_window`); the dialogs are imported when first used.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from mdtboard.ui import settings as options

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from mdtboard.services.context import Services
    from mdtboard.ui.safety.backups import BackupsDialog
    from mdtboard.ui.safety.history import HistoryDialog


def restart_program() -> None:
    """Start the program again as it was started (the packaged program, or Python and its script)."""
    from PySide6.QtCore import QProcess

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
        self.history_dialog: HistoryDialog | None = None
        self.action_history = QAction("Case &history…", window)
        self.action_history.setShortcuts([QKeySequence("Ctrl+Shift+H")])
        self.action_history.setStatusTip("Who changed what of the open case, and when (the audit trail)")
        self._add_to_file_menu(window, self.action_history)
        self.action_history.setEnabled(False)
        self.action_history.triggered.connect(lambda: self.open_history())
        opener = getattr(window, "_opener", None)
        settings = getattr(window, "settings", None)
        if opener is not None and settings is not None:
            opener.backup_days = options.BACKUP_KEEP_DAYS.read(settings)
            opener.encrypt = options.DATABASE_ENCRYPTION.read(settings)
        ready = getattr(window, "services_ready", None)
        if ready is not None:
            ready.connect(self._services_ready)

    @staticmethod
    def _add_to_file_menu(window: QMainWindow, action: QAction) -> None:
        """``action`` in the window's File menu, before its last separator (the one above Quit). Every
        letter of a "Case" menu's title is a mnemonic of the workspace already (Alt+S search, Alt+A agenda,
        Alt+E edit), so the case's own commands live in File."""
        menu = getattr(getattr(window, "ui", None), "menuFile", None)
        if not isinstance(menu, QMenu):
            window.addAction(action)
            return
        separators = [a for a in menu.actions() if a.isSeparator()]
        if separators:
            menu.insertAction(separators[-1], action)
        else:
            menu.addAction(action)

    @property
    def services(self) -> Services | None:
        services: Services | None = getattr(self.window, "services", None)
        return services

    def _services_ready(self) -> None:
        self.action_backups.setEnabled(True)
        self.action_history.setEnabled(True)
        services = self.services
        warnings = services.db.warnings if services is not None else ()
        if warnings:
            self.show_warning("About your database", "\n\n".join(warnings))

    def show_warning(self, title: str, text: str) -> QMessageBox:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_box = box
        box.open()
        return box

    # -- history
    def open_history(self, case_id: int | None = None) -> HistoryDialog | None:
        """The history of ``case_id`` (default: the case open in the editor)."""
        services = self.services
        editor = getattr(self.window, "editor", None)
        if case_id is None and editor is not None:
            case_id = editor.current_case_id()
        if services is None or case_id is None:
            show = getattr(self.window, "show_status", None)
            if show is not None:
                show("Open a case first: its history is shown")
            return None
        from mdtboard.ui.safety.history import HistoryDialog

        if self.history_dialog is not None:
            self.history_dialog.close()
            self.history_dialog.deleteLater()
        self.history_dialog = HistoryDialog(services.audit, case_id, self.window)
        self.history_dialog.show()
        return self.history_dialog

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
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

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
