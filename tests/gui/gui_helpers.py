"""Helpers of the GUI tests: a main window on a test database (opened behind the shown window, as the
program does, then waited for), answering its non-blocking dialogs, and a second session on the same
database to look at what was stored."""

from __future__ import annotations

import gc
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QCursor, QIcon, QPagedPaintDevice, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from mdtboard.interchange.bundle import import_files
from mdtboard.services.cases import CaseService, StoredCase
from mdtboard.services.context import Services, open_services
from mdtboard.storage.db import sqlite_path
from mdtboard.ui.main_window import MainWindow

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE_CASES = DATA / "sample-cases.json"

WindowFactory = Callable[..., MainWindow]

#: How long a test waits for a window to open its database: generous, for a loaded machine.
OPEN_TIMEOUT_MS = 30_000


#: Qt objects that must be destroyed on the GUI thread: QObjects (they belong to their thread) and the
#: paint devices and images of the window system.
GUI_THREAD_ONLY = (QObject, QPixmap, QIcon, QCursor, QPagedPaintDevice)


def python_owned_qt_objects_in_cycles() -> list[str]:
    """The Qt objects that must go on the GUI thread, owned by Python, which only the cycle collector would
    free now (collected here, on the GUI thread: left to the collector, they would be destroyed on whichever
    thread ran it, an operation's worker too)."""
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        return sorted(
            type(item).__name__ for item in gc.garbage
            if isinstance(item, GUI_THREAD_ONLY) and shiboken6.isValid(item) and shiboken6.ownedByPython(item)
        )
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.collect()


def load_samples(service: CaseService) -> list[StoredCase]:
    """The five sample cases of tests/data (stand-ins for the demo bank in tests)."""
    return import_files(service, [SAMPLE_CASES])


def sample_count() -> int:
    return len(json.loads(SAMPLE_CASES.read_text("utf-8"))["cases"])


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot: QtBot, settings_path: Path) -> Iterator[WindowFactory]:
    """``make_window(url, offer_demo=False, load_demo=None)``: a shown main window with its database open.

    Every window made shares one settings file, like one person's program started twice."""

    def make(
        url: str, *, offer_demo: bool = False, load_demo: Callable[..., object] | None = None
    ) -> MainWindow:
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
        window = MainWindow(settings, load_demo=load_demo)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        open_and_wait(qtbot, window, url, offer_demo=offer_demo)
        return window

    yield make


def open_and_wait(qtbot: QtBot, window: MainWindow, url: str, *, offer_demo: bool = False) -> None:
    """Open the database of ``window`` (on a thread, behind the shown window) and wait until every page
    is built."""
    with qtbot.waitSignal(window.services_ready, timeout=OPEN_TIMEOUT_MS):
        window.open_database(url, offer_demo=offer_demo)
    assert window.services is not None


def close_window(qtbot: QtBot, window: MainWindow) -> None:
    """Close ``window`` as the person would, and wait until it has closed: closing does not wait for the
    saves on the GUI thread, it closes once they are written (see mdtboard.ui.closing)."""
    window.close()
    qtbot.waitUntil(lambda: window.is_closed, timeout=OPEN_TIMEOUT_MS)


@pytest.fixture
def second_session(sqlite_database_url: str, sqlite_as_made: Path) -> Iterator[Services]:
    """Another session on the SQLite test database (another PC, or the command line). When the file is not
    there yet, it is a copy of an empty one the program made (``sqlite_as_made`` in conftest.py)."""
    path = sqlite_path(sqlite_database_url)
    assert path is not None
    if not path.exists():
        shutil.copy(sqlite_as_made, path)
    services = open_services(sqlite_database_url)
    yield services
    services.close()


def click_button(box: QMessageBox, which: QMessageBox.StandardButton) -> None:
    button = box.button(which)
    assert button is not None, f"the dialog has no {which} button"
    button.click()


def modal_dialogs() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isModal()]


def import_and_wait(qtbot: QtBot, library: Any, paths: list[Path]) -> Any:
    """Import ``paths`` in the library (in the background, as the program does) and wait for the end:
    the stored cases, or the error that stopped the import."""
    job = library.import_paths(paths)
    with qtbot.waitSignal(job.finished, timeout=OPEN_TIMEOUT_MS) as blocker:
        pass
    return blocker.args[0]


def wait_for_import(qtbot: QtBot, library: Any) -> None:
    """Wait until the import the library is running (started by a drop, say) has ended."""
    qtbot.waitUntil(lambda: library.importing is None, timeout=OPEN_TIMEOUT_MS)


def opened(window: Any, conference_id: int) -> bool:
    """Open a teaching conference in the training window (read in the background) and wait until it is
    shown, with its case and tabs read too: True when it is the one shown."""
    from conftest import settle

    window.open_conference(conference_id)
    settle()
    return window.conference is not None and window.conference.id == conference_id


def focused() -> QWidget:
    """The widget that has the keyboard focus (there must be one)."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard focus is, or in the active window when no widget has it (shortcuts
    included), as a person at the keyboard would."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifiers)


def type_text(qtbot: QtBot, text: str) -> None:
    """Type into the widget that has the keyboard focus, as a person would."""
    qtbot.keyClicks(focused(), text)
