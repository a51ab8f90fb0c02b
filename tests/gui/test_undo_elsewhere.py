"""Undo and redo of a change to a case not on screen: Ctrl+Z queues the case's opening in the background and
undoes once it is shown, while another program holds the database; pressed several times quickly, each
step is undone once, in order. An opening that fails leaves the undo history as it was and says so in the
status bar (Ctrl+Z tries again); a step for a case deleted elsewhere is taken off the history."""

from __future__ import annotations

import pytest
from conftest import Ticks, held_for, settle, sqlite_locked
from gui_helpers import WindowFactory, load_samples, make_window, second_session, settings_path
from gui_thread_sql import watch_gui_thread
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from mdtboard.services.context import Services
from mdtboard.storage import db as storage_db
from mdtboard.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
__all__ = ["make_window", "second_session", "settings_path"]  # fixtures used here

HOLD_S = 1.0  # well under the busy timeout (8 s)
#: The longest gap between two turns of the event loop allowed while the database is held (an opening
#: waited for on the GUI thread makes one as long as the hold): a did-it-block check.
GAP_S = 0.5
CTRL = Qt.KeyboardModifier.ControlModifier


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


def _edits(qtbot: QtBot, window: MainWindow, second_session: Services) -> tuple[int, int, str, str]:
    """Case MDT-001: its title and its one-liner typed in; then MDT-002 opened, its title typed in. The
    ids of both and MDT-001's title and one-liner as they were."""
    editor = window.editor
    assert editor is not None
    first, other = (second_session.cases.get_by_ref(ref).id for ref in ("MDT-001", "MDT-002"))
    assert first is not None and other is not None
    window.open_case(first)
    settle()
    title, one_liner = editor.ui.titleEdit.text(), editor.ui.oneLinerEdit.toPlainText()
    editor.ui.titleEdit.setFocus()
    qtbot.keyClick(editor.ui.titleEdit, Qt.Key.Key_End)
    qtbot.keyClicks(editor.ui.titleEdit, " (revised)")
    editor.ui.oneLinerEdit.setFocus()
    editor.ui.oneLinerEdit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.ui.oneLinerEdit, " Seen again.")
    window.open_case(other)
    settle()
    editor.ui.titleEdit.setFocus()
    qtbot.keyClick(editor.ui.titleEdit, Qt.Key.Key_End)
    qtbot.keyClicks(editor.ui.titleEdit, " (other)")
    settle()
    assert window.undo_stack.count() == 3 and window.undo_stack.index() == 3
    assert second_session.cases.get(first).title == title + " (revised)"
    return first, other, title, one_liner


def test_undo_of_a_case_not_shown_opens_it_in_the_background_and_undoes_each_step_once(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    editor, services, stack = window.editor, window.services, window.undo_stack
    assert editor is not None and services is not None
    first, other, title, one_liner = _edits(qtbot, window, second_session)
    other_title = second_session.cases.get(other).title.removesuffix(" (other)")
    with watch_gui_thread(services.db.engine) as noted:
        with held_for(services.db, HOLD_S, ("cases",), (second_session.db,)):
            ticks = Ticks()
            for _press in range(3):  # quickly: MDT-002's title, then MDT-001's one-liner and title
                qtbot.keyClick(editor.ui.titleEdit, Qt.Key.Key_Z, CTRL)
            then = editor.ui.titleEdit.text(), stack.index()
            qtbot.wait(int(HOLD_S * 1000) - 300)  # while held
            ticks.stop()
            assert ticks.longest < GAP_S, f"the event loop stood still {ticks.longest:.2f} s"
            # the case shown: undone at once; the others wait for MDT-001, without moving the history
            assert then == (other_title, 2)
            assert editor.current_case_id() == other and stack.index() == 2
        qtbot.waitUntil(lambda: stack.index() == 0, timeout=10_000)
        settle()
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
    assert editor.current_case_id() == first  # shown, both its steps undone once each, in order
    assert editor.ui.titleEdit.text() == title and editor.ui.oneLinerEdit.toPlainText() == one_liner
    assert stack.count() == 3
    assert second_session.cases.get(other).title == other_title
    editor.flush()  # (the session saves within a second; here at once)
    stored = second_session.cases.get(first)
    assert (stored.title, stored.one_liner) == (title, one_liner)
    window.action_redo.trigger()  # Edit > Redo: MDT-001 is shown, at once
    assert editor.ui.titleEdit.text() == title + " (revised)" and stack.index() == 1


def test_an_undo_whose_case_cannot_be_opened_leaves_the_history_and_says_so(
    qtbot: QtBot, window: MainWindow, second_session: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor, services, stack = window.editor, window.services, window.undo_stack
    assert editor is not None and services is not None
    first, other, title, _one_liner = _edits(qtbot, window, second_session)
    window.action_undo.trigger()  # MDT-002's title, shown
    assert stack.index() == 2
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", 100)
    with sqlite_locked(services.db, second_session.db):  # nobody answers: the opening fails
        window.action_undo.trigger()
        window.action_undo.trigger()
        qtbot.waitUntil(lambda: window.ui.statusbar.currentMessage().startswith("Nothing was undone"),
                        timeout=10_000)
        settle()
    message = window.ui.statusbar.currentMessage()
    assert "Case not opened" in message and "Ctrl+Z tries again" in message
    assert editor.current_case_id() == other and stack.index() == 2 and stack.count() == 3
    assert second_session.cases.get(first).title == title + " (revised)"  # nothing undone there
    window.action_undo.trigger()  # the database answers again: the step is undone now
    qtbot.waitUntil(lambda: stack.index() == 1, timeout=10_000)
    assert editor.current_case_id() == first and stack.count() == 3

    # MDT-001 deleted on another PC: its last step can never apply, and is taken off the history
    assert editor.flush()
    window.open_case(other)
    settle()
    second_session.cases.delete(first)
    window.action_undo.trigger()
    qtbot.waitUntil(lambda: "taken off" in window.ui.statusbar.currentMessage(), timeout=10_000)
    settle()
    assert editor.current_case_id() == other and (stack.index(), stack.count()) == (0, 2)
