"""Leaving a care plan with typing pending, while another connection holds the database: opening another
case's plan, or leaving the care-plan page (to the conference, say), queues the save of what was typed
instead of waiting for it. The event loop keeps turning, no SQL is sent from the GUI thread, and once the
lock goes the typed text is stored (and the other plan shown), on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from conftest import Ticks, held_for, settle, turn_until_waited
from gui_thread_sql import watch_gui_thread
from pytestqt.qtbot import QtBot
from test_careplan_support import EditorFactory, care_settings, conference_draft, load_samples, make_editor

from mdtboard.services.context import Services
from mdtboard.storage.db import Database

pytestmark = pytest.mark.gui
__all__ = ["care_settings", "make_editor"]  # fixtures used here

#: How long the other connection holds the database: under SQLite's busy timeout (8 s) and PostgreSQL's
#: lock timeout (4 s), so that the save waits for it and then goes through.
HOLD_S = 1.5
#: The longest gap between two turns of the event loop allowed meanwhile: a save waited for on the GUI
#: thread would make one as long as the hold. (A did-it-block check, not a timing bench.)
GAP_S = 0.5
WAIT_MS = 15_000
TYPED = " Wife supportive."
#: On PostgreSQL the plan tables the save writes, held in EXCLUSIVE mode (read, not written).
PG_TABLES = ("care_plans",)


@pytest.mark.parametrize("step", ["open_another", "leave_page"])
def test_leaving_a_care_plan_with_typing_pending_does_not_wait_for_a_locked_database(
    qtbot: QtBot, db: Database, make_editor: EditorFactory, step: str
) -> None:
    services = Services.on(db)
    cases = load_samples(services)
    first, other = cases["MDT-001"], cases["MDT-002"]
    plan = conference_draft(services, first)
    other_plan = conference_draft(services, other)
    editor = make_editor(services)
    editor.open_case(first, plan.agenda_item_id)
    settle()
    social = editor.ui.socialEdit
    typed = social.toPlainText() + TYPED
    social.setFocus()
    social.moveCursor(social.textCursor().MoveOperation.End)
    qtbot.keyClicks(social, TYPED)
    assert editor.pending

    with watch_gui_thread(db.engine) as noted:
        with held_for(db, HOLD_S, PG_TABLES) as held:
            ticks = Ticks()
            if step == "open_another":
                editor.open_case(other, other_plan.agenda_item_id)
            else:
                editor.hide()
            # while held (what comes after it is not timed)
            turn_until_waited(qtbot, held, ticks, at_most_s=HOLD_S - 0.3)
            ticks.stop()
            held.let_go()
        assert ticks.longest < GAP_S, f"the event loop stood still {ticks.longest:.2f} s"
        if step == "open_another":
            qtbot.waitUntil(lambda: editor.case is not None and editor.case.id == other, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not editor.pending, timeout=WAIT_MS)
        settle()
    assert not noted, f"SQL sent from the GUI thread:\n{noted}"
    assert noted.elsewhere > 0

    stored = services.careplans.current(first)
    assert stored is not None and stored.formulation.social == typed
    if step == "open_another":
        assert editor.plan is not None and editor.plan.id == other_plan.id
    else:
        assert editor.plan is not None and editor.plan.id == plan.id and social.toPlainText() == typed
