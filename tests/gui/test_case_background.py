"""Opening a case in the case editor runs in the background: while another program holds the database,
the window keeps answering and says "Opening…", and the case is shown once the database is free; an
opening that fails says so and keeps the case shown."""

from __future__ import annotations

import pytest
from conftest import Ticks, settle, sqlite_locked
from gui_helpers import WindowFactory, load_samples, make_window, second_session, settings_path
from pytestqt.qtbot import QtBot

from mdtboard.services.context import Services
from mdtboard.storage import db as storage_db
from mdtboard.ui import ops
from mdtboard.ui.main_window import CASE, MainWindow

pytestmark = pytest.mark.gui
__all__ = ["make_window", "second_session", "settings_path"]  # fixtures used here

HOLD_MS = 1000  # well under the busy timeout (8 s); long enough to count turns on a loaded machine


@pytest.fixture
def window(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str, second_session: Services
) -> MainWindow:
    load_samples(second_session.cases)
    made = make_window(sqlite_database_url)
    with qtbot.waitSignal(made.database_checked, timeout=20_000):
        pass  # the day's backup, taken behind the usable window, reads the file: done before it is held
    if made.live is not None:
        made.live.stop()  # its thread reconnects all the time: the file could not be held exclusively
    return made


def test_opening_a_case_waits_for_a_locked_database_in_the_background(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    editor, services = window.editor, window.services
    assert editor is not None and services is not None
    case_id = second_session.cases.get_by_ref("MDT-001").id
    assert case_id is not None
    with sqlite_locked(services.db, second_session.db):
        ticks = Ticks()
        window.open_case(case_id)
        assert editor.ui.saveState.text() == "Opening…" and editor.current_case_id() != case_id
        qtbot.wait(HOLD_MS)  # the event loop runs while the opening waits for the database
        ticks.stop()
        assert editor.ui.saveState.text() == "Opening…" and editor.current_case_id() != case_id
        assert ops.operations().busy
    assert ticks.count >= 5  # about 100 in 1 s; a GUI thread waiting for the lock gives none
    qtbot.waitUntil(lambda: editor.current_case_id() == case_id, timeout=10_000)
    assert editor.ui.refEdit.text() == "MDT-001"
    assert editor.ui.saveState.text() != "Opening…"
    assert window.current_page() == CASE  # the case page comes to the front once the case is shown


def test_an_opening_that_fails_says_so_and_keeps_the_case_shown(
    qtbot: QtBot, window: MainWindow, second_session: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor, services = window.editor, window.services
    assert editor is not None and services is not None
    first = second_session.cases.get_by_ref("MDT-001").id
    other = second_session.cases.get_by_ref("MDT-002").id
    assert first is not None and other is not None
    window.open_case(first)
    settle()
    shown = editor.ui.saveState.text()
    messages: list[str] = []
    editor.status_message.connect(messages.append)
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", 100)
    with sqlite_locked(services.db, second_session.db):
        window.open_case(other)
        qtbot.waitUntil(lambda: any(m.startswith("Case not opened: ") for m in messages), timeout=10_000)
    assert "busy" in messages[-1] or "locked" in messages[-1]
    assert editor.current_case_id() == first and editor.ui.refEdit.text() == "MDT-001"
    assert editor.ui.saveState.text() == shown
