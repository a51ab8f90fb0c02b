"""Leaving a conference with typing pending, while another connection holds the database: opening another
conference, creating a new one, or leaving the conference page queues the saves of what was typed (the
discussion input and the conference's own fields) instead of waiting for them. The event loop keeps
turning, no SQL is sent from the GUI thread, and once the lock goes the typed text is in the database,
on SQLite and on PostgreSQL. A conference left with its saves still under way is read after them when
opened again, so that it shows what was typed."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import Ticks, held_for, settle, turn_until_waited
from gui_thread_sql import watch_gui_thread
from pytestqt.qtbot import QtBot
from test_conference_support import WorkspaceFactory, conference, load_samples, make_workspace

from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import Attendee, AttendeeRole
from mdtboard.services.context import Services
from mdtboard.storage.db import Database
from mdtboard.ui.conference.workspace import ConferenceWorkspace

pytestmark = pytest.mark.gui
__all__ = ["make_workspace"]  # the fixture, imported for pytest

#: How long the other connection holds the database: under SQLite's busy timeout (8 s) and PostgreSQL's
#: lock timeout (4 s), so that the saves wait for it and then go through.
HOLD_S = 1.5
#: The longest gap between two turns of the event loop allowed meanwhile: a save waited for on the GUI
#: thread would make one as long as the hold. (A did-it-block check, not a timing bench.)
GAP_S = 0.5
WAIT_MS = 15_000
TYPED = "Sleep poor, mood low."
TITLE = "Pain MDT (moved)"
#: On PostgreSQL the tables the saves write, held in EXCLUSIVE mode (read, not written).
PG_TABLES = ("conferences", "discipline_inputs")


def _meeting(services: Services) -> tuple[int, int, int]:
    """A conference with its chair and one case on the agenda, and another conference; (the first's id,
    its case, the other's id)."""
    ids = load_samples(services)
    conf_id = conference(services, datetime(2026, 12, 3, 13))
    chair = Attendee("Dr Okafor", Discipline.PHYSICIAN, AttendeeRole.CHAIR)
    services.conferences.add_attendee(conf_id, chair)
    services.conferences.add_agenda_item(conf_id, ids["MDT-004"])
    other = conference(services, datetime(2026, 12, 10, 13), title="Spine MDT")
    return conf_id, ids["MDT-004"], other


def _stored_assessment(services: Services, conf_id: int, case_id: int) -> str | None:
    item = next(i for i in services.conferences.get(conf_id).agenda if i.case_id == case_id)
    inputs = services.conferences.inputs(item.id or 0)
    return next((i.assessment for i in inputs if i.discipline is Discipline.PHYSICIAN), None)


def _type_pending(qtbot: QtBot, workspace: ConferenceWorkspace, case_id: int) -> None:
    """The physician's assessment and the conference's title typed, their autosaves not yet sent."""
    workspace.discuss(case_id)
    settle()
    edit = workspace.discussion.panels[Discipline.PHYSICIAN].ui.assessmentEdit
    edit.setFocus()
    qtbot.keyClicks(edit, TYPED)
    title = workspace.editor.ui.titleEdit
    title.selectAll()
    qtbot.keyClicks(title, TITLE)
    assert workspace.discussion.panels[Discipline.PHYSICIAN].session.pending
    assert workspace.editor.session.pending


@pytest.mark.parametrize("step", ["open_another", "new_conference", "leave_page"])
def test_leaving_a_conference_with_typing_pending_does_not_wait_for_a_locked_database(
    qtbot: QtBot, db: Database, make_workspace: WorkspaceFactory, step: str
) -> None:
    services = Services.on(db)
    conf_id, case_id, other = _meeting(services)
    workspace = make_workspace(services)
    workspace.open_conference(conf_id)
    settle()
    _type_pending(qtbot, workspace, case_id)

    with watch_gui_thread(db.engine) as noted:
        with held_for(db, HOLD_S, PG_TABLES) as held:
            ticks = Ticks()
            if step == "open_another":
                workspace.open_conference(other)
            elif step == "new_conference":
                workspace.new_conference()
            else:
                workspace.hide()
            # while held (what comes after it is not timed)
            turn_until_waited(qtbot, held, ticks, at_most_s=HOLD_S - 0.3)
            ticks.stop()
            held.let_go()
        assert ticks.longest < GAP_S, f"the event loop stood still {ticks.longest:.2f} s"
        settle()
        if step == "open_another":
            qtbot.waitUntil(lambda: workspace.current_conference_id() == other, timeout=WAIT_MS)
        elif step == "new_conference":
            qtbot.waitUntil(lambda: workspace.current_conference_id() not in (conf_id, None), timeout=WAIT_MS)
        settle()
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
    assert noted.elsewhere > 0  # the guard listened: the saves and reads ran on the workers

    assert _stored_assessment(services, conf_id, case_id) == TYPED
    assert services.conferences.get(conf_id).title == TITLE
    if step == "leave_page":  # still open, the text on screen, told saved
        panel = workspace.discussion.panels[Discipline.PHYSICIAN]
        assert workspace.current_conference_id() == conf_id
        assert panel.ui.assessmentEdit.toPlainText() == TYPED and not panel.session.pending
        assert workspace.editor.ui.titleEdit.text() == TITLE and not workspace.editor.session.pending
    else:  # opened again: what was typed is shown, as stored
        workspace.open_conference(conf_id)
        qtbot.waitUntil(lambda: workspace.current_conference_id() == conf_id, timeout=WAIT_MS)
        settle()
        assert workspace.editor.ui.titleEdit.text() == TITLE
        workspace.discuss(case_id)
        settle()
        assert workspace.discussion.panels[Discipline.PHYSICIAN].ui.assessmentEdit.toPlainText() == TYPED


def test_a_conference_opened_again_before_its_saves_went_through_shows_what_was_typed(
    qtbot: QtBot, sqlite_db: Database, make_workspace: WorkspaceFactory
) -> None:
    """The saves of a conference left wait behind another program's write lock (reads go on): opened again
    meanwhile, it is read after them, not before (which would show it without the typing)."""
    services = Services.on(sqlite_db)
    conf_id, case_id, other = _meeting(services)
    workspace = make_workspace(services)
    workspace.open_conference(conf_id)
    settle()
    _type_pending(qtbot, workspace, case_id)
    with write_locked(sqlite_db):
        workspace.open_conference(other)  # read at once (only writes wait), the saves queued
        qtbot.waitUntil(lambda: workspace.current_conference_id() == other, timeout=WAIT_MS)
        workspace.open_conference(conf_id)
        qtbot.wait(300)
        assert workspace.current_conference_id() == other  # read after the saves, still waiting
    qtbot.waitUntil(lambda: workspace.current_conference_id() == conf_id, timeout=WAIT_MS)
    settle()
    assert workspace.editor.ui.titleEdit.text() == TITLE
    assert services.conferences.get(conf_id).title == TITLE
    workspace.discuss(case_id)
    settle()
    assert workspace.discussion.panels[Discipline.PHYSICIAN].ui.assessmentEdit.toPlainText() == TYPED


@pytest.fixture
def sqlite_db(sqlite_database_url: str, sqlite_at_head: Path) -> Iterator[Database]:
    from conftest import sqlite_path

    from mdtboard.storage.db import open_database

    shutil.copy(sqlite_at_head, str(sqlite_path(sqlite_database_url)))  # made at head once a worker
    database = open_database(sqlite_database_url)
    yield database
    settle()
    database.dispose()


@contextlib.contextmanager
def write_locked(db: Database) -> Iterator[None]:
    """Another connection holds SQLite's write lock (``BEGIN IMMEDIATE``): reads go on, writes wait."""
    holder = sa.create_engine(db.engine.url).connect()
    try:
        holder.exec_driver_sql("BEGIN IMMEDIATE")
        yield
    finally:
        holder.exec_driver_sql("ROLLBACK")
        holder.close()
        holder.engine.dispose()
