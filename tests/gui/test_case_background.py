"""Opening a case in the case editor runs in the background: while another program holds the database,
the window keeps answering and says "Opening…", and the case is shown once the database is free; an
opening that fails says so and keeps the case shown."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from conftest import Ticks, held_for, settle, sqlite_locked, turn_until_waited
from gui_helpers import WindowFactory, load_samples, make_window, second_session, settings_path
from gui_thread_sql import watch_gui_thread
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mdtboard.services.context import Services
from mdtboard.storage import db as storage_db
from mdtboard.ui import ops
from mdtboard.ui.main_window import CASE, MainWindow

pytestmark = pytest.mark.gui
__all__ = ["make_window", "second_session", "settings_path"]  # fixtures used here

HOLD_MS = 1000  # well under the busy timeout (8 s); long enough to count turns on a loaded machine
#: The longest gap between two turns of the event loop allowed while the database is held (a save
#: waited for on the GUI thread would make one as long as the hold): a did-it-block check.
GAP_S = 0.5


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
    with sqlite_locked(services.db, second_session.db) as held:
        ticks = Ticks()
        window.open_case(case_id)
        assert editor.ui.saveState.text() == "Opening…" and editor.current_case_id() != case_id
        # the event loop runs while the opening waits for the database
        turn_until_waited(qtbot, held, ticks, at_most_s=HOLD_MS / 1000)
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


def test_opening_another_case_with_typing_pending_does_not_wait_for_its_save(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    """Typing pending on the case shown, another case opened while the database is held: the save is
    queued, not waited for, the other case read after it; the event loop keeps turning, no SQL is sent
    from the GUI thread, and once the database is free the typing is stored and the other case shown."""
    editor, services = window.editor, window.services
    assert editor is not None and services is not None
    first = second_session.cases.get_by_ref("MDT-001").id
    other = second_session.cases.get_by_ref("MDT-002").id
    assert first is not None and other is not None
    window.open_case(first)
    settle()
    typed = editor.ui.oneLinerEdit.toPlainText() + " Seen again today."
    editor.ui.oneLinerEdit.setFocus()
    editor.ui.oneLinerEdit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.ui.oneLinerEdit, " Seen again today.")
    assert editor.pending
    with watch_gui_thread(services.db.engine) as noted:
        with held_for(services.db, HOLD_MS / 1000 * 1.5, ("cases",), (second_session.db,)) as held:
            ticks = Ticks()
            window.open_case(other)
            # while held (what comes after it is not timed)
            turn_until_waited(qtbot, held, ticks, at_most_s=HOLD_MS / 1000 * 1.5 - 0.3)
            ticks.stop()
            held.let_go()
        assert ticks.longest < GAP_S, f"the event loop stood still {ticks.longest:.2f} s"
        qtbot.waitUntil(lambda: editor.current_case_id() == other, timeout=10_000)
        settle()
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
    assert second_session.cases.get(first).one_liner == typed
    assert editor.ui.refEdit.text() == "MDT-002" and not editor.pending


def test_a_case_whose_save_fails_stays_open_when_another_is_asked_for(
    qtbot: QtBot, window: MainWindow, second_session: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save queued before opening another case fails (another program holds the write lock past the
    busy timeout; the other case is read all the same): the other case is not shown, the case typed in
    stays with its text and "Not saved", the person is told, and the save is retried by itself once the
    database is free."""
    from mdtboard.ui.editing import session as session_module

    editor, services = window.editor, window.services
    assert editor is not None and services is not None
    first = second_session.cases.get_by_ref("MDT-001").id
    other = second_session.cases.get_by_ref("MDT-002").id
    assert first is not None and other is not None
    window.open_case(first)
    settle()
    editor.ui.oneLinerEdit.setFocus()
    editor.ui.oneLinerEdit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.ui.oneLinerEdit, " Seen again today.")
    typed = editor.ui.oneLinerEdit.toPlainText()
    messages: list[str] = []
    editor.status_message.connect(messages.append)
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(session_module, "RETRY_S", (0.5, 1))
    services.db.engine.dispose()  # its connections wait 100 ms for a lock from now on
    holder = sa.create_engine(services.db.engine.url).connect()
    holder.exec_driver_sql("BEGIN IMMEDIATE")  # another program writes: reads go on, writes wait
    try:
        window.open_case(other)
        qtbot.waitUntil(lambda: any(" not opened: the changes to " in m for m in messages), timeout=10_000)
        assert editor.current_case_id() == first and editor.ui.oneLinerEdit.toPlainText() == typed
        assert editor.ui.saveState.text().startswith("\u26a0 Not saved")
    finally:
        holder.exec_driver_sql("ROLLBACK")
        holder.close()
        holder.engine.dispose()
    qtbot.waitUntil(lambda: not editor.pending, timeout=10_000)
    settle()
    assert second_session.cases.get(first).one_liner == typed
    assert editor.current_case_id() == first


def test_a_new_case_with_typing_pending_does_not_wait_for_the_save_of_the_open_case(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    """Typing pending on the case shown, a new case asked for while the database is held: the save is
    queued, not waited for, and the new case is opened after it; the event loop keeps turning, no SQL is
    sent from the GUI thread, and once the database is free the typing is stored and the new case shown
    with the cursor in the patient's name."""
    editor, services = window.editor, window.services
    assert editor is not None and services is not None
    first = second_session.cases.get_by_ref("MDT-001").id
    assert first is not None
    window.open_case(first)
    settle()
    typed = editor.ui.oneLinerEdit.toPlainText() + " Seen again today."
    editor.ui.oneLinerEdit.setFocus()
    editor.ui.oneLinerEdit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.ui.oneLinerEdit, " Seen again today.")
    assert editor.pending
    with watch_gui_thread(services.db.engine) as noted:
        with held_for(services.db, HOLD_MS / 1000 * 1.5, ("cases",), (second_session.db,)) as held:
            ticks = Ticks()
            assert window.case_actions.open_new_case("MDT-900", True)
            # until after the database is free
            turn_until_waited(qtbot, held, ticks, at_most_s=HOLD_MS / 1000 * 1.5, let_go=True, then=5)
            ticks.stop()
        assert ticks.longest < GAP_S, f"the event loop stood still {ticks.longest:.2f} s"
        qtbot.waitUntil(lambda: editor.is_new_case, timeout=10_000)
        settle()
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
    assert second_session.cases.get(first).one_liner == typed
    assert editor.ui.refEdit.text() == "MDT-900" and window.current_page() == CASE


def test_deleting_the_open_case_with_typing_pending_does_not_wait_for_its_save(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    """Typing pending in the case open in the editor, Delete confirmed while another connection holds the
    database: the save is queued, not waited for, and the case closed and deleted after it; the event loop
    keeps turning, no SQL is sent from the GUI thread, and undo brings the case back with the typing."""
    editor, services, keeping = window.editor, window.services, window.case_actions.keeping
    assert editor is not None and services is not None and keeping is not None
    first = second_session.cases.get_by_ref("MDT-006").id
    assert first is not None
    window.open_case(first)
    settle()
    editor.ui.titleEdit.setText("Typed just before deleting")
    assert editor.pending
    window.case_actions.action_delete.trigger()  # File > Delete case…: its use is read, then it asks
    qtbot.waitUntil(lambda: isinstance(keeping.last_dialog, QMessageBox) and keeping.last_dialog.isVisible())
    box = keeping.last_dialog
    assert isinstance(box, QMessageBox)
    with watch_gui_thread(services.db.engine) as noted:
        with held_for(services.db, HOLD_MS / 1000 * 1.5, ("cases",), (second_session.db,)) as held:
            ticks = Ticks()
            yes = box.button(QMessageBox.StandardButton.Yes)
            assert yes is not None
            yes.click()
            # until after the database is free
            turn_until_waited(qtbot, held, ticks, at_most_s=HOLD_MS / 1000 * 1.5, let_go=True, then=5)
            ticks.stop()
        assert ticks.longest < GAP_S, f"the event loop stood still {ticks.longest:.2f} s"
        qtbot.waitUntil(lambda: second_session.cases.count("imogen") == 0, timeout=10_000)
        settle()
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
    assert editor.saved_case is None
    window.action_undo.trigger()
    qtbot.waitUntil(lambda: second_session.cases.count("imogen") == 1, timeout=10_000)
    assert second_session.cases.get_by_ref("MDT-006").title == "Typed just before deleting"


def test_a_case_archived_elsewhere_with_typing_pending_closes_without_waiting_for_its_save(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    """Typing pending in the open case when another PC archives it, while another program holds the write
    lock for 1.5 s (reads go on): the save is queued, not waited for, and the case closed after it; the
    event loop keeps turning, no SQL is sent from the GUI thread, and the typing is stored."""
    import sqlite3
    import threading

    from conftest import sqlite_path

    editor, services = window.editor, window.services
    assert editor is not None and services is not None
    first = second_session.cases.get_by_ref("MDT-001").id
    assert first is not None
    window.open_case(first)
    settle()
    typed = editor.ui.oneLinerEdit.toPlainText() + " Seen again today."
    editor.ui.oneLinerEdit.setFocus()
    editor.ui.oneLinerEdit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.ui.oneLinerEdit, " Seen again today.")
    assert editor.pending
    second_session.cases.archive(first)
    path = sqlite_path(str(services.db.engine.url))
    assert path is not None
    holder = sqlite3.connect(path, isolation_level=None, timeout=5, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another program writes: reads go on, writes wait
    release = threading.Timer(1.5, lambda: (holder.execute("ROLLBACK"), holder.close()))
    with watch_gui_thread(services.db.engine) as noted:
        release.start()
        try:
            ticks = Ticks()
            editor.stored_elsewhere(first)  # the change feed: the case read, then found archived
            qtbot.wait(1800)  # until after the database is free
            ticks.stop()
        finally:
            release.join()
        assert ticks.longest < GAP_S, f"the event loop stood still {ticks.longest:.2f} s"
        qtbot.waitUntil(lambda: editor.saved_case is None, timeout=10_000)
        settle()
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
    assert second_session.cases.get(first).one_liner == typed
