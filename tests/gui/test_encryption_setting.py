"""The ``database/encrypt`` setting in the program: a new database is created encrypted (real SQLCipher, a
real keyring backend: keyrings.alt's file backend through keyring's ``PYTHON_KEYRING_BACKEND``), and without
a usable keyring the program says what is missing and creates nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from gui_helpers import OPEN_TIMEOUT_MS
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Case, Patient
from mdtboard.services.context import open_services
from mdtboard.storage import cipher
from mdtboard.storage.db import sqlite_url
from mdtboard.ui.main_window import MainWindow
from mdtboard.ui.settings import DATABASE_ENCRYPTION


@pytest.fixture(autouse=True)
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    before = keyring.get_keyring()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "keyring-data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    keyring.core.init_backend()
    yield
    keyring.set_keyring(before)


def _window(qtbot: QtBot, settings_path: Path, *, encrypt: bool) -> MainWindow:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    DATABASE_ENCRYPTION.write(settings, encrypt)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_with_the_setting_on_the_program_creates_its_database_encrypted(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "team.sqlite3"
    settings_path = tmp_path / "settings.ini"
    window = _window(qtbot, settings_path, encrypt=True)
    with qtbot.waitSignal(window.services_ready, timeout=OPEN_TIMEOUT_MS):
        window.open_database(sqlite_url(path))
    assert window.services is not None
    window.services.cases.create(Case(ref="ENC-1", fictional=True, patient=Patient("Kept Case")))
    window.close()
    assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    key = keyring.get_password("mdtboard", str(path))
    assert key is not None
    assert key not in settings_path.read_text("utf-8")
    services = open_services(sqlite_url(path), create=False)
    try:
        assert [c.ref for c in services.cases.search("", limit=None)] == ["ENC-1"]
    finally:
        services.close()


def test_without_a_keyring_the_program_says_what_is_missing_and_creates_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.core.init_backend()
    path = tmp_path / "team.sqlite3"
    window = _window(qtbot, tmp_path / "settings.ini", encrypt=True)
    window.open_database(sqlite_url(path))
    qtbot.waitUntil(lambda: isinstance(window.last_dialog, QMessageBox), timeout=OPEN_TIMEOUT_MS)
    box = window.last_dialog
    assert isinstance(box, QMessageBox)
    shown = box.text() + box.informativeText()
    assert "keyring" in shown and "Secret Service" in shown and "Nothing was created" in shown
    with qtbot.waitSignal(window.database_failed):
        box.done(0)
    assert not path.exists()
    assert cipher.file_state(path) == "missing"
