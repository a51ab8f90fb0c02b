"""What a person sees of faults: a database used before that is gone at start, and a fault of the
program (logged, told once, and the program goes on)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from gui_helpers import OPEN_TIMEOUT_MS
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mdtboard import log as mdtboard_log
from mdtboard.domain.case import Case, Patient
from mdtboard.storage.db import sqlite_url
from mdtboard.ui.crash import CrashHandler, crash_message
from mdtboard.ui.editing.clock import note_saved, saved_up_to
from mdtboard.ui.main_window import MainWindow
from mdtboard.ui.missing_database import MissingDatabaseDialog
from mdtboard.ui.settings import USED_DATABASE_FILES

NAME = "Zoë " + "Privatename"


def _window(qtbot: QtBot, settings_path: Path) -> MainWindow:
    window = MainWindow(QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _first_start(qtbot: QtBot, tmp_path: Path, path: Path) -> Path:
    """The program used ``path`` once (with one case in it); the settings remember it."""
    settings_path = tmp_path / "settings.ini"
    window = _window(qtbot, settings_path)
    with qtbot.waitSignal(window.services_ready, timeout=OPEN_TIMEOUT_MS):
        window.open_database(sqlite_url(path))
    assert window.services is not None
    window.services.cases.create(Case(ref="KEPT-1", fictional=True, patient=Patient("Kept Case")))
    window.close()
    assert QSettings(str(settings_path), QSettings.Format.IniFormat).value(USED_DATABASE_FILES.key) in (
        [str(path)],
        str(path),
    )
    return settings_path


def _missing_dialog(qtbot: QtBot, window: MainWindow, path: Path) -> MissingDatabaseDialog:
    window.open_database(sqlite_url(path))
    qtbot.waitUntil(lambda: isinstance(window.last_dialog, MissingDatabaseDialog), timeout=OPEN_TIMEOUT_MS)
    box = window.last_dialog
    assert isinstance(box, MissingDatabaseDialog) and box.isVisible()
    assert str(path) in box.text() and "has not created an empty one" in box.text()
    assert box.defaultButton() is box.quit_button
    assert not path.exists()  # nothing was created while asking
    return box


def test_a_database_gone_since_last_time_is_not_recreated_silently(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "team.sqlite3"
    backup = tmp_path / "backup.sqlite3"
    settings_path = _first_start(qtbot, tmp_path, path)
    shutil.copyfile(path, backup)
    path.unlink()
    window = _window(qtbot, settings_path)
    box = _missing_dialog(qtbot, window, path)
    with qtbot.waitSignal(window.database_failed):
        box.quit_button.click()
    assert not path.exists()

    # started again: restore the backup into its place
    window = _window(qtbot, settings_path)
    box = _missing_dialog(qtbot, window, path)
    box.restore_button.click()
    assert box.file_dialog is not None
    with qtbot.waitSignal(window.services_ready, timeout=OPEN_TIMEOUT_MS):
        box.file_dialog.fileSelected.emit(str(backup))
    assert window.services is not None
    assert [c.ref for c in window.services.cases.search("")] == ["KEPT-1"]
    window.close()


def test_starting_empty_or_on_another_file_is_the_persons_choice(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "team.sqlite3"
    settings_path = _first_start(qtbot, tmp_path, path)
    other = tmp_path / "other.sqlite3"
    shutil.copyfile(path, other)
    path.unlink()
    window = _window(qtbot, settings_path)
    box = _missing_dialog(qtbot, window, path)
    box.choose_button.click()
    assert box.file_dialog is not None
    with qtbot.waitSignal(window.services_ready, timeout=OPEN_TIMEOUT_MS):
        box.file_dialog.fileSelected.emit(str(other))
    assert window.services is not None and window.services.db.url == sqlite_url(other)
    assert not path.exists()
    window.close()

    window = _window(qtbot, settings_path)
    box = _missing_dialog(qtbot, window, path)
    with qtbot.waitSignal(window.services_ready, timeout=OPEN_TIMEOUT_MS):
        box.empty_button.click()
    assert path.exists()
    assert window.services is not None and window.services.cases.search("") == []
    window.close()


def test_a_fault_of_the_program_is_logged_told_once_and_the_program_goes_on(
    qtbot: QtBot, tmp_path: Path
) -> None:
    mdtboard_log.unconfigure()
    log_file = mdtboard_log.configure(folder=tmp_path / "log")
    window = _window(qtbot, tmp_path / "settings.ini")
    handler = CrashHandler(log_file, parent=lambda: window)
    note_saved()
    try:
        raise RuntimeError(f"while saving the case of {NAME}")
    except RuntimeError as exc:
        handler(type(exc), exc, exc.__traceback__)
    box = handler.box
    assert isinstance(box, QMessageBox) and box.isVisible()
    expected = (
        f"Something went wrong. What you typed is saved up to {saved_up_to():%H:%M:%S}. "
        f"Details are in {log_file}."
    )
    assert box.text() == expected == crash_message(log_file)
    # a second fault while the message is open is logged, not shown again
    try:
        raise KeyError(NAME)
    except KeyError as exc:
        handler(type(exc), exc, exc.__traceback__)
    assert handler.box is box and handler.faults == 2
    assert window.isVisible() and QApplication.instance() is not None  # the program goes on
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: handler.box is None)
    for h in logging.getLogger("mdtboard").handlers:
        h.flush()
    assert log_file is not None
    text = log_file.read_text("utf-8")
    assert "uncaught exception (fault 1)" in text and "builtins.RuntimeError" in text
    assert "uncaught exception (fault 2)" in text and "builtins.KeyError" in text
    assert "Privatename" not in text
    mdtboard_log.unconfigure()


def test_a_fault_before_the_log_is_opened_is_logged_and_its_file_named(qtbot: QtBot, tmp_path: Path) -> None:
    """The program opens its log at the first record (``configure(deferred=True)``, so that the window is
    shown without waiting for the log's folder): a fault that is that first record opens the file, is
    written to it, and the message names it."""
    mdtboard_log.unconfigure()
    folder = tmp_path / "log"
    mdtboard_log.configure(folder=folder, deferred=True)
    assert mdtboard_log.current_file() is None and not folder.exists()  # nothing opened yet
    window = _window(qtbot, tmp_path / "settings.ini")
    handler = CrashHandler(mdtboard_log.current_file, parent=lambda: window)
    try:
        raise RuntimeError(f"while saving the case of {NAME}")
    except RuntimeError as exc:
        handler(type(exc), exc, exc.__traceback__)
    log_file = folder / "mdtboard.log"
    assert handler.log_file == mdtboard_log.current_file() == log_file
    box = handler.box
    assert isinstance(box, QMessageBox)
    assert box.text() == crash_message(log_file) and f"Details are in {log_file}." in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    for h in logging.getLogger("mdtboard").handlers:
        h.flush()
    text = log_file.read_text("utf-8")
    assert "uncaught exception (fault 1)" in text and "builtins.RuntimeError" in text
    assert "Privatename" not in text
    mdtboard_log.unconfigure()
