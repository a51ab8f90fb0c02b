"""Help > Backups in the real main window: list, back up now, restore (which starts the program again)."""

from __future__ import annotations

import os
from pathlib import Path

from gui_helpers import make_window, settings_path
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Case, Patient
from mdtboard.services.context import open_services
from mdtboard.storage.db import sqlite_url
from mdtboard.ui import ops
from mdtboard.ui.main_window import MainWindow

__all__ = ["make_window", "settings_path"]


def test_backups_are_listed_made_and_restored(qtbot: QtBot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = sqlite_url(tmp_path / "db.sqlite3")
    first = open_services(url)
    first.cases.create(Case(ref="K-1", fictional=True, patient=Patient(display_name="Kai"), title="Knee"))
    first.close()
    window: MainWindow = make_window(url)
    with qtbot.waitSignal(window.database_checked, timeout=10_000):
        pass  # once the window is usable, the opened file is checked and the day's backup taken
    action = window.safety.action_backups
    assert action.isEnabled() and action in window.ui.menuHelp.actions()
    dialog = window.safety.open_backups()
    assert dialog is not None
    ops.operations().wait()
    assert dialog.list.count() == 1 and "daily" in dialog.list.item(0).text()

    assert window.services is not None
    window.services.cases.create(
        Case(ref="K-2", fictional=True, patient=Patient(display_name="Kim"), title="x")
    )
    dialog.backup_button.click()
    ops.operations().wait()
    ops.operations().wait()  # the refreshed list
    assert dialog.list.count() == 2 and "made by hand" in dialog.list.item(0).text()
    assert all(os.stat(p).st_mode & 0o077 == 0 for p in (tmp_path / "db-backups").iterdir())

    restarted: list[bool] = []
    window.safety._restart = lambda: restarted.append(True)
    dialog.list.setCurrentRow(1)  # the daily backup: K-1 only
    box = dialog.ask_restore()
    assert box is not None and "kept" in box.text()
    restore = next(b for b in box.buttons() if b.text() == "&Restore")
    restore.click()
    ops.operations().wait()
    done = window.safety.last_box
    assert isinstance(done, QMessageBox) and "before-restore" in done.text()
    done.accept()
    qtbot.waitUntil(lambda: bool(restarted))
    assert not window.isVisible()
    again = open_services(url)
    assert [c.ref for c in again.cases.search("", limit=None)] == ["K-1"]
    again.close()


def test_a_database_others_can_read_is_told_when_the_window_opens(make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "db.sqlite3"
    open_services(sqlite_url(path)).close()
    os.chmod(path, 0o644)
    window: MainWindow = make_window(sqlite_url(path))
    box = window.safety.last_box
    assert isinstance(box, QMessageBox) and "Other users of this computer can read" in box.text()
    box.accept()
