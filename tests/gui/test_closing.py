"""Closing the main window never freezes it: while another program holds the database and a save is on its
way, closing returns at once, the event loop goes on, a small box says "Saving your changes… (1 left)",
and the window closes by itself once the save is written, with nothing typed lost. The box can also take
the person back to the window, or quit without waiting once it has said what would be lost."""

from __future__ import annotations

import time

import pytest
from conftest import Ticks, settle, sqlite_locked, turn_until_waited
from gui_helpers import WindowFactory, close_window, load_samples, make_window, second_session, settings_path
from PySide6.QtWidgets import QAbstractButton, QMessageBox
from pytestqt.qtbot import QtBot

from mdtboard.services.context import Services
from mdtboard.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
__all__ = ["make_window", "second_session", "settings_path"]  # fixtures used here

HOLD_MS = 1000  # well under the busy timeout (8 s); long enough to count the event loop's turns under load
TYPED = "Is a facet injection worth trying?"


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


def typed_in_a_case(qtbot: QtBot, window: MainWindow, second_session: Services) -> int:
    """A case open in the editor with a question typed and not saved yet (within the autosave delay)."""
    case_id = second_session.cases.get_by_ref("MDT-001").id
    assert case_id is not None
    window.open_case(case_id)
    settle()
    editor = window.editor
    assert editor is not None and editor.current_case_id() == case_id
    editor.ui.questionEdit.setFocus()
    editor.ui.questionEdit.selectAll()
    qtbot.keyClicks(editor.ui.questionEdit, TYPED)
    assert editor.pending
    return case_id


def button(box: QMessageBox, text: str) -> QAbstractButton:
    found = [b for b in box.buttons() if b.text().replace("&", "") == text]
    assert found, [b.text() for b in box.buttons()]
    return found[0]


def test_closing_while_the_database_is_held_keeps_the_window_answering_and_loses_nothing(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    case_id = typed_in_a_case(qtbot, window, second_session)
    services = window.services
    assert services is not None
    with sqlite_locked(services.db, second_session.db) as held:
        ticks = Ticks()
        started = time.perf_counter()
        window.close()
        took = time.perf_counter() - started
        print(f"\nclose() returned after {took * 1000:.0f} ms with the database held")
        qtbot.waitUntil(lambda: isinstance(window.last_dialog, QMessageBox))  # on the next turn
        box = window.last_dialog
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert box.text().startswith("Saving your changes… (1 left)")
        assert window.isVisible() and not window.is_closed
        # the person asks to quit without waiting: told what would be lost, they wait longer
        button(box, "Quit without waiting…").click()
        loss = window.last_dialog
        assert isinstance(loss, QMessageBox) and loss.isVisible() and loss is not box
        assert "1 change(s) are not written to the database yet" in loss.text()
        assert "save of case" in loss.text() and "these changes are lost" in loss.text()
        assert TYPED not in loss.text()  # what is saved, never its text
        button(loss, "Wait longer").click()
        saving = window.last_dialog
        assert isinstance(saving, QMessageBox) and saving.isVisible() and saving.text().startswith("Saving")
        # the event loop runs while the save waits for the database
        turn_until_waited(qtbot, held, ticks, at_most_s=HOLD_MS / 1000)
        ticks.stop()
        assert not window.is_closed
    assert took < 2.0  # it waited 20 ms at most, not for the database (8 s busy timeout, three tries)
    assert ticks.count >= 5  # about 100 in 1 s; a GUI thread waiting for the lock would give none
    qtbot.waitUntil(lambda: window.is_closed, timeout=20_000)  # closes by itself once the save is written
    assert not window.isVisible()
    assert second_session.cases.get(case_id).question_for_team == TYPED


def test_back_to_the_window_keeps_it_open_and_what_was_typed_is_saved(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    case_id = typed_in_a_case(qtbot, window, second_session)
    services, editor = window.services, window.editor
    assert services is not None and editor is not None
    with sqlite_locked(services.db, second_session.db):
        window.close()
        qtbot.waitUntil(lambda: isinstance(window.last_dialog, QMessageBox))
        box = window.last_dialog
        assert isinstance(box, QMessageBox) and box.isVisible()
        button(box, "Back to mdtboard").click()
        assert window.isVisible() and not window.is_closed
        assert editor.ui.questionEdit.toPlainText() == TYPED
    settle()  # saved once the database is free, the window still open
    assert window.isVisible() and not window.is_closed
    assert second_session.cases.get(case_id).question_for_team == TYPED
    close_window(qtbot, window)


def test_quitting_without_waiting_closes_after_saying_what_is_lost(
    qtbot: QtBot, window: MainWindow, second_session: Services
) -> None:
    typed_in_a_case(qtbot, window, second_session)
    services = window.services
    assert services is not None
    with sqlite_locked(services.db, second_session.db):
        window.close()
        qtbot.waitUntil(lambda: isinstance(window.last_dialog, QMessageBox))
        box = window.last_dialog
        assert isinstance(box, QMessageBox)
        button(box, "Quit without waiting…").click()
        loss = window.last_dialog
        assert isinstance(loss, QMessageBox) and "these changes are lost" in loss.text()
        button(loss, "Quit and lose them").click()
        assert window.is_closed and not window.isVisible()
    settle()
