"""Help > Backups: the database's backups, newest first; back up now, or restore one.

Restoring asks first (saying that the current contents are kept as a backup), queues the save of
everything pending (not waited for on the GUI thread: :func:`~mdtboard.ui.editing.after_save.after_saves`),
runs on the writer thread after those saves (refused when one fails), and then starts the program again on
the restored database: what the open window holds is of the old contents.

Signals:
    restored(str): a backup was restored; the message to show (what was restored, where the old
        contents are kept).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mdtboard.ui import ops
from mdtboard.ui.editing.after_save import after_saves

if TYPE_CHECKING:
    from mdtboard.domain.errors import MdtboardError
    from mdtboard.services.backups import Backup, BackupService, Restored

PATH_ROLE = Qt.ItemDataRole.UserRole


class BackupsDialog(QDialog):
    restored = Signal(str)

    def __init__(
        self,
        service: BackupService,
        parent: QWidget | None = None,
        *,
        flush: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._flush = flush
        self.last_box: QMessageBox | None = None
        self.setWindowTitle("Backups")
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.note)
        self.list = QListWidget()
        self.list.setAccessibleName("Backups, newest first")
        layout.addWidget(self.list)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = QPushButton("&Back up now")
        self.restore_button = QPushButton("&Restore…")
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._connect_signals()
        self.resize(620, 420)
        self.refresh()

    def _connect_signals(self) -> None:
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.ask_restore)
        self.list.itemActivated.connect(lambda _item: self.ask_restore())
        self.list.currentRowChanged.connect(lambda _row: self._enable())

    # -- the list
    def refresh(self) -> None:
        if not self.service.available:
            from mdtboard.services.backups import POSTGRESQL_NOTE

            self.note.setText(POSTGRESQL_NOTE)
            self.list.setEnabled(False)
            self.backup_button.setEnabled(False)
            self._enable()
            return
        self.note.setText(
            f"Backups of the database, made on the first start of each day and before every update of "
            f"mdtboard, kept in {self.service.folder}. Restoring one keeps the current contents as a "
            "backup first."
        )
        ops.read(self.service.list, parent=self, success=self._fill, failure=self._failed, label="backups")

    def _fill(self, backups: list[Backup]) -> None:
        self.list.clear()
        for backup in backups:
            item = QListWidgetItem(backup.label)
            item.setData(PATH_ROLE, str(backup.path))
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        else:
            self.message.setText("No backups yet.")
        self.list.setFocus()
        self._enable()

    def _enable(self) -> None:
        self.restore_button.setEnabled(self.service.available and self.list.currentItem() is not None)

    def selected(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(PATH_ROLE)) if item is not None else None

    def _failed(self, error: MdtboardError) -> None:
        self.message.setText(str(error))
        self._enable()

    # -- backing up
    def backup_now(self) -> None:
        self.backup_button.setEnabled(False)
        self.message.setText("Backing up…")
        ops.read(self.service.backup_now, parent=self, success=self._backed_up, failure=self._backup_failed,
                 label="backup")

    def _backed_up(self, path: Path) -> None:
        self.backup_button.setEnabled(True)
        self.message.setText(f"Backed up and checked: {path.name}")
        self.refresh()

    def _backup_failed(self, error: MdtboardError) -> None:
        self.backup_button.setEnabled(True)
        self._failed(error)

    # -- restoring
    def ask_restore(self) -> QMessageBox | None:
        chosen = self.list.currentItem()
        path = self.selected()
        if chosen is None or path is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Restore this backup?",
            f"Replace the database's contents with the backup of {chosen.text()}?\n\nEverything saved since "
            "then is taken out of the database, but kept: the current contents are backed up first, and "
            "can be restored from this list. mdtboard starts again afterwards.",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        restore = box.addButton("&Restore", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self.restore(path) if button is restore else None)
        self.last_box = box
        box.open()
        return box

    def restore(self, path: Path) -> None:
        """Restore ``path`` once everything typed is saved: the saves queued, not waited for (a locked or
        silent database does not hold the window), the restore on the writer after them; refused, with
        nothing restored, when a save fails."""
        self.restore_button.setEnabled(False)
        self.message.setText("Saving what is typed, then restoring…")

        def start() -> None:
            self.message.setText("Restoring…")
            ops.write(lambda: self.service.restore(path), parent=self, success=self._restored,
                      failure=self._failed, label="restore")

        def refused() -> None:
            self.message.setText(
                "Some changes could not be saved (see the status bar); nothing was restored."
            )
            self._enable()

        if self._flush is None:
            start()
        else:
            after_saves(self._flush, start, refused, parent=self, label="restoring a backup after the saves")

    def _restored(self, done: Restored) -> None:
        aside = done.kept_aside
        kept = f" The contents before it are kept as the backup {aside.name}." if aside else ""
        text = f"The backup was restored.{kept}"
        self.message.setText(text)
        self.restored.emit(text)
