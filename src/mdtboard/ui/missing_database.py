"""The database used before is not there: say so, and let the person choose what to do.

The program never recreates an empty database in place of one it has used (a drive not connected, a file
moved or deleted would otherwise look like every case lost). The files used before are remembered in the
settings (:data:`mdtboard.ui.settings.USED_DATABASE_FILES`); when one is missing at start,
:class:`MissingDatabaseDialog` offers
to choose another database file, to restore a backup into its place, to start with an empty database
there, or to quit.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from mdtboard.ui import settings as options

FILE_FILTER = "mdtboard databases (*.sqlite3 *.sqlite *.db);;All files (*)"


def used_files(settings: QSettings) -> list[str]:
    return list(options.USED_DATABASE_FILES.read(settings))


def remember_file(settings: QSettings, path: str | None) -> None:
    if path is None:
        return
    known = used_files(settings)
    if path not in known:
        options.USED_DATABASE_FILES.write(settings, [*known, path][-20:])


def restore_backup(backup: Path, target: Path) -> None:
    """Copy ``backup`` into ``target``'s place (write-then-rename, so no half-copied file is left)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".restoring")
    shutil.copyfile(backup, partial)
    with partial.open("rb+") as f:
        os.fsync(f.fileno())
    partial.replace(target)


class MissingDatabaseDialog(QMessageBox):
    """Asks what to do about a missing database file. Answers through ``decide``, once:

    ``decide(url, create)``: open ``url`` (None: the missing file itself) creating it when ``create``;
    ``decide(None, None)`` (passed as ``quit``): the person chose to quit.
    """

    def __init__(
        self,
        path: str,
        decide: Callable[[str | None, bool], None],
        quit_: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            QMessageBox.Icon.Warning,
            "The database is not there",
            f"The database file mdtboard used before is not there any more:\n\n{path}\n\n"
            "It may have been moved or deleted, or be on a drive that is not connected. mdtboard has not "
            "created an empty one in its place. Connect the drive and start mdtboard again, or:",
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        self.path = path
        self._decide = decide
        self._quit = quit_
        self.choose_button = self.addButton("Choose another database…", QMessageBox.ButtonRole.AcceptRole)
        self.restore_button = self.addButton("Restore a backup…", QMessageBox.ButtonRole.AcceptRole)
        self.empty_button = self.addButton("Start with an empty database", QMessageBox.ButtonRole.AcceptRole)
        self.quit_button = self.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.quit_button)
        self.setEscapeButton(self.quit_button)
        self.buttonClicked.connect(self._clicked)
        self.file_dialog: QFileDialog | None = None

    def _clicked(self, button: object) -> None:
        if button is self.empty_button:
            self._decide(None, True)
        elif button is self.choose_button:
            self._pick("Choose an mdtboard database", self._chosen)
        elif button is self.restore_button:
            self._pick("Choose the backup to restore", self._restore)
        else:
            self._quit()

    def _pick(self, title: str, then: Callable[[str], None]) -> None:
        dialog = QFileDialog(self.parentWidget(), title, str(Path(self.path).parent), FILE_FILTER)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(then)
        dialog.rejected.connect(self.open)  # back to the question
        self.file_dialog = dialog
        dialog.open()

    def _chosen(self, file: str) -> None:
        self._decide(f"sqlite:///{Path(file).resolve()}", False)

    def _restore(self, file: str) -> None:
        try:
            restore_backup(Path(file), Path(self.path))
        except OSError as exc:
            self.setInformativeText(f"The backup could not be copied: {exc.strerror}. Nothing was changed.")
            self.open()
            return
        self._decide(None, False)
