"""The main window checks an existing SQLite file once it is usable: a file found damaged then is said to be
so, as at open, and the program closes (nothing written)."""

from __future__ import annotations

from pathlib import Path

from conftest import damage_last_page, sqlite_file_with_cases
from gui_helpers import click_button, make_window, settings_path
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mdtboard.storage.db import sqlite_url
from mdtboard.ui.main_window import MainWindow

__all__ = ["make_window", "settings_path"]


def test_a_file_found_damaged_after_opening_is_said_to_be_and_the_program_closes(
    qtbot: QtBot, make_window, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "team.sqlite3"
    sqlite_file_with_cases(path, 12)
    damage_last_page(path)
    before = path.read_bytes()
    window: MainWindow = make_window(sqlite_url(path))
    qtbot.waitUntil(lambda: isinstance(window.last_dialog, QMessageBox), timeout=10_000)
    box = window.last_dialog
    assert isinstance(box, QMessageBox)
    assert "is damaged" in box.text() and "Nothing was changed" in box.text()
    with qtbot.waitSignal(window.database_failed):
        click_button(box, QMessageBox.StandardButton.Close)
    window.close()
    assert path.read_bytes() == before
