"""The program's long-lived objects are kept out of the garbage collector's full collections once start-up
is done and when a page is built (``mdtboard.ui.heap``), and given back when the window closes."""

from __future__ import annotations

import gc
import time

import pytest
from gui_helpers import (
    WindowFactory,
    close_window,
    make_window,
    python_owned_qt_objects_in_cycles,
    settings_path,
)
from pytestqt.qtbot import QtBot

from mdtboard.ui.main_window import CASE, CONFERENCE, LIBRARY, MainWindow

pytestmark = pytest.mark.gui
__all__ = ["make_window", "settings_path"]  # fixtures used here


def test_start_up_and_pages_built_are_frozen_and_released_on_close(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str
) -> None:
    gc.unfreeze()
    window = make_window(sqlite_database_url)
    after_start = gc.get_freeze_count()
    assert after_start > 50_000  # the modules, classes and widgets of the start-up
    start = time.perf_counter()
    gc.collect()
    full_frozen = time.perf_counter() - start
    window.page(CONFERENCE)  # a page built later is frozen as it is built
    assert gc.get_freeze_count() > after_start
    close_window(qtbot, window)
    assert gc.get_freeze_count() == 0
    start = time.perf_counter()
    gc.collect()
    full_unfrozen = time.perf_counter() - start
    assert full_frozen < full_unfrozen  # a full collection walks only what was made since the freeze


def test_the_conference_command_hub_is_owned_by_qt_not_left_to_the_cycle_collector(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str
) -> None:
    """The hub sits in a reference cycle with its controller: owned by Python, it was destroyed by the cycle
    collector on whatever thread ran it (a worker's too); owned by its controller, Qt deletes it with the
    window, on the GUI thread."""
    import shiboken6

    from mdtboard.ui.conference.workspace import ConferenceWorkspace

    window = make_window(sqlite_database_url)
    workspace = window.page(CONFERENCE)
    assert isinstance(workspace, ConferenceWorkspace)
    hub = workspace.controller.hub
    assert hub.parent() is workspace.controller
    assert not shiboken6.ownedByPython(hub)
    close_window(qtbot, window)



def _delete(qtbot: QtBot, window: MainWindow) -> None:
    import shiboken6

    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))


def test_a_closed_window_leaves_nothing_of_qt_to_the_cycle_collector(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str
) -> None:
    """The window's wrapper sits in reference cycles with its slots; whatever Qt object it held that Python
    owned (its settings, for one) was destroyed by the cycle collector on whichever thread ran it, an
    operation's worker too. Closed and deleted, the window leaves no such object: Qt deletes them with it,
    on the GUI thread."""
    import shiboken6

    window = make_window(sqlite_database_url)
    for page in (LIBRARY, CASE, CONFERENCE):
        window.page(page)
    assert window.settings.parent() is window and not shiboken6.ownedByPython(window.settings)
    python_owned_qt_objects_in_cycles()  # whatever the window's making left
    close_window(qtbot, window)
    _delete(qtbot, window)
    del window
    assert python_owned_qt_objects_in_cycles() == []
