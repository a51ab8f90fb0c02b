"""The conference page while another program holds the SQLite database: opening a conference, changing
the agenda and undoing it, and showing another case return at once and finish once the database is free;
the event loop turns meanwhile, and what is typed in a discipline's panel stays on screen and is saved."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from conftest import Ticks, settle, sqlite_locked, turn_until_waited
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_conference_support import WorkspaceFactory, conference, load_samples, make_workspace

from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.domain.conference import Attendee, AttendeeRole
from mdtboard.services.context import Services
from mdtboard.storage.db import Database, open_database
from mdtboard.ui.conference.workspace import ConferenceWorkspace

pytestmark = pytest.mark.gui
__all__ = ["make_workspace"]  # the fixture, imported for pytest

#: The longest a step may keep the GUI thread (a save waited for would keep it until the lock goes).
STEP_S = 1.0
#: How long the other program holds the database (well under the busy timeout, which is 8 s): long
#: enough that the event loop turns several times even on a loaded machine.
HOLD_MS = 1000
WAIT_MS = 10_000
TYPED = "Sleep poor, mood low."


@pytest.fixture
def sqlite_db(sqlite_database_url: str, sqlite_at_head: Path) -> Iterator[Database]:
    from conftest import sqlite_path

    shutil.copy(sqlite_at_head, str(sqlite_path(sqlite_database_url)))  # made at head once a worker
    database = open_database(sqlite_database_url)
    yield database
    database.dispose()


def _meeting(services: Services) -> tuple[int, int, int]:
    """A conference with its team and one case on the agenda; (its id, that case, a case not on it)."""
    ids = load_samples(services)
    conf_id = conference(services, datetime(2026, 12, 3, 13))
    chair = Attendee("Dr Okafor", Discipline.PHYSICIAN, AttendeeRole.CHAIR)
    services.conferences.add_attendee(conf_id, chair)
    services.conferences.add_agenda_item(conf_id, ids["MDT-004"])
    return conf_id, ids["MDT-004"], ids["MDT-001"]


def _agenda(workspace: ConferenceWorkspace) -> list[int]:
    return [i.case_id for i in workspace.controller.agenda()]


def _stored_assessment(services: Services, conf_id: int, case_id: int) -> str | None:
    item = next(i for i in services.conferences.get(conf_id).agenda if i.case_id == case_id)
    inputs = services.conferences.inputs(item.id or 0)
    return next((i.assessment for i in inputs if i.discipline is Discipline.PHYSICIAN), None)


def test_opening_a_conference_waits_for_a_locked_database_in_the_background(
    qtbot: QtBot, sqlite_db: Database, make_workspace: WorkspaceFactory
) -> None:
    services = Services.on(sqlite_db)
    conf_id, first, _other = _meeting(services)
    workspace = make_workspace(services)
    settle()
    with sqlite_locked(sqlite_db) as held:
        ticks = Ticks()
        workspace.open_conference(conf_id)  # returns at once
        # the event loop turns; nothing is shown yet
        turn_until_waited(qtbot, held, ticks, at_most_s=HOLD_MS / 1000)
        ticks.stop()
        assert workspace.current_conference_id() is None
    assert ticks.count >= 5  # about 100 in 1 s; a GUI thread waiting for the lock would give none
    qtbot.waitUntil(lambda: workspace.current_conference_id() == conf_id, timeout=WAIT_MS)
    settle()
    assert _agenda(workspace) == [first]
    assert workspace.discussion.current_case_id() == first
    assert not workspace.discussion.panels[Discipline.PHYSICIAN].loading


def test_an_agenda_change_and_its_undo_wait_for_a_locked_database_and_the_typing_stays(
    qtbot: QtBot, sqlite_db: Database, make_workspace: WorkspaceFactory
) -> None:
    services = Services.on(sqlite_db)
    conf_id, first, other = _meeting(services)
    workspace = make_workspace(services)
    workspace.open_conference(conf_id)
    settle()
    workspace.discuss(first)
    settle()
    panel = workspace.discussion.panels[Discipline.PHYSICIAN]
    edit = panel.ui.assessmentEdit
    edit.setFocus()
    stack = workspace.controller.undo_stack

    with sqlite_locked(sqlite_db):  # a case added, then the physician's input typed
        ticks = Ticks()
        assert workspace.controller.add_cases([other], "Add MDT-001 to the agenda")  # queued at once
        qtbot.keyClicks(edit, "Sleep poor,")
        qtbot.wait(HOLD_MS)
        ticks.stop()
        assert _agenda(workspace) == [first]  # not added yet
        assert edit.toPlainText() == "Sleep poor,"
    assert ticks.count >= 5
    qtbot.waitUntil(lambda: _agenda(workspace) == [first, other], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _stored_assessment(services, conf_id, first) == "Sleep poor,", timeout=WAIT_MS)
    assert workspace.flush()
    settle()

    with sqlite_locked(sqlite_db):  # the addition undone (the typing saved first is its own step)
        ticks = Ticks()
        while stack.undoText() != "Add MDT-001 to the agenda":
            stack.undo()
        stack.undo()
        qtbot.keyClicks(edit, " mood low.")
        qtbot.wait(HOLD_MS)
        ticks.stop()
        assert _agenda(workspace) == [first, other]  # not taken off yet
    assert ticks.count >= 5
    qtbot.waitUntil(lambda: _agenda(workspace) == [first], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _stored_assessment(services, conf_id, first) == TYPED, timeout=WAIT_MS)
    settle()
    assert edit.toPlainText() == TYPED  # what was typed meanwhile stays, and is saved
    assert [i.case_id for i in services.conferences.get(conf_id).agenda] == [first]


def test_a_case_shown_while_the_database_is_locked_takes_no_typing_until_its_input_is_read(
    qtbot: QtBot, sqlite_db: Database, make_workspace: WorkspaceFactory
) -> None:
    services = Services.on(sqlite_db)
    conf_id, first, other = _meeting(services)
    services.conferences.add_agenda_item(conf_id, other)
    workspace = make_workspace(services)
    workspace.open_conference(conf_id)
    settle()
    workspace.discuss(first)
    settle()
    panel = workspace.discussion.panels[Discipline.PHYSICIAN]
    panel.ui.assessmentEdit.setFocus()
    qtbot.keyClicks(panel.ui.assessmentEdit, TYPED)
    assert workspace.flush()
    settle()

    with sqlite_locked(sqlite_db) as held:
        ticks = Ticks()
        assert workspace.discussion.show_case(other)
        turn_until_waited(qtbot, held, ticks, at_most_s=HOLD_MS / 1000)
        ticks.stop()
        # nothing of the case before is shown, and nothing can be typed that its input would replace
        assert panel.loading and panel.ui.assessmentEdit.isReadOnly()
        assert panel.ui.assessmentEdit.toPlainText() == ""
        assert panel.ui.savedLabel.text() == "Reading…"
    assert ticks.count >= 5
    qtbot.waitUntil(lambda: not panel.loading, timeout=WAIT_MS)
    assert not panel.ui.assessmentEdit.isReadOnly() and panel.ui.assessmentEdit.toPlainText() == ""
    assert workspace.discussion.show_case(first)
    settle()
    assert panel.ui.assessmentEdit.toPlainText() == TYPED


def _minutes(services: Services, conf_id: int, case_id: int) -> int:
    return next(i.minutes for i in services.conferences.get(conf_id).agenda if i.case_id == case_id)


@pytest.mark.parametrize("step", ["ctrl_z", "ctrl_z_while_saving", "undo", "switch"])
def test_typing_pending_before_a_step_is_saved_first_without_waiting_for_a_locked_database(
    qtbot: QtBot, sqlite_db: Database, make_workspace: WorkspaceFactory, step: str
) -> None:
    """Ctrl+Z in a panel, an undo step of the window, and showing another case each save the typing
    pending first: the save is queued, not waited for, and the step runs after it once the lock goes.
    (``ctrl_z_while_saving``: an autosave of the first words is under way when Ctrl+Z comes; the save of
    the rest states the version that one stores.)"""
    services = Services.on(sqlite_db)
    conf_id, first, other = _meeting(services)
    services.conferences.add_agenda_item(conf_id, other)
    budget = _minutes(services, conf_id, first)
    workspace = make_workspace(services)
    workspace.open_conference(conf_id)
    settle()
    workspace.discuss(first)
    settle()
    panel = workspace.discussion.panels[Discipline.PHYSICIAN]
    edit = panel.ui.assessmentEdit
    edit.setFocus()
    stack = workspace.controller.undo_stack
    qtbot.keyClicks(edit, "Sleep poor,")
    assert workspace.flush()  # the first words: stored, one step
    settle()
    if step == "undo":  # a step after the typing, for the window's undo to take back
        item = workspace.controller.item_for(first)
        assert item is not None and workspace.controller.set_minutes(item, budget + 5)
        settle()
        assert _minutes(services, conf_id, first) == budget + 5
    rest = " mood low."
    if step != "ctrl_z_while_saving":
        qtbot.keyClicks(edit, rest)  # pending: its autosave not sent yet

    with sqlite_locked(sqlite_db) as held:
        ticks = Ticks()
        started = time.monotonic()
        if step == "ctrl_z_while_saving":
            qtbot.keyClicks(edit, rest[:5])
            panel.session.save_now()  # its autosave, under way
            assert panel.session.saving
            qtbot.keyClicks(edit, rest[5:])
            started = time.monotonic()
        if step.startswith("ctrl_z"):
            qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        elif step == "undo":
            stack.undo()
        else:
            assert workspace.discussion.show_case(other)
        took = time.monotonic() - started
        turn_until_waited(qtbot, held, ticks, at_most_s=HOLD_MS / 1000)
        ticks.stop()
        assert took < STEP_S, f"the step kept the GUI thread {took:.1f} s"
        if step == "switch":
            assert panel.case_id == other and panel.ui.savedLabel.text() == "Reading…"
        else:
            assert edit.toPlainText() == TYPED and panel.ui.savedLabel.text() == "Saving…"
    assert ticks.count >= 5

    if step.startswith("ctrl_z"):  # the typing saved as its own step, then undone
        qtbot.waitUntil(lambda: edit.toPlainText() == "Sleep poor,", timeout=WAIT_MS)
        settle()
        assert _stored_assessment(services, conf_id, first) == "Sleep poor,"
        assert stack.canRedo()
        stack.redo()  # the typing was stored: redo puts it back
        qtbot.waitUntil(lambda: _stored_assessment(services, conf_id, first) == TYPED, timeout=WAIT_MS)
        settle()
        assert edit.toPlainText() == TYPED
    elif step == "undo":  # the typing stored, then the time budget put back
        qtbot.waitUntil(lambda: _minutes(services, conf_id, first) == budget, timeout=WAIT_MS)
        settle()
        assert _stored_assessment(services, conf_id, first) == TYPED
        assert edit.toPlainText() == TYPED
    else:  # the typing stored, the other case's input read after it
        qtbot.waitUntil(lambda: not panel.loading, timeout=WAIT_MS)
        settle()
        assert _stored_assessment(services, conf_id, first) == TYPED
        assert panel.case_id == other and edit.toPlainText() == ""
        assert workspace.discussion.show_case(first)
        settle()
        assert edit.toPlainText() == TYPED
    assert workspace.controller.hub.failures == 0



def _physician_input(services: Services, item_id: int) -> DisciplineInput:
    return next(i for i in services.conferences.inputs(item_id) if i.discipline is Discipline.PHYSICIAN)


@pytest.mark.parametrize("field", ["recommendations", "assessment"])
def test_typing_on_a_case_left_whose_save_meets_a_newer_version_is_merged_or_offered_to_copy(
    qtbot: QtBot, sqlite_db: Database, make_workspace: WorkspaceFactory, field: str
) -> None:
    """Showing another case does not wait for the save of the typing on the case before: when that save
    then meets a version saved on another PC meanwhile, the two are merged and saved when they changed
    different fields, else the typed text is offered to copy (nothing is lost)."""
    services = Services.on(sqlite_db)
    conf_id, first, other = _meeting(services)
    services.conferences.add_agenda_item(conf_id, other)
    workspace = make_workspace(services)
    workspace.open_conference(conf_id)
    settle()
    workspace.discuss(first)
    settle()
    panel = workspace.discussion.panels[Discipline.PHYSICIAN]
    edit = panel.ui.assessmentEdit
    edit.setFocus()
    qtbot.keyClicks(edit, "Sleep poor,")
    assert workspace.flush()
    settle()
    item = next(i for i in services.conferences.get(conf_id).agenda if i.case_id == first)
    stored = _physician_input(services, item.id or 0)
    services.conferences.update_input(replace(stored, **{field: "Sleep hygiene"}))  # another PC
    qtbot.keyClicks(edit, " mood low.")
    assert workspace.discussion.show_case(other)
    qtbot.waitUntil(lambda: not panel.loading, timeout=WAIT_MS)
    assert panel.case_id == other and edit.toPlainText() == ""
    if field == "recommendations":  # merged: both kept
        qtbot.waitUntil(lambda: _stored_assessment(services, conf_id, first) == TYPED, timeout=WAIT_MS)
        settle()
        assert _physician_input(services, item.id or 0).recommendations == "Sleep hygiene"
        assert workspace.discussion.unsaved_dialog is None
    else:  # the same field changed on both sides: offered to copy
        qtbot.waitUntil(lambda: workspace.discussion.unsaved_dialog is not None, timeout=WAIT_MS)
        settle()
        dialog = workspace.discussion.unsaved_dialog
        assert dialog is not None and TYPED in dialog.detailedText()
        assert _stored_assessment(services, conf_id, first) == "Sleep hygiene"
        dialog.close()
